"""Hand-written text that a new article may have made false: the "may be stale" list printed after a build.

Editors write notes, questions and the guide's own text in words such as "all four sources", "no source names
a person" or "only the preview gives ...". Such a sentence is true of the sources it was written for; an article
added later can make it false, and nothing else would say so. Two kinds are listed:

- a count of the whole set ("the four sources", "all four texts", "the other three sources") that differs from
  the number of reviewed sources now: certainly stale, wherever it is written;
- a statement about which sources say something ("no source", "only two sources", "every source", "none of
  the texts", "three sources") in a topic's note, or in a quiz question about a topic, that the newest
  reviewed article (the last `added`; none while every article has the same date) also answers, unless the
  text already names that article: possibly stale.

Articles' own notes are left out: they speak for their own source. Counts shown to readers are never typed by
hand: the pages take them from the data (home.md.j2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from builder.load import AnyDocument, ContentFile, parse_lazily
from builder.model import Article
from builder.problems import ContentError
from builder.validate import Corpus

__all__ = ["Stale", "may_be_stale"]

NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
NOUN = r"(?:sources|texts|articles|reports|accounts)"
NUMBER = rf"(?P<n>{'|'.join(NUMBERS)}|\d+)"
# "all four sources", "the four texts", "the other three sources": the whole set (a pair, "the two sources", is
# usually two sources just named, so counts start at three)
WHOLE_SET = re.compile(rf"\b(?:all|the|these)(?: other)? {NUMBER} {NOUN}\b", re.IGNORECASE)
BARE_COUNT = re.compile(rf"\b{NUMBER}(?: [a-z]+)? {NOUN}\b", re.IGNORECASE)  # in the guide's own text: the whole set
SOURCE = r"(?:source|text|article|report|account)s?"
WHICH_SOURCES = (
    rf"no {SOURCE}|none of the {SOURCE}|every {SOURCE}|each {SOURCE}|all (?:the )?{SOURCE}|neither {SOURCE}|"
    rf"only (?:the )?(?:one|two|three|four|five)? ?{SOURCE}|the only {SOURCE}|"
    rf"(?:(?<=^)|(?<=[.;:] ))(?:one|two|three|four|five) {SOURCE}"  # a count that starts a sentence
)
WHICH = re.compile(rf"\b(?:{WHICH_SOURCES})\b", re.IGNORECASE)
ONLY_THE = re.compile(r"\bonly the ", re.IGNORECASE)
FILES = ("guide.yaml", "topics.yaml", "events.yaml", "quiz.yaml")


@dataclass(frozen=True)
class Stale:
    """A passage that may no longer be true: where it is, the words, and why it is listed."""

    path: str
    line: int
    words: str
    reason: str

    def __str__(self) -> str:
        return f'{self.path}:{self.line}: "{self.words}": {self.reason}'


def may_be_stale(shared: Mapping[str, ContentFile], corpus: Corpus) -> list[Stale]:
    """The passages of the shared files (as loaded: Inputs.shared) that a new article may have made false (see the
    module's docstring)."""
    reviewed = [a for a in corpus.articles if a.status == "reviewed"]
    latest = max((a.added for a in reviewed), default="")
    newest = [a for a in reviewed if a.added == latest] if any(a.added != latest for a in reviewed) else []
    labels = sorted({a.label.casefold() for a in reviewed}, key=len, reverse=True)
    found: list[Stale] = []
    for name in FILES:
        file = shared.get(name)
        if file is None:
            continue
        try:
            doc = parse_lazily(file.data, file.shown)  # the lines are worked out only if a passage is listed
        except ContentError:  # validation would have refused it
            continue
        for loc, text, topics, whole in _texts(name, doc.data):
            found += _whole_set(doc, loc, text, len(reviewed), bare=name == "guide.yaml")
            for article in newest:
                if topics & {claim.topic for claim in article.claims} and not _names(whole, article):
                    found += _which_sources(doc, loc, text, article.label, labels)
    return list(dict.fromkeys(found))  # once each, in file order


def _whole_set(doc: AnyDocument, loc: tuple[str | int, ...], text: str, count: int, bare: bool) -> Iterator[Stale]:
    matches = {m.span(): m for m in WHOLE_SET.finditer(text)}
    if bare:
        matches.update((m.span(), m) for m in BARE_COUNT.finditer(text) if not _inside(m.span(), matches))
    for _, match in sorted(matches.items()):
        number = match["n"].lower()
        said = NUMBERS[number] if number in NUMBERS else int(number)
        whole = count - 1 if "other" in match[0].lower() else count
        if said != whole and (said >= 3 or bare):
            yield Stale(doc.path, doc.where(loc)[0], match[0], f"the guide has {count} reviewed sources now")


def _inside(span: tuple[int, int], spans: dict[tuple[int, int], Any]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def _which_sources(
    doc: AnyDocument, loc: tuple[str | int, ...], text: str, newest: str, labels: list[str]
) -> Iterator[Stale]:
    found = [(m.start(), m[0]) for m in WHICH.finditer(text)]
    for m in ONLY_THE.finditer(text):  # "only the Slutsky report": a source by its label
        label = next((label for label in labels if text[m.end() :].casefold().startswith(label)), None)
        if label is not None:
            found.append((m.start(), text[m.start() : m.end() + len(label)]))
    for start, words in sorted(found):
        if WHOLE_SET.search(text[max(0, start - 12) : start + len(words) + 12]):
            continue  # a count of the whole set: _whole_set judges it
        reason = f"the newest source, the {newest}, also answers this topic and the text does not name it"
        yield Stale(doc.path, doc.where(loc)[0], words, reason)


def _names(item: Any, newest: Article) -> bool:
    """Whether a topic's note or a quiz item already names the newest article (by its label, or by its id among
    the item's sources): written, or read again, with it in mind."""
    return any(newest.label.casefold() in text.casefold() or text == newest.id for _, text in _strings(item, ()))


def _texts(name: str, data: Any) -> Iterator[tuple[tuple[str | int, ...], str, set[str], Any]]:
    """Every string in a shared file's data, with its place, the topics it is about (a topic's note; a quiz
    item's `topics`) and the whole it is part of (the note; the quiz item)."""
    if name == "topics.yaml" and isinstance(data, list):
        for i, topic in enumerate(data):
            if isinstance(topic, dict) and isinstance(topic.get("note"), str):
                yield (i, "note"), topic["note"], {str(topic.get("id"))}, topic["note"]
        return
    if name == "quiz.yaml" and isinstance(data, dict):
        for part in ("questions", "written"):
            for i, item in enumerate(data.get(part) or []):
                topics = {str(t) for t in item.get("topics") or []} if isinstance(item, dict) else set()
                for loc, text in _strings(item, (part, i)):
                    yield loc, text, topics, item
        return
    for loc, text in _strings(data, ()):
        yield loc, text, set(), text


def _strings(data: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*loc, i))
