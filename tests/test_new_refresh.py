"""`python -m builder new --refresh ID`: a draft's suggestions catch up with the guide, the editor's lines stay."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.cli import main
from builder.init import init_guide
from builder.load import parse_bytes

from .conftest import GUIDE, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "new"
BLOCKS = ("actor", "claim")
TEXT = """Tram line costs questioned

Published on: March 12, 2026

The city council approved the new tram line on Tuesday, said Mayor Ana Ruiz.
Tomas Berg, the city's finance director, said the tram line would cost 40 million euros.
Berg told reporters that "the budget is tight" and that the works start in May 2026.
"""
NEW_ACTOR = """- id: tomas-berg
  name: Tomas Berg
  kind: person
  side: council
  description: "The city's finance director."
"""
NEW_TOPIC = """- id: tram.cost
  label: Cost of the tram line
  question: How much will the tram line cost?
  exclusive: true
"""
STUB = """#   - topic: vote.outcome  # What did the council decide?
#     # answers other sources give (value: sources):
#     #   "Approved": example-report
#     value: "..."
#     quote: "The city council approved the new tram line on Tuesday, said Mayor Ana Ruiz."  # line 5
"""
CLAIM = """  - topic: vote.outcome  # What did the council decide?
    value: "Approved"
    quote: "The city council approved the new tram line"
# my note: check the vote count against the minutes
"""
OWN_COMMENT = "# Ana Ruiz is quoted twice in the text; the first quote is enough.\n"


def run(content: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--content", str(content), *args])
    return code, capsys.readouterr().err


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def yaml_lines(text: str) -> list[str]:
    """The lines that are not comments, in order: what the editor wrote and refresh must keep byte for byte."""
    return [line for line in text.splitlines(keepends=True) if not line.startswith("#")]


def block(text: str, name: str) -> str:
    """The inside of one marked block of suggestions."""
    start = text.index(f"# -- {name} suggestions (python -m builder new --refresh ")
    return text[text.index("\n", start) + 1 : text.index(f"# -- end of {name} suggestions --")]


@pytest.fixture
def drafted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """An init'd guide with the draft tram-costs, written by `new` from a text naming a person and answering a
    question that the guide does not have yet."""
    content = tmp_path / "content"
    init_guide(content)
    (tmp_path / "tram.txt").write_text(TEXT, encoding="utf-8")
    code, err = run(content, "new", str(tmp_path / "tram.txt"), "--id", "tram-costs", capsys=capsys)
    assert code == 0, err
    return content


def test_refresh_catches_up_with_new_actors_and_topics_and_keeps_the_editors_lines(
    drafted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = drafted / "articles" / "tram-costs.yaml"
    first = draft.read_text(encoding="utf-8")
    assert "#   Tomas Berg  (line 6, named 2x)" in block(first, "actor")
    assert "tram.cost" not in first and "tomas-berg" not in first

    # The editor adds the person and the question to the guide, then edits the draft: a new title, the claim stub
    # uncommented in place (inside the block) with a note of their own, and a comment of their own outside.
    with (drafted / "actors.yaml").open("a", encoding="utf-8") as actors:
        actors.write(NEW_ACTOR)
    with (drafted / "topics.yaml").open("a", encoding="utf-8") as topics:
        topics.write(NEW_TOPIC)
    edited = (
        first.replace('title: "Tram line costs questioned"  # REVIEW: guessed from line 1', 'title: "Tram costs"')
        .replace("claims: []\n", "claims:\n")
        .replace(STUB, CLAIM)
        .replace("actors:\n", OWN_COMMENT + "actors:\n")
    )
    draft.write_text(edited, encoding="utf-8")

    code, err = run(drafted, "new", "--refresh", "tram-costs", capsys=capsys)
    assert code == 0, err
    assert (
        "builder: refreshed " + str(draft) + ": 1 claim stub (1 new: tram.cost), 1 known actor to add (tomas-berg), "
        "0 unknown names, 2 date phrases"
    ) in err
    assert "kept 4 line(s) of yours that were inside the claim suggestions, now just above that block" in err
    refreshed = draft.read_text(encoding="utf-8")

    assert yaml_lines(refreshed) == yaml_lines(edited)  # every YAML line, byte for byte and in order
    assert parse_bytes(refreshed.encode(), "x").data == parse_bytes(edited.encode(), "x").data
    assert CLAIM in refreshed and OWN_COMMENT + "actors:\n" in refreshed
    head = edited[: edited.index("# -- date suggestions")]
    assert refreshed.startswith(head)
    claims = block(refreshed, "claim")
    assert "#   - topic: tram.cost  # How much will the tram line cost?" in claims
    assert "#     quote: \"Tomas Berg, the city's finance director, said the tram line would cost 40 million" in claims
    assert "vote.outcome" not in claims  # the article claims it already
    actors = block(refreshed, "actor")
    assert "Tomas Berg  (line" not in actors  # no longer an unknown person
    assert '#   - actor: tomas-berg\n#     role: "Named in the text' in actors
    assert "ana-ruiz" not in actors  # listed under actors: already
    assert run(drafted, "check", capsys=capsys)[0] == 0

    code, err = run(drafted, "new", "--refresh", "tram-costs", capsys=capsys)
    assert code == 0 and "is up to date: 1 claim stub (0 new)" in err
    assert draft.read_text(encoding="utf-8") == refreshed  # twice is once

    # Uncommented where it stands, the suggested actor is a valid entry, and is then no longer suggested.
    entry = actors[actors.index("#   - actor: tomas-berg") :]
    draft.write_text(refreshed.replace(entry, "".join(line[2:] for line in entry.splitlines(True))), "utf-8")
    code, err = run(drafted, "new", "--refresh", "tram-costs", capsys=capsys)
    assert code == 0 and "0 known actors to add," in err, err
    assert "tomas-berg" not in block(draft.read_text(encoding="utf-8"), "actor")
    assert run(drafted, "check", capsys=capsys)[0] == 0


def test_relative_dates_count_from_the_editors_publication_date(
    drafted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = drafted / "articles" / "tram-costs.yaml"
    text = draft.read_text(encoding="utf-8")
    assert '"on Tuesday" -> date: "2026-03-10"' in block(text, "date")
    draft.write_text(text.replace('published: "2026-03-12"', 'published: "2026-03-19"'), encoding="utf-8")
    code, err = run(drafted, "new", "--refresh", "tram-costs", capsys=capsys)
    assert code == 0, err
    assert '"on Tuesday" -> date: "2026-03-17"' in block(draft.read_text(encoding="utf-8"), "date")


def test_an_event_other_sources_date_alike_is_offered_until_reported(
    drafted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = drafted / "articles" / "tram-costs.yaml"
    text = draft.read_text(encoding="utf-8")
    dates = block(text, "date")
    assert '#   "on Tuesday": council-vote ("Council vote on the tram line"): example-report' in dates
    assert "#   - event: council-vote\n" in dates
    draft.write_text(text.replace("events: []\n", REPORTED), encoding="utf-8")
    code, err = run(drafted, "new", "--refresh", "tram-costs", capsys=capsys)
    assert code == 0, err
    dates = block(draft.read_text(encoding="utf-8"), "date")
    assert "council-vote" not in dates and "#   - event: EVENT-ID\n" in dates
    assert '#   line 5: "on Tuesday" -> date: "2026-03-10"' in dates  # the date phrases stay


REPORTED = """events:
  - event: council-vote
    date: "2026-03-10"
    date_text: "on Tuesday"
    title: "The council approves the tram line"
    quote: "The city council approved the new tram line on Tuesday"
"""


@pytest.mark.parametrize("name", ["names", "relative-dates", "furniture", "mojibake", "front-matter"])
def test_refresh_right_after_new_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    content = Path(shutil.copytree(GUIDE, tmp_path / "content"))
    code, err = run(content, "new", str(FIXTURES / f"{name}.txt"), "--id", "fresh", capsys=capsys)
    assert code == 0, err
    before = files(content)
    code, err = run(content, "new", "--refresh", "fresh", capsys=capsys)
    assert code == 0 and "is up to date" in err, err
    assert files(content) == before


def test_a_deleted_block_is_not_written_again(drafted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = drafted / "articles" / "tram-costs.yaml"
    text = draft.read_text(encoding="utf-8")
    start = text.index("# -- quote suggestions")
    without = text[:start] + text[text.index("\n", text.index("# -- end of quote suggestions --")) + 1 :]
    draft.write_text(without, encoding="utf-8")
    code, err = run(drafted, "new", "--refresh", "tram-costs", capsys=capsys)
    assert code == 0, err
    assert "the quote suggestions block was deleted, so it is not written again" in err
    assert "'# -- end of quote suggestions --'" in err  # how to have it back
    assert draft.read_text(encoding="utf-8") == without


def _old_draft(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("# -- "))


def _no_end(text: str) -> str:
    return text.replace("# -- end of claim suggestions --\n", "")


def _bad_yaml(text: str) -> str:
    return text.replace("kind: news", "kind: [news")


@pytest.mark.parametrize(
    ("article", "edit", "message"),
    [
        (
            "tram-cost",
            None,
            "no article 'tram-cost': {content}/articles/tram-cost.yaml does not exist; did you mean tram-costs?",
        ),
        (
            "example-report",
            None,
            "{content}/articles/example-report.yaml: not a draft written by `python -m builder "
            "new` (it has no marked suggestions): nothing to refresh",
        ),
        (
            "tram-costs",
            _old_draft,
            "{content}/articles/tram-costs.yaml: this draft was written before `new --refresh` "
            "existed and has no marked suggestions; to refresh it, draft it again into a new id",
        ),
        (
            "tram-costs",
            _no_end,
            "{content}/articles/tram-costs.yaml:{actor}: the actor suggestions start inside the claim "
            "suggestions (line {claim}): put the line '# -- end of claim suggestions --' back where that block ends",
        ),
        ("tram-costs", _bad_yaml, "{name}/articles/tram-costs.yaml:10:1: YAML syntax error"),
        ("Tram_Costs", None, "--refresh 'Tram_Costs': an article id is lowercase letters and digits"),
    ],
)
def test_refuses_with_what_to_do(
    drafted: Path, capsys: pytest.CaptureFixture[str], article: str, edit: Callable[[str], str] | None, message: str
) -> None:
    draft = drafted / "articles" / "tram-costs.yaml"
    if edit:
        draft.write_text(edit(draft.read_text(encoding="utf-8")), encoding="utf-8")
    lines = draft.read_text(encoding="utf-8").splitlines()
    actor, claim = (next((n for n, line in enumerate(lines, 1) if f"# -- {b} suggestions" in line), 0) for b in BLOCKS)
    before = files(drafted)
    code, err = run(drafted, "new", "--refresh", article, capsys=capsys)
    assert code == 1 and "Traceback" not in err
    assert message.format(content=drafted, name=drafted.name, actor=actor, claim=claim) in err, err
    assert files(drafted) == before


def test_refuses_a_draft_whose_raw_text_is_missing(drafted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafted / "raw" / "tram-costs.txt").unlink()
    before = files(drafted)
    code, err = run(drafted, "new", "--refresh", "tram-costs", capsys=capsys)
    assert code == 1
    assert f"{drafted.name}/articles/tram-costs.yaml:10:1: raw text raw/tram-costs.txt not found" in err, err
    assert files(drafted) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give the article's text (a file, or - for standard input), or --refresh ID"),
        (["text.txt", "--refresh", "x"], "give either a text to draft or --refresh ID, not both"),
        (["--refresh", "x", "--id", "y"], "use --refresh ID without --id"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    command = [sys.executable, "-m", "builder", "--content", str(tmp_path), "new", *args]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "usage: python -m builder new" in result.stderr and message in result.stderr
