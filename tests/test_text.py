"""Unit tests of the small text helpers: quotes, dates, Markdown escaping."""

from __future__ import annotations

import markdown
import pytest

from builder import dates
from builder.markdown_text import block, code_fence, inline, page_folder, url_from
from builder.quotes import closest_passage, normalise, occurs_in

RAW = normalise("He said: “The meeting in Miami was\n  constructive,” and left.")


@pytest.mark.parametrize(
    "quote",
    ['"The meeting in Miami was constructive,"', "The meeting in   Miami\nwas constructive", "“The meeting"],
)
def test_quotes_match_across_whitespace_and_quote_styles(quote: str) -> None:
    assert occurs_in(quote, RAW)


def test_a_changed_word_is_not_verbatim_and_the_closest_passage_is_shown() -> None:
    assert not occurs_in("The meeting in Miami was productive", RAW)
    assert closest_passage("The meeting in Miami was productive", RAW).startswith("The meeting in Miami was")


@pytest.mark.parametrize(
    ("edtf", "words", "precision"),
    [
        ("2024-12-20", "20 December 2024", "day"),
        ("2024-12", "December 2024", "month"),
        ("2024-04~", "about April 2024", "month"),
        ("2023-22", "summer 2023", "season"),
        ("2014", "2014", "year"),
        ("2024-12-18/2024-12-19", "18 December 2024 to 19 December 2024", "interval"),
        (None, "date not given", "unknown"),
    ],
)
def test_dates_read_as_words_with_honest_precision(edtf: str | None, words: str, precision: str) -> None:
    assert dates.human(edtf) == words
    assert dates.precision(edtf) == precision


def test_date_bounds_cover_the_whole_period() -> None:
    assert dates.bounds("2023-22") == ("2023-06-01", "2023-08-31")
    assert dates.bounds("2024-02") == ("2024-02-01", "2024-02-29")


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["pymdownx.escapeall", "tables", "attr_list"])


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![img](http://example.org/x.png)",
    "a | b | c",
    "&amp; &lt; &#60;",
    "*not emphasis* _nor this_ `nor code`",
    "# not a heading",
    "1. not a list",
    "{: #id .class }",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_user_text_renders_as_the_literal_text(text: str) -> None:
    html = to_html(str(inline(text)))
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<em>" not in html
    assert html.startswith("<p>") and "<h1" not in html and "<ol" not in html
    import html as html_module

    assert html_module.unescape(html.removeprefix("<p>").removesuffix("</p>")) == text


def test_escaped_text_keeps_table_cells_whole() -> None:
    html = to_html(f"| a | b |\n|---|---|\n| {inline('x | y')} | z |")
    assert "<td>x | y</td>" in html


def test_block_keeps_paragraphs_and_joins_lines() -> None:
    assert str(block("one\ntwo\n\nthree")) == "one two\n\nthree"


def test_code_fence_cannot_be_closed_by_the_text() -> None:
    fence = str(code_fence("a ```` b"))
    assert fence.startswith("`````text\n") and fence.endswith("\n`````")


def test_relative_urls_between_pages() -> None:
    assert url_from("sources/x.md", page_folder("index.md")) == "sources/x.md"
    assert url_from("index.md", page_folder("sources/x.md")) == "../index.md"
    assert url_from("discrepancies.md#talks-date", page_folder("sources/x.md")) == "../discrepancies.md#talks-date"


@pytest.mark.parametrize(
    ("value", "valid"),
    [("2024", True), ("2024-02-29", True), ("2023-02-29", False), ("2024-13", False), ("2024-04-31", False),
     ("2024-21", True), ("2024-21?", False), ("2024-40", True), ("2024-12-18/2024-12-19", True), ("April 2024", False)],
)  # fmt: skip
def test_edtf_validity(value: str, valid: bool) -> None:
    assert dates.is_valid(value) is valid


def test_winter_runs_into_the_next_year() -> None:
    assert dates.bounds("2023-24") == ("2023-12-01", "2024-02-29")


def _normalise_by_definition(text: str) -> str:
    """What normalise must give: NFC, curly quotes made straight, runs of whitespace made one space, stripped."""
    import re
    import unicodedata

    straight = unicodedata.normalize("NFC", text)
    for curly, plain in (("\u2018\u2019\u201a\u201b", "'"), ("\u201c\u201d\u201e\u201f", '"')):
        straight = re.sub(f"[{curly}]", plain, straight)
    return re.sub(r"\s+", " ", straight).strip()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  plain text  ",
        "e\u0301t\u00e9 \u2019quoted\u2019 \u201cdouble\u201d \u201elow\u201f \u201aone\u201b",
        "tabs\tand\nnewlines\r\nand\u00a0no-break\u2003em\u3000ideographic\u2028line\x1cfile\x85next",
        "\u1e9b\u0323 stays one letter after NFC",
        "".join(chr(c) for c in range(0x2000, 0x2100)),
    ],
)
def test_normalise_is_nfc_straight_quotes_and_single_spaces(text: str) -> None:
    assert normalise(text) == _normalise_by_definition(text)
