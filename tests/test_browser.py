"""Real-browser tests: Playwright driving Debian's Chromium against the built site on localhost."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port for the duration of the block; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(guide_site: Path) -> Iterator[str]:
    with serving(guide_site / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield launched
        launched.close()


class Watched:
    """A page that records console errors, page errors and every request that leaves the machine."""

    def __init__(self, browser: object) -> None:
        self.page = browser.new_page()  # type: ignore[attr-defined]
        self.errors: list[str] = []
        self.external: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        host = urlparse(url).hostname or ""
        if url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.external.append(url)
            route.abort()  # type: ignore[attr-defined]

    def clean(self) -> None:
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.external == [], f"requests leaving the machine: {self.external}"


@pytest.fixture
def watched(browser: object) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.page.close()


PAGES = [
    "/",
    "/timeline.html",
    "/discrepancies.html",
    "/actors/index.html",
    "/actors/leonid-slutsky.html",
    "/glossary.html",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_cleanly_with_no_network(server: str, watched: Watched, path: str) -> None:
    response = watched.page.goto(server + path)
    assert response is not None and response.ok
    watched.page.wait_for_load_state("networkidle")
    assert watched.page.locator("h1").first.is_visible()
    watched.clean()


def test_timeline_conflict_flag_leads_to_its_discrepancy_row(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/timeline.html")
    flag = page.locator("a.sg-flag").first
    event_id = flag.get_attribute("href").split("#")[1]  # type: ignore[union-attr]
    flag.click()
    page.wait_for_url(f"**/discrepancies.html#{event_id}")
    row = page.locator(f"[id='{event_id}']")
    assert row.is_visible()
    assert row.evaluate("el => el.getBoundingClientRect().top < window.innerHeight")
    watched.clean()


def test_glossary_terms_show_tooltips(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/glossary.html")
    abbr = page.locator("abbr[title]").first
    assert abbr.get_attribute("title")
    watched.clean()


def test_no_page_requests_anything_beyond_the_machine(server: str, watched: Watched, guide_site: Path) -> None:
    site = guide_site / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        watched.page.goto(f"{server}/{path}", wait_until="load")
    watched.page.wait_for_load_state("networkidle")
    watched.clean()


# Contrast of an element's text on its own background, or on the page's where its own is transparent (WCAG 2).
CONTRAST = """el => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const linear = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const lum = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  const style = getComputedStyle(el), own = rgb(style.backgroundColor);
  const back = own.length === 4 && own[3] === 0 ? rgb(getComputedStyle(document.body).backgroundColor) : own;
  const [a, b] = [lum(rgb(style.color)), lum(back)].sort((x, y) => y - x);
  return { ratio: (a + 0.05) / (b + 0.05), filled: !(own.length === 4 && own[3] === 0) };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_buttons_stay_readable_on_hover_and_focus_and_rest_after_a_click(
    server: str, watched: Watched, scheme: str
) -> None:
    page = watched.page
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
    page.goto(server + "/quiz/sources.html")
    check = page.get_by_role("button", name="Check").first
    check.hover()
    page.wait_for_timeout(300)  # Material eases colours in over 125 ms
    assert check.evaluate(CONTRAST)["ratio"] >= 4.5, "hovered"
    page.mouse.move(0, 0)
    page.locator("fieldset.quiz-q").first.locator("input[type=radio]").first.focus()
    for _ in range(6):  # from the first option to the Check button, by keyboard
        page.keyboard.press("Tab")
        if check.evaluate("el => el === document.activeElement"):
            break
    page.wait_for_timeout(300)
    focused = check.evaluate(CONTRAST)
    assert check.evaluate("el => el.matches(':focus-visible')") and focused["ratio"] >= 4.5, "keyboard focus"
    page.reload()  # a mouse user: choose an option, click Check, move on
    page.locator("fieldset.quiz-q").first.locator("ul.quiz-options label").first.click()
    check.click()
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    clicked = check.evaluate(CONTRAST)
    assert not clicked["filled"] and clicked["ratio"] >= 4.5, "a clicked button keeps its resting look"
    watched.clean()


def test_the_topic_column_stays_in_place_when_the_table_scrolls_on_a_phone(server: str, watched: Watched) -> None:
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/discrepancies.html")
    table = page.locator(".sg-who table")
    wrapper = table.evaluate_handle(
        "el => { while (el.scrollWidth <= el.clientWidth) el = el.parentElement; return el; }"
    )
    topic = table.locator("tbody td").first
    topic.scroll_into_view_if_needed()
    wrapper.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    page.wait_for_timeout(100)
    box, last = topic.bounding_box(), table.locator("tbody td").last.bounding_box()
    assert box and last
    on_top = "el => { const r = el.getBoundingClientRect();"
    on_top += " return el.contains(document.elementFromPoint(r.x + 5, r.y + 5)); }"
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and topic.evaluate(on_top), "the topic cell scrolled away"
    assert last["x"] + last["width"] <= 390 + 1, "the last column could not be scrolled into view"
    watched.clean()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_main_sections_are_reachable_from_the_home_page(server: str, watched: Watched, width: int) -> None:
    page = watched.page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server + "/")
    if width < 1220:  # Material's tabs show from 76.25em; narrower screens open the menu drawer
        page.locator("label.md-header__button[for=__drawer]").click()
        nav = page.locator("nav.md-nav--primary")
    else:
        nav = page.locator("nav.md-tabs")
    for name in ("Quiz", "What's new", "Discrepancies", "Glossary"):
        assert nav.get_by_role("link", name=name, exact=True).first.is_visible(), name
    start = page.locator("h2#where-to-start + ol")
    assert start.get_by_role("link", name="quiz").is_visible()
    watched.clean()


def test_glossary_terms_show_their_definition_on_keyboard_focus_once_a_page(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/")
    terms = page.locator("article abbr[title]")
    focusable = page.locator("article abbr[tabindex='0']")
    names = [t.strip().lower() for t in focusable.all_inner_texts()]
    assert names and len(names) == len(set(names)), "each term joins the tab order once"
    assert terms.count() > focusable.count(), "repeats stay out of the tab order"
    first = focusable.first
    definition = first.get_attribute("title")  # Material moves it into the tooltip when it first shows
    for _ in range(40):  # Tab from the top of the page until the first term has focus
        page.keyboard.press("Tab")
        if first.evaluate("el => el === document.activeElement"):
            break
    assert first.evaluate("el => el === document.activeElement"), "the first term is not reachable with Tab"
    assert definition
    # Tabbing passes heading anchors, whose "Permanent link" tooltip may still be fading out when the term gets
    # focus: wait for an active tooltip that shows the definition (a timeout fails the test).
    page.wait_for_function(
        "d => [...document.querySelectorAll('.md-tooltip2--active')].some(t => t.innerText.trim() === d)",
        arg=definition,
        timeout=5000,
    )
    watched.clean()


def test_no_glossary_tooltip_can_give_a_quiz_answer_away(guide_site: Path) -> None:
    checked = 0
    for page in sorted((guide_site / "site" / "quiz").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        questions = re.findall(r"<fieldset class=\"quiz-q\".*?</fieldset>", html, flags=re.S)
        assert all("<abbr" not in q for q in questions), page.name
        checked += len(questions)
    assert checked > 100, f"only {checked} questions found on the quiz pages"
