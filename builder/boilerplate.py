"""Reading a saved web page's text for `new`: which lines are the article and which are the page around it.

Breadcrumbs, bylines, share/subscribe/related/comment/cookie/ad-blocker blocks and tip boxes are found here, so
the draft can leave them out of its title, names and suggestions; the raw text itself is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

__all__ = ["Byline", "Furniture", "Line", "Page", "read_page_text", "sentences"]

Kind = Literal["body", "heading", "breadcrumb", "byline", "dateline", "furniture"]

# What each kind of page furniture looks like, on a line of its own (case ignored).
FURNITURE = {
    "share buttons": r"^(?:share(?: this(?: article| story| post| page)?)?|share on \w+|tweet|e-?mail|print|whatsapp"
    r"|facebook|twitter|linkedin|telegram|copy link)\s*:?$",
    "subscription prompt": r"\b(?:subscribe(?: now| to)?|sign up for (?:our|the) \w+|newsletter sign[- ]?up)\b",
    "related links": r"^(?:you (?:may|might) also like|related(?: articles| stories| posts| news| topics)?|read more"
    r"|read also|also read|recommended(?: for you)?|more from\b|more stories|trending(?: now)?|most (?:popular|read)"
    r"|explore more\b|see also)\b",
    "comment form": r"leave a (?:comment|reply)|post a comment|akismet|your email address will not be published"
    r"|required fields are marked|comment data is processed|^\d+ comments?$|^comments?$",
    "cookie notice": r"\bcookies?\b.*\b(?:accept|consent|we use|policy|settings)\b|^accept all\b",
    "ad-blocker notice": r"\bad ?-?blocker\b|\badblock\b|disabl\w* your ad|^advertisement$|^sponsored(?: content)?$",
    "tip box": r"^pro tip\b",
    "follow prompt": r"^follow us\b",
}
FURNITURE_RE = {what: re.compile(pattern, re.IGNORECASE) for what, pattern in FURNITURE.items()}
BLOCK_HEADS = {"related links", "comment form"}  # the headlines listed after these belong to the block
BREADCRUMB = re.compile(
    r"^(?:home|start|main page|you are here:?)\s*[»\u203a>|/]|(?:\s[»\u203a>]\s.*){2}", re.IGNORECASE
)
DATELINE = re.compile(r"^(?:published|posted|updated|last updated)(?: on)?:?\s.{4,60}$", re.IGNORECASE)
BYLINE = re.compile(r"^(?:written |posted |reported )?by[: ]\s*(?P<rest>[A-Z].*)$", re.IGNORECASE)
JOB_WORDS = frozenset(
    "senior junior chief managing deputy associate executive contributing staff news editor editors reporter "
    "correspondent writer contributor journalist columnist analyst desk bureau producer digital online international "
    "world politics political foreign affairs business diplomatic defence defense security national investigative "
    "special team updated published".split()
)
SMALL_WORDS = frozenset("a an the of and or in on at for to by with from about after vs is are was as its".split())
SENTENCE_END = re.compile('[.!?]["\u201d\u2019)]*(?=\\s+["\u201c(]?[A-Z0-9])')
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sen rep gov no vs jan feb aug sept oct nov dec inc ltd co corp prof".split()
)


@dataclass(frozen=True)
class Line:
    """One non-blank line of the raw text: its number (from 1), its text without outer spaces, what it is."""

    number: int
    text: str
    kind: Kind
    what: str = ""  # for furniture: which kind of block


@dataclass(frozen=True)
class Byline:
    author: str
    job: str  # the rest of the byline, such as "Senior News Editor" ("" if none)
    line: int


@dataclass(frozen=True)
class Furniture:
    """A run of page furniture: first and last line, and what it holds."""

    first: int
    last: int
    what: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    lines: tuple[Line, ...]
    byline: Byline | None

    def body(self) -> Iterator[Line]:
        """The article's own lines: paragraphs and headings."""
        return (line for line in self.lines if line.kind in ("body", "heading"))

    def furniture(self) -> Iterator[Furniture]:
        """Runs of breadcrumb and furniture lines (blank lines between them do not break a run)."""
        run: list[Line] = []
        for line in [*self.lines, Line(0, "", "body")]:
            if line.kind in ("breadcrumb", "furniture"):
                run.append(line)
            elif run:
                whats = dict.fromkeys(x.what for x in run)
                yield Furniture(run[0].number, run[-1].number, tuple(whats))
                run = []

    def breadcrumb_tail(self) -> str | None:
        """The last part of the breadcrumb, usually the headline."""
        crumb = next((line.text for line in self.lines if line.kind == "breadcrumb"), None)
        return re.split(r"\s*[»\u203a>|/]\s*", crumb)[-1].strip() or None if crumb else None


def read_page_text(text: str) -> Page:
    """Sort the lines of an article's text into the article and the page around it."""
    numbered = [(n, raw.strip()) for n, raw in enumerate(text.splitlines(), 1) if raw.strip()]
    lines: list[Line] = []
    byline: Byline | None = None
    block = ""  # the block whose trailing short lines are furniture too
    for index, (number, stripped) in enumerate(numbered):
        what = _furniture(stripped)
        if what is None and block and len(stripped) < 100 and not re.search(r"[.!?\"\u201d]$", stripped):
            what = block  # a headline in a list of related links, not a sentence of the article
        block = what if what in BLOCK_HEADS else (block if what else "")
        if what:
            lines.append(Line(number, stripped, "furniture", what))
        elif index < 8 and BREADCRUMB.search(stripped):
            lines.append(Line(number, stripped, "breadcrumb", "breadcrumb"))
        elif index < 15 and DATELINE.match(stripped):
            lines.append(Line(number, stripped, "dateline"))
        elif byline is None and index < 15 and (found := _byline(stripped, number)):
            byline = found
            lines.append(Line(number, stripped, "byline"))
        else:
            lines.append(Line(number, stripped, "heading" if _is_heading(stripped) else "body"))
    return Page(tuple(lines), byline)


def _furniture(line: str) -> str | None:
    if len(line) > 250:
        return None
    return next((what for what, pattern in FURNITURE_RE.items() if pattern.search(line)), None)


def _byline(line: str, number: int) -> Byline | None:
    """The author in a byline: "by James Carter Senior News Editor" -> James Carter, job "Senior News Editor"."""
    match = BYLINE.match(line)
    if not match or len(line) > 120:
        return None
    words = re.split(r"(\s+|,|\||\u2013|\u2014| - )", match["rest"])
    tokens = [w for w in words if w.strip()]
    name: list[str] = []
    for token in tokens:
        plain = token.strip(".")
        if name and (token in {",", "|", "\u2013", "\u2014", "-"} or plain.lower() in JOB_WORDS):
            break
        if plain.lower() == "and" and name:
            name.append("and")
            continue
        if not re.fullmatch(r"[A-Z][\w'\u2019.-]*", token) or plain.lower() in JOB_WORDS or len(name) >= 7:
            return None
        name.append(token)
    if name and name[-1] == "and":
        name.pop()
    if len(name) < 2:
        return None
    job = " ".join(tokens[len(name) :]).strip(" ,|-\u2013\u2014")
    return Byline(" ".join(name), job, number)


def _is_heading(line: str) -> bool:
    """A short line in title case that does not end like a sentence: a headline or a section heading."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", line)
    if not 2 <= len(words) <= 20 or len(line) > 150 or re.search(r"[.!,;:\"”\u2019]$", line):
        return False
    counted = [w for w in words[1:] if w.lower() not in SMALL_WORDS]
    return not counted or sum(w[0].isupper() for w in counted) / len(counted) >= 0.6


def sentences(text: str) -> list[str]:
    """Sentences of one paragraph, verbatim; "U.S." or "Mr." do not end one."""
    found, start = [], 0
    for end in SENTENCE_END.finditer(text):
        before = re.search(r"(\w+)\.?$", text[start : end.start() + 1])
        word = before.group(1) if before else ""
        if end.group(0).startswith(".") and (len(word) == 1 or word.lower() in ABBREVIATIONS):
            continue  # an initial or an abbreviation, not the end of a sentence
        found.append(text[start : end.end()].strip())
        start = end.end()
    found.append(text[start:].strip())
    return [s for s in found if len(s) > 15]
