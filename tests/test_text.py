"""Unit tests of the small text helpers: quotes, dates, Markdown escaping."""

from __future__ import annotations

import markdown
import pytest

from builder import dates
from builder.markdown_text import block, code_fence, inline, page_folder, url_from
from builder.quotes import closest_passage, difference, normalise, occurs_in

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


TYPESET = normalise("Talks on 18\u201319 December \u2014 a follow\u2011up \u2026 ended... at \u22122 \u00b0C -- or so.")


@pytest.mark.parametrize(
    "quote",
    [
        "on 18-19 December",  # hyphen for the en dash
        "on 18\u201419 December - a",  # em dash for the en dash, hyphen for the em dash
        "a follow-up",  # hyphen for the non-breaking hyphen
        "follow\u2010up ...",  # Unicode hyphen; three full stops for the ellipsis
        "ended\u2026 at",  # the ellipsis character for three full stops
        "at -2 \u00b0C",  # hyphen for the minus sign
        "\u00b0C \u2014 or so",  # an em dash for a double hyphen
        "fol\u00adlow-up",  # a soft hyphen is invisible
    ],
)
def test_quotes_match_across_dashes_and_ellipses(quote: str) -> None:
    assert occurs_in(quote, TYPESET)


@pytest.mark.parametrize(
    "quote",
    ["on 18 December", "on 1819 December", "a follow up", "a followup", "ended. at", "ended.. at", "at 2 \u00b0C"],
)
def test_only_typography_is_folded_not_words(quote: str) -> None:
    """A dash or a full stop that is there or not, or a number that differs, is a difference of words."""
    assert not occurs_in(quote, TYPESET)


@pytest.mark.parametrize(
    ("quote", "passage"),
    [
        ('officials have said. Bob South called it "warm".', 'officials said. Bob South called it "warm".'),
        ("Envoys met at the lake in March 2025", "South met at the lake in March 2024."),
        ("met at the lake, said nobody", "met at the lake in March 2024."),
        ("orth and Bob South met at the lakes", "North and Bob South met at the lake"),
    ],
)
def test_the_closest_passage_is_whole_words(quote: str, passage: str) -> None:
    raw = normalise(
        "Ann North and Bob South met at the lake in March 2024. It was useful,\n"
        'the envoys met again in the hills on 4 April 2024, officials said. Bob South called it "warm".'
    )
    assert closest_passage(quote, raw) == passage


def test_difference_marks_the_first_character_that_differs() -> None:
    raw = normalise("The envoys met in the hills on 4\u20135 April 2024, officials said.")
    assert difference("The envoys met in the hils on 4-5 April 2024.", raw) == [
        "quote:   The envoys met in the hils on 4-5 April 2024.",
        "passage: The envoys met in the hills on 4-5 April 2024,",
        " " * len("passage: The envoys met in the hil") + "^",
    ]


def test_a_quote_beginning_inside_a_word_stands_under_the_rest_of_it() -> None:
    raw = normalise("The envoys met in the hills on 4 April 2024.")
    assert difference("nvoys met in the hils", raw) == [
        "quote:    nvoys met in the hils",
        "passage: envoys met in the hills",
        " " * len("passage: envoys met in the hil") + "^",
    ]


def test_difference_in_a_long_quote_is_shown_in_an_excerpt_around_it() -> None:
    words = " ".join(f"word{i}" for i in range(40))
    raw = normalise(f"Start. {words} end.")
    quote = words.replace("word25", "wrd25")
    quote_line, passage_line, caret = difference(quote, raw, width=60)
    assert quote_line.startswith("quote:   [\u2026]word") and quote_line.endswith(" [\u2026]")
    assert passage_line.startswith("passage: [\u2026]word") and passage_line.endswith(" [\u2026]")
    assert "wrd25" in quote_line and "word25" in passage_line
    assert quote_line[len(caret) - 1] == "r" and passage_line[len(caret) - 1] == "o"
    assert caret.strip() == "^" and len(passage_line) <= len("passage: ") + 2 * len("[\u2026]") + 60


def test_nothing_alike_gives_no_passage_and_no_difference() -> None:
    assert closest_passage("zzzz qqqq xxxx", RAW) == "" and difference("zzzz qqqq xxxx", RAW) == []


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
    """What normalise must give: NFC, curly quotes made straight, every dash a hyphen and a run of them one, the
    ellipsis three full stops, soft hyphens dropped, runs of whitespace made one space, stripped."""
    import re
    import unicodedata

    straight = unicodedata.normalize("NFC", text)
    for curly, plain in (("\u2018\u2019\u201a\u201b", "'"), ("\u201c\u201d\u201e\u201f", '"')):
        straight = re.sub(f"[{curly}]", plain, straight)
    dashes = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
    straight = re.sub(f"[{dashes}-]+", "-", straight.replace("\u00ad", ""))
    straight = straight.replace("\u2026", "...")
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
        "4\u20135 April \u2014 a long\u2011running minus \u22122 and -- or --- or \u2014\u2014 and\u2026 soft\u00adly",
        "\ufe58 \ufe63 \uff0d \u2e3a\u2e3b -\u00ad- \u2026\u2026 ....",
    ],
)
def test_normalise_is_nfc_straight_quotes_and_single_spaces(text: str) -> None:
    assert normalise(text) == _normalise_by_definition(text)
