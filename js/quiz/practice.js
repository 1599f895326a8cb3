/* A practice page: Check gives feedback at once, answers are saved and shown again on the next visit, and a
   running score counts the questions on this page.

   A link from "Review my mistakes" carries ?retry=<the question's element id> (and #<that id>): that question
   opens clean, with no choice, no feedback and its answer closed, so the student answers it afresh. Its saved
   mistake stays saved until a new answer is checked, which replaces it as usual. The marker is taken out of
   the address once read, so reloading the page later shows the saved answer again. A plain page#id link shows
   the question as saved. All of this is in the URL: it works with Material's instant navigation and from
   file:// alike. */

import { load, save } from "./storage.js";
import { button, el, status } from "./dom.js";
import { questions } from "./question.js";

export const RETRY = "retry";

// The address of a question on a practice page, opened for a fresh try (for the review page's links).
export function retryLink(pageUrl, dom) {
  return pageUrl + "?" + RETRY + "=" + encodeURIComponent(dom) + "#" + encodeURIComponent(dom);
}

function retried() { // the element id in ?retry=, taken out of the address
  let params;
  try {
    params = new URLSearchParams(location.search);
  } catch (e) {
    return "";
  }
  const dom = params.get(RETRY);
  if (dom === null) return "";
  params.delete(RETRY);
  try {
    const rest = params.toString();
    history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
  } catch (e) { /* some browsers refuse to rewrite file:// addresses: a reload then starts clean again */ }
  return dom;
}

export function practice(root) {
  const qs = questions(root);
  const score = status("quiz-page-score");
  const retry = retried();
  qs.forEach((q) => {
    q.retry = q.dom === retry;
    const check = button("Check", () => {
      const c = q.choice();
      if (c < 0) {
        q.feedback.textContent = "Choose an option first.";
        return;
      }
      q.retry = false;
      q.show(c);
      q.record(c);
      tally(load());
      if (q.details) q.details.open = true;
    });
    q.fs.insertBefore(el("div", "quiz-actions"), q.feedback).appendChild(check);
  });
  root.append(score);

  // The running score: saved answers to the questions on this page (a mistake reopened for a retry counts
  // until it is answered again, as it is still saved).
  function tally(s) {
    let answered = 0, right = 0;
    qs.forEach((q) => {
      const a = s.answers[q.id];
      if (!a || a.version !== q.version || !q.radios[a.choice]) return;
      answered++;
      if (a.correct) right++;
    });
    score.textContent = "On this page: " + answered + " of " + qs.length + " answered, " + right + " correct";
  }

  function restore() {
    const s = load();
    let changed = false;
    qs.forEach((q) => {
      const a = s.answers[q.id];
      q.clear();
      if (!a) return;
      if (a.version !== q.version || !q.radios[a.choice]) { // the question changed: its old answer is void
        delete s.answers[q.id];
        changed = true;
        return;
      }
      changed = q.place(s, a) || changed; // answers saved elsewhere (mock test, version 1) learn their page
      if (q.retry) return; // reopened from the review page: the student tries again
      q.radios[a.choice].checked = true;
      q.show(a.choice);
    });
    if (changed) save(s);
    tally(s);
  }
  restore();
  root.quizRestore = restore;

  let target = "";
  try {
    target = decodeURIComponent(location.hash.slice(1));
  } catch (e) { /* a damaged address: no question to look for */ }
  if (/^q-/.test(target) && !document.getElementById(target)) { // a saved link to a question that has moved
    const note = el("p", "quiz-moved", "The question you followed is no longer on this page: the set has " +
      "changed since you answered it. Look for it on the other pages of this set.");
    note.setAttribute("role", "status");
    root.prepend(note);
  }
}
