/* "Review my mistakes": the saved mistakes, newest first, as links to their questions, grouped by page. Each
   link reopens its question clean for a fresh try (see practice.js). */

import { load } from "./storage.js";
import { day, el } from "./dom.js";
import { retryLink } from "./practice.js";

export function review(root) {
  const count = el("p", "quiz-review-count"), list = el("div", "quiz-review-list");
  count.setAttribute("role", "status");
  root.append(count, list);
  const base = root.dataset.root || "";

  function render() {
    const s = load(), groups = {}, pages = [];
    let unplaced = 0;
    const wrong = Object.keys(s.answers).map((id) => s.answers[id])
      .filter((a) => a && !a.correct)
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    wrong.forEach((a) => {
      if (!a.page || !a.dom) { // saved before pages were kept (version 1)
        unplaced++;
        return;
      }
      if (!groups[a.page]) {
        groups[a.page] = [];
        pages.push(a.page);
      }
      groups[a.page].push(a);
    });
    list.textContent = "";
    pages.forEach((page) => {
      const items = groups[page], section = el("section", "quiz-review-page"), ul = el("ul");
      const title = s.titles[page] || page;
      section.append(el("h2", "", title + ": " + items.length + (items.length === 1 ? " mistake" : " mistakes")), ul);
      items.forEach((a) => {
        const li = el("li"), link = el("a", "", a.stem || a.dom);
        link.href = retryLink(base + encodeURI(page), a.dom);
        const when = new Date(a.at), letter = "abcde".charAt(a.choice);
        li.append(link, el("span", "quiz-review-meta", " (you chose (" + letter + ")" +
          (isNaN(when) ? "" : ", " + day(when)) + ")"));
        ul.append(li);
      });
      list.append(section);
    });
    const placed = wrong.length - unplaced;
    count.textContent = placed ? placed + (placed === 1 ? " question" : " questions") + " to review, on " +
      pages.length + (pages.length === 1 ? " page." : " pages.") : "";
    if (unplaced) {
      list.append(el("p", "quiz-review-older", unplaced + (unplaced === 1 ? " older mistake was" :
        " older mistakes were") + " saved without its page. Open the practice sets: they show there, and appear " +
        "here once you have opened their page."));
    }
    root.querySelector(".quiz-empty").hidden = wrong.length > 0;
  }
  render();
  root.quizRestore = render;
}
