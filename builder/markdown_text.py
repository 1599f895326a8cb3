"""Turning user text into Markdown that shows exactly that text: nothing in it is ever markup or code.

The site enables `pymdownx.escapeall`, so a backslash makes *any* following character literal. Every character
that can start Markdown or HTML anywhere in a line is escaped (tags, entities, links, emphasis, code, table
pipes, attribute lists). Punctuation that only means something at the start of a line (`-`, `.`, `:` ...) is
escaped only there, so words like "Track 1.5" or "GS-II" stay intact for the glossary's tooltips to find.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from markupsafe import Markup

__all__ = [
    "block",
    "code_fence",
    "inline",
    "inline_text",
    "link_from",
    "page_folder",
    "relative_path",
    "url_from",
]

_ANYWHERE = str.maketrans({char: "\\" + char for char in "\\`*_{}[]<>&#+!|~^="})
_LINE_START = re.compile(r"^(\d*)([!-/:-@\[-`{-~])")


def inline(text: object) -> Markup:
    """User text for one line of Markdown (a heading, a table cell, a list item): whitespace collapses."""
    return inline_text(text) if type(text) is str else _escape(str(text))


@lru_cache(maxsize=1 << 16)
def inline_text(text: str) -> Markup:
    """inline() of a plain string (not a Markup), remembered: names, labels and dates are printed on page after
    page."""
    return _escape(text)


def _escape(text: str) -> Markup:
    escaped = " ".join(text.split()).translate(_ANYWHERE)
    if escaped[:1].isalpha():  # the common case: nothing at the start of the line can be Markdown
        return Markup(escaped)
    return Markup(_LINE_START.sub(lambda m: m[1] + ("" if m[2] == "\\" else "\\") + m[2], escaped))


def block(text: object) -> Markup:
    """User text that may hold paragraphs: blank lines separate them, other line breaks become spaces."""
    paragraphs = [p for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
    return Markup("\n\n").join(inline(p) for p in paragraphs)


def code_fence(text: str, indent: str = "") -> Markup:
    """`text` verbatim in a fenced code block whose fence no run of backticks in the text can close."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0) if "`" in text else 0  # seldom any
    fence = "`" * max(3, longest + 1)
    lines = [f"{fence}text", *text.rstrip("\n").split("\n"), fence]
    return Markup("\n".join(indent + line if line else line for line in lines))


def page_folder(path: str) -> str:
    """The folder of docs page `path` ('sources/x.md' -> 'sources'; '.' for the top), as url_from and link_from
    take it: a page's links depend only on its folder."""
    return posixpath.dirname(path) or "."


@lru_cache(maxsize=65536)
def url_from(target: str, folder: str) -> str:
    """Link from any docs page in `folder` to docs page `target` (like 'sources/x.md#anchor'), as MkDocs wants;
    remembered: pages of a folder link to the same pages."""
    target_path, _, anchor = target.partition("#")
    url = relative_path(target_path, folder) if target_path else ""
    return f"{url}#{anchor}" if anchor else url


@lru_cache(maxsize=65536)
def relative_path(path: str, start: str) -> str:
    """posixpath.relpath, remembered: a site has few folders, and pages link to the same pages again and again."""
    return posixpath.relpath(path, start)


def link_from(text: object, target: str, folder: str) -> Markup:
    """A Markdown link, from a page in `folder` (page_folder), whose label is escaped user text and whose target
    is a generated page."""
    return Markup(f"[{inline(text)}]({url_from(target, folder)})")
