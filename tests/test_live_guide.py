"""The live guide: the one test that builds content/ itself, as the author publishes it (or another guide's
folder, named by STORYGUIDE_GUIDE: `make test-guide GUIDE=folder`).

Every other test runs on fixtures under tests/ (the frozen guide in fixtures/guide, fixtures/mini, synthetic
corpora), so adding an article to content/ changes no snapshot, count or question id that a test expects. This
module checks only what stays true however many articles arrive: the builder and `mkdocs build --strict` pass, and
every article, draft or reviewed, has its source page.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from builder.validate import load_corpus

from .conftest import ROOT, make_project, run_builder

LIVE = Path(os.environ.get("STORYGUIDE_GUIDE") or ROOT / "content")

# The test modules that may read the live content/, and why.
LIVE_READERS = {
    "test_live_guide.py": "this module: the one real build of the live guide",
    "test_schema.py": "the schema line of each file an author opens; `builder new` writes it in every new article",
    "test_load.py": "every YAML file as a case for the parser: a new article adds a case, it changes no expected value",
}
READS_LIVE = re.compile(r"""ROOT\s*/\s*["']content["']|glob\(\s*["']content/""")


@pytest.mark.site
def test_the_live_guide_builds_strictly_with_a_page_for_every_article(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", LIVE)
    result = run_builder(project, "site")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    site = project / "site"
    for page in ("index", "timeline", "discrepancies", "quiz/index"):
        assert (site / f"{page}.html").is_file(), page
    corpus = load_corpus(project / "content")
    assert corpus.articles
    lists = [site / "sources" / "index.html", *site.glob("sources-*.html")]  # the list is split past 200 sources
    linked = {
        posixpath.basename(str(a["href"]).split("#")[0])
        for page in lists
        for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("article a[href]")
    }
    for article in corpus.articles:
        page = site / "sources" / f"{article.id}.html"
        assert page.is_file(), f"{article.id} has no source page"
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert html.h1 is not None and " ".join(html.h1.get_text().split()).rstrip("¶") == article.title
        assert f"{article.id}.html" in linked, f"{article.id} is not in the sources list"


def test_no_other_test_reads_the_live_content() -> None:
    """A test that reads content/ breaks when an author adds an article: it belongs on a fixture under tests/."""
    readers = {path.name for path in (ROOT / "tests").glob("*.py") if READS_LIVE.search(path.read_text("utf-8"))}
    assert "test_live_guide.py" in readers, "the pattern no longer finds even this module's own LIVE"
    assert sorted(readers - set(LIVE_READERS)) == [], "run these on tests/fixtures/guide (conftest.GUIDE) instead"
