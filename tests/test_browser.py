"""Real-browser tests: Playwright driving Debian's Chromium against the built site on localhost."""

from __future__ import annotations

import contextlib
import functools
import http.server
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
