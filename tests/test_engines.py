"""Either site engine publishes the same guide: MkDocs (default) or Zensical (`--engine zensical`,
`make site ENGINE=zensical`). Real builds of the frozen guide through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.engines import ENGINES, Engine, EngineError, engine

from .conftest import GUIDE, make_project, run_builder


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("zensical"), GUIDE)
    result = run_builder(project, "site", "--engine", "zensical")
    assert result.returncode == 0, result.stderr
    assert "site built with zensical" in result.stderr
    return project


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_both_engines_publish_the_same_pages(zensical_site: Path, guide_site: Path) -> None:
    zensical, mkdocs = _pages(zensical_site / "site"), _pages(guide_site / "site")
    assert len(mkdocs) > 50 and zensical == mkdocs
    for engine_name, project in (("zensical", zensical_site), ("mkdocs", guide_site)):
        assert (project / "site" / ENGINES[engine_name].search_index_path).is_file(), engine_name
    # the builder's Markdown is the same whichever engine publishes it: the pages carry its tables and statuses
    discrepancies = (zensical_site / "site" / "discrepancies.html").read_text(encoding="utf-8")
    assert 'class="sg-status sg-status--meetings"' in discrepancies and "<table" in discrepancies
    assert "assets/quiz.js" in (zensical_site / "site" / "quiz" / "mock.html").read_text(encoding="utf-8")


def test_zensical_leaves_no_config_copy_behind(zensical_site: Path) -> None:
    assert not list(zensical_site.glob(".*.site.yml"))
    assert (zensical_site / "mkdocs.yml").read_text(encoding="utf-8").count("hooks:") == 1  # the original, untouched


def test_a_failed_zensical_build_leaves_the_previous_site(zensical_site: Path) -> None:
    before = (zensical_site / "site" / "index.html").read_bytes()
    config = zensical_site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("custom_dir: theme", "custom_dir: no-such-theme-folder"), encoding="utf-8")
    try:
        result = run_builder(zensical_site, "site", "--engine", "zensical")
    finally:
        config.write_text(text, encoding="utf-8")
    assert result.returncode == 1, result.stderr
    assert "zensical build failed; the previous site is untouched" in result.stderr
    assert (zensical_site / "site" / "index.html").read_bytes() == before


def test_an_unknown_or_missing_engine_is_refused_with_what_to_do(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", GUIDE)
    result = run_builder(project, "site", "--engine", "hugo")
    assert result.returncode == 2 and "invalid choice: 'hugo'" in result.stderr
    missing = Engine("zensical", "no_such_module_here", "pip install -e '.[zensical]'", "search.json", "search.js")
    with pytest.raises(EngineError, match=r"not installed: run pip install -e '\.\[zensical\]'"):
        missing.check()
    with pytest.raises(EngineError, match="unknown site engine 'hugo': use one of mkdocs, zensical"):
        engine("hugo")
    assert not (project / "site").exists()
