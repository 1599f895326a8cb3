/* The entry point of the quiz's browser code, bundled by esbuild into theme/assets/quiz.js (`make js`), which
   theme/main.html loads on every page: it acts only where there is a quiz (and makes glossary terms and wide tables
   reachable by keyboard: glossary.js, tables.js). No framework, no network. Markup
   comes from builder/templates/quiz_*.md.j2; without JavaScript every answer is still readable.
   With Material's instant navigation the page is swapped without a reload, so `init` runs again for every new
   page (document$); it sets up each element once. */

import { spaced } from "./due.js";
import { exam, stopStaleTimer } from "./exam.js";
import { glossary } from "./glossary.js";
import { mains } from "./mains.js";
import { practice } from "./practice.js";
import { printing } from "./print.js";
import { progress, refresh, resetter } from "./progress.js";
import { review } from "./review.js";
import { scrollingTables } from "./tables.js";

function init() {
  stopStaleTimer();
  document.documentElement.classList.add("quiz-js");
  function each(selector, setUp) {
    document.querySelectorAll(selector).forEach((e) => {
      if (e.dataset.quizReady) return; // idempotent: each element is set up once
      e.dataset.quizReady = "1";
      setUp(e);
    });
  }
  each(".quiz[data-mode]", (root) => {
    if (root.dataset.mode === "exam") exam(root);
    else if (root.dataset.mode === "review") review(root);
    else practice(root);
  });
  each(".quiz-mains[data-mid]", mains);
  each("[data-quiz-progress]", progress);
  each("[data-quiz-reset]", resetter);
  each("[data-quiz-due], [data-quiz-file]", spaced); // Due today (spaced review), download/import progress
  each("article.md-content__inner", (article) => {
    glossary(article);
    scrollingTables(article);
  });
}

printing();
// A page the browser kept in its back/forward cache shows what is saved now (progress may have been reset).
window.addEventListener("pageshow", (event) => {
  if (event.persisted) refresh();
});

function start() {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}
// Material's document$ gives each page, also after instant navigation. Opened from file://, instant navigation
// cannot fetch the sitemap, and document$ ends before it gives the page: then start as without Material (init
// sets each element up once, so a second call changes nothing).
if (window.document$ && window.document$.subscribe) {
  window.document$.subscribe({ next: init, error: start, complete: start });
} else start();
