"""The synthetic corpus generator (`python -m builder synth N OUT`): valid, deterministic, realistically shaped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builder.analyse import analyse
from builder.cli import main
from builder.synth import synthesize, write_corpus
from builder.validate import Corpus, load_corpus

from .conftest import ROOT, make_project, run_builder


def corpus_of(tmp_path: Path, n: int, seed: int = 0) -> Corpus:
    content = tmp_path / f"content-{n}-{seed}"
    write_corpus(synthesize(n, seed), content)
    return load_corpus(content)  # raises ContentError listing every problem


@pytest.mark.parametrize("n", [5, 30])
def test_generated_corpus_validates_with_the_promised_shape(tmp_path: Path, n: int) -> None:
    corpus = corpus_of(tmp_path, n)
    assert [a.id for a in corpus.articles] == [f"synth-{i:04d}" for i in range(1, n + 1)]
    assert len(corpus.events) == n // 5 + 20
    assert 30 <= len(corpus.actors) <= 60
    assert 15 <= len(corpus.topics) <= 25 and all("." in t.id for t in corpus.topics)
    assert len(corpus.glossary) == 30
    assert corpus.quiz.questions and corpus.quiz.written
    for article in corpus.articles:
        assert article.status == "reviewed"
        assert 3 <= len(article.events) <= 8
        assert 5 <= len(article.claims) <= 12
        assert 3 <= len(article.actors) <= 8
    assert len({a.label for a in corpus.articles}) == n


def test_sources_share_events_and_actors_and_disagree(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path, 30)
    analysis = analyse(corpus)
    assert max(len(entry.reports) for entry in analysis.timeline) >= 3, "events are shared between sources"
    assert any(entry.conflict for entry in analysis.timeline), "some sources date an event differently"
    assert {f.status for f in analysis.findings} >= {"majority", "disputed"}
    assert max(len(p.mentions) for p in analysis.actors) >= 5, "actors recur across sources"
    assert any(a.aliases for a in corpus.actors) and any(a.affiliation for a in corpus.actors)
    years = {d[:4] for a in corpus.articles for r in a.events if (d := r.date)}
    assert len(years) >= 4
    assert len({a.added for a in corpus.articles}) >= 20
    raw = "".join(corpus.raw.values())
    assert "\u201c" in raw and "\u2019" in raw, "raw texts use curly quotes that the YAML writes straight"


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    write_corpus(synthesize(30, seed=7), tmp_path / "a")
    write_corpus(synthesize(30, seed=7), tmp_path / "b")
    files_a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    files_b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert files_a == files_b and len(files_a) == 2 * 30 + 6
    assert synthesize(30, seed=8) != synthesize(30, seed=7)
    # Another process, with another string-hash seed (set order), writes the same bytes through the command.
    command = [sys.executable, "-m", "builder", "synth", "30", str(tmp_path / "c"), "--seed", "7"]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    assert files_a == {
        p.relative_to(tmp_path / "c"): p.read_bytes() for p in (tmp_path / "c").rglob("*") if p.is_file()
    }
    assert all(text.startswith("# yaml-language-server: $schema=") for p, text in synthesize(3).items() if "yaml" in p)


def test_the_writer_never_overwrites_a_folder(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "guide.yaml").write_text("mine\n")
    with pytest.raises(FileExistsError):
        write_corpus(synthesize(1), tmp_path / "content")
    assert (tmp_path / "content" / "guide.yaml").read_text() == "mine\n"
    with pytest.raises(ValueError):
        synthesize(0)


def test_the_synth_command_writes_a_valid_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["synth", "4", str(tmp_path / "content")]) == 0
    assert "wrote 4 synthetic articles" in capsys.readouterr().err
    assert len(load_corpus(tmp_path / "content").articles) == 4
    assert main(["synth", "4", str(tmp_path / "content")]) == 1  # not empty: refused
    with pytest.raises(SystemExit):
        main(["synth", "0", str(tmp_path / "other")])


@pytest.mark.site
def test_a_small_synthetic_guide_builds_into_a_site(tmp_path: Path) -> None:
    write_corpus(synthesize(8), tmp_path / "content")
    project = make_project(tmp_path / "project", tmp_path / "content")
    result = run_builder(project, "site")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "timeline.html").is_file()
    assert all((site / "sources" / f"synth-{i:04d}.html").is_file() for i in range(1, 9))
    assert (site / "search" / "search_index.json").stat().st_size > 0
