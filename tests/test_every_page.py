"""Guard: every page of the built guide, on a phone and a desktop, in light and dark, in a real Chromium.

For each (viewport, scheme) one browser page visits every HTML page of the guide built from the frozen fixture
(tests/fixtures/guide) and collects, per page: a page wider than the viewport, visible text under 12 px, console/page
errors, requests leaving the machine, and axe-core's serious or critical violations. One failure per (viewport,
scheme) lists every problem on every page. A print check turns the discrepancy page into an A4 PDF and counts the
source labels in its text.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from .test_browser import Watched, browser, server

axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")
pypdf = pytest.importorskip("pypdf")
bs4 = pytest.importorskip("bs4")

pytestmark = pytest.mark.browser
FIXTURES = (browser, server)  # imported for pytest; named here so linters see them used
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's data-md-color-scheme
MIN_FONT_PX = 12

# Runs in the page; returns what the Python side turns into problems. A text node counts as visible unless:
#  - it is only whitespace (no glyphs to read);
#  - its parent fails checkVisibility with opacity and visibility: display:none on it or an ancestor (script,
#    style, the content of a closed <details>, Material's hidden TOC copy in the phone drawer), visibility:hidden,
#    content-visibility:hidden, or opacity:0 (Material's skip link until focused, the search panel's
#    "Initializing search" line, heading permalinks until hovered, "Back to top" until scrolled);
#  - its box has no area (nothing is painted);
#  - an ancestor with overflow hidden/clip leaves less than 1 px of it showing: the screen-reader-only pattern
#    (1 px box, overflow hidden); scroll containers (overflow auto/scroll) do NOT hide text, it can be scrolled to;
#  - its box lies wholly left of or above the page's origin, where no scrolling reaches: off-canvas pieces such
#    as Material's navigation drawer, slid out to the left on a phone until the menu button opens it.
PROBE_JS = """
(minPx) => {
  const root = document.documentElement;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].slice(0, 2).map((c) => "." + c).join("");
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      parts.unshift(name(e));
      if (e.id) break;
    }
    return parts.join(" > ");
  };
  const clippedAway = (el, box) => {
    for (let a = el; a && a !== root; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (!/hidden|clip/.test(s.overflowX + s.overflowY)) continue;
      const r = a.getBoundingClientRect();
      const w = Math.min(box.right, r.right) - Math.max(box.left, r.left);
      const h = Math.min(box.bottom, r.bottom) - Math.max(box.top, r.top);
      if (w <= 1 || h <= 1) return true;
    }
    return false;
  };
  const shown = (node) => {
    const el = node.parentElement;
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (box.right + scrollX <= 0 || box.bottom + scrollY <= 0) return false;
    return !clippedAway(el, box);
  };
  const tiny = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || !node.parentElement || !shown(node)) continue;
    const px = parseFloat(getComputedStyle(node.parentElement).fontSize);
    if (px < minPx) tiny.push({ path: path(node.parentElement), text: node.textContent.trim().slice(0, 40), px });
  }
  // Material sets overflow-x:hidden on <html>, so a too-wide page is cut off rather than scrollable; either way
  // scrollWidth > clientWidth. Then: the outermost elements sticking out past the right edge (parent doesn't),
  // leaving out those inside a box that clips or scrolls them (a table in its scroll wrapper is fine).
  const viewport = root.clientWidth;
  const right = (el) => el.getBoundingClientRect().right;
  const inBox = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };
  const wide = root.scrollWidth <= viewport ? [] : [...document.body.querySelectorAll("*")].filter(
    (el) => right(el) > viewport + 1 && right(el.parentElement) <= viewport + 1 && !inBox(el));
  return {
    scheme: document.body.dataset.mdColorScheme, width: root.scrollWidth, viewport, tiny,
    wide: wide.map((el) => path(el) + " (right edge " + Math.round(right(el)) + " px)"),
  };
}
"""


@pytest.fixture(scope="module")
def axe() -> Any:
    """axe-core (bundled with axe-playwright-python), run in the page."""
    return axe_sync.Axe()


@pytest.fixture(scope="module")
def site_pages(guide_site: Path) -> list[str]:
    """Every HTML page of the built site, 404.html included: hosts serve it for any missing URL."""
    site = guide_site / "site"
    pages = sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 40
    return pages


def layout_problems(probe: dict[str, Any], scheme: str) -> list[str]:
    found = []
    if probe["scheme"] != SCHEMES[scheme]:
        found.append(f"colour scheme is {probe['scheme']!r}, expected {SCHEMES[scheme]!r}")
    if probe["width"] > probe["viewport"]:
        sticking_out = "; ".join(probe["wide"][:8]) or "no single element found"
        found.append(f"page wider than the viewport: {probe['width']} px in {probe['viewport']} px; {sticking_out}")
    return found + tiny_text_problems(probe["tiny"])


def tiny_text_problems(tiny: list[dict[str, Any]]) -> list[str]:
    """One line per distinct element path and size: how many text nodes, and up to three different texts."""
    groups: dict[tuple[str, float], list[str]] = {}
    for t in tiny:
        groups.setdefault((t["path"], t["px"]), []).append(t["text"])
    found = []
    for (path, px), texts in groups.items():
        examples = ", ".join(repr(t) for t in list(dict.fromkeys(texts))[:3])
        found.append(f"text {px:.2f} px < {MIN_FONT_PX} px: {path} x{len(texts)}: {examples}")
    return found


def axe_problems(axe: Any, page: Any) -> list[str]:
    found = []
    for v in axe.run(page).response["violations"]:
        if v["impact"] in ("serious", "critical"):
            targets = [" ".join(n["target"]) for n in v["nodes"]]
            more = f" and {len(targets) - 5} more" if len(targets) > 5 else ""
            found.append(f"axe {v['impact']} {v['id']}: {v['help']} at {', '.join(targets[:5])}{more}")
    return found


def page_problems(watched: Watched, axe: Any, url: str, scheme: str) -> list[str]:
    response = watched.page.goto(url, wait_until="load")
    found = [] if response is not None and response.ok else [f"HTTP status {response and response.status}"]
    found += layout_problems(watched.page.evaluate(PROBE_JS, MIN_FONT_PX), scheme)
    found += axe_problems(axe, watched.page)
    found += [f"console or page error: {e}" for e in watched.errors]
    found += [f"request leaving the machine: {u}" for u in watched.external]
    watched.errors.clear()  # anything arriving later is charged to the next page: close enough to find it
    watched.external.clear()
    return found


def report(viewport: str, scheme: str, problems: dict[str, list[str]]) -> str:
    size = "x".join(str(v) for v in VIEWPORTS[viewport].values())
    lines = [f"{len(problems)} page(s) with problems at {viewport} {size}, {scheme} scheme:"]
    for path, found in problems.items():
        lines += [f"{path} [{viewport}, {scheme}]:", *(f"  - {p}" for p in found)]
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_fits_reads_and_passes_axe(
    server: str, browser: Any, axe: Any, site_pages: list[str], viewport: str, scheme: str
) -> None:
    """axe runs at both widths, though it doubles its share of the time: some violations exist at one width
    only (a table that scrolls inside its wrapper on a phone; navigation shown only on a desktop)."""
    watched = Watched(browser)
    watched.page.set_viewport_size(VIEWPORTS[viewport])
    watched.page.emulate_media(color_scheme=scheme)
    try:
        found = {path: page_problems(watched, axe, server + path, scheme) for path in site_pages}
    finally:
        watched.page.close()
    problems = {path: p for path, p in found.items() if p}
    if problems:
        pytest.fail(report(viewport, scheme, problems), pytrace=False)


# A picture (an SVG chart, say) prints as vector text that could repeat every label; hidden (space kept, so the
# pagination is unchanged), the labels must come from the text itself: the tables, or what replaces them in print.
PICTURES_OFF = "img, svg { visibility: hidden !important; }"


def who_says_what(html: str) -> tuple[str, str, Counter[str]]:
    """The 'Who says what' heading, the next heading ('' if none), and how often each source label (a.sg-badge)
    appears between them."""
    heading = bs4.BeautifulSoup(html, "html.parser").find(id="who-says-what")
    assert heading is not None, "the discrepancy page has no 'Who says what' section"
    labels: Counter[str] = Counter()
    for el in heading.find_all_next([heading.name, "a"]):
        if el.name == heading.name:
            return heading_text(heading), heading_text(el), labels
        labels.update([el.get_text(strip=True)] if "sg-badge" in el.get("class", []) else [])
    return heading_text(heading), "", labels


def heading_text(heading: Any) -> str:
    return str(heading.get_text(strip=True)).removesuffix("¶")  # Material's permalink sign


def squash(text: str) -> str:
    """Text without whitespace: PDF text extraction breaks and joins lines unpredictably."""
    return "".join(text.split())


def printed(browser: Any, url: str) -> Any:
    """The page printed by Chromium to A4, as a pypdf reader; prefer_css_page_size lets a stylesheet turn the
    paper landscape with @page, as a real print dialog would."""
    watched = Watched(browser)
    watched.page.goto(url, wait_until="load")
    watched.page.add_style_tag(content=PICTURES_OFF)
    pdf = watched.page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    watched.page.close()
    watched.clean()
    return pypdf.PdfReader(io.BytesIO(pdf))


def test_discrepancy_page_prints_every_source_label_on_a4(server: str, browser: Any, guide_site: Path) -> None:
    """The labels are counted between the section's heading and the next one: every badge there must be printed,
    so a label repeated in a legend does not hide a table column cut off at the page edge."""
    start, end, labels = who_says_what((guide_site / "site" / "discrepancies.html").read_text(encoding="utf-8"))
    assert len(labels) >= 2, f"expected source badges in {start!r}, found {labels}"
    pdf = printed(browser, server + "/discrepancies.html")
    sizes = {tuple(sorted(round(float(v)) for v in (p.mediabox.width, p.mediabox.height))) for p in pdf.pages}
    assert all(abs(a - 595) <= 2 and abs(b - 842) <= 2 for a, b in sizes), f"PDF pages not A4 (595 x 842 pt): {sizes}"
    text = squash(" ".join(p.extract_text() for p in pdf.pages))
    assert squash(start) in text, f"the printed page has no {start!r} heading"
    section = text.split(squash(start), 1)[-1].split(squash(end), 1)[0] if end else text
    counts = {label: section.count(squash(label)) for label in labels}
    missing = {label: f"{counts[label]} of {n}" for label, n in labels.items() if counts[label] < n}
    assert missing == {}, f"source labels printed fewer times than their badges in {start!r}: {missing}"
