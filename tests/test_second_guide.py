"""A second guide on another story, built end to end: tests/fixtures/council (a fictional city council vote, three
reports that disagree on its date, its count and who took part) goes through the real CLI and the real site
engine beside the shipped fixture guide. Its pages carry its own name and title and no text of the shipped guide,
its Markdown goes to its own folder, and its discrepancy page judges its own story."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from builder.validate import load_corpus

from .conftest import ENGINE, GUIDE, ROOT, make_project, run_builder, search_entries

pytestmark = pytest.mark.site

COUNCIL = ROOT / "tests" / "fixtures" / "council"
# Words only the shipped guide (the Miami talks) or its exam put on a page.
SHIPPED_STORY = ("Miami", "Ukraine", "Slutsky", "Kremlin", "GS-II")
EXAM_WORDS = ("UPSC", "prelims", "Mains")


@dataclass(frozen=True)
class Built:
    project: Path
    site: Path
    result: subprocess.CompletedProcess[str]
    content_before: dict[str, bytes]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A checkout whose content/ is the shipped fixture guide, with the council guide beside it in council/, built
    once with `python -m builder --content council site --site <elsewhere>`."""
    where = tmp_path_factory.mktemp("second-guide")
    project = make_project(where / "project", GUIDE)
    shutil.copytree(COUNCIL, project / "council")
    before = _files(project / "content")
    site = where / "council-site"
    result = run_builder(project, "--content", "council", "site", "--site", str(site), "--engine", ENGINE)
    return Built(project, site, result, before)


def _published(site: Path) -> dict[Path, str]:
    """Every page, search index and sitemap the engine wrote: what a reader or a search engine sees."""
    return {p: p.read_text(encoding="utf-8") for p in sorted(site.rglob("*")) if p.suffix in (".html", ".json", ".xml")}


def _found(words: tuple[str, ...], texts: dict[Path, str]) -> list[str]:
    """Where any of `words` occurs as a word, case aside ("Mains" but not "remains")."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    return [f"{path.name}: {m[0]!r}" for path, text in texts.items() for m in pattern.finditer(text)]


def _page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url).read_text(encoding="utf-8"), "html.parser")


def test_the_fixture_is_valid_with_nothing_to_warn_about() -> None:
    result = run_builder(ROOT, "--content", str(COUNCIL), "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["builder: content is valid: 3 articles, 6 actors, 6 topics, 4 events"]


def test_the_second_guide_builds_into_its_own_folders(council: Built) -> None:
    assert council.result.returncode == 0, council.result.stderr
    assert "Traceback" not in council.result.stderr and "may be stale" not in council.result.stderr
    assert f"builder: site built with {ENGINE} in " in council.result.stderr
    assert f"open {council.site / 'index.html'}" in council.result.stderr
    docs = council.project / "build" / "council" / "docs"
    assert (docs / "index.md").is_file() and (docs / "sources" / "courier-vote.md").is_file()
    assert (council.project / "build" / "council" / "cache").is_dir()
    # Nothing of the shipped guide's place is touched: its Markdown and site folders are not even made.
    assert not (council.project / "build" / "docs").exists() and not (council.project / "site").exists()
    assert _files(council.project / "content") == council.content_before
    assert _files(council.project / "council") == _files(COUNCIL)  # the builder never writes to a content folder


def test_every_page_carries_the_guides_own_name_and_the_home_page_its_title(council: Built) -> None:
    guide = load_corpus(COUNCIL).guide
    assert guide.site_name == "Larkhaven council vote"
    pages = sorted(council.site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        title = _page(council.site, path.relative_to(council.site).as_posix()).title
        assert title is not None and title.get_text().endswith(guide.site_name), path
    home = _page(council.site, "index.html")
    assert home.h1 is not None and home.h1.get_text().rstrip("¶") == guide.title
    assert home.html is not None and home.html.get("lang") == "en"
    description = home.find("meta", attrs={"name": "description"})
    assert description is not None and description.get("content") == guide.description


def test_no_text_of_the_shipped_guide_anywhere_in_the_site(council: Built) -> None:
    published = _published(council.site)
    indexed = " ".join(entry["text"] for entry in search_entries(council.site))
    assert "Tannery Lane" in indexed and "Marta Lindqvist" in indexed  # the index holds this guide's own text
    assert _found(SHIPPED_STORY, published) == []


def test_no_exam_words_in_a_guide_that_names_no_exam(council: Built) -> None:
    assert _found(EXAM_WORDS, _published(council.site)) == []


def _statuses(discrepancies: BeautifulSoup) -> dict[str, str]:
    """Topic label -> status, from the "who says what" grid."""
    rows = discrepancies.select("table.sg-grid tbody tr")
    return {
        row.th.get_text(strip=True): status.get_text(strip=True)
        for row in rows
        if row.th is not None and (status := row.select_one(".sg-status")) is not None
    }


def test_the_discrepancy_page_judges_this_story(council: Built) -> None:
    page = _page(council.site, "discrepancies.html")
    assert _statuses(page) == {
        "Date of the vote": "Disputed",  # Tuesday 10 March (Courier), Monday 9 March (Gazette), scheduled (preview)
        "Vote count": "Disputed",  # 7-4 against 8-3, within the one meeting the editor's calls make of the vote
        "Outcome": "Time of writing",  # approved, against the preview's expectation
        "Who presented the plan": "Sources differ",
        "The mayor at the vote": "Disputed",
        "Objections to the plan": "Sources differ",
    }
    count = page.find(id="topic-vote-count")
    assert count is not None
    section = count.find_next("p")
    assert section is not None and "How many councillors voted for and against the plan?" in section.get_text()
    quotes = [q.get_text(" ", strip=True) for q in page.select("blockquote")]
    assert any("The city council voted 7-4" in q for q in quotes)
    assert any("by eight votes to three" in q for q in quotes)
    text = page.get_text(" ", strip=True)
    assert "the same meeting, the editor's call" in text  # the vote is one meeting by the editor's call


def test_the_timeline_and_the_quiz_pages_exist(council: Built) -> None:
    timeline = _page(council.site, "timeline.html")
    vote = timeline.find(id="event-council-vote")
    assert vote is not None and "Council vote on the Tannery Lane plan" in vote.get_text()
    assert timeline.select_one("svg.sg-tl-svg") is not None
    quiz = _page(council.site, "quiz/index.html")
    assert quiz.h1 is not None and quiz.h1.get_text().rstrip("¶") == "Quiz"
    terms = (council.site / "quiz" / "terms.html").read_text(encoding="utf-8")
    assert "how many of the Larkhaven council" in terms and "quorum" in terms  # the authored question
    for page in ("sources", "actors", "mock", "review", "due"):
        assert (council.site / "quiz" / f"{page}.html").is_file(), page
