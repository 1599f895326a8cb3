"""Names in a new article for `new`: known actors (whole words, or a close spelling) and names nobody has yet.

A title before a person's name ("Director of National Intelligence Tulsi Gabbard") is split off and offered as
the role; a name that is spelled a little differently from a known one ("Slutskiy") is matched with rapidfuzz
and marked for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from builder.boilerplate import Line, sentences
from builder.model import Actor

__all__ = ["Candidate", "Mention", "find_names", "name_pattern"]

UPPER, LOWER = "A-Z\u00c0-\u00d6\u00d8-\u00de", "a-z\u00df-\u00f6\u00f8-\u00ff"
WORD = rf"[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)?(?:['\u2019][{UPPER}][{LOWER}]+)?"
CONNECTORS = "of|on|for|the|de|del|der|von|van|al|bin|la|le|du"
CONNECTOR_WORDS = frozenset(CONNECTORS.split("|"))
NAME = re.compile(rf"\b{WORD}(?:(?:-|\s(?:(?:{CONNECTORS})\s)*){WORD})+\b")
LEADING_WORDS = frozenset(
    "The A An In On At During After Before As For From Since By With While When This That These Those Its Their But "
    "And Or If Although Though Under Over Between Among Despite Unlike Like Meanwhile Also Did Does".split()
)
# Words of a title that may come before a name; a title needs one of HEAD_WORDS to be split off.
HEAD_WORDS = frozenset(
    "president minister secretary director chairman chairwoman chair head senator representative governor ambassador "
    "envoy general admiral colonel spokesperson spokesman spokeswoman chancellor king queen prince pope professor "
    "adviser advisor chief commander leader speaker mayor attorney officer negotiator aide founder dr mr mrs ms sir "
    "emir sheikh lord deputy".split()
)
TITLE_WORDS = HEAD_WORDS | frozenset(
    "vice prime special national intelligence security defense defence state foreign affairs council committee "
    "justice assistant under senior former acting press house white executive finance interior economy trade army "
    "navy staff presidential deputy international federal chief-of-staff".split()
)
ORG_WORDS = frozenset(
    "institute council bank ministry department committee university agency organization organisation tracker group "
    "union party news times post forum center centre foundation association office house studies commission fund "
    "court assembly parliament service services company corporation network press agency board".split()
)
FUZZY_CUTOFF = 88


@dataclass(frozen=True)
class Mention:
    """A known actor the text names: the first sentence naming them, and what else was learned."""

    actor: Actor
    sentence: str
    line: int
    title: str | None = None  # the title the text puts before the name
    spelled: str | None = None  # the text's spelling when it only comes close to a known name


@dataclass(frozen=True)
class Candidate:
    """A name that matches no known actor."""

    name: str
    person: bool
    line: int
    mentions: int
    title: str | None = None


def name_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """Any of `names` as whole words: "US" matches in "US-Russia" but not in "Kushner" or "us"."""
    ordered = sorted({n for n in names if n}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w])")


def find_names(body: list[Line], actors: tuple[Actor, ...]) -> tuple[list[Mention], list[Candidate]]:
    """The known actors the body names, in the order of the actors file, and the names that match none."""
    spans = [(line, s) for line in body for s in (sentences(line.text) or [line.text])]
    exact = _exact_mentions(spans, actors)
    titled: dict[str, tuple[str, str | None, int]] = {}  # name -> (title, spelling, line)
    unknown: dict[str, tuple[str | None, int]] = {}
    known = {n.casefold(): a for a in actors for n in (a.name, *a.aliases)}
    people = {n: a for a in actors if a.kind == "person" for n in (a.name, *a.aliases) if len(n) >= 5}
    for line, name in _raw_names(body):
        title, person = _split_title(name)
        actor = known.get(person.casefold()) or known.get(name.casefold())
        if actor is None and (tail := _known_tail(person, known)) is not None:
            prefix, actor = tail  # "Councillor Tomas Berg": a known name after words that are not a known title
            title, person = title or prefix, person[len(prefix) :].strip()
        spelled = None if actor else person
        actor = actor or _close_spelling(person, people)
        if actor is not None and (actor.id not in titled or (title and not titled[actor.id][0])):
            titled[actor.id] = (title or "", spelled, line.number)
        elif actor is None and not _all_known(person, known) and (title or len(person.split()) >= 2):
            unknown.setdefault(person, (title, line.number))
    mentions = _mentions(actors, exact, titled, spans)
    return mentions, _candidates(unknown, body)


def _known_tail(name: str, known: dict[str, Actor]) -> tuple[str, Actor] | None:
    """The words before a known name of two words or more that `name` ends with, and its actor."""
    words = name.split()
    for start in range(1, len(words) - 1):
        actor = known.get(" ".join(words[start:]).casefold())
        if actor is not None:
            return " ".join(words[:start]), actor
    return None


def _exact_mentions(spans: list[tuple[Line, str]], actors: tuple[Actor, ...]) -> dict[str, tuple[str, int]]:
    ranked = sorted(spans, key=lambda span: span[0].kind == "heading")  # a sentence reads better than a heading
    found = {}
    for actor in actors:
        patterns = _actor_patterns(actor)
        hit = next(((s, line.number) for line, s in ranked if any(p.search(s) for p in patterns)), None)
        if hit:
            found[actor.id] = hit
    return found


def _actor_patterns(actor: Actor) -> list[re.Pattern[str]]:
    """Acronyms and short names are matched as written ("US", not "us"); longer ones in any case ("the Kremlin")."""
    names = [actor.name, *actor.aliases]
    strict = [n for n in names if n.isupper() or len(n) <= 3]
    loose = [n for n in names if n not in strict]
    patterns = [name_pattern(strict)] if strict else []
    return [*patterns, re.compile(name_pattern(loose).pattern, re.IGNORECASE)] if loose else patterns


def _mentions(
    actors: tuple[Actor, ...],
    exact: dict[str, tuple[str, int]],
    titled: dict[str, tuple[str, str | None, int]],
    spans: list[tuple[Line, str]],
) -> list[Mention]:
    mentions = []
    for actor in actors:
        title, spelled, line = titled.get(actor.id, ("", None, 0))
        if actor.id in exact:
            sentence, line = exact[actor.id]
            mentions.append(Mention(actor, sentence, line, title or None))
        elif spelled:
            sentence = next(s for ln, s in spans if ln.number == line and spelled in s)
            mentions.append(Mention(actor, sentence, line, title or None, spelled))
    return mentions


def _raw_names(body: list[Line]) -> Iterator[tuple[Line, str]]:
    """Capitalised runs of words in the article's paragraphs (headings are left out: they capitalise every word),
    without a sentence's leading "The" or "In"; single capitalised words too, for close spellings of surnames."""
    for line in body:
        if line.kind == "heading":
            continue
        for sentence in sentences(line.text) or [line.text]:
            taken: set[int] = set()
            for match in NAME.finditer(sentence):
                if sentence[match.end() :].startswith(":") and not sentence[: match.start()].strip(" -*\u2022"):
                    continue  # a label opening a list item ("- Support Team: ..."), like a heading
                words = match.group(0).split(" ")
                if len(words) > 1 and match.start() == 0 and words[0].endswith("ing"):
                    words.pop(0)  # "Representing Russia was ...": a verb starting the sentence
                while len(words) > 1 and (words[0] in LEADING_WORDS or words[0] in CONNECTOR_WORDS):
                    words.pop(0)
                taken.update(range(match.start(), match.end()))
                yield line, " ".join(words)
            for match in re.finditer(rf"\b{WORD}\b", sentence):
                if match.start() not in taken and len(match.group(0)) >= 5:
                    yield line, match.group(0)


def _split_title(name: str) -> tuple[str | None, str]:
    """("Director of National Intelligence", "Tulsi Gabbard") from the whole run; (None, name) without a title."""
    words = name.split(" ")
    cut = len(words)
    while cut > 0 and words[cut - 1].lower() not in TITLE_WORDS and words[cut - 1] not in CONNECTOR_WORDS:
        cut -= 1
    title = words[:cut]
    if not title or cut == len(words) or not any(w.lower().strip(".") in HEAD_WORDS for w in title):
        return None, name
    return " ".join(title), " ".join(words[cut:])


def _close_spelling(name: str, people: dict[str, Actor]) -> Actor | None:
    """The person whose name or alias (`people`) is spelled almost like `name`, with the same first letter."""
    if len(name) < 5:
        return None
    best = process.extractOne(name, people.keys(), scorer=fuzz.ratio, processor=str.casefold, score_cutoff=FUZZY_CUTOFF)
    if best is None or best[0][0].casefold() != name[0].casefold():
        return None
    return people[best[0]]


def _all_known(name: str, known: dict[str, Actor]) -> bool:
    return name.casefold() in known or all(w.casefold() in known for w in name.split(" "))


def _candidates(unknown: dict[str, tuple[str | None, int]], body: list[Line]) -> list[Candidate]:
    """People first, then the rest, each in order of appearance."""
    text = "\n".join(line.text for line in body)
    found = []
    for name, (title, line) in unknown.items():
        person = bool(title) or _looks_like_a_person(name, text)
        said = [name, name.split(" ")[-1]] if person else [name]
        found.append(Candidate(name, person, line, len(name_pattern(said).findall(text)), title))
    merged = [c for c in found if not any(c.name != o.name and name_pattern([c.name]).search(o.name) for o in found)]
    return sorted(merged, key=lambda c: (not c.person, c.line))[:40]


def _looks_like_a_person(name: str, text: str) -> bool:
    """Two or three words, no organisation's word, and what a news text does with a person: an honorific before
    the name ("Dr. Anya Petrova"), a verb of saying next to it, or the surname alone elsewhere ("Kushner")."""
    words = name.split(" ")
    if len(words) not in (2, 3) or any(w.lower() in ORG_WORDS or w in CONNECTOR_WORDS for w in words):
        return False
    full = re.escape(name)
    evidence = (
        rf"\b(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s+{full}",
        rf"{full},?\s+(?:said|says|told|tells|added|adds|noted|notes|argued|argues|wrote|writes|who)\b",
        rf"\b(?:said|says|told|noted|notes|added|according to)\s+{full}",
    )
    return any(re.search(pattern, text) for pattern in evidence) or _surname_alone(words[-1], text)


def _surname_alone(surname: str, text: str) -> bool:
    """The last word of a name on its own, between words that are not capitalised ("like Kushner and")."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
        before = re.search(r"(\S+)\s+$", text[max(0, match.start() - 40) : match.start()])
        after = re.match(r"\s+(\S+)", text[match.end() : match.end() + 40])
        if not any(near and near.group(1)[0].isupper() for near in (before, after)):
            return True
    return False
