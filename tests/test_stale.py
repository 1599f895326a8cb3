"""The "may be stale" list (builder/stale.py): hand-written passages that a new article may have made false."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from builder.load import load
from builder.stale import may_be_stale
from builder.validate import validate

from .conftest import GUIDE, make_project, run_builder


def _guide(tmp_path: Path) -> Path:
    return Path(shutil.copytree(GUIDE, tmp_path / "content"))


def _add_later_report(content: Path) -> None:
    """A fifth source, added after the others, that answers the same topics as the mediation report."""
    data = yaml.safe_load((content / "articles" / "us-mediated-russia-ukraine.yaml").read_text(encoding="utf-8"))
    data.update(id="later-report", title="A later report on the Miami meetings", short_title="Later report")
    data.update(added="2026-12-01", raw="raw/later-report.txt")
    (content / "articles" / "later-report.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    shutil.copy(content / "raw" / "002_9f7a9a75e65c9e0d.txt", content / "raw" / "later-report.txt")


def _stale(content: Path) -> list[str]:
    inputs = load(content)
    return [str(passage) for passage in may_be_stale(inputs.shared, validate(inputs))]


def test_nothing_is_stale_while_the_sources_all_arrived_together(tmp_path: Path) -> None:
    assert _stale(_guide(tmp_path)) == []


def test_a_new_source_lists_counts_and_statements_it_may_have_made_false(tmp_path: Path) -> None:
    content = _guide(tmp_path)
    _add_later_report(content)
    stale = _stale(content)
    guide_title = 'content/guide.yaml:2: "four sources": the guide has 5 reviewed sources now'
    assert guide_title in stale, stale
    us_lead = f'content/topics.yaml:{_note_line(content, "No source names a person")}: "No source": the newest'
    assert any(s.startswith(us_lead) for s in stale), stale
    assert all("the Later report, also answers this topic" in s for s in stale if "newest source" in s)
    # a topic the new source does not answer is not listed: India's position
    india = f"content/topics.yaml:{_note_line(content, 'Only the Slutsky report mentions India')}:"
    assert not any(s.startswith(india) for s in stale)


def _note_line(content: Path, words: str) -> int:
    """The line of the `note:` key of the topic note holding `words` (where the list points)."""
    lines = (content / "topics.yaml").read_text(encoding="utf-8").splitlines()
    found = next(i for i, line in enumerate(lines) if words in line)
    return next(i for i in range(found, 0, -1) if lines[i].strip().startswith("note:")) + 1


def test_a_passage_that_names_the_new_source_is_taken_as_read_again(tmp_path: Path) -> None:
    content = _guide(tmp_path)
    _add_later_report(content)
    topics = content / "topics.yaml"
    text = topics.read_text(encoding="utf-8")
    edited = text.replace("No source names a person.", "No source, the Later report included, names a person.")
    topics.write_text(edited, encoding="utf-8")
    note = f"content/topics.yaml:{_note_line(content, 'the Later report included')}:"
    assert not any(s.startswith(note) for s in _stale(content))
    _add_later_report(_guide(tmp_path / "again"))  # and the same note unchanged is listed: the test can fail
    assert any(s.startswith(note) for s in _stale(tmp_path / "again" / "content"))


def test_the_cli_prints_the_list_after_a_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", GUIDE)
    _add_later_report(project / "content")
    result = run_builder(project, "--no-cache", "build")
    assert result.returncode == 0, result.stderr
    assert "may be stale:" in result.stderr
    assert '  content/guide.yaml:2: "four sources": the guide has 5 reviewed sources now' in result.stderr
