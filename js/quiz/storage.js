/* Saved progress: one localStorage value under KEY, format version 2:
     {version: 2, answers: {qid: {choice, correct, version, at, page, dom, stem}},
      checklist: {mid: {version, ticked}}, titles: {page: title},
      exam: {...}, mains: {...}, schedule: {...}}.
   `exam` (the mock test: the attempt under way and past attempts, exam.js), `mains` (written answers, mains.js)
   and `schedule` (spaced review, one card per question or glossary term) each belong to one module, which
   describes its own format; they are kept as they are here, so one module's data survives another's saves.
   `page` is the site-relative URL of the practice page (its data-page, "quiz/sources-2.html"), `dom` the
   question's element id and `stem` (wrong answers only) a short plain-text copy of the question: the review
   page links to page?retry=dom#dom from its own data-root (see practice.js), so the links work on any host,
   under a sub-path and from file://. Version 1 data (under OLD_KEY) is migrated: its answers are kept but have
   no page; the practice page they are on fills that in when next opened. A practice set whose pages moved keeps
   its saved mistakes' links: MOVED maps the old address to the new (read as data is loaded). */

export const KEY = "storyguide.quiz.v2";
export const OLD_KEY = "storyguide.quiz.v1";

// The exam-formats set was quiz/prelims.html (and prelims-2.html ...) until sets were named by exam profiles.
const MOVED = [[/^quiz\/prelims(-\d+)?\.html$/, "quiz/formats$1.html"]];

function moved(page) {
  return MOVED.reduce((url, [from, to]) => (typeof url === "string" ? url.replace(from, to) : url), page);
}

function fresh(s) {
  const answers = (s && s.answers) || {}, titles = {};
  Object.keys(answers).forEach((id) => {
    if (answers[id] && answers[id].page) answers[id].page = moved(answers[id].page);
  });
  Object.keys((s && s.titles) || {}).forEach((page) => { titles[moved(page)] = s.titles[page]; });
  return {
    version: 2,
    answers,
    checklist: (s && s.checklist) || {},
    titles,
    exam: (s && s.exam) || {},
    mains: (s && s.mains) || {},
    schedule: (s && s.schedule) || {},
  };
}

export function load() {
  try {
    let s = JSON.parse(localStorage.getItem(KEY));
    if (s && s.version === 2) return fresh(s);
    const old = s ? null : JSON.parse(localStorage.getItem(OLD_KEY));
    if (old && old.version === 1) { // migrate once: answers and ticks stay, without page or stem
      s = fresh(old);
      save(s);
      localStorage.removeItem(OLD_KEY);
      return s;
    }
  } catch (e) { /* no storage, or a damaged value: start afresh */ }
  return fresh(null);
}

export function save(s) {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch (e) { /* storage full or blocked */ }
}

export function forget() {
  try {
    localStorage.removeItem(KEY);
    localStorage.removeItem(OLD_KEY);
  } catch (e) { /* nothing to delete */ }
}
