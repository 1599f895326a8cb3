/* Mains practice: the checklist of key points under each prompt; ticks are saved per prompt version. */

import { load, save } from "./storage.js";
import { all, el } from "./dom.js";

export function checklist(box) {
  const id = box.dataset.mid, version = box.dataset.version;
  const boxes = all(box, "input[type=checkbox]");
  const tally = el("p", "quiz-tally");
  tally.setAttribute("aria-live", "polite");
  box.querySelector(".quiz-checklist").append(tally);
  function count() {
    const n = boxes.filter((b) => b.checked).length;
    tally.textContent = n + " of " + boxes.length + " key points covered";
  }
  const saved = load().checklist[id];
  boxes.forEach((b, i) => {
    b.checked = !!(saved && saved.version === version && (saved.ticked || []).indexOf(i) >= 0);
    b.addEventListener("change", () => {
      const s = load();
      s.checklist[id] = {
        version,
        ticked: boxes.map((x, j) => (x.checked ? j : -1)).filter((j) => j >= 0),
      };
      save(s);
      count();
    });
  });
  count();
}
