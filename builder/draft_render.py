"""The draft article file written by `new`: valid YAML as it stands, every guess marked REVIEW, and the builder's
findings as comments the editor can uncomment."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from builder.draft_claims import ClaimStub
from builder.draft_dates import DatePhrase
from builder.draft_names import Candidate, Mention

__all__ = [
    "BLOCKS",
    "DraftPlan",
    "KnownEvent",
    "PageMeta",
    "Warning_",
    "end_marker",
    "is_suggestion",
    "render_draft",
    "start_marker",
    "suggestions",
]


@dataclass(frozen=True)
class Warning_:
    """Something about the text that a person should look at."""

    line: int
    col: int
    message: str
    kind: str = "damage"  # damage (mojibake) | furniture (web page text around the article)


@dataclass(frozen=True)
class PageMeta:
    """What a saved web page says about itself (trafilatura reads it); None where it says nothing."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class KnownEvent:
    """An event of events.yaml that other sources date as one of this text's date phrases."""

    phrase: str
    value: str | None
    event: str
    title: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class DraftPlan:
    """Everything the draft will hold, decided before anything is written."""

    article_id: str
    raw_name: str
    text: str
    title: str
    published: str | None
    title_note: str = "guessed from the first lines"
    short_title: str | None = None  # set when the title is already another source's label
    published_note: str = "no publication date found"
    author: str | None = None
    author_note: str = ""
    outlet: str | None = None
    url: str | None = None
    page_name: str | None = None  # raw/<id>.html when the input was a saved web page
    date_phrases: list[DatePhrase] = field(default_factory=list)
    known_events: list[KnownEvent] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    stubs: list[ClaimStub] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)


def q(text: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render_draft(plan: DraftPlan, today: datetime.date) -> str:
    """The draft YAML: valid as it stands, with every guess marked for review. The builder's suggestions are
    comments in marked blocks (BLOCKS), which `new --refresh` rewrites; everything else is the editor's."""
    blocks = suggestions(plan)

    def out() -> Iterator[str]:
        yield "# yaml-language-server: $schema=../../builder/schema/article.schema.json"
        yield "# DRAFT written by `python -m builder new`: check every line marked REVIEW, then set status: reviewed."
        yield f"id: {plan.article_id}"
        yield from _header(plan)
        yield "kind: news  # REVIEW: news | analysis | explainer | exam-prep | preview | opinion"
        yield f"raw: {plan.raw_name}"
        if plan.page_name:
            yield f"# The saved web page is kept beside it as {plan.page_name}; raw: is the text taken from it."
        yield "status: draft"
        yield f'added: "{today.isoformat()}"'
        yield 'summary: "DRAFT: two to four sentences on what this source says."'
        yield 'key_points: ["DRAFT: the source\'s main points, one line each."]'
        yield from _warnings_block(plan)
        yield "events: []"
        yield from marked("date", plan.article_id, blocks["date"])
        yield "claims: []"
        yield from marked("claim", plan.article_id, blocks["claim"])
        yield from _actors_yaml(plan)
        yield from marked("actor", plan.article_id, blocks["actor"])
        yield from marked("quote", plan.article_id, blocks["quote"])

    return "\n".join(out()) + "\n"


def start_marker(block: str, article_id: str) -> str:
    return f"# -- {block} suggestions (python -m builder new --refresh {article_id} rewrites this block) --"


def end_marker(block: str) -> str:
    return f"# -- end of {block} suggestions --"


def marked(block: str, article_id: str, lines: list[str]) -> Iterator[str]:
    """A block of suggestions between its marker lines."""
    yield start_marker(block, article_id)
    yield from lines
    yield end_marker(block)


def suggestions(
    plan: DraftPlan,
    listed: frozenset[str] | None = None,
    claimed: frozenset[str] = frozenset(),
    reported: frozenset[str] = frozenset(),
) -> dict[str, list[str]]:
    """The inside of each block of suggestions, by block name. `listed`: the actors the article's actors: already
    lists (by default every known actor the text names, as `new` writes them all); `claimed`: the topics its
    claims: already answer; `reported`: the events its events: already report. None is suggested again."""
    listed = frozenset(m.actor.id for m in plan.mentions) if listed is None else listed
    return {
        "date": list(_dates(plan, [e for e in plan.known_events if e.event not in reported])),
        "claim": list(_claims(plan, [s for s in plan.stubs if s.topic.id not in claimed])),
        "actor": list(_names(plan, [m for m in plan.mentions if m.actor.id not in listed])),
        "quote": list(_quotes(plan)),
    }


BLOCKS = ("date", "claim", "actor", "quote")
DATES = "# Date phrases found (suggested EDTF values: REVIEW each; add events with ids from events.yaml):"
EVENTS = "# Events that other sources date the same way (date phrase: event (title): sources):"
LINKED = "# Topics other sources claim when they name the same people as this text:"
STUBS = (
    "# Claim stubs, best-fitting sentences first. Uncomment the ones the article answers and trim the quote.",
    "# For value:, reuse another source's wording exactly when this source gives the same answer (identical",
    "# wording is what counts as agreeing); write a new value only for a different answer.",
)
TO_ADD = "# Known actors the text names, not under actors: yet (uncomment the ones to add; `actors: []` -> `actors:`):"
PEOPLE = "# People named who match no known actor (add the ones that matter to actors.yaml):"
OTHERS = "# Other names that match no known actor (organisations, places, works):"
QUOTES = "# Quoted phrases in the text (candidates for quotes):"
# The lines of a block that are the builder's: these headings, and items, which start "#   ". Any other line in a
# block (YAML, an indented comment, a comment of the editor's own) is the editor's, and refresh keeps it.
HEADINGS = frozenset((DATES, EVENTS, "# events:", LINKED, *STUBS, TO_ADD, PEOPLE, OTHERS, QUOTES))


def is_suggestion(line: str) -> bool:
    """A line of a marked block that the builder wrote, and refresh may rewrite."""
    return line.startswith("#   ") or line.rstrip() in HEADINGS


def _header(plan: DraftPlan) -> Iterator[str]:
    yield f"title: {q(plan.title)}  # REVIEW: {plan.title_note}"
    if plan.short_title:
        yield f"short_title: {q(plan.short_title)}  # REVIEW: the title is another source's label; give a short one"
    if plan.outlet:
        yield f"outlet: {q(plan.outlet)}  # REVIEW: from the page's metadata"
    else:
        yield "outlet: null  # REVIEW: unknown unless the text says"
    if plan.author:
        yield f"author: {q(plan.author)}  # REVIEW: {plan.author_note}"
    else:
        yield "author: null"
    yield f"url: {q(plan.url)}  # REVIEW: from the page's metadata" if plan.url else "url: null"
    value = q(plan.published) if plan.published else "null"
    yield f"published: {value}  # REVIEW: {plan.published_note}"


def _warnings_block(plan: DraftPlan) -> Iterator[str]:
    damage = [w for w in plan.warnings if w.kind == "damage"]
    furniture = [w for w in plan.warnings if w.kind == "furniture"]
    if damage:
        yield 'editor_note: "The text shows signs of damage (mojibake); see the warnings below."  # REVIEW'
        for warning in damage[:20]:
            yield f"#   line {warning.line}, column {warning.col}: {warning.message}"
    if furniture:
        yield "# Web page furniture found (the raw text keeps it):"
        yield from (f"#   {w.message}" for w in furniture)


def _dates(plan: DraftPlan, events: list[KnownEvent]) -> Iterator[str]:
    if not plan.date_phrases:
        return
    yield DATES
    for found in plan.date_phrases:
        suggestion = q(found.value) if found.value else "null"
        line = f"#   line {found.line}: {q(found.phrase)} -> date: {suggestion}"
        if found.relative:
            line += f"  # REVIEW: relative date; {found.note}"
        elif not found.value:
            line += "  # no exact date: keep null"
        yield line
    if events:
        yield EVENTS
        for known in events:
            yield f"#   {q(known.phrase)}: {known.event} ({q(known.title)}): {', '.join(known.articles)}"
    first = events[0] if events else None
    phrase = (first.phrase, first.value) if first else (plan.date_phrases[0].phrase, plan.date_phrases[0].value)
    yield "# events:"
    yield f"#   - event: {first.event if first else 'EVENT-ID'}"
    yield f"#     date: {q(phrase[1]) if phrase[1] else 'null'}"
    yield f"#     date_text: {q(phrase[0])}"
    yield '#     title: "..."'
    yield '#     quote: "..."'


def _claims(plan: DraftPlan, stubs: list[ClaimStub]) -> Iterator[str]:
    if not stubs:
        return
    linked = [(s.topic.id, s.named) for s in stubs if s.named]
    if linked:
        yield LINKED
        yield from (f"#   {tid}: {', '.join(named)}" for tid, named in linked)
    yield from STUBS
    for stub in stubs:
        yield f"#   - topic: {stub.topic.id}  # {stub.topic.question}"
        if stub.answers:
            yield "#     # answers other sources give (value: sources):"
            for answer in stub.answers:
                yield f"#     #   {q(answer.value)}: {', '.join(answer.articles)}"
        else:
            yield "#     # no other source answers this topic yet"
        if stub.named:
            yield f"#     # other sources' claims on this topic name {', '.join(stub.named)}, as this text does"
        yield '#     value: "..."'
        if stub.sentences:
            yield f"#     quote: {q(stub.sentences[0][1])}  # line {stub.sentences[0][0]}"
            for line, other in stub.sentences[1:]:
                yield f"#     # or: {q(other)}  # line {line}"
        else:
            yield '#     quote: "..."'


def _actors_yaml(plan: DraftPlan) -> Iterator[str]:
    if not plan.mentions:
        yield "actors: []  # no known actor is named: add actors.yaml entries for the candidates below"
    else:
        yield "actors:"
        yield from (line[2:] for line in _actor_entries(plan.mentions))


def _actor_entries(mentions: list[Mention]) -> Iterator[str]:
    """The actors: entries of known actors the text names, commented out ("# " before each line)."""
    for mention in mentions:
        yield f"#   - actor: {mention.actor.id}"
        if mention.spelled:
            yield f"#     # REVIEW: the text spells it {q(mention.spelled)}, close to {q(mention.actor.name)}"
        if mention.title:
            yield f"#     role: {q(mention.title)}  # REVIEW: the title the text gives them (line {mention.line})"
        else:
            yield '#     role: "Named in the text (REVIEW: say what role this source gives them)"'
        yield f"#     quotes: [{q(mention.sentence)}]"


def _names(plan: DraftPlan, to_add: list[Mention]) -> Iterator[str]:
    if to_add:
        yield TO_ADD
        yield from _actor_entries(to_add)
    people = [c for c in plan.candidates if c.person]
    others = [c for c in plan.candidates if not c.person]
    if people:
        yield PEOPLE
        for person in people:
            title = f"; title in the text: {q(person.title)}" if person.title else ""
            yield f"#   {person.name}  (line {person.line}, named {person.mentions}x{title})"
    if others:
        yield OTHERS
        yield from (f"#   {c.name}  (line {c.line}, named {c.mentions}x)" for c in others)


def _quotes(plan: DraftPlan) -> Iterator[str]:
    if plan.quotes:
        yield QUOTES
        yield from (f"#   {q(text)}" for text in plan.quotes[:30])
