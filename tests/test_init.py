"""`python -m builder init DIR`: a skeleton guide that validates and builds at once, through the real CLI."""

from __future__ import annotations

import re
from pathlib import Path

from builder.init import SKELETON

from .conftest import make_project, run_builder


def test_init_writes_every_content_file_and_the_guide_builds(tmp_path: Path) -> None:
    result = run_builder(tmp_path, "init", "guide")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "guide"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == sorted(SKELETON)
    for name in SKELETON:
        if name.endswith(".yaml"):
            first, second = (folder / name).read_text(encoding="utf-8").splitlines()[:2]
            schema = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
            assert schema and (folder / name).parent.joinpath(schema[1]).resolve().is_file(), name
            assert second.startswith("# ") and len(second) > 20, name  # what the file holds
    assert run_builder(tmp_path, "--content", "guide", "check").returncode == 0

    project = make_project(tmp_path / "project", folder)
    built = run_builder(project, "site")
    assert built.returncode == 0, built.stderr
    home = (project / "build" / "docs" / "index.md").read_text(encoding="utf-8")
    assert "The tram line vote" in home and "Miami" not in home
    assert (project / "site" / "sources" / "example-report.html").is_file()
    assert "The city council approved the new tram line" in (project / "site" / "quiz" / "timeline.html").read_text(
        encoding="utf-8"
    )


def test_init_refuses_a_folder_that_holds_anything(tmp_path: Path) -> None:
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = run_builder(tmp_path, "init", "guide")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "guide already exists and is not empty: give a new folder for the guide" in result.stderr
    assert [p.name for p in (tmp_path / "guide").iterdir()] == ["notes.txt"]


def test_a_missing_file_error_points_to_init(tmp_path: Path) -> None:
    run_builder(tmp_path, "init", "guide")
    (tmp_path / "guide" / "events.yaml").unlink()
    result = run_builder(tmp_path, "--content", "guide", "check")
    assert result.returncode == 1
    assert "guide/events.yaml:1:1: file is missing: every guide needs it (python -m builder init NEW_FOLDER" in (
        result.stderr
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_guides_in_one_checkout_keep_their_own_folders_and_names(tmp_path: Path) -> None:
    """The shipped guide (content/) and a second one (tram/): each builds into its own Markdown, cache and site
    folders, with its own site name from its guide.yaml, and no text of the other."""
    from .conftest import GUIDE

    project = make_project(tmp_path / "project", GUIDE)
    assert run_builder(project, "init", "tram").returncode == 0
    assert run_builder(project, "site").returncode == 0
    first = _files(project / "site"), _files(project / "build" / "docs")
    result = run_builder(project, "--content", "tram", "site")
    assert result.returncode == 0, result.stderr
    assert "open site-tram/index.html" in result.stderr
    assert (_files(project / "site"), _files(project / "build" / "docs")) == first  # the first guide untouched
    assert (project / "build" / "tram" / "docs" / "index.md").is_file() and (
        project / "build" / "tram" / "cache"
    ).is_dir()
    tram = project / "site-tram"
    assert "<title>The tram line vote</title>" in (tram / "index.html").read_text(encoding="utf-8")
    leaked = [p for p in tram.rglob("*.html") if "Miami" in p.read_text(encoding="utf-8")]
    assert leaked == []
    assert "<title>The Miami talks" in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert not list(project.glob(".*.site.yml"))
