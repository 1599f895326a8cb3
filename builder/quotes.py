"""Quote verification: a quote must occur verbatim in its article's raw text."""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

__all__ = ["closest_passage", "normalise", "occurs_in"]

_SINGLE = "\u2018\u2019\u201a\u201b"  # curly single quotes
_DOUBLE = "\u201c\u201d\u201e\u201f"  # curly double quotes
_CURLY = [(mark, "'") for mark in _SINGLE] + [(mark, '"') for mark in _DOUBLE]


def normalise(text: str) -> str:
    """Collapse whitespace and make curly quotes straight: the only differences a quote may have.

    Written for speed (every raw text passes through it on a build from scratch): the checks skip work that
    would change nothing, and str.split() splits on exactly the characters that str.isspace() calls space."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    for mark, straight in _CURLY:
        if mark in text:
            text = text.replace(mark, straight)
    return " ".join(text.split())


def occurs_in(quote: str, normalised_raw: str) -> bool:
    """True when `quote` appears in the raw text (already passed through `normalise`). Most quotes appear as they
    are, which is quicker to find out than normalising them first."""
    return quote in normalised_raw or normalise(quote) in normalised_raw


def closest_passage(quote: str, normalised_raw: str) -> str:
    """The passage of the raw text most like `quote`, to show an author what they probably meant."""
    wanted = normalise(quote)
    if not wanted or not normalised_raw:
        return ""
    matcher = SequenceMatcher(None, normalised_raw, wanted, autojunk=False)
    match = matcher.find_longest_match(0, len(normalised_raw), 0, len(wanted))
    if match.size < min(12, len(wanted)):
        return ""  # nothing alike: showing a random fragment would only mislead
    start = max(0, match.a - match.b)
    return normalised_raw[start : start + len(wanted)]
