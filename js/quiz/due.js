/* "Due today" (quiz/due.md): spaced review of every question of the quiz and every glossary term, one card at a
   time. The page holds them all, hidden (builder/templates/quiz_due.md.j2); this shows the cards due today as
   due_schedule.js plans them. A question is answered and checked as on a practice page (the answer is saved as
   there, so a mistake also joins "Review my mistakes"), then rated; a term shows its definition on "Show answer",
   then is rated. The schedule's saved format is described in due_schedule.js (section `schedule`). */

import { load, save } from "./storage.js";
import { all, button, day, el, status } from "./dom.js";
import { question } from "./question.js";
import { changed, interval, newPerDay, plan, preview, rate } from "./due_schedule.js";
import { progressFile } from "./progress_file.js";

// The Due today page and the download/import box (on it and on the quiz overview): one entry for main.js.
export function spaced(box) {
  if (box.hasAttribute("data-quiz-due")) due(box);
  else progressFile(box);
}

function items(root, holder) {
  const qs = all(holder, "fieldset.quiz-q").map((fs) => {
    const q = question(fs, root);
    return { key: "q:" + q.id, version: q.version, el: fs, q };
  });
  const terms = all(holder, ".quiz-due-term").map((sec) => ({ key: "g:" + sec.dataset.term, el: sec }));
  return qs.concat(terms);
}

function limitField(onChange) {
  const p = el("p", "quiz-due-limit"), label = el("label", "", "New cards a day: "), input = el("input");
  input.type = "number";
  input.min = "0";
  input.max = "999";
  input.id = "quiz-due-new-per-day";
  label.htmlFor = input.id;
  input.addEventListener("change", () => {
    const n = parseInt(input.value, 10);
    if (isNaN(n) || n < 0) return;
    const s = load();
    if (newPerDay(s.schedule) === Math.min(999, n)) return; // a second change event (on blur): nothing new
    s.schedule.newPerDay = Math.min(999, n);
    save(s);
    onChange();
  });
  p.append(label, input);
  return { p, input };
}

export function due(root) {
  const holder = root.querySelector(".quiz-due-cards"), cards = items(root, holder);
  const count = status("quiz-due-count"), note = el("p", "quiz-due-changed");
  const kind = el("p", "quiz-due-kind"), actions = el("div", "quiz-actions quiz-due-actions");
  const rating = el("div", "quiz-due-rate"), done = el("div", "quiz-due-done");
  const limit = limitField(render);
  note.textContent = "This question has changed since you last reviewed it: it starts again as a new card.";
  rating.setAttribute("role", "group");
  rating.setAttribute("aria-label", "How well did you know it?");
  root.insertBefore(count, holder);
  root.insertBefore(kind, holder);
  root.insertBefore(note, holder);
  root.append(actions, rating, done, limit.p);
  holder.hidden = false;
  let current = null;

  function ratings(item, suggest) {
    const now = new Date(), s = load();
    rating.textContent = "";
    rating.append(el("p", "quiz-due-how", suggest === "Again" ? "How well did you know it? Your answer was " +
      "not correct: Again is suggested." : "How well did you know it?"));
    const row = el("div", "quiz-due-buttons");
    preview(s.schedule, item, now).forEach(([value, name, when]) => {
      row.append(button(name + " · " + interval(when, now), () => {
        const fresh = load();
        rate(fresh.schedule, item, value, new Date());
        save(fresh);
        render(true);
      }, name === suggest));
    });
    rating.append(row);
    rating.hidden = false;
  }

  function askQuestion(item) {
    const q = item.q;
    q.clear();
    actions.append(button("Check", () => {
      const c = q.choice();
      if (c < 0) {
        q.feedback.textContent = "Choose an option first.";
        return;
      }
      q.show(c);
      q.record(c);
      q.radios.forEach((r) => { r.disabled = true; });
      if (q.details) q.details.open = true;
      actions.textContent = "";
      ratings(item, c === q.key ? "Good" : "Again");
    }, true));
  }

  function askTerm(item) {
    const definition = item.el.querySelector(".quiz-due-definition");
    definition.hidden = true;
    actions.append(button("Show answer", () => {
      definition.hidden = false;
      actions.textContent = "";
      ratings(item, "");
    }, true));
  }

  function summary(p) {
    const parts = [];
    if (p.reviews) parts.push(p.reviews + (p.reviews === 1 ? " card to review" : " cards to review"));
    if (p.fresh) parts.push(p.fresh + (p.fresh === 1 ? " new card" : " new cards"));
    if (parts.length) return "Due today: " + parts.join(" and ") + ".";
    return "Nothing is due now.";
  }

  function finished(p, s) {
    done.textContent = "";
    const lines = [];
    if (p.next) {
      const days = Math.round((new Date(p.next.getFullYear(), p.next.getMonth(), p.next.getDate()) -
        new Date(new Date().setHours(0, 0, 0, 0))) / 86400000);
      lines.push("The next card is due on " + day(p.next) + (days === 1 ? " (tomorrow)." : " (in " + days + " days)."));
    }
    if (p.unseen) {
      const limitNow = newPerDay(s);
      lines.push(limitNow ? p.unseen + (p.unseen === 1 ? " card has" : " cards have") + " not been seen yet: " +
        "up to " + limitNow + " new a day, from tomorrow." : p.unseen + " new cards are waiting: set the number of " +
        "new cards a day above 0 to start them.");
    }
    if (!lines.length) lines.push("There are no cards to review on this page.");
    lines.forEach((line) => done.append(el("p", "", line)));
  }

  function render(moveFocus) {
    const s = load(), p = plan(s.schedule, cards, new Date());
    if (document.activeElement !== limit.input) limit.input.value = String(newPerDay(s.schedule));
    cards.forEach((item) => { item.el.hidden = true; });
    actions.textContent = "";
    rating.textContent = "";
    rating.hidden = true;
    current = p.queue[0] || null;
    count.textContent = summary(p);
    note.hidden = !(current && changed(s.schedule, current));
    kind.hidden = !current;
    done.hidden = !!current;
    if (!current) {
      finished(p, s.schedule);
      return;
    }
    kind.textContent = current.q ? "Question" + (current.el.dataset.homeTitle ? " · practice set: " +
      current.el.dataset.homeTitle : "") : "Glossary term";
    current.el.hidden = false;
    if (current.q) askQuestion(current);
    else askTerm(current);
    if (moveFocus) {
      kind.tabIndex = -1;
      kind.focus();
    }
  }
  render(false);
  root.quizRestore = () => render(false);
}
