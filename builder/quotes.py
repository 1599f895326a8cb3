"""Quote verification: a quote must occur verbatim in its article's raw text.

Verbatim means the same words, letters and punctuation. Only typography is folded, for both the quote and the raw
text: white space, curly quotes (made straight), dashes (hyphen, en and em dash, minus sign, non-breaking hyphen...:
one hyphen for a run of them), the ellipsis character (three full stops) and soft hyphens (dropped). Pages show
the author's quote as written; the folded forms are only compared."""

from __future__ import annotations

import math
import re
import unicodedata
from difflib import SequenceMatcher
from typing import NamedTuple

__all__ = ["closest_passage", "difference", "normalise", "occurs_in"]

_SINGLE = "\u2018\u2019\u201a\u201b"  # curly single quotes
_DOUBLE = "\u201c\u201d\u201e\u201f"  # curly double quotes
# hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, two- and three-em dash,
# small em dash, small and fullwidth hyphen-minus
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_FOLDED = (
    [(mark, "'") for mark in _SINGLE]
    + [(mark, '"') for mark in _DOUBLE]
    + [(mark, "-") for mark in _DASHES]
    + [("\u2026", "..."), ("\u00ad", "")]  # ellipsis; soft hyphen (invisible: a place where a word may break)
)
_DASH_RUN = re.compile("--+")
_CUT = "[…]"  # marks an excerpt cut short (a folded text has no '…' of its own)


def normalise(text: str) -> str:
    """The text as quotes are compared: NFC, typography folded (see the module's docstring), white space made
    single spaces, stripped.

    Written for speed (every raw text passes through it on a build from scratch): the checks skip work that
    would change nothing, and str.split() splits on exactly the characters that str.isspace() calls space."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    for mark, plain in _FOLDED:
        if mark in text:
            text = text.replace(mark, plain)
    if "--" in text:
        text = _DASH_RUN.sub("-", text)
    return " ".join(text.split())


def occurs_in(quote: str, normalised_raw: str) -> bool:
    """True when `quote` appears in the raw text (already passed through `normalise`). Most quotes appear as they
    are, which is quicker to find out than normalising them first."""
    return quote in normalised_raw or normalise(quote) in normalised_raw


def closest_passage(quote: str, normalised_raw: str) -> str:
    """The passage of the raw text most like `quote` (normalised, whole words), to show an author what they
    probably meant; "" if nothing in the text is alike."""
    span = _closest_span(normalise(quote), normalised_raw)
    return normalised_raw[span.start : span.end] if span else ""


def difference(quote: str, normalised_raw: str, width: int = 72) -> list[str]:
    """Where `quote` first differs from the closest passage of the raw text, as three lines to print one under
    the other: an excerpt of the quote, the same stretch of the passage, and a caret under the first character
    that differs. Both are shown normalised, so that they line up; a quote that begins inside a word is indented
    to stand under the rest of that word. [] if nothing in the text is alike."""
    wanted = normalise(quote)
    span = _closest_span(wanted, normalised_raw)
    if span is None:
        return []
    passage = normalised_raw[span.start : span.end]
    indent = span.aligned - span.start
    wanted = " " * indent + wanted
    at = next((i for i in range(indent, len(wanted)) if i >= len(passage) or wanted[i] != passage[i]), len(wanted))
    start = 0
    if at > width // 2 and max(len(wanted), len(passage)) > width:
        # begin a few words before the difference (up to it, the two are the same)
        start = passage.rfind(" ", indent, at - width // 3) + 1 or max(0, at - width // 3)
    lines = []
    for label, text in (("quote:   ", wanted), ("passage: ", passage)):
        shown = text[start : start + width]
        if start + width < len(text):
            shown = shown[: shown.rfind(" ") + 1 or len(shown)] + _CUT
        lines.append(label + (_CUT if start else "") + shown)
    lines.append(" " * (len("quote:   ") + (len(_CUT) if start else 0) + at - start) + "^")
    return lines


class _Span(NamedTuple):
    start: int  # where the passage begins: the start of a word
    aligned: int  # where the quote's first character falls (inside the first word if the quote begins there)
    end: int  # where it ends: the end of a word


def _closest_span(wanted: str, raw: str) -> _Span | None:
    """Where in `raw` the whole words most like `wanted` are, or None if nothing is alike.

    The longest stretch the two share anchors the passage; the other stretches they share near it say where the
    quote's first and last characters fall (the quote may have a word more or less than the raw text)."""
    if not wanted or not raw:
        return None
    match = SequenceMatcher(None, raw, wanted, autojunk=False).find_longest_match(0, len(raw), 0, len(wanted))
    # Nothing alike unless they share a stretch of 12 characters, or for a short quote 60% of it ("in a 8-3 vote"
    # and "in an 8-3 vote" share " 8-3 vote"): showing a random fragment would only mislead.
    if match.size < min(12, max(4, math.ceil(0.6 * len(wanted)))):
        return None
    slack = len(wanted) // 4 + 8
    low = max(0, match.a - match.b - slack)
    high = min(len(raw), match.a + len(wanted) - match.b + slack)
    blocks = SequenceMatcher(None, wanted, raw[low:high], autojunk=False).get_matching_blocks()[:-1]
    solid = [b for b in blocks if b.size >= 4] or blocks
    first, last = solid[0], solid[-1]
    aligned = min(len(raw) - 1, max(0, low + first.b - first.a))
    end = min(len(raw), low + last.b + last.size + len(wanted) - last.a - last.size)
    if first.a == 0:  # the quote begins as the raw text does there, if inside a word
        start = _word_start(raw, aligned)
    else:  # the quote's first words differ: the nearest start of a word
        back, ahead = aligned, aligned + 1
        while back > 0 and not _starts_word(raw, back):
            back -= 1
        while ahead < end and not _starts_word(raw, ahead):
            ahead += 1
        start = aligned = back if aligned - back <= ahead - aligned or ahead >= end else ahead
    end = raw.find(" ", max(start + 1, end - 1))  # on to the end of its word (with its punctuation)
    return _Span(start, aligned, len(raw) if end < 0 else end)


def _starts_word(text: str, at: int) -> bool:
    return text[at].isalnum() and (at == 0 or not text[at - 1].isalnum())


def _word_start(text: str, at: int) -> int:
    """The start of the word `at` is in (letters and digits), or `at` if it is not in one."""
    while at > 0 and text[at - 1].isalnum() and text[at].isalnum():
        at -= 1
    return at
