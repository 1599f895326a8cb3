/* Written-answer practice (the exam profile's `written`): under each prompt an answer box with a live word count
   against the word limit, a timer at the exam's pace, and the key points and model outline kept back until the
   student has written something (at least MIN_WORDS words, or pressed "I have finished"); then the key points
   become a self-check with a count.
   Everything is saved per prompt in the `mains` section of saved progress: see mains_store.js for its format.
   Without JavaScript the key points and outline are closed <details> the reader can open. */

import { all, button, el } from "./dom.js";
import { blank, forget, read, write } from "./mains_store.js";
import { timer } from "./mains_timer.js";
import { countWords, wordsText } from "./mains_words.js";

const MIN_WORDS = 30; // enough to have tried: the key points are offered from here on

export function mains(box) {
  const mid = box.dataset.mid, version = box.dataset.answerVersion, keys = box.dataset.version;
  const limit = +box.dataset.words || 150, minutes = +box.dataset.minutes || 7;
  const key = box.querySelector(".quiz-mains-key");
  const points = box.querySelector("details.quiz-mains-points");
  const outline = box.querySelector("details.quiz-outline");
  const boxes = all(box, ".quiz-checklist input[type=checkbox]");
  let rec = read(mid, version, keys);

  const area = el("div", "quiz-mains-write");
  const label = el("label", "quiz-mains-label", "Your answer to question " + (box.dataset.number || ""));
  const text = el("textarea", "quiz-mains-text");
  text.id = "mains-answer-" + mid;
  label.htmlFor = text.id;
  text.rows = 10;
  text.spellcheck = true;
  const count = el("p", "quiz-mains-count");
  count.id = text.id + "-count";
  text.setAttribute("aria-describedby", count.id);
  const earlier = el("p", "quiz-mains-earlier");
  earlier.append(
    "You saved an answer to an earlier wording of this question. ",
    button("Put it in the box", restore),
  );
  const clock = timer(minutes, rec.seconds, (s) => { rec.seconds = s; write(mid, rec); });
  const finish = button("I have finished", finished);
  const reveal = button("Show the key points and model outline", show, true);
  const clear = button("Clear my answer", wipe);
  const actions = el("div", "quiz-actions quiz-mains-actions");
  actions.append(finish, reveal, clear);
  const hint = el("p", "quiz-mains-hint");
  const tally = el("p", "quiz-tally");
  tally.setAttribute("aria-live", "polite");
  box.querySelector(".quiz-checklist").append(tally);
  area.append(label, earlier, text, count, clock.box, actions, hint);
  key.before(area);
  points.querySelector("summary").textContent = "Key points (" + boxes.length + ")";

  text.value = rec.text;
  text.addEventListener("input", () => {
    rec.text = text.value;
    write(mid, rec);
    update();
  });
  boxes.forEach((b, i) => {
    b.addEventListener("change", () => {
      rec.ticked = boxes.map((x, j) => (x.checked ? j : -1)).filter((j) => j >= 0);
      write(mid, rec);
      update();
    });
  });
  update();
  points.open = outline.open = rec.revealed;

  function finished() {
    clock.pause();
    rec.finished = true;
    write(mid, rec);
    update();
    if (!rec.revealed) reveal.focus();
  }
  function show() {
    clock.pause();
    rec.revealed = true;
    write(mid, rec);
    update();
    points.open = outline.open = true;
    points.querySelector("summary").focus();
  }
  function restore() {
    rec.text = rec.earlier.text + (rec.text ? "\n\n" + rec.text : "");
    delete rec.earlier;
    write(mid, rec);
    text.value = rec.text;
    update();
    text.focus();
  }
  function wipe() {
    if (rec.text.trim() && !window.confirm("Delete your answer to this question, its time and its ticks?")) return;
    clock.reset();
    forget(mid);
    rec = blank(version, keys);
    text.value = "";
    points.open = outline.open = false;
    update();
    text.focus();
  }
  function update() {
    const n = countWords(text.value), ticked = rec.ticked;
    count.textContent = wordsText(n, limit);
    count.classList.toggle("quiz-mains-over", n > limit);
    earlier.hidden = !rec.earlier;
    const may = n >= MIN_WORDS || rec.finished;
    key.hidden = !rec.revealed;
    finish.hidden = rec.finished || rec.revealed;
    reveal.hidden = rec.revealed || !may;
    clear.hidden = !rec.text && !rec.seconds && !rec.revealed && !rec.finished;
    hint.textContent = rec.revealed ? "Tick the key points your answer covers, then compare it with the outline."
      : may ? "" : "Write at least " + MIN_WORDS + " words, or press “I have finished”, to see the key points " +
        "and the model outline.";
    boxes.forEach((b, i) => { b.checked = ticked.indexOf(i) >= 0; });
    const got = boxes.filter((b) => b.checked).length;
    tally.textContent = got + " of " + boxes.length + " key points covered";
  }
}
