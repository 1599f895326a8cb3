"""The offline edition opens from file:// with search working and no request leaving the disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from builder.engines import ENGINES

from .conftest import ENGINE, GUIDE, ROOT, make_project, run_builder
from .test_browser import CHROMIUM, playwright_api

pytestmark = pytest.mark.browser
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SHIM.exists():
        pytest.fail(f"{SHIM} is missing: run `npm ci` (make test does it)")
    project = make_project(tmp_path_factory.mktemp("offline"), GUIDE)
    (project / "mkdocs.offline.yml").write_bytes((ROOT / "mkdocs.offline.yml").read_bytes())
    result = run_builder(project, "offline", "--shim", str(SHIM), "--engine", ENGINE)
    assert result.returncode == 0, result.stderr
    return project / "site-offline"


@pytest.fixture(scope="module")
def page(offline_site: Path) -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield browser.new_page()
        browser.close()


def test_offline_edition_has_no_network_references(offline_site: Path) -> None:
    for html in offline_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, html
    assert (offline_site / "assets" / "javascripts" / "iframe-worker-shim.js").read_bytes() == SHIM.read_bytes()
    assert (offline_site / ENGINES[ENGINE].offline_index_path).is_file()


def test_search_works_from_the_file_system(offline_site: Path, page: object) -> None:
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))  # type: ignore[attr-defined]
    page.on("request", lambda r: requests.append(r.url))  # type: ignore[attr-defined]
    page.goto((offline_site / "index.html").as_uri())  # type: ignore[attr-defined]
    # The same steps for either engine: Zensical's search opens from a "Search" button, Material's box is always
    # there; both boxes say "Search"; results are list items (Material) or options (Zensical) holding links.
    opener = page.get_by_role("button", name="Search")  # type: ignore[attr-defined]
    if opener.count() and opener.first.is_visible():
        opener.first.click()
    page.get_by_placeholder("Search").first.click()  # type: ignore[attr-defined]
    page.keyboard.type("Slutsky")  # type: ignore[attr-defined]
    results = page.locator(".md-search-result__item, [role=option]")  # type: ignore[attr-defined]
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0
    results.first.locator("a").or_(results.first).first.click()
    page.wait_for_load_state()  # type: ignore[attr-defined]
    url = urlparse(page.url)  # type: ignore[attr-defined]
    assert url.scheme == "file" and url.path.endswith(".html")
    assert errors == []
    assert [r for r in requests if not r.startswith(("file:", "data:", "blob:"))] == []
