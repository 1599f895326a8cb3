"""Hostile text in every user field renders as the literal text: nothing executes, nothing breaks layout."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from .conftest import MINI, make_project, run_builder
from .test_browser import Watched, browser, serving

FIXTURES = (browser,)  # imported for pytest; named here so linters see it used

HOSTILE = [
    "<script>alert('script')</script>",
    "</title><script>alert('title')</script>",
    "<img src=x onerror=\"alert('img')\">",
    "[click me](javascript:alert('link'))",
    "![tracker](http://evil.example/pixel.png)",
    "cell | with | pipes",
    "{{ 7*7 }} {% if true %}jinja{% endif %}",
    "&amp; &lt;b&gt; &#x3C;i&#x3E;",
    "*star* _under_ `tick` # hash",
    "W" + "o" * 300 + "rd",
    "مرحبا بالعالم",
    "Привет, мир",
    "emoji 🙂🚀",
]
TEXT_FIELDS = {"title", "name", "label", "question", "description", "summary", "role", "term", "definition", "note"}


def poison(value: Any, n: Iterator[int]) -> Any:
    """Add a hostile string to every free-text field, recursively."""
    if isinstance(value, dict):
        return {
            k: (f"{v} {HOSTILE[next(n) % len(HOSTILE)]}" if k in TEXT_FIELDS and isinstance(v, str) else poison(v, n))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [poison(item, n) for item in value]
    return value


def hostile_corpus(where: Path) -> Path:
    content = Path(shutil.copytree(MINI, where))
    counter = iter(range(10_000))
    for path in content.rglob("*.yaml"):
        data = poison(yaml.safe_load(path.read_text()), counter)
        if path.parent.name == "articles":
            data["key_points"] = list(HOSTILE)
            data["short_title"] = f"<b>{data['id']}</b> | pipe"
            raw = content / data["raw"]
            raw.write_text(raw.read_text() + "\n" + "\n".join(HOSTILE) + "\n")
            data["claims"][0]["quote"] = HOSTILE[0]
            data["claims"][1]["value"] = HOSTILE[2]
            data["actors"][0]["quotes"] = list(HOSTILE)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return content


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("hostile")
    project = make_project(where / "project", hostile_corpus(where / "content"))
    result = run_builder(project, "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_hostile_text_is_shown_literally_and_never_becomes_markup(hostile_site: Path) -> None:
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    seen: set[str] = set()
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text(), page
        assert not soup.select("img[onerror], [onerror], a[href^='javascript:'], img[src*='evil.example']"), page
        text = " ".join(soup.get_text(" ").split())
        seen.update(h for h in HOSTILE if h in text)
    assert seen == set(HOSTILE), f"never shown literally: {set(HOSTILE) - seen}"


@pytest.mark.browser
def test_nothing_executes_in_a_real_browser(hostile_site: Path, browser: object) -> None:
    with serving(hostile_site) as base:
        watched = Watched(browser)
        watched.page.set_viewport_size({"width": 390, "height": 844})  # a phone: long words must still wrap
        dialogs: list[str] = []
        watched.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for html in sorted(hostile_site.rglob("*.html")):
            watched.page.goto(f"{base}/{html.relative_to(hostile_site).as_posix()}")
            watched.page.wait_for_load_state("networkidle")
            width = watched.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert width <= 1, f"{html.name} scrolls sideways by {width}px"
        watched.page.close()
    assert dialogs == []
    watched.clean()
