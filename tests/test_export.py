"""Exports of the question bank: the Anki package read back, Anki and Quizlet text files, JSON, the CLI."""

from __future__ import annotations

import dataclasses
import html
import io
import json
import sqlite3
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import genanki  # type: ignore[import-untyped]
import pytest

from builder.analyse import analyse
from builder.export import (
    EXPORT_FORMATS,
    MODEL_ID,
    anki_package,
    anki_text,
    deck_id,
    downloads,
    export_bank,
    questions_json,
    quizlet_text,
    timestamp,
)
from builder.questions import Question, build_bank
from builder.validate import Corpus, load_corpus

from .conftest import GUIDE, MINI, ROOT

Loaded = tuple[Corpus, tuple[Question, ...]]


@pytest.fixture(scope="module", params=[GUIDE, MINI], ids=["guide", "mini"])
def loaded(request: pytest.FixtureRequest) -> Loaded:
    corpus = load_corpus(request.param)
    return corpus, build_bank(corpus, analyse(corpus))


@pytest.fixture(scope="module")
def guide() -> Loaded:
    corpus = load_corpus(GUIDE)
    return corpus, build_bank(corpus, analyse(corpus))


def read_collection(package: bytes, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        assert json.loads(archive.read("media")) == {}
        path = tmp_path / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(path)


def tricky(q: Question) -> Question:
    """The question with text that needs escaping, tabs and line breaks in every user field."""
    return dataclasses.replace(
        q,
        stem='Is <b>this</b> & "that"\tfine?\nReally',
        statements=("one\tand\none", "<i>two</i>"),
        ask="Which\r\nis it?",
        options=tuple(f"{o}\t<x>" for o in q.options),
        explanation="First line.\n\nSecond\tline with <script>alert(1)</script>.",
    )


# --- all formats ----------------------------------------------------------------------------------------


def test_downloads_are_every_format_under_downloads(loaded: Loaded) -> None:
    corpus, bank = loaded
    files = downloads(corpus, bank)
    assert sorted(files) == sorted(f"downloads/{name}" for name in EXPORT_FORMATS.values())
    assert all(files.values())
    assert files["downloads/questions.json"] == export_bank("json", corpus)


@pytest.mark.parametrize("content", [GUIDE, MINI], ids=["guide", "mini"])
def test_every_export_is_byte_identical_when_built_twice(content: Path) -> None:
    builds = []
    for _ in range(2):
        corpus = load_corpus(content)
        builds.append(downloads(corpus, build_bank(corpus, analyse(corpus))))
    assert builds[0] == builds[1]


def test_unknown_format_is_refused(guide: Loaded) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_bank("csv", guide[0])


# --- Anki package ---------------------------------------------------------------------------------------


def test_anki_package_holds_one_note_per_question(loaded: Loaded, tmp_path: Path) -> None:
    corpus, bank = loaded
    with read_collection(anki_package(corpus, bank), tmp_path) as db:
        notes = db.execute("SELECT guid, mid, tags, flds FROM notes ORDER BY id").fetchall()
        cards = db.execute("SELECT DISTINCT did FROM cards").fetchall()
        card_count = db.execute("SELECT count(*) FROM cards").fetchone()[0]
        decks, models = db.execute("SELECT decks, models FROM col").fetchone()
    assert len(notes) == len(bank) == card_count
    assert [guid for guid, *_ in notes] == [genanki.guid_for(q.id) for q in bank]
    assert {mid for _, mid, *_ in notes} == {MODEL_ID}
    assert cards == [(deck_id(corpus),)]
    assert json.loads(decks)[str(deck_id(corpus))]["name"] == corpus.guide.title
    model = json.loads(models)[str(MODEL_ID)]
    assert [f["name"] for f in model["flds"]] == ["Question", "Answer", "Id"]
    for q, (_, _, tags, fields) in zip(bank, notes, strict=True):
        front, back, qid = fields.split("\x1f")
        assert html.escape(q.stem) in front
        assert all(f"({letter}) " in front for letter in "abcd"[: len(q.options)])
        assert f"Answer: ({q.letter}) {html.escape(q.options[q.answer])}" in back
        assert all(html.escape(c.quote) in back for c in q.citations)
        assert qid == q.id
        assert tags.split() == [f"theme::{q.theme}", f"kind::{q.kind}"]


def test_anki_package_is_deterministic(guide: Loaded) -> None:
    corpus, bank = guide
    first = anki_package(corpus, bank)
    assert anki_package(corpus, bank) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_anki_package_times_come_from_the_content(guide: Loaded, tmp_path: Path) -> None:
    corpus, bank = guide
    with read_collection(anki_package(corpus, bank), tmp_path) as db:
        mods = {row[0] for row in db.execute("SELECT mod FROM notes UNION SELECT mod FROM cards")}
    latest = max(article.added for article in corpus.articles)  # full days in this content: they sort as text
    assert mods == {timestamp(corpus)} == {datetime.fromisoformat(latest).replace(tzinfo=UTC).timestamp()}


def test_anki_package_escapes_user_text(guide: Loaded, tmp_path: Path) -> None:
    corpus, bank = guide
    with read_collection(anki_package(corpus, [tricky(bank[0])]), tmp_path) as db:
        front, back, _ = db.execute("SELECT flds FROM notes").fetchone()[0].split("\x1f")
    assert "Is &lt;b&gt;this&lt;/b&gt; &amp; &quot;that&quot; fine? Really" in front
    assert "<script>" not in back and "&lt;script&gt;" in back
    assert "First line.<br><br>Second line" in back
    assert "\t" not in front + back and "\n" not in front + back


def test_deck_and_model_ids_are_fixed() -> None:
    corpus = load_corpus(MINI)
    assert deck_id(corpus) == deck_id(load_corpus(MINI))
    assert deck_id(corpus) != deck_id(load_corpus(GUIDE))
    assert 1 << 30 <= deck_id(corpus) < 1 << 31 and 1 << 30 <= MODEL_ID < 1 << 31


# --- Anki text ------------------------------------------------------------------------------------------


def test_anki_text_has_headers_and_one_line_per_question(loaded: Loaded) -> None:
    corpus, bank = loaded
    text = anki_text(corpus, bank).decode("utf-8")
    assert text.endswith("\n")
    lines = text.splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert header == lines[: len(header)]
    assert header[:2] == ["#separator:tab", "#html:true"]
    assert "#columns:Front\tBack\tTags\tDeck\tGUID" in header
    assert {"#tags column:3", "#deck column:4", "#guid column:5"} <= set(header)
    rows = [line.split("\t") for line in lines[len(header) :]]
    assert len(rows) == len(bank)
    for q, row in zip(bank, rows, strict=True):
        assert len(row) == 5
        front, back, tags, deck, guid = row
        assert html.escape(q.stem) in front and f"({q.letter})" in back
        assert tags == f"theme::{q.theme} kind::{q.kind}"
        assert deck == corpus.guide.title
        assert guid == genanki.guid_for(q.id)
    assert '"' not in "".join(lines[len(header) :])  # nothing Anki's CSV reader could take as quoting


def test_anki_text_keeps_each_question_on_one_line(guide: Loaded) -> None:
    corpus, bank = guide
    lines = anki_text(corpus, [tricky(q) for q in bank[:3]]).decode("utf-8").splitlines()
    rows = [line for line in lines if not line.startswith("#")]
    assert len(rows) == 3
    assert all(len(row.split("\t")) == 5 and "\r" not in row for row in rows)


# --- Quizlet --------------------------------------------------------------------------------------------


def test_quizlet_text_is_term_tab_definition(loaded: Loaded) -> None:
    corpus, bank = loaded
    text = quizlet_text(corpus, bank).decode("utf-8")
    lines = text.splitlines()
    assert text.endswith("\n") and len(lines) == len(bank)
    for q, line in zip(bank, lines, strict=True):
        term, definition = line.split("\t")
        assert term.startswith(q.stem.split()[0]) and term == term.strip() and "  " not in term
        assert definition.startswith(f"({q.letter}) ") and "  " not in definition
        assert "<div" not in term + definition


def test_quizlet_text_collapses_tabs_and_line_breaks(guide: Loaded) -> None:
    corpus, bank = guide
    lines = quizlet_text(corpus, [tricky(q) for q in bank[:3]]).decode("utf-8").splitlines()
    assert len(lines) == 3
    assert all(len(line.split("\t")) == 2 and "\r" not in line for line in lines)
    assert lines[0].startswith('Is <b>this</b> & "that" fine? Really 1. one and one 2. <i>two</i> Which is it? (a)')


# --- JSON -----------------------------------------------------------------------------------------------


def test_json_round_trips_with_valid_keys(loaded: Loaded) -> None:
    corpus, bank = loaded
    data = questions_json(corpus, bank)
    assert data.endswith(b"}\n")
    document = json.loads(data)
    assert (document["format"], document["version"], document["guide"]) == (
        "storyguide-questions",
        1,
        corpus.guide.title,
    )
    assert [q["id"] for q in document["questions"]] == [q.id for q in bank]
    for q, record in zip(bank, document["questions"], strict=True):
        assert 0 <= record["answer"] < len(record["options"])
        assert record["answer_letter"] == "abcde"[record["answer"]]
        assert record["options"] == list(q.options) and record["version"] == q.version
        assert [c["source"] for c in record["citations"]] == [c.article.id for c in q.citations]
        keys = {"source", "source_title", "source_label", "quote", "topic", "event"}
        assert all(set(c) == keys for c in record["citations"])
    assert json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n" == data.decode("utf-8")


# --- command line ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_cli_export_writes_the_file(fmt: str, tmp_path: Path) -> None:
    output = tmp_path / EXPORT_FORMATS[fmt]
    command = [sys.executable, "-m", "builder", "--content", str(MINI), "export", fmt, "-o", str(output)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert output.read_bytes() == export_bank(fmt, load_corpus(MINI))


def test_the_command_line_offers_every_export_format() -> None:
    from builder import cli, export

    # every question-bank format, and the analysis (builder/export_analysis.py)
    assert sorted(cli.EXPORT_FORMATS) == sorted([*export.EXPORT_FORMATS, "analysis"])
