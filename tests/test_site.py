"""The real thing: `python -m builder site` runs the builder and `mkdocs build --strict` on the frozen guide
(tests/fixtures/guide; tests/test_live_guide.py builds the live content/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from builder.validate import load_corpus

from .conftest import run_builder, search_entries

pytestmark = pytest.mark.site


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{url}.html").read_text(encoding="utf-8"), "html.parser")


def test_every_article_has_a_page_with_its_claims(guide_site: Path) -> None:
    corpus = load_corpus(guide_site / "content")
    assert (guide_site / "site" / "index.html").is_file()
    for article in corpus.articles:
        html = page(guide_site / "site", f"sources/{article.id}")
        assert html.h1 is not None and " ".join(html.h1.get_text().split()).rstrip("¶") == article.title
        quotes = [q.get_text(" ", strip=True) for q in html.select("article blockquote")]
        assert len(quotes) >= len(article.claims)


def test_unknown_outlets_show_as_unknown(guide_site: Path) -> None:
    corpus = load_corpus(guide_site / "content")
    article = next(a for a in corpus.articles if a.outlet is None)
    cells = [td.get_text(strip=True) for td in page(guide_site / "site", f"sources/{article.id}").select("td")]
    assert cells[cells.index("Outlet") + 1] == "Unknown"


def test_search_for_an_actor_finds_the_articles_that_name_them(guide_site: Path) -> None:
    corpus = load_corpus(guide_site / "content")
    index = search_entries(guide_site / "site")
    for actor_id in ("leonid-slutsky", "antony-blinken"):
        name = corpus.actor(actor_id).name
        naming = {a.id for a in corpus.articles if any(m.actor == actor_id for m in a.actors)}
        found = {
            doc["location"].split("/")[1].split(".html")[0]
            for doc in index
            if doc["location"].startswith("sources/") and name in doc["text"]
        }
        assert naming and naming <= found, f"search for {name!r} found {found}, expected {naming}"


def test_no_external_resources(guide_site: Path) -> None:
    for html_file in (guide_site / "site").rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, html_file
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup.select("script[src], link[href]"):
            target = str(tag.get("src") or tag.get("href"))
            if tag.name == "link" and tag.get("rel") == ["canonical"]:
                continue
            assert not target.startswith(("http:", "https:", "//")), f"{html_file}: {target}"


def test_failed_build_leaves_previous_site_untouched(mini_project: Path) -> None:
    assert run_builder(mini_project, "site").returncode == 0
    before = {p: p.read_bytes() for p in (mini_project / "site").rglob("*") if p.is_file()}
    article = mini_project / "content" / "articles" / "one.yaml"
    article.write_text(article.read_text().replace("kind: news", "kind: rumour"))
    result = run_builder(mini_project, "site")
    assert result.returncode == 1
    assert "content/articles/one.yaml:" in result.stderr and "Traceback" not in result.stderr
    after = {p: p.read_bytes() for p in (mini_project / "site").rglob("*") if p.is_file()}
    assert after == before


def test_failed_mkdocs_build_leaves_previous_site_untouched(mini_project: Path) -> None:
    assert run_builder(mini_project, "site").returncode == 0
    before = {p: p.read_bytes() for p in (mini_project / "site").rglob("*") if p.is_file()}
    config = mini_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("- Sources: sources/index.md", "- Gone: missing.md"))
    result = run_builder(mini_project, "site")
    assert result.returncode == 1 and "previous site is untouched" in result.stderr
    after = {p: p.read_bytes() for p in (mini_project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(mini_project.glob(".site-*")), "staging folder left behind"


def test_raw_texts_stay_on_their_pages_but_out_of_the_search_index(guide_site: Path) -> None:
    """The full texts would make the index grow fastest of all; summaries, claims and quotes are indexed."""
    index = json.dumps(search_entries(guide_site / "site"), ensure_ascii=False)
    page_html = (guide_site / "site" / "sources" / "track2-slutsky-constructive.html").read_text(encoding="utf-8")
    sentence = "This type of diplomacy involves a mix of current officials and former diplomats or experts"
    assert sentence in page_html and sentence not in index
