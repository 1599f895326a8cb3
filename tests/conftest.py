"""Shared fixtures: the repository root, copies of content, and throwaway projects to build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
GUIDE = ROOT / "tests" / "fixtures" / "guide"  # a frozen copy of the guide: tests never read the live content/


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true", help="rewrite golden files instead of comparing")


@pytest.fixture
def update_snapshots(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-snapshots"))


def make_project(where: Path, content: Path) -> Path:
    """A project folder like the repository's (mkdocs.yml, theme/, builder/) around a copy of `content`."""
    where.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", where / "theme")
    (where / "builder").symlink_to(ROOT / "builder")
    shutil.copytree(content, where / "content")
    return where


@pytest.fixture
def mini_content(tmp_path: Path) -> Path:
    """A writable copy of the small fixture corpus, as a folder named `content`."""
    return Path(shutil.copytree(MINI, tmp_path / "content"))


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", MINI)


def run_builder(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "builder", *args]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)


# The site engine the site-building tests publish with: mkdocs (default) or zensical. `make test` runs every test
# with MkDocs, then (make test-zensical) the tests of the published site again with Zensical.
ENGINE = os.environ.get("STORYGUIDE_TEST_ENGINE", "mkdocs")


@pytest.fixture(scope="session")
def guide_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen guide (tests/fixtures/guide), built once per test run with the real `python -m builder site`,
    by the engine the run tests (ENGINE)."""
    project = make_project(tmp_path_factory.mktemp("guide"), GUIDE)
    result = run_builder(project, "site", "--engine", ENGINE)
    assert result.returncode == 0, result.stderr
    return project


def search_entries(site: Path) -> list[dict[str, str]]:
    """The published search index's entries (location, title, text), whichever engine wrote it: MkDocs'
    search/search_index.json {"docs": [...]} or Zensical's search.json {"items": [...]}."""
    from builder.engines import ENGINES

    for engine in ENGINES.values():
        path = site / engine.search_index_path
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            entries: list[dict[str, str]] = data.get("docs", data.get("items", []))
            return entries
    raise AssertionError(f"no search index in {site}")
