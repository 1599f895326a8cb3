/* Glossary terms (Markdown abbreviations, shown by Material as tooltips on hover and on focus) reachable by
   keyboard: the first use of each term on a page joins the tab order, so Tab shows every definition once
   without a stop at each repeat. Quiz questions are raw HTML, which never gets abbreviations, so no tooltip
   can give an answer away there. */

export function glossary(article) {
  const seen = new Set();
  article.querySelectorAll("abbr[title]").forEach((term) => {
    const key = term.textContent.trim().toLowerCase();
    if (seen.has(key) || term.closest(".quiz-q")) return;
    seen.add(key);
    term.tabIndex = 0;
  });
}
