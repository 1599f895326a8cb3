/* The quiz overview's line of saved progress, and "Reset my progress" (quiz overview, review page). */

import { forget, load } from "./storage.js";
import { button, el } from "./dom.js";

export function progress(box) {
  const answers = load().answers, ids = Object.keys(answers);
  const wrong = ids.filter((k) => !(answers[k] || {}).correct).length;
  box.textContent = ids.length ? "Saved in this browser: " + ids.length + " answered, " + (ids.length - wrong) +
    " correct, " + wrong + " not correct." : "No answers saved in this browser yet.";
}

// Show the saved state again on every quiz part of the page (after a reset, or a page kept in the back cache).
export function refresh() {
  document.querySelectorAll(".quiz").forEach((q) => {
    if (q.quizRestore) q.quizRestore();
  });
  document.querySelectorAll("[data-quiz-progress]").forEach(progress);
}

export function resetter(box) {
  box.append(button("Reset my progress", () => {
    if (!window.confirm("Delete every answer and checklist tick saved by the quiz in this browser?")) return;
    forget();
    refresh();
    const note = box.querySelector(".quiz-sr") || box.appendChild(el("p", "quiz-sr"));
    note.setAttribute("role", "status");
    note.textContent = "Your progress has been reset.";
  }));
}
