/* One multiple-choice question (a fieldset.quiz-q built by builder/templates/quiz_question.md.j2) on a page
   whose .quiz element is `root`: its choice, how it shows the result, how its answer is saved. */

import { load, save } from "./storage.js";
import { all, el, status } from "./dom.js";

const STEM = 160; // the longest copy of a question's text kept with a mistake, for the review page
const LETTERS = "abcde";

export function question(fs, root) {
  const q = { fs, id: fs.dataset.qid, version: fs.dataset.version, key: +fs.dataset.answer, dom: fs.id };
  q.page = fs.dataset.home || root.dataset.page || ""; // where the question can be answered again
  q.title = fs.dataset.homeTitle || root.dataset.title || "";
  q.radios = all(fs, "input[type=radio]");
  q.details = fs.querySelector("details.quiz-answer");
  q.choice = () => q.radios.findIndex((r) => r.checked);
  q.letter = (i) => "(" + LETTERS.charAt(i) + ")";
  q.stem = () => { // the legend without its number, then any statements: plain text, cut short
    const legend = fs.querySelector("legend").cloneNode(true), n = legend.querySelector(".quiz-n");
    if (n) n.remove();
    const more = fs.querySelector(".quiz-more");
    const text = (legend.textContent + " " + (more ? more.textContent : "")).replace(/\s+/g, " ").trim();
    return text.length > STEM ? text.slice(0, STEM - 1).trim() + "…" : text;
  };
  q.feedback = status("quiz-feedback");
  fs.insertBefore(q.feedback, q.details);

  // Mark the options once the result shows: the right one "✓ Correct answer", a wrong choice "✗ Your answer".
  // The marks are words inside the labels, so screen readers hear them with the option.
  function mark(choice) {
    q.radios.forEach((r, i) => {
      const li = r.closest("li"), label = fs.querySelector("label[for='" + r.id + "']");
      const old = label && label.querySelector(".quiz-mark");
      if (old) {
        if (old.previousSibling && old.previousSibling.nodeValue === " ") old.previousSibling.remove();
        old.remove();
      }
      if (!li) return;
      li.classList.toggle("quiz-option--key", choice !== null && i === q.key);
      li.classList.toggle("quiz-option--wrong", choice !== null && i === choice && i !== q.key);
      if (choice === null || !label) return;
      if (i === q.key) label.append(" ", el("span", "quiz-mark quiz-mark--key", "✓ Correct answer"));
      else if (i === choice) label.append(" ", el("span", "quiz-mark quiz-mark--wrong", "✗ Your answer"));
    });
  }

  // The result of `choice` (-1: not answered): the feedback line says right or wrong and, when wrong, the
  // answer's letter; the options show which is right. The answer's own line in the explanation is hidden then
  // (quiz.css), so the answer is not printed three times.
  q.show = (choice) => {
    const right = choice === q.key;
    fs.classList.add("quiz-q--done");
    fs.classList.toggle("quiz-q--right", choice >= 0 && right);
    fs.classList.toggle("quiz-q--wrong", choice >= 0 && !right);
    q.feedback.textContent = choice < 0 ? "– Not answered: the answer is " + q.letter(q.key)
      : right ? "✓ Correct" : "✗ Not correct: the answer is " + q.letter(q.key);
    mark(choice);
  };
  q.place = (s, a) => { // note where the saved answer `a` can be found again; true if anything changed
    let changed = a.page !== q.page || a.dom !== q.dom || (!a.correct && !a.stem);
    a.page = q.page;
    a.dom = q.dom;
    if (!a.correct && !a.stem) a.stem = q.stem();
    if (a.correct) delete a.stem; // only mistakes are listed: no need to keep the text of right answers
    if (q.page && q.title && s.titles[q.page] !== q.title) {
      s.titles[q.page] = q.title;
      changed = true;
    }
    return changed;
  };
  q.record = (choice) => {
    const s = load();
    const a = { choice, correct: choice === q.key, version: q.version, at: new Date().toISOString() };
    q.place(s, a);
    s.answers[q.id] = a;
    save(s);
  };
  q.clear = () => {
    q.radios.forEach((r) => {
      r.checked = false;
      r.disabled = false;
    });
    fs.classList.remove("quiz-q--done", "quiz-q--right", "quiz-q--wrong");
    q.feedback.textContent = "";
    mark(null);
    if (q.details) q.details.open = false;
  };
  return q;
}

export function questions(root) {
  return all(root, ".quiz-q").map((fs) => question(fs, root));
}
