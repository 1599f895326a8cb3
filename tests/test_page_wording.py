"""Wording and columns of generated pages that depend on the content: columns shown only when some source fills
them, counts with the right noun, dates in the source's own words, glossary spellings and entries."""

from __future__ import annotations

import re
from pathlib import Path

from builder.pipeline import generate
from builder.render import counted


def _pages(content: Path) -> dict[str, str]:
    return {p: t for p, t in generate(content)[1].items() if isinstance(t, str)}


def _edit(path: Path, change: str, to: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert change in text, f"{change!r} is not in {path}"
    path.write_text(text.replace(change, to, 1), encoding="utf-8")


def test_counts_name_their_noun_once() -> None:
    assert [counted(n, "source") for n in (0, 1, 2)] == ["0 sources", "1 source", "2 sources"]
    assert counted(1, "source article") == "1 source article"
    assert counted(3, "person", "people") == "3 people"


def test_outlet_and_author_columns_show_only_when_a_source_has_one(mini_content: Path) -> None:
    pages = _pages(mini_content)
    assert "| Source | Kind | Published | Claims | Events |" in pages["sources/index.md"]
    assert "No source names its outlet or author." in pages["sources/index.md"]
    assert "| Unknown |" not in pages["sources/index.md"] + pages["index.md"]

    _edit(mini_content / "articles" / "one.yaml", "outlet: null", 'outlet: "Lake Gazette"')
    pages = _pages(mini_content)
    sources, home = pages["sources/index.md"], pages["index.md"]
    assert "| Source | Kind | Published | Outlet | Claims | Events |" in sources
    assert "No source names its author." in sources
    assert re.search(r"\| Lake Gazette \| 3 \| 2 \|", sources) and re.search(r"\| Unknown \| 3 \| 1 \|", sources)
    assert "| Source | Kind | Published | Outlet |" in home and "No source names its outlet." not in home


def test_a_report_dates_in_the_source_words_or_says_no_date_given(mini_content: Path) -> None:
    article = mini_content / "articles" / "two.yaml"
    _edit(article, 'date_text: "4 April 2024"', "date_text: null")
    timeline = _pages(mini_content)["timeline.md"]
    # read from the date alone (after the meeting's number: its place tells it from the other source's meeting)
    assert "- Meeting 2, **4 April 2024** (day): Envoys meet in the hills" in timeline

    _edit(article, 'date: "2024-04-04"', "date: null")
    timeline = _pages(mini_content)["timeline.md"]
    assert "- Meeting 2, **No date given**: Envoys meet in the hills" in timeline
    assert "no date given)" not in timeline.lower() and "None" not in timeline


def test_glossary_entries_are_separate_and_list_only_real_other_spellings(mini_content: Path) -> None:
    (mini_content / "glossary.yaml").write_text(
        "- id: envoy\n  term: envoy\n  definition: A person sent to represent a government.\n"
        "  aliases: [Envoy, envoys, Envoys]\n"
        "- id: summit\n  term: summit\n  definition: A meeting of leaders.\n",
        encoding="utf-8",
    )
    glossary = _pages(mini_content)["glossary.md"]
    assert "*Also written: envoys.*\n\nsummit { #summit }\n:   A meeting of leaders.\n" in glossary
