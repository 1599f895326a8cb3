/* Spaced review: the schedule of the "Due today" page (due.js), with FSRS (the ts-fsrs package, bundled).

   Saved progress, section `schedule` (see storage.js):
     {newPerDay: 20,                        the daily limit of new cards, set on the page (absent: NEW_PER_DAY)
      cards: {"q:<question id>": card,      one per question (data-qid), for its data-version
              "g:<glossary term id>": card}} one per glossary term
   card = {version, first, due, last_review, stability, difficulty, elapsed_days, scheduled_days,
           learning_steps, reps, lapses, state}: ts-fsrs's Card, with its dates (due, last_review) as ISO strings,
   plus `version` (questions: the data-version it was reviewed for; a card saved for another version is void
   and the question starts again as a new card) and `first` (ISO: its first review, which counts it among that
   day's new cards). Cards of questions no longer on the page are kept: they return if the question does. */

import { createEmptyCard, fsrs, Rating } from "ts-fsrs";

export const NEW_PER_DAY = 20;
export const RATINGS = [
  [Rating.Again, "Again"],
  [Rating.Hard, "Hard"],
  [Rating.Good, "Good"],
  [Rating.Easy, "Easy"],
];
// Days, not minutes, between reviews, except one short step: Again brings a card back 10 minutes later, the same
// day; Good on a new card gives 2 days. No fuzz, so the intervals shown on the buttons are the ones saved.
const scheduler = fsrs({ learning_steps: ["10m"], relearning_steps: ["10m"], enable_fuzz: false });
const DATES = ["due", "last_review"];

function toCard(saved) {
  const card = Object.assign({}, saved);
  delete card.version;
  delete card.first;
  DATES.forEach((k) => {
    card[k] = saved[k] ? new Date(saved[k]) : undefined;
  });
  return card;
}

function toSaved(card, item, first) {
  const saved = Object.assign({}, card, { first });
  if (item.version !== undefined) saved.version = item.version;
  DATES.forEach((k) => {
    if (card[k]) saved[k] = card[k].toISOString();
    else delete saved[k];
  });
  return saved;
}

export function cards(schedule) {
  if (!schedule.cards || typeof schedule.cards !== "object") schedule.cards = {};
  return schedule.cards;
}

export function newPerDay(schedule) {
  const n = schedule.newPerDay;
  return typeof n === "number" && n >= 0 ? Math.floor(n) : NEW_PER_DAY;
}

// The saved card of `item` ({key, version}), or null when it has none or one for another version.
export function saved(schedule, item) {
  const c = cards(schedule)[item.key];
  if (!c || typeof c !== "object" || isNaN(new Date(c.due))) return null;
  return item.version !== undefined && c.version !== item.version ? null : c;
}

export function changed(schedule, item) { // reviewed before, but for another version of the question
  const c = cards(schedule)[item.key];
  return !!c && !saved(schedule, item);
}

// When each rating would bring the card back: [[rating, name, due Date], ...].
export function preview(schedule, item, now) {
  const c = saved(schedule, item), outcomes = scheduler.repeat(c ? toCard(c) : createEmptyCard(now), now);
  return RATINGS.map(([rating, name]) => [rating, name, outcomes[rating].card.due]);
}

export function rate(schedule, item, rating, now) {
  const c = saved(schedule, item);
  const next = scheduler.next(c ? toCard(c) : createEmptyCard(now), now, rating).card;
  cards(schedule)[item.key] = toSaved(next, item, c && c.first ? c.first : now.toISOString());
}

function endOfDay(now) {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - 1;
}

function sameDay(a, b) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

function hash(text) { // a stable order for new cards that mixes questions and terms (FNV-1a)
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/* What to review now, from `items` (the cards on the page): `queue` holds the reviews due by now (oldest first),
   then today's new cards (up to the daily limit less those already started today), then the cards due later
   today (a card rated Again, 10 minutes on). `next` is the date of the first card due after today. */
export function plan(schedule, items, now) {
  const reviews = [], later = [], fresh = [];
  const end = endOfDay(now);
  let next = null, started = 0;
  items.forEach((item) => {
    const c = saved(schedule, item);
    if (!c) {
      fresh.push(item);
      return;
    }
    if (c.first && sameDay(new Date(c.first), now)) started++;
    const due = new Date(c.due).getTime();
    if (due <= now.getTime()) reviews.push([due, item]);
    else if (due <= end) later.push([due, item]);
    else if (next === null || due < next) next = due;
  });
  const byDue = (a, b) => a[0] - b[0];
  fresh.sort((a, b) => hash(a.key) - hash(b.key));
  const allowed = Math.max(0, newPerDay(schedule) - started), today = fresh.slice(0, allowed);
  const queue = reviews.sort(byDue).map((p) => p[1]).concat(today, later.sort(byDue).map((p) => p[1]));
  return { queue, reviews: reviews.length + later.length, fresh: today.length, unseen: fresh.length,
    started, next: next === null ? null : new Date(next) };
}

// How long until `due`, for a button: "10 min", "5 hours", "3 days", "4 months", "1.5 years".
export function interval(due, now) {
  const minutes = Math.max(1, Math.round((due.getTime() - now.getTime()) / 60000));
  const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");
  if (minutes < 60) return minutes + " min";
  if (minutes < 24 * 60) return plural(Math.round(minutes / 60), "hour");
  const days = Math.round(minutes / (24 * 60));
  if (days < 60) return plural(days, "day");
  if (days < 365) return plural(Math.round(days / 30.4), "month");
  return Math.round(days / 36.5) / 10 + " years";
}
