/* The mock test's question palette (exam.js): a button per question showing its state, as on the test
   platforms. Each state has a colour, a shape and a sign (quiz.css, "Mock test"), and its name in the button's
   accessible name, so it reads without colour. It sits in a <details>: open on a wide window, a toggle on a phone. */

import { button, el } from "./dom.js";

export const STATES = [ // [state, sign, name]
  ["answered", "✓", "Answered"],
  ["not-answered", "–", "Not answered"],
  ["marked", "⚑", "Marked for review"],
  ["answered-marked", "⚑✓", "Answered and marked for review (counts as answered)"],
  ["not-visited", "", "Not visited"],
];
const NAMES = {}, SIGNS = {};
STATES.forEach(([state, sign, name]) => {
  NAMES[state] = name;
  SIGNS[state] = sign;
});

export function stateOf(attempt, id) {
  const answered = id in attempt.choice, marked = !!attempt.marked[id];
  if (marked) return answered ? "answered-marked" : "marked";
  if (answered) return "answered";
  return attempt.seen[id] ? "not-answered" : "not-visited";
}

function sign(state) {
  const s = el("span", "quiz-pal-sign", SIGNS[state]);
  s.setAttribute("aria-hidden", "true");
  return s;
}

export function palette(go) {
  const box = el("details", "quiz-palette"), summary = el("summary", "quiz-palette-head");
  const grid = el("div", "quiz-pal-grid"), legend = el("ul", "quiz-pal-legend");
  grid.setAttribute("role", "group");
  grid.setAttribute("aria-label", "Questions");
  box.append(summary, grid, legend);
  box.open = !window.matchMedia || !window.matchMedia("(max-width: 44.9375em)").matches; // a toggle on a phone
  let buttons = [];

  function update(attempt) {
    if (buttons.length !== attempt.ids.length) {
      grid.textContent = "";
      buttons = attempt.ids.map((_, i) => {
        const b = button("", () => go(i));
        b.className = "quiz-pal-btn";
        grid.append(b);
        return b;
      });
    }
    const counts = {};
    attempt.ids.forEach((id, i) => {
      const state = stateOf(attempt, id), b = buttons[i];
      counts[state] = (counts[state] || 0) + 1;
      b.dataset.state = state;
      b.textContent = "";
      b.append(el("span", "quiz-pal-n", String(i + 1)), sign(state));
      b.setAttribute("aria-label", "Question " + (i + 1) + ": " + NAMES[state].replace(/ \(.*\)/, ""));
      if (i === attempt.at) b.setAttribute("aria-current", "step");
      else b.removeAttribute("aria-current");
    });
    legend.textContent = "";
    STATES.forEach(([state, , name]) => {
      const item = el("li", "quiz-pal-key");
      const swatch = el("span", "quiz-pal-btn quiz-pal-swatch");
      swatch.dataset.state = state;
      swatch.setAttribute("aria-hidden", "true");
      swatch.append(sign(state));
      item.append(swatch, el("span", "", name + ": " + (counts[state] || 0)));
      legend.append(item);
    });
    const answered = (counts.answered || 0) + (counts["answered-marked"] || 0);
    const marked = (counts.marked || 0) + (counts["answered-marked"] || 0);
    summary.textContent = "Question palette: " + answered + " answered, " + marked + " marked for review, " +
      (attempt.ids.length - answered) + " not answered";
  }
  return { box, update };
}
