/* The mock test, as on the exam platforms: each attempt draws a fresh set from the page's pool, balanced across
   the themes (exam_draw.js), one question at a time with a palette of every question's state (exam_palette.js),
   Mark for review and Clear response, a timer; no feedback until the answers are submitted (or the time is up),
   then the guide's marking (the page's data-mark-right, data-mark-wrong and data-mark-blank, from its exam profile:
   the marks for a right answer, a wrong one, which is negative when wrong answers lose marks, and a blank), every
   question's result, the score by theme, the time per question and the history of attempts (exam_report.js).
   Without JavaScript the page shows a fixed set (.quiz-paper) with its answers.

   Saved progress, section `exam` (storage.js), written after every action so a reload resumes the attempt:
     {attempt: null | {seed, ids: [qid in test order], order: {qid: [option indices as shown]},
                       choice: {qid: option index as built}, marked: {qid: true}, seen: {qid: true},
                       spent: {qid: milliseconds shown}, at: index shown, started, deadline (epoch ms)},
      history: [{date (ISO), seed, score, most, right, wrong, blank, used (seconds), timeUp}] (oldest first)}.
   The time left is always deadline − now, so a reload (or a closed tab) does not stop the clock. */

import { button, el, status } from "./dom.js";
import { draw, newSeed } from "./exam_draw.js";
import { palette } from "./exam_palette.js";
import { byTheme, duration, historyView, marks, signed, slowest } from "./exam_report.js";
import { questions } from "./question.js";
import { load, save } from "./storage.js";

const LETTERS = "abcde";
const HISTORY = 100; // attempts kept
const SLOWEST = 5;
let timer = null; // the running exam's interval: one at a time, cleared when the page changes

export function stopStaleTimer() { // after instant navigation, a timer whose exam has left the page
  if (timer && !document.contains(timer.root)) {
    clearInterval(timer.id);
    timer = null;
  }
}

function number(value, fallback) {
  const n = parseFloat(value);
  return isFinite(n) ? n : fallback;
}

function section() {
  const s = load();
  s.exam.history = s.exam.history || [];
  return s;
}

export function exam(root) {
  const qs = questions(root), byId = {};
  qs.forEach((q) => {
    byId[q.id] = q;
    q.lis = Array.prototype.slice.call(q.fs.querySelectorAll("ul.quiz-options > li")); // as built
  });
  const minutes = +root.dataset.minutes || 30;
  const size = Math.min(+root.dataset.size || qs.length, qs.length);
  const plus = number(root.dataset.markRight, 1), minus = number(root.dataset.markWrong, 0);
  const none = number(root.dataset.markBlank, 0);
  const score = (right, wrong, blank) => right * plus + wrong * minus + blank * none;
  let titles = {}, capped = [];
  try {
    titles = JSON.parse(root.dataset.themes || "{}");
    capped = JSON.parse(root.dataset.capped || "[]"); // questions on what a named source says: a few per test
  } catch (e) { /* no titles: the theme ids are shown; nothing capped */ }
  const cap = root.dataset.cap === undefined ? Infinity : +root.dataset.cap;
  const paper = root.querySelector(".quiz-paper") || root;
  const pool = root.querySelector(".quiz-pool") || el("div", "quiz-pool");
  pool.hidden = true;
  const fixed = qs.filter((q) => paper.contains(q.fs));

  let attempt = null, warned = 0, shownAt = 0, ticks = 0;
  const bar = el("div", "quiz-bar"), clock = el("p", "quiz-timer"), count = el("p", "quiz-count");
  const notice = status("quiz-sr"), summary = el("div", "quiz-summary"), history = el("div", "quiz-history-box");
  clock.setAttribute("role", "timer");
  summary.tabIndex = -1;
  const start = button("Start the test (" + size + " questions, " + minutes + " minutes)", begin, true);
  const pal = palette((i) => go(i, true));
  const nav = el("div", "quiz-exam-nav");
  const prev = button("← Previous", () => go(attempt.at - 1));
  const mark = button("Mark for review", toggleMark);
  const clear = button("Clear response", clearResponse);
  const next = button("Next →", () => go(attempt.at + 1), true);
  nav.append(prev, mark, clear, next);
  const submit = button("Submit answers", () => {
    const blank = attempt.ids.length - answered();
    const ask = blank ? blank + " of " + attempt.ids.length + " questions are unanswered. Submit anyway?"
      : "Submit your answers?";
    if (window.confirm(ask)) finish(false);
  }, true);
  submit.classList.add("quiz-exam-submit");
  bar.append(start, clock, count, notice);
  root.prepend(bar, summary, pal.box);
  paper.after(nav, submit);
  root.append(history);
  root.addEventListener("change", (event) => {
    const q = attempt && current();
    if (!q || !q.fs.contains(event.target)) return;
    attempt.choice[q.id] = q.choice();
    changed();
  });
  window.addEventListener("pagehide", () => {
    if (attempt && document.contains(root)) keep();
  });

  function current() {
    return byId[attempt.ids[attempt.at]];
  }
  function answered() {
    return attempt.ids.filter((id) => id in attempt.choice).length;
  }
  function account() { // add the time since the last count to the question on show
    const now = Date.now();
    if (attempt && shownAt) {
      const id = attempt.ids[attempt.at];
      attempt.spent[id] = (attempt.spent[id] || 0) + Math.max(0, Math.min(now, attempt.deadline) - shownAt);
    }
    shownAt = now;
  }
  function keep() {
    account();
    const s = section();
    s.exam.attempt = attempt;
    save(s);
  }
  function changed() {
    keep();
    pal.update(attempt);
    count.textContent = "Answered: " + answered() + " of " + attempt.ids.length;
    const marked = !!attempt.marked[attempt.ids[attempt.at]];
    mark.textContent = marked ? "Unmark review" : "Mark for review";
    mark.setAttribute("aria-pressed", String(marked));
    clear.disabled = !(attempt.ids[attempt.at] in attempt.choice);
    prev.disabled = attempt.at === 0;
    next.disabled = attempt.at === attempt.ids.length - 1;
  }

  // Put questions `list` on the paper in that order, options as `order` says, numbered and lettered as shown.
  function lay(list, order) {
    qs.forEach((q) => {
      if (!list.includes(q)) pool.append(q.fs);
    });
    list.forEach((q, n) => {
      paper.append(q.fs);
      const shown = (order && order[q.id] && order[q.id].length === q.lis.length) ? order[q.id]
        : q.lis.map((_, i) => i);
      const ul = q.fs.querySelector("ul.quiz-options"), at = {};
      shown.forEach((i, k) => {
        at[i] = k;
        ul.append(q.lis[i]);
        const letter = q.lis[i].querySelector(".quiz-letter");
        if (letter) letter.textContent = "(" + LETTERS.charAt(k) + ")";
      });
      q.letter = (i) => "(" + LETTERS.charAt(at[i]) + ")";
      const key = q.fs.querySelector(".quiz-key-line strong");
      if (key) key.textContent = "Answer: " + q.letter(q.key);
      const numbered = q.fs.querySelector(".quiz-n");
      if (numbered) numbered.textContent = "Question " + (n + 1) + ".";
    });
    const key = root.parentNode && root.parentNode.querySelector(".quiz-key ol");
    if (key) { // the printed answer key follows the paper
      key.textContent = "";
      list.forEach((q) => key.append(el("li", "", q.letter(q.key))));
    }
  }

  function waiting() {
    stop();
    attempt = null;
    qs.forEach((q) => {
      q.clear();
      q.fs.hidden = false;
      if (q.details) q.details.hidden = true;
      const spent = q.fs.querySelector(".quiz-spent");
      if (spent) spent.remove();
    });
    lay(fixed, null);
    root.classList.add("quiz-waiting");
    root.classList.remove("quiz-running", "quiz-finished");
    start.hidden = false;
    submit.hidden = summary.hidden = nav.hidden = pal.box.hidden = true;
    clock.textContent = count.textContent = notice.textContent = "";
    showHistory();
  }
  function showHistory() {
    history.textContent = "";
    history.append(historyView(section().exam.history));
  }

  function begin() {
    const seed = newSeed(), set = draw(qs.map((q) => ({
      id: q.id, theme: q.fs.dataset.theme || "", options: q.lis.length, fixed: "fixedOrder" in q.fs.dataset,
      capped: capped.includes(q.id),
    })), size, seed, cap);
    const now = Date.now();
    run({ seed, ids: set.ids, order: set.order, choice: {}, marked: {}, seen: {}, spent: {}, at: 0,
      started: now, deadline: now + minutes * 60000 });
    const q = current();
    if (q && q.radios[0]) q.radios[0].focus();
  }
  function run(a) { // show attempt `a`, new or saved
    attempt = a;
    const list = a.ids.map((id) => byId[id]);
    lay(list, a.order);
    list.forEach((q) => {
      q.clear();
      if (q.details) q.details.hidden = true;
      if (q.id in a.choice && q.radios[a.choice[q.id]]) q.radios[a.choice[q.id]].checked = true;
    });
    root.classList.remove("quiz-waiting", "quiz-finished");
    root.classList.add("quiz-running");
    start.hidden = summary.hidden = true;
    submit.hidden = nav.hidden = pal.box.hidden = false;
    history.textContent = "";
    warned = Math.max(0, Math.ceil((a.deadline - Date.now()) / 1000));
    shownAt = 0;
    go(a.at);
    stop();
    timer = { id: setInterval(tick, 1000), root };
    tick();
  }
  function go(i, focus) {
    if (!attempt || i < 0 || i >= attempt.ids.length) return;
    const moving = attempt.at !== i;
    account();
    attempt.at = i;
    attempt.seen[attempt.ids[i]] = true;
    attempt.ids.forEach((id, n) => {
      byId[id].fs.hidden = n !== i;
    });
    changed();
    notice.textContent = "Question " + (i + 1) + " of " + attempt.ids.length;
    const top = current().fs.getBoundingClientRect().top, below = bar.getBoundingClientRect().bottom;
    if (moving && (top < below || top > window.innerHeight)) { // the new question from its start, below the timer
      current().fs.style.scrollMarginTop = Math.max(0, below) + 8 + "px";
      current().fs.scrollIntoView({ block: "start" });
    }
    if (focus) {
      const legend = current().fs.querySelector("legend");
      legend.tabIndex = -1;
      legend.focus();
    }
  }
  function toggleMark() {
    const id = attempt.ids[attempt.at];
    if (attempt.marked[id]) delete attempt.marked[id];
    else attempt.marked[id] = true;
    changed();
  }
  function clearResponse() {
    const q = current();
    q.radios.forEach((r) => {
      r.checked = false;
    });
    delete attempt.choice[q.id];
    changed();
    notice.textContent = "Response cleared: question " + (attempt.at + 1) + " is not answered";
  }
  function tick() {
    if (!attempt) return;
    const left = Math.max(0, Math.ceil((attempt.deadline - Date.now()) / 1000));
    clock.textContent = "Time left: " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    [300, 60].forEach((at) => {
      if (left <= at && warned > at && left > 0) {
        warned = at;
        notice.textContent = at / 60 + (at === 60 ? " minute" : " minutes") + " left";
      }
    });
    if (!left) finish(true);
    else if (++ticks % 5 === 0) keep(); // the time on the question on show survives a closed tab
  }
  function stop() {
    if (timer && timer.root === root) {
      clearInterval(timer.id);
      timer = null;
    }
  }

  function finish(timeUp) {
    stop();
    account();
    const a = attempt, results = [];
    let right = 0, wrong = 0;
    a.ids.forEach((id, n) => {
      const q = byId[id], c = id in a.choice ? a.choice[id] : -1;
      q.fs.hidden = false;
      q.radios.forEach((r) => {
        r.disabled = true;
      });
      if (q.details) q.details.hidden = false;
      q.show(c);
      const seconds = Math.round((a.spent[id] || 0) / 1000);
      const spent = el("p", "quiz-spent", "Time on this question: " + duration(seconds));
      q.fs.insertBefore(spent, q.details);
      const outcome = c < 0 ? "blank" : c === q.key ? "right" : "wrong";
      if (outcome === "right") right++;
      if (outcome === "wrong") wrong++;
      if (c >= 0) q.record(c); // a blank is not an answer: nothing saved
      results.push({ n: n + 1, dom: q.dom, stem: q.stem(), seconds, outcome, theme: q.fs.dataset.theme || "" });
    });
    const total = a.ids.length, blank = total - right - wrong, attempted = right + wrong;
    const used = Math.round((Math.min(Date.now(), a.deadline) - a.started) / 1000);
    const net = score(right, wrong, blank);
    const s = section();
    s.exam.history.push({ date: new Date().toISOString(), seed: a.seed, score: Math.round(net * 100) / 100,
      most: plus * total, right, wrong, blank, used, timeUp });
    s.exam.history = s.exam.history.slice(-HISTORY);
    s.exam.attempt = attempt = null;
    save(s);

    const list = el("ul", "quiz-score");
    [
      "Net score: " + signed(net) + " out of " + plus * total,
      "Correct: " + right + " (" + marks(right * plus) + ")",
      "Wrong: " + wrong + " (" + marks(wrong * minus) + ")",
      "Blank: " + blank + " (" + marks(blank * none) + ")",
      "Attempted: " + attempted + " of " + total,
      "Accuracy: " + (attempted ? Math.round(100 * right / attempted) + "% of attempted" : "nothing attempted"),
      "Time used: " + Math.floor(used / 60) + " min " + (used % 60) + " s",
    ].forEach((t) => list.append(el("li", "", t)));
    summary.textContent = "";
    summary.append(el("h2", "", "Your result"));
    if (timeUp) summary.append(el("p", "", "Time is up: your answers were submitted."));
    summary.append(list, byTheme(results, titles, score), el("h3", "", "Where your time went"),
      el("p", "", "The questions you spent longest on (each question below shows its time)."),
      slowest(results, SLOWEST),
      el("p", "", "Each question below now shows whether you were right, with its answer and explanation."),
      button("Take the test again", waiting));
    root.classList.remove("quiz-running");
    root.classList.add("quiz-finished");
    submit.hidden = nav.hidden = pal.box.hidden = true;
    summary.hidden = false;
    clock.textContent = count.textContent = notice.textContent = "";
    showHistory();
    summary.focus();
  }

  const saved = section().exam.attempt;
  const usable = saved && Array.isArray(saved.ids) && saved.ids.length && saved.ids.every((id) => byId[id]);
  waiting();
  if (usable) {
    run(Object.assign({ choice: {}, marked: {}, seen: {}, spent: {}, at: 0 }, saved));
    notice.textContent = "Your test was resumed where you left it";
  } else if (saved) {
    const s = section();
    s.exam.attempt = null; // its questions are no longer on the page (the guide was rebuilt)
    save(s);
  }
}
