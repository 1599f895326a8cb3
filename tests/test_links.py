"""Content files that are symbolic links leading out of content/ are refused: a raw text is published on its
source page, so a link to a file elsewhere (a key, a password file) would be read and published by whoever builds
the guide. Through the real CLI, on a copy of the mini guide."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import MINI, make_project, run_builder

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")

SECRET = "-----BEGIN PRIVATE KEY----- not for publishing"


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "id_key.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET + "\n", encoding="utf-8")
    return secret


def test_a_raw_text_linked_from_outside_is_refused_and_nothing_is_published(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", MINI)
    assert run_builder(project, "site").returncode == 0
    before = (project / "site" / "sources" / "one.html").read_bytes()
    raw = project / "content" / "raw" / "one.txt"
    raw.unlink()
    raw.symlink_to(_secret(tmp_path))

    for command in ("check", "site"):
        result = run_builder(project, command)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        lines = [line for line in result.stderr.splitlines() if "outside the content folder" in line]
        assert len(lines) == 1 and lines[0].startswith("content/articles/one.yaml:"), result.stderr
        assert f"is a link to {tmp_path / 'elsewhere' / 'id_key.txt'}" in lines[0]
    assert (project / "site" / "sources" / "one.html").read_bytes() == before  # the previous site stays
    published = [p for p in (project / "site").rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    generated = [p for p in (project / "build").rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert published == generated == []


def test_a_content_file_or_folder_linked_from_outside_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", MINI)
    outside = tmp_path / "outside-articles"
    (project / "content" / "articles").rename(outside)
    (project / "content" / "articles").symlink_to(outside)  # the folder itself leads out
    result = run_builder(project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"content/articles/one.yaml:1:1: is a link to {outside / 'one.yaml'}, outside the content folder" in (
        result.stderr
    )


def test_links_that_stay_inside_the_content_folder_are_fine(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", MINI)
    content = project / "content"
    (content / "raw" / "one-copy.txt").write_bytes((content / "raw" / "one.txt").read_bytes())
    (content / "raw" / "one.txt").unlink()
    (content / "raw" / "one.txt").symlink_to("one-copy.txt")
    result = run_builder(project, "check")
    assert result.returncode == 0, result.stderr
