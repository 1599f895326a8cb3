/* The mock test: a timer, no feedback until the answers are submitted (or the time is up), then UPSC marking
   (+2 for a right answer, −0.66 for a wrong one, 0 for a blank) and every question's result. */

import { button, el } from "./dom.js";
import { questions } from "./question.js";

let timer = null; // the running exam's interval: one at a time, cleared when the page changes

export function stopStaleTimer() { // after instant navigation, a timer whose exam has left the page
  if (timer && !document.contains(timer.root)) {
    clearInterval(timer.id);
    timer = null;
  }
}

export function exam(root) {
  const qs = questions(root);
  const minutes = +root.dataset.minutes || 30;
  let started = 0, end = 0, warned = 0;
  const bar = el("div", "quiz-bar"), clock = el("p", "quiz-timer"), count = el("p", "quiz-count");
  const notice = el("p", "quiz-sr"), summary = el("div", "quiz-summary");
  clock.setAttribute("role", "timer");
  notice.setAttribute("aria-live", "polite");
  summary.tabIndex = -1;
  const start = button("Start the test (" + minutes + " minutes)", begin, true);
  const submit = button("Submit answers", () => {
    const blank = qs.length - answered();
    const ask = blank ? blank + " of " + qs.length + " questions are unanswered. Submit anyway?"
      : "Submit your answers?";
    if (window.confirm(ask)) finish(false);
  }, true);
  bar.append(start, clock, count, notice);
  root.prepend(bar, summary);
  root.append(submit);
  root.addEventListener("change", counted);

  function answered() {
    return qs.filter((q) => q.choice() >= 0).length;
  }
  function counted() {
    count.textContent = started ? "Answered: " + answered() + " of " + qs.length : "";
  }
  function tick() {
    const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
    clock.textContent = "Time left: " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    [300, 60].forEach((at) => {
      if (left <= at && warned > at && left > 0) {
        warned = at;
        notice.textContent = at / 60 + (at === 60 ? " minute" : " minutes") + " left";
      }
    });
    if (!left) finish(true);
  }
  function reset() {
    stop();
    qs.forEach((q) => {
      q.clear();
      if (q.details) q.details.hidden = true;
    });
    root.classList.add("quiz-waiting");
    start.hidden = false;
    submit.hidden = summary.hidden = true;
    started = 0;
    clock.textContent = notice.textContent = "";
    counted();
  }
  function begin() {
    root.classList.remove("quiz-waiting");
    start.hidden = true;
    submit.hidden = false;
    started = Date.now();
    end = started + minutes * 60000;
    warned = minutes * 60;
    tick();
    counted();
    timer = { id: setInterval(tick, 1000), root };
    if (qs[0]) qs[0].radios[0].focus();
  }
  function stop() {
    if (timer && timer.root === root) {
      clearInterval(timer.id);
      timer = null;
    }
  }
  function finish(timeUp) {
    stop();
    let right = 0, wrong = 0;
    qs.forEach((q) => {
      const c = q.choice();
      q.radios.forEach((r) => {
        r.disabled = true;
      });
      if (q.details) q.details.hidden = false;
      q.show(c);
      if (c < 0) return; // a blank is not an answer: nothing saved
      if (c === q.key) right++;
      else wrong++;
      q.record(c);
    });
    const blank = qs.length - right - wrong, attempted = right + wrong;
    const score = ((200 * right - 66 * wrong) / 100).toFixed(2).replace("-", "−"); // UPSC: +2, −0.66, 0
    const used = Math.round((Math.min(Date.now(), end) - started) / 1000);
    const list = el("ul", "quiz-score");
    [
      "Net score: " + score + " out of " + 2 * qs.length,
      "Correct: " + right + " (+" + 2 * right + ")",
      "Wrong: " + wrong + " (−" + (66 * wrong / 100).toFixed(2) + ")",
      "Blank: " + blank + " (0)",
      "Attempted: " + attempted + " of " + qs.length,
      "Accuracy: " + (attempted ? Math.round(100 * right / attempted) + "% of attempted" : "nothing attempted"),
      "Time used: " + Math.floor(used / 60) + " min " + (used % 60) + " s",
    ].forEach((t) => list.append(el("li", "", t)));
    summary.textContent = "";
    summary.append(el("h2", "", "Your result"));
    if (timeUp) summary.append(el("p", "", "Time is up: your answers were submitted."));
    summary.append(list, el("p", "", "Each question below now shows whether you were right, with its answer " +
      "and explanation."), button("Take the test again", reset));
    submit.hidden = true;
    summary.hidden = false;
    clock.textContent = count.textContent = "";
    summary.focus();
  }
  reset();
}
