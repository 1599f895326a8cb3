/* The timer of one written answer: started by the student, paused and reset by them; it counts on past the exam's
   time (the page says the time is up but never stops the writing). Time comes from Date.now(), so a throttled
   background tab loses no seconds. `changed(seconds)` is called on every tick, pause and reset (to save). */

import { button, el, status } from "./dom.js";
import { clockText } from "./mains_words.js";

export function timer(minutes, used, changed) {
  const limit = minutes * 60;
  let base = used || 0, since = 0, id = 0, warned = base >= limit;
  const box = el("div", "quiz-mains-timer");
  const clock = el("p", "quiz-mains-clock");
  clock.setAttribute("role", "timer");
  const notice = status("quiz-mains-timeup", "");
  const go = button("Start the timer", () => (since ? pause() : start()), true);
  const reset = button("Reset the timer", zero);
  box.append(clock, go, reset, notice);
  show();

  function zero() {
    pause();
    base = 0;
    warned = false;
    notice.textContent = "";
    show();
    changed(0);
  }
  function seconds() {
    return Math.floor(base + (since ? (Date.now() - since) / 1000 : 0));
  }
  function start() {
    since = Date.now();
    id = setInterval(tick, 1000);
    show();
  }
  function pause() {
    if (!since) return;
    base = seconds();
    since = 0;
    clearInterval(id);
    show();
    changed(base);
  }
  function tick() {
    if (!box.isConnected) { // the page was left by instant navigation
      clearInterval(id);
      return;
    }
    show();
    changed(seconds());
  }
  function show() {
    const s = seconds();
    if (s < limit) clock.textContent = clockText(limit - s) + " left of " + minutes + " minutes";
    else clock.textContent = "Time is up: " + clockText(s - limit) + " over " + minutes + " minutes";
    box.classList.toggle("quiz-mains-timer--over", s >= limit);
    if (s >= limit && !warned) {
      warned = true;
      notice.textContent = "Time is up: in the exam you would move on now. You can keep writing here; the timer " +
        "counts the extra time.";
    }
    go.textContent = since ? "Pause" : s ? "Resume the timer" : "Start the timer";
    reset.hidden = !s;
  }
  return { box, pause, seconds, running: () => !!since, reset: zero };
}
