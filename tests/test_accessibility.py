"""axe-core in a real browser: no serious or critical accessibility violation on the main kinds of page."""

from __future__ import annotations

import pytest

from .test_browser import PAGES, Watched, browser, server, watched

axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")

pytestmark = pytest.mark.browser
FIXTURES = (browser, server, watched)  # imported for pytest; named here so linters see them used
CHECKED = sorted(
    {*PAGES, "/sources/track2-slutsky-constructive.html", "/quiz/index.html", "/quiz/prelims.html", "/quiz/mock.html",
     "/quiz/mains.html", "/quiz/review.html", "/whats-new.html"}
)  # fmt: skip


@pytest.fixture(scope="module")
def axe() -> object:
    return axe_sync.Axe()


@pytest.mark.parametrize("path", CHECKED)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_violations(server: str, watched: Watched, axe: object, path: str, scheme: str) -> None:
    watched.page.emulate_media(color_scheme=scheme)
    watched.page.goto(server + path)
    watched.page.wait_for_load_state("networkidle")
    violations = axe.run(watched.page).response["violations"]  # type: ignore[attr-defined]
    serious = [
        f"{v['impact']} {v['id']}: {v['help']} at {v['nodes'][0]['target']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    watched.clean()
