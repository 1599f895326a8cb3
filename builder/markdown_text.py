"""Turning user text into Markdown that shows exactly that text: nothing in it is ever markup or code.

The site enables `pymdownx.escapeall`, so a backslash makes *any* following character literal; escaping every
ASCII punctuation character therefore neutralises Markdown, HTML tags, entities, table pipes and attribute
lists alike, without having to know which construct a given character could start.
"""

from __future__ import annotations

import posixpath
import re

from markupsafe import Markup

__all__ = ["block", "code_fence", "inline", "link", "relative_url"]

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_SPACE = re.compile(r"\s+")


def inline(text: object) -> Markup:
    """User text for one line of Markdown (a heading, a table cell, a list item): whitespace collapses."""
    return Markup(_PUNCTUATION.sub(r"\\\1", _SPACE.sub(" ", str(text)).strip()))


def block(text: object) -> Markup:
    """User text that may hold paragraphs: blank lines separate them, other line breaks become spaces."""
    paragraphs = [p for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
    return Markup("\n\n").join(inline(p) for p in paragraphs)


def code_fence(text: str, indent: str = "") -> Markup:
    """`text` verbatim in a fenced code block whose fence no run of backticks in the text can close."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    lines = [f"{fence}text", *text.rstrip("\n").split("\n"), fence]
    return Markup("\n".join(indent + line if line else line for line in lines))


def relative_url(target: str, current: str) -> str:
    """Link from docs page `current` to docs page `target` (both like 'sources/x.md'), as MkDocs wants."""
    target_path, _, anchor = target.partition("#")
    url = posixpath.relpath(target_path, posixpath.dirname(current) or ".") if target_path else ""
    return f"{url}#{anchor}" if anchor else url


def link(text: object, target: str, current: str) -> Markup:
    """A Markdown link whose label is escaped user text and whose target is a generated page."""
    return Markup(f"[{inline(text)}]({relative_url(target, current)})")
