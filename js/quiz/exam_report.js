/* What the mock test shows after an attempt (exam.js): the score by theme, the time per question with the
   slowest ones, and the history of finished attempts with its trend (a table with arrows and a small inline SVG
   line; no chart library). Every function takes plain data and returns elements. */

import { day, el } from "./dom.js";

export function signed(x) { // 2 decimals, a real minus sign: "−0.66"
  return (Math.round(x * 100) / 100).toFixed(2).replace("-", "−");
}

export function marks(x) { // as a paper prints a mark: "+2", "−0.66", "0"
  const r = Math.round(x * 100) / 100;
  return r === 0 ? "0" : (r > 0 ? "+" : "−") + String(Math.abs(r));
}

export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? s + " s" : Math.floor(s / 60) + " min " + (s % 60) + " s";
}

function table(cls, caption, head, rows) {
  const t = el("table", ""), thead = el("thead"), tbody = el("tbody"), tr = el("tr");
  if (caption) t.append(el("caption", "", caption));
  head.forEach((h) => tr.append(el("th", "", h)));
  thead.append(tr);
  rows.forEach((cells, n) => {
    const row = el("tr", n === rows.length - 1 && cls.includes("quiz-totals") ? "quiz-total" : "");
    cells.forEach((c, i) => {
      const cell = el(i ? "td" : "th", "");
      if (!i) cell.scope = "row";
      if (c instanceof Node) cell.append(c);
      else cell.textContent = String(c);
      row.append(cell);
    });
    tbody.append(row);
  });
  t.append(thead, tbody);
  // Material styles tables without a class, and scrolls a wide one inside its wrapper (as on a phone): the same
  // wrapper as Material's, with the classes; it joins the tab order so that keys can scroll it (tables.js).
  const box = el("div", "md-typeset__scrollwrap " + cls), inner = el("div", "md-typeset__table");
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", caption || "Your attempts");
  inner.append(t);
  box.append(inner);
  return box;
}

// rows: [{theme, right, wrong, blank}] per question; titles: theme -> title; score(right, wrong, blank) -> marks.
export function byTheme(results, titles, score) {
  const themes = {}, names = [];
  results.forEach((r) => {
    if (!themes[r.theme]) {
      themes[r.theme] = { right: 0, wrong: 0, blank: 0 };
      names.push(r.theme);
    }
    themes[r.theme][r.outcome]++;
  });
  const rows = names.map((name) => {
    const t = themes[name];
    return [titles[name] || name || "Other", signed(score(t.right, t.wrong, t.blank)), t.right, t.wrong, t.blank,
      t.right + t.wrong + t.blank];
  });
  const all = results.reduce((a, r) => { a[r.outcome]++; return a; }, { right: 0, wrong: 0, blank: 0 });
  rows.push(["All themes", signed(score(all.right, all.wrong, all.blank)), all.right, all.wrong, all.blank, results.length]);
  return table("quiz-themes quiz-totals", "Score by theme", // the score first: a phone scrolls to the rest
    ["Theme", "Score", "Correct", "Wrong", "Blank", "Questions"], rows);
}

// results: [{n, dom, stem, seconds, outcome}]: the slowest `count`, each linked to its question below.
export function slowest(results, count) {
  const list = el("ol", "quiz-slowest");
  results.filter((r) => r.seconds > 0).sort((a, b) => b.seconds - a.seconds).slice(0, count).forEach((r) => {
    const item = el("li"), link = el("a", "", "Question " + r.n);
    link.href = "#" + r.dom;
    const word = { right: "correct", wrong: "wrong", blank: "blank" }[r.outcome];
    item.append(link, " (" + duration(r.seconds) + ", " + word + "): " + r.stem);
    list.append(item);
  });
  return list;
}

function arrow(now, before) {
  if (before === undefined) return "";
  const d = Math.round((now - before) * 100) / 100;
  if (d > 0) return " ▲ +" + signed(d);
  if (d < 0) return " ▼ " + signed(d);
  return " = no change";
}

function trend(scores, most) { // a small line of the scores; the table says the same in words
  const w = 300, h = 80, pad = 6, svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  const lo = Math.min(0, ...scores), hi = Math.max(lo + Math.min(most, 4), ...scores), span = hi - lo || 1;
  const x = (i) => pad + (scores.length > 1 ? i * (w - 2 * pad) / (scores.length - 1) : (w - 2 * pad) / 2);
  const y = (s) => h - pad - (s - lo) * (h - 2 * pad) / span;
  svg.setAttribute("viewBox", "0 0 " + w + " " + h);
  svg.setAttribute("class", "quiz-trend");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Score trend: " + scores.map(signed).join(", "));
  const ns = "http://www.w3.org/2000/svg", base = document.createElementNS(ns, "line");
  [["x1", pad], ["x2", w - pad], ["y1", y(0)], ["y2", y(0)], ["class", "quiz-trend-zero"]]
    .forEach(([k, v]) => base.setAttribute(k, v));
  const line = document.createElementNS(ns, "polyline");
  line.setAttribute("points", scores.map((s, i) => x(i).toFixed(1) + "," + y(s).toFixed(1)).join(" "));
  line.setAttribute("class", "quiz-trend-line");
  svg.append(base, line);
  scores.forEach((s, i) => {
    const dot = document.createElementNS(ns, "circle");
    [["cx", x(i).toFixed(1)], ["cy", y(s).toFixed(1)], ["r", 3.5]].forEach(([k, v]) => dot.setAttribute(k, v));
    svg.append(dot);
  });
  return svg;
}

// history: [{date, score, most, right, wrong, blank, used, timeUp}], oldest first; shown newest first.
export function historyView(history) {
  const box = el("section", "quiz-history");
  box.append(el("h2", "", "Your attempts"));
  if (!history.length) {
    box.append(el("p", "quiz-history-none", "No finished attempt yet: your scores will be listed here."));
    return box;
  }
  const scores = history.map((a) => a.score);
  box.append(trend(scores, Math.max(...history.map((a) => a.most || 0))));
  const rows = history.map((a, i) => [
    String(i + 1), signed(a.score) + " of " + a.most + arrow(a.score, scores[i - 1]), a.right, a.wrong, a.blank,
    duration(a.used) + (a.timeUp ? " (time up)" : ""), day(new Date(a.date)),
  ]).reverse();
  box.append(table("quiz-history-table", "",
    ["Attempt", "Score (▲ ▼: against the one before)", "Correct", "Wrong", "Blank", "Time used", "Date"], rows));
  return box;
}
