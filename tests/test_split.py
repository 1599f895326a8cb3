"""Long lists split into pages, so no page grows without bound as a guide gathers articles: the timeline by year
(and a busy year in parts), the sources list, What's new and the events dated differently. Every link into the
split pages must still land on its target: checked by a real `mkdocs build --strict`, which validates anchors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from builder import render
from builder.pipeline import generate
from builder.synth import synthesize, write_corpus
from builder.write import write_pages

from .conftest import ROOT, make_project

ANCHOR = re.compile(r"\{ #([a-z0-9-]+) \}")


@pytest.fixture
def split_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, str]]:
    """A synthetic guide of 40 articles rendered with small page limits, so that every list splits."""
    monkeypatch.setattr(render, "TIMELINE_PAGE", 8)
    monkeypatch.setattr(render, "LIST_PAGE", 12)
    monkeypatch.setattr(render, "CONFLICTS_PAGE", 3)
    write_corpus(synthesize(40, 0), tmp_path / "content")
    project = make_project(tmp_path / "project", tmp_path / "content")
    pages = {path: page for path, page in generate(project / "content")[1].items() if isinstance(page, str)}
    write_pages(generate(project / "content")[1], project / "build" / "docs")
    return project, pages


def test_every_list_splits_and_keeps_every_item_once(split_site: tuple[Path, dict[str, str]]) -> None:
    _, pages = split_site
    parts = sorted(p for p in pages if re.fullmatch(r"timeline-[a-z0-9-]+\.md", p))
    assert len(parts) >= 3 and "timeline.md" in pages
    events = [anchor for part in parts for anchor in ANCHOR.findall(pages[part]) if anchor.startswith("event-")]
    assert len(events) == len(set(events)) == 40 // 5 + 20, "each event is on exactly one part of the timeline"
    for part in parts:
        assert len(re.findall(r"^### ", pages[part], flags=re.M)) <= 8
        assert f"]({part})" in pages["timeline.md"], f"timeline.md lists {part}"
    sources = ["sources/index.md", *sorted(p for p in pages if re.fullmatch(r"sources-\d+\.md", p))]
    assert len(sources) == 4  # 40 sources, 12 a page
    listed = [link for page in sources for link in re.findall(r"\]\(((?:sources/)?synth-\d+\.md)\)", pages[page])]
    assert len(listed) == len(set(listed)) == 40
    news = ["whats-new.md", *sorted(p for p in pages if re.fullmatch(r"whats-new-\d+\.md", p))]
    assert len(news) == 4
    assert sum(len(re.findall(r"\{ #added-", pages[p])) for p in news) == 40
    conflicts = [p for p in pages if p.startswith("dated-differently-")]
    assert conflicts, "the synthetic guide has more than 3 events dated differently"
    for page in ["discrepancies.md", *conflicts]:
        section = pages[page].split("## Uncorroborated")[0]
        assert len(re.findall(r"\{ #event-", section)) <= 3


def test_links_into_split_pages_resolve_in_a_strict_mkdocs_build(split_site: tuple[Path, dict[str, str]]) -> None:
    project, pages = split_site
    flags = [p for p in pages if "sg-flag" in pages[p]]
    assert any("dated-differently-" in pages[p] for p in flags), "some timeline flags lead to a further page"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (project / "site" / "sources-2.html").is_file()
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["validation"]["anchors"] == "warn", "a link to a missing anchor fails the strict build"


def test_actor_pages_list_a_few_reports_of_each_event(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An actor's events list names at most MAX_QUOTES reports of each event and counts the rest, so the page
    stays small however many sources report the event (the timeline lists them all)."""
    monkeypatch.setitem(render._environment().globals, "MAX_QUOTES", 2)  # for the templates
    monkeypatch.setattr(render, "MAX_QUOTES", 2)  # for the rows render.actor_rows fills in
    write_corpus(synthesize(40, 0), tmp_path / "content")
    pages = generate(tmp_path / "content")[1]
    lines = []
    for path, page in pages.items():
        if path.startswith("actors/") and isinstance(page, str) and "## Events" in page:
            section = page.split("## Events", 1)[1].split("\n## ", 1)[0]
            lines += [line for line in section.splitlines() if line.startswith("- [")]
    assert lines, "the synthetic guide's actors take part in events"
    assert max(line.count("{ .sg-badge }") for line in lines) == 2
    assert any(re.search(r"; and \d+ more reports \(see the timeline\)$", line) for line in lines)
