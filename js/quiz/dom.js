/* Small DOM helpers shared by every feature. */

export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

export function button(text, onClick, primary) {
  const b = el("button", "md-button quiz-button" + (primary ? " md-button--primary" : ""), text);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

export function status(cls, text) { // a polite live region (role=status is aria-live=polite)
  const p = el("p", cls, text);
  p.setAttribute("role", "status");
  p.setAttribute("aria-live", "polite");
  return p;
}

export function all(root, selector) {
  return Array.prototype.slice.call(root.querySelectorAll(selector));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function day(date) { // "6 Dec 2026": the same in every locale, never 12/6 or 6/12
  return date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
}
