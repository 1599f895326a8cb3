/* Tables wider than the screen scroll inside Material's wrapper. A wrapper whose table holds no link could not
   be scrolled from the keyboard, so a wrapper that scrolls joins the tab order as a named region (WCAG 2.1.1;
   axe's scrollable-region-focusable). Checked again when the window changes size. */

function heading(wrap) { // the nearest heading above the table names it
  for (let e = wrap.previousElementSibling; e; e = e.previousElementSibling) {
    if (/^H[1-6]$/.test(e.tagName)) return e.textContent.replace(/¶$/, "").trim();
  }
  return "";
}

function mark(wrap) {
  const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
  if (scrolls && !wrap.hasAttribute("tabindex")) {
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", (heading(wrap) || "Table") + " (scrolls sideways)");
  } else if (!scrolls && wrap.getAttribute("role") === "region") {
    ["tabindex", "role", "aria-label"].forEach((name) => wrap.removeAttribute(name));
  }
}

let resizing = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => document.querySelectorAll(".md-typeset__scrollwrap").forEach(mark), 200);
});

export function scrollingTables(article) {
  article.querySelectorAll(".md-typeset__scrollwrap").forEach(mark);
}
