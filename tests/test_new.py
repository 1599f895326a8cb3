"""`python -m builder new`: from raw text to a draft that validates, then to a reviewed, rebuilt page."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from builder.analyse import analyse
from builder.cli import main
from builder.pipeline import build
from builder.questions import build_bank
from builder.validate import load_corpus

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "new"


def new(content: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--content", str(content), "new", *args])
    return code, capsys.readouterr().err


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_new_article_from_draft_to_reviewed_rebuild(
    mini_content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before_corpus = load_corpus(mini_content)
    before = analyse(before_corpus)
    before_ids = {q.id for q in build_bank(before_corpus, before)}

    code, err = new(mini_content, str(FIXTURES / "lake-again.txt"), "--id", "lake-again", capsys=capsys)
    assert code == 0, err
    raw = mini_content / "raw" / "lake-again.txt"
    draft = mini_content / "articles" / "lake-again.yaml"
    assert raw.read_bytes() == (FIXTURES / "lake-again.txt").read_bytes()
    text = draft.read_text()
    assert "status: draft" in text and 'published: "2024-05-10"' in text
    assert "- actor: ann-north" in text and "- actor: bob-south" in text
    assert '"8 May 2024" -> date: "2024-05-08"' in text and "autumn" in text.lower()

    # The draft builds at once, with a banner, and changes no status.
    build(mini_content, tmp_path / "docs")
    assert '!!! warning "Draft"' in (tmp_path / "docs" / "sources" / "lake-again.md").read_text()
    assert analyse(load_corpus(mini_content)).finding("meeting.mood").status == before.finding("meeting.mood").status

    # The author fills in the draft, as they would in an editor, and marks it reviewed.
    text = text.replace("status: draft", "status: reviewed").replace("events: []", EVENTS).replace("claims: []", CLAIMS)
    draft.write_text(text)
    corpus = load_corpus(mini_content)
    after = analyse(corpus)
    build(mini_content, tmp_path / "docs")

    timeline = (tmp_path / "docs" / "timeline.md").read_text()
    assert "8 May 2024" in timeline and "A third meeting" in timeline
    assert before.finding("meeting.place").status == "disputed"
    assert after.finding("meeting.place").status == "majority"  # the lake now has two sources of three
    news = (tmp_path / "docs" / "whats-new.md").read_text()
    assert news.index("Envoys Return") < news.index("Envoys Meet at the Lake")
    badge = '<span class="sg-status sg-status--{}">{}</span>'
    assert f"| {badge.format('disputed', 'Disputed')} | {badge.format('majority', 'Majority')} |" in news
    after_ids = {q.id for q in build_bank(corpus, after)}
    unrelated = {qid for qid in before_ids if "meeting.place" not in qid and "meeting.mood" not in qid}
    assert unrelated and unrelated <= after_ids  # questions on untouched topics kept their ids
    assert {"which-source.meeting.mood.lake-again", "according-to.meeting.place.lake-again"} <= after_ids - before_ids


EVENTS = """events:
  - event: follow-up
    date: "2024-05-08"
    date_text: "8 May 2024"
    title: "A third meeting"
    actors: [ann-north, bob-south]
    quote: "Ann North and Bob South met again at the lake on 8 May 2024"
"""
CLAIMS = """claims:
  - topic: meeting.place
    value: "The lake"
    quote: "met again at the lake"
  - topic: meeting.mood
    value: "Tense"
    quote: "The talks were tense"
"""


def test_refuses_an_existing_id(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files(mini_content)
    code, err = new(mini_content, str(FIXTURES / "lake-again.txt"), "--id", "one", capsys=capsys)
    assert code == 1 and "already exists" in err and "nothing was written" in err
    assert files(mini_content) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the text is empty"),
        (b"  \n\n \t\n", "the text is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Caf\xe9 talks in Miami\n", "is not UTF-8"),
    ],
)
def test_refuses_empty_binary_and_non_utf8_input(
    mini_content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    source = tmp_path / "input.txt"
    source.write_bytes(data)
    before = files(mini_content)
    code, err = new(mini_content, str(source), capsys=capsys)
    assert code == 1 and message in err and "Traceback" not in err
    assert files(mini_content) == before


def test_warns_about_mojibake_and_shows_where(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = new(mini_content, str(FIXTURES / "mojibake.txt"), "--id", "cafe", capsys=capsys)
    assert code == 0
    assert "raw/cafe.txt:1:13: warning: 'π' looks like damaged text" in err
    assert "editor_note:" in (mini_content / "articles" / "cafe.yaml").read_text()


def test_text_naming_no_known_actor(mini_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = new(mini_content, str(FIXTURES / "no-actors.txt"), capsys=capsys)
    assert code == 0, err
    draft = mini_content / "articles" / "a-quiet-week-in-the-capital.yaml"
    assert "actors: []  # no known actor is named" in draft.read_text()
    load_corpus(mini_content)


def test_reads_standard_input(
    mini_content: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (FIXTURES / "lake-again.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, err = new(mini_content, "-", "--id", "from-stdin", capsys=capsys)
    assert code == 0, err
    assert (mini_content / "raw" / "from-stdin.txt").read_bytes() == data
