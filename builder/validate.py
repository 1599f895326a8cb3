"""Validate stage: loaded documents -> a typed, cross-checked `Corpus`, or every problem at once."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from builder import dates
from builder.keys import digest
from builder.load import (
    OPTIONAL_FILES,
    SHARED_FILES,
    AnyDocument,
    ContentFile,
    Document,
    Inputs,
    LazyDocument,
    RawText,
    load,
    parse_bytes,
    parse_lazily,
)
from builder.model import (
    LETTERS,
    TOPIC_SLUG,
    Actor,
    Article,
    Event,
    ExamProfile,
    GlossaryTerm,
    Guide,
    Quiz,
    Topic,
)
from builder.paths import reserved_for
from builder.problems import ContentError, Problem
from builder.quotes import difference, normalise, occurs_in

__all__ = ["Corpus", "Each", "each_here", "load_corpus", "validate"]

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
R = TypeVar("R")
ONLY_ON_SOURCE_PAGE = {"summary", "key_points", "editor_note"}  # article fields no other page shows
SHORT_LIST = 8  # an unknown id's message lists the known ones if there are no more than this


@dataclass(frozen=True)
class Corpus:
    """Everything in `content/`, validated: the input of the analyse and render stages."""

    guide: Guide
    actors: tuple[Actor, ...]
    topics: tuple[Topic, ...]
    events: tuple[Event, ...]
    glossary: tuple[GlossaryTerm, ...]
    articles: tuple[Article, ...]
    raw: dict[str, str]  # article id -> raw text as received
    quiz: Quiz = field(default_factory=Quiz)
    # article id -> raw text normalised for quote matching (quotes.normalise), filled on first use
    normalised_raw: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # Digests of the inputs, for the page cache (builder/cache.py): all shared files together; each article file
    # with its raw text; and the "facts": everything but the articles' summaries, key points and editor's notes,
    # which only their own source pages show.
    shared_digest: str = field(default="", compare=False, repr=False)
    article_digests: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    facts_digest: str = field(default="", compare=False, repr=False)

    @property
    def exam(self) -> ExamProfile:
        """How the quiz is run: the guide's exam profile."""
        return self.guide.exam_profile

    def normalised(self, article_id: str) -> str:
        """The raw text of an article as quotes are matched against it."""
        return _normalised(self.normalised_raw, self.raw, article_id)

    def actor(self, actor_id: str) -> Actor:
        return self._actors[actor_id]

    def topic(self, topic_id: str) -> Topic:
        return self._topics[topic_id]

    def event(self, event_id: str) -> Event:
        return self._events[event_id]

    # Lookups by id, built on first use (cached_property writes around the frozen dataclass's __setattr__).
    @cached_property
    def _actors(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def _topics(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}

    @cached_property
    def _events(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}


Each = Callable[[Callable[[Any], Any], Sequence[Any], Sequence[str]], list[Any]]


def each_here(function: Callable[[T], R], items: Sequence[T], keys: Sequence[str]) -> list[R]:
    """[function(item) for item in items], here and now: what `validate` does without a runner (keys unused)."""
    return [function(item) for item in items]


def load_corpus(content: Path) -> Corpus:
    """The content folder `content` loaded and validated, with nothing kept from earlier builds."""
    return validate(load(content))


def validate(inputs: Inputs, each: Each = each_here) -> Corpus:
    """The content as read, parsed into typed models and cross-checked; raise ContentError listing every problem.

    Articles are parsed and checked one by one with `each(function, items, keys)`, which gives
    [function(item) for item in items]: the runner's (runner.each) may take results kept under the same keys by
    an earlier build, or share the work out between processes. The key of each result is a digest of exactly
    what it was made from."""
    problems = list(inputs.problems)
    shared = _SharedFiles(inputs, problems)
    keys = [digest("article", file.key) for file in inputs.articles]
    parsed = each(partial(_parse_article, inputs.raw), inputs.articles, keys)
    articles = _articles(inputs, parsed, problems)
    if shared.guide is None:  # the sides and labels every check needs
        raise ContentError(problems)
    raw, raw_keys = _raw_texts(inputs, articles, problems)
    problems.extend(_quotes_again(inputs, articles, parsed, raw_keys, each))
    checker = _References(shared.guide, shared.actors, shared.topics, shared.events, shared.glossary, articles, raw)
    # What failed validation: its problems are reported; references to it are not again (all in one pass).
    for kind, name in (("actor", "actors.yaml"), ("topic", "topics.yaml"), ("event", "events.yaml")):
        checker.failed[kind] = shared.failed.get(name, set())
    checker.failed_articles = {
        file.stem for file, result in zip(inputs.articles, parsed, strict=True) if not result.article
    }
    problems.extend(checker.check())
    if shared.quiz_document is not None:
        problems.extend(checker.quiz_refs(shared.quiz, shared.quiz_document))
    if problems:
        raise ContentError(problems)
    file_keys = {article.id: file.key for (article, _), file in zip(articles, _files_of(inputs, parsed), strict=True)}
    facts = {article.id: result[1] for article, result in zip((a for a, _ in articles), _ok(parsed), strict=True)}
    return Corpus(
        guide=shared.guide,
        actors=tuple(a for a, _ in shared.actors),
        topics=tuple(t for t, _ in shared.topics),
        events=tuple(e for e, _ in shared.events),
        glossary=tuple(g for g, _ in shared.glossary),
        articles=tuple(a for a, _ in articles),
        raw=raw,
        quiz=shared.quiz,
        normalised_raw=checker.normalised,
        shared_digest=digest(*(f"{name}\x1f{file.key}" for name, file in sorted(inputs.shared.items()))),
        article_digests={a: digest(file_keys[a], raw_keys[a]) for a in raw},
        facts_digest=digest(*(f"{a}\x1f{facts[a]}\x1f{raw_keys[a]}" for a in sorted(facts))),
    )


Located = tuple[M, tuple[AnyDocument, tuple[str | int, ...]]]


class _SharedFiles:
    """The shared files parsed into models: guide, actors, topics, events, glossary and the (optional) quiz; their
    problems are added to `problems`. `ok`: every file the guide needs is there, and none has a problem."""

    def __init__(self, inputs: Inputs, problems: list[Problem]) -> None:
        self.inputs, self.problems = inputs, problems
        self.quiz_document: AnyDocument | None = None
        self.failed: dict[str, set[str] | None] = {}  # file -> ids of items that failed (None: the whole file)
        before = len(problems)
        self.guide = self.one("guide.yaml", Guide)
        self.actors = self.many("actors.yaml", Actor)
        self.topics = self.many("topics.yaml", Topic)
        self.events = self.many("events.yaml", Event)
        self.glossary = self.many("glossary.yaml", GlossaryTerm)
        self.quiz = self.one("quiz.yaml", Quiz) or Quiz()
        needed = set(SHARED_FILES) - OPTIONAL_FILES
        self.ok = (
            needed <= set(inputs.shared)
            and len(problems) == before
            and not any(p.path.endswith(tuple(f"/{name}" for name in SHARED_FILES)) for p in inputs.problems)
        )

    def document(self, name: str) -> Document | None:
        file = self.inputs.shared.get(name)
        if file is None:
            return None
        try:
            return parse_bytes(file.data, file.shown)
        except ContentError as err:
            self.problems.extend(err.problems)
            return None

    def one(self, name: str, model: type[M]) -> M | None:
        """A file holding one model (guide.yaml, quiz.yaml)."""
        doc = self.document(name)
        if model is Quiz:
            self.quiz_document = doc
        return None if doc is None else _validate(doc, (), doc.data, model, self.problems)

    def many(self, name: str, model: type[M]) -> list[Located[M]]:
        """A file holding a list of models (actors.yaml ...). The ids of items that failed go to `failed[name]`
        (None when the whole file is unusable), so that references to them are not reported again."""
        doc = self.document(name)
        if doc is None:
            self.failed[name] = None
            return []
        if not isinstance(doc.data, list):
            self.problems.append(doc.problem((), f"expected a list of {_plural(model)} (lines starting with '- ')"))
            self.failed[name] = None
            return []
        parsed = [(_validate(doc, (i,), item, model, self.problems), (doc, (i,))) for i, item in enumerate(doc.data)]
        failed = self.failed.setdefault(name, set())
        for (m, _), item in zip(parsed, doc.data, strict=True):
            if m is None and failed is not None and isinstance(item, dict) and isinstance(item.get("id"), str):
                failed.update((item["id"], _slug(item["id"])))  # and the id it was probably meant to be
        return [(m, where) for m, where in parsed if m is not None]


class ParsedArticle:
    """A validated article. Between processes, and in the build cache, it travels as its JSON alone: making that
    takes a third of the time of pickling the models, and reading it back a little less than unpickling them. It
    is validated again as it is unpickled (so a kept one whose JSON is no longer valid is refused there)."""

    __slots__ = ("article", "json")

    def __init__(self, article: Article, json: bytes) -> None:
        self.article, self.json = article, json

    def __reduce__(self) -> tuple[Callable[[bytes], ParsedArticle], tuple[bytes]]:
        return _parsed_from_json, (self.json,)


def _parsed_from_json(json: bytes) -> ParsedArticle:
    return ParsedArticle(Article.model_validate_json(json), json)


class Parsed(NamedTuple):
    """What parsing one article file gives: the article (None if it is not valid), the digest of its facts, its
    problems, and its quotes' problems with the digest of the raw text they were looked for in ("" if it could not
    be read)."""

    article: ParsedArticle | None
    facts: str
    problems: list[Problem]
    quote_problems: list[Problem]
    quotes_checked_in: str


def _parse_article(raw: Mapping[str, RawText], file: ContentFile) -> Parsed:
    """Parse and validate one article file, and look for its quotes in its raw text (if it can be read: validate
    reports it otherwise)."""
    try:
        doc = parse_lazily(file.data, file.shown)  # positions are worked out only if a message needs them
    except ContentError as err:
        return Parsed(None, "", err.problems, [], "")
    problems: list[Problem] = []
    article = _validate(doc, (), doc.data, Article, problems)
    if article is None:
        return Parsed(None, "", problems, [], "")
    facts = digest(article.model_dump_json(exclude=ONLY_ON_SOURCE_PAGE))
    parsed = ParsedArticle(article, article.model_dump_json().encode("utf-8"))
    text = raw.get(article.raw)
    if text is None or text.problem:
        return Parsed(parsed, facts, problems, [], "")
    return Parsed(parsed, facts, problems, list(_quote_problems(article, doc, normalise(text.text))), text.key)


def _ok(parsed: Sequence[Parsed]) -> Iterator[Parsed]:
    return (result for result in parsed if result.article is not None)


def _files_of(inputs: Inputs, parsed: Sequence[Parsed]) -> Iterator[ContentFile]:
    """The files of the articles that parsed, in the same order."""
    return (file for file, result in zip(inputs.articles, parsed, strict=True) if result.article is not None)


def _articles(inputs: Inputs, parsed: Sequence[Parsed], problems: list[Problem]) -> list[Located[Article]]:
    """The valid articles, each with its document; every article's problems are added to `problems`."""
    found: list[Located[Article]] = []
    for file, result in zip(inputs.articles, parsed, strict=True):
        problems.extend(result.problems)
        if result.article is None:
            continue
        article = result.article.article
        doc = LazyDocument(file.shown, file.data)  # positions are read again only if a message needs them
        if article.id != file.stem:
            problems.append(doc.problem(("id",), f"id '{article.id}' must equal the file name '{file.stem}'"))
        found.append((article, (doc, ())))
    return found


def _raw_texts(
    inputs: Inputs, articles: list[Located[Article]], problems: list[Problem]
) -> tuple[dict[str, str], dict[str, str]]:
    """Raw texts by article id, and the digest of each one's bytes; a problem for each that cannot be used."""
    raw: dict[str, str] = {}
    keys: dict[str, str] = {}
    for article, (doc, _) in articles:
        text = inputs.raw.get(article.raw)
        if text is None:
            hint = _did_you_mean(*_close(article.raw, set(inputs.raw), cutoff=0.85, most=1))
            problems.append(doc.problem(("raw",), f"raw text {article.raw} not found in {inputs.folder}/{hint}"))
        elif text.problem:
            problems.append(doc.problem(("raw",), f"raw text {article.raw} {text.problem}"))
        else:
            raw[article.id], keys[article.id] = text.text, text.key
    return raw, keys


def _quotes_again(
    inputs: Inputs, articles: list[Located[Article]], parsed: Sequence[Parsed], raw_keys: dict[str, str], each: Each
) -> Iterator[Problem]:
    """The quotes' problems of each article, looked for again in its raw text if it is not the text they were
    looked for in when the article was parsed (a result kept from a build before the text changed)."""
    again: list[tuple[Article, AnyDocument, str]] = []
    keys: list[str] = []
    for (article, (doc, _)), file, result in zip(articles, _files_of(inputs, parsed), _ok(parsed), strict=True):
        key = raw_keys.get(article.id)
        if key is None:
            continue
        if key == result.quotes_checked_in:
            yield from result.quote_problems
        else:
            again.append((article, doc, inputs.raw[article.raw].text))
            keys.append(digest("quotes", file.key, key))
    for found in each(_quotes_in, again, keys):
        yield from found


def _quotes_in(item: tuple[Article, AnyDocument, str]) -> list[Problem]:
    article, doc, text = item
    return list(_quote_problems(article, doc, normalise(text)))


def _quote_problems(article: Article, doc: AnyDocument, raw: str) -> Iterator[Problem]:
    """A problem for each quote of `article` that is not in its normalised raw text `raw`."""
    quotes: list[tuple[tuple[str | int, ...], str]] = []
    quotes += [(("events", i, "quote"), e.quote) for i, e in enumerate(article.events)]
    quotes += [(("claims", i, "quote"), c.quote) for i, c in enumerate(article.claims)]
    for i, mention in enumerate(article.actors):
        quotes += [(("actors", i, "quotes", j), q) for j, q in enumerate(mention.quotes)]
    for loc, quote in quotes:
        yield from _verbatim(doc, loc, quote, article.raw, raw)


def _validate(
    doc: AnyDocument, loc: tuple[str | int, ...], data: Any, model: type[M], problems: list[Problem]
) -> M | None:
    """`data` as a `model`, or None with its problems added to `problems`."""
    if not isinstance(data, dict):
        problems.append(doc.problem(loc, f"expected a mapping of {model.__name__} fields (key: value lines)"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems.extend(doc.problem((*loc, *e["loc"]), _explain(e, model)) for e in err.errors())
        return None


def _plural(model: type[BaseModel]) -> str:
    return {"GlossaryTerm": "glossary terms"}.get(model.__name__, model.__name__.lower() + "s")


_BOUNDS = {  # pydantic's number-bound errors: what the bound is called, and its key in the error's context
    "greater_than_equal": ("at least", "ge"),
    "greater_than": ("more than", "gt"),
    "less_than_equal": ("at most", "le"),
    "less_than": ("less than", "lt"),
}


def _explain(error: Any, model: type[BaseModel]) -> str:
    """A pydantic error in words an author understands, saying what would be right."""
    kind, loc = error["type"], error["loc"]
    name = loc[-1] if loc else ""
    if kind == "missing":
        return f"missing required key '{name}'"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        hint = difflib.get_close_matches(str(name), allowed, n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        return f"unknown key '{name}'{suggestion}: allowed keys are {', '.join(allowed)}"
    if kind == "string_pattern_mismatch":
        field = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
        value = error["input"]
        return f"'{field}' has an invalid value {value!r}: {_pattern_help(field, value, error['ctx']['pattern'])}"
    if kind == "value_error":  # a field's own check ('name': ...), or a whole item's (a model validator)
        message = error["msg"].removeprefix("Value error, ")
        return f"'{name}': {message}" if isinstance(name, str) else message
    where = f"'{name}'" if isinstance(name, str) else f"item {name}"
    value = error["input"]
    if value is None:
        return f"{where} is empty: give a value"
    if kind == "string_type" and isinstance(value, int | float | bool):
        return f'{where}: expected text, got {value!r}: put it in quotes, like "{value}"'
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        hints = difflib.get_close_matches(str(value), allowed, n=1)
        return f"{where}: {_short(value)} is not one of {', '.join(allowed)}{_did_you_mean(*hints)}"
    if kind == "bool_parsing":
        return f"{where}: expected true or false, got {_short(value)}"
    if kind == "too_short":
        return f"{where} needs at least {error['ctx']['min_length']}, got {error['ctx']['actual_length']}"
    if kind in _BOUNDS:
        words, key = _BOUNDS[kind]
        return f"{where} must be {words} {error['ctx'][key]}, not {_short(value)}"
    if kind == "list_type":
        example = f": write [{value}] for a list of one" if isinstance(value, str) else ""
        return f"{where}: expected a list (lines starting with '- ', or [a, b]), got {_short(value)}{example}"
    return f"{where}: {error['msg']} (got {type(value).__name__} {_short(value)})"


def _pattern_help(name: str, value: str, pattern: str) -> str:
    """What a value of the field `name` must look like, and what `value` would be if made to fit, if that is
    clear."""
    if name == "raw":
        fixed = "raw/" + value.replace("\\", "/").rsplit("/", 1)[-1].strip()
        fixed = fixed if re.fullmatch(pattern, fixed) else ""
        return "expected a path like raw/000_name.txt (the text's file in the raw folder)" + _did_you_mean(fixed)
    if name == "url":
        bare = value.strip()
        fixed = f"https://{bare}" if "." in bare and "://" not in bare and not re.search(r"\s", bare) else ""
        return "expected an address starting with http:// or https://" + _did_you_mean(fixed)
    if name == "wikidata":
        number = re.search(r"\b[Qq]?(\d+)\s*$", value)
        return "expected a Wikidata id like Q42" + _did_you_mean(f"Q{number[1]}" if number else "")
    if name in ("site_name", "description") and "<>" in pattern:
        return 'expected plain text without <, >, " or & (the theme writes it into the page head as it is)'
    if name in ("term", "aliases"):
        return "expected one line of text without [, ] or backslash (it is matched in page text for tooltips)"
    if pattern == TOPIC_SLUG:
        fixed = ".".join(filter(None, (_slug(part) for part in value.split("."))))
        return (
            "expected lowercase letters and digits joined by hyphens, with dots between a group and a name, "
            f"like 'talks.russian-lead'{_did_you_mean(fixed)}"
        )
    hint = _did_you_mean(_slug(value))
    return f"expected lowercase letters and digits joined by hyphens, like 'leonid-slutsky'{hint}"


def _slug(text: str) -> str:
    """`text` in lowercase letters and digits joined by hyphens (accents dropped), or "" if nothing is left."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


def _did_you_mean(*hints: str) -> str:
    """'; did you mean 'a'?', or 'a', 'b' or 'c'? for several; "" for none."""
    quoted = [f"'{hint}'" for hint in hints if hint]
    if not quoted:
        return ""
    return f"; did you mean {' or '.join([', '.join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)}?"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the (nested) model that `loc` points into."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[part].annotation
        current = next((a for a in getattr(annotation, "__args__", ()) if isinstance(a, type)), annotation)
    return sorted(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _normalised(known: dict[str, str], raw: dict[str, str], article_id: str) -> str:
    """raw[article_id] normalised for quote matching (quotes.normalise), worked out once and kept in `known`."""
    if article_id not in known:
        known[article_id] = normalise(raw[article_id])
    return known[article_id]


class _References:
    """Cross-file checks: unique ids, resolvable references, verbatim quotes."""

    def __init__(
        self,
        guide: Guide,
        actors: list[Located[Actor]],
        topics: list[Located[Topic]],
        events: list[Located[Event]],
        glossary: list[Located[GlossaryTerm]],
        articles: list[Located[Article]],
        raw: dict[str, str],
    ) -> None:
        self.guide, self.actors, self.topics, self.events = guide, actors, topics, events
        self.glossary, self.articles, self.raw = glossary, articles, raw
        self.actor_ids = {a.id for a, _ in actors}
        self.topic_ids = {t.id for t, _ in topics}
        self.event_ids = {e.id for e, _ in events}
        self.ids: dict[str, tuple[set[str], str]] = {  # kind -> its ids, and where they are written
            "actor": (self.actor_ids, "actors.yaml"),
            "topic": (self.topic_ids, "topics.yaml"),
            "event": (self.event_ids, "events.yaml"),
            "article": ({a.id for a, _ in articles}, "articles/"),
            "side": ({s.id for s in guide.sides}, "guide.yaml sides"),
        }
        self.normalised: dict[str, str] = {}  # filled as quiz quotes are checked, then handed to the Corpus
        self.failed_articles: set[str] = set()  # ids (file names) of articles that exist but failed validation
        self.failed: dict[str, set[str] | None] = {}  # kind -> ids that failed validation (None: the whole file)

    def text(self, article_id: str) -> str:
        return _normalised(self.normalised, self.raw, article_id)

    def unknown(self, doc: AnyDocument, loc: tuple[str | int, ...], kind: str, value: str) -> Iterator[Problem]:
        """A problem if `value` is not the id of a `kind` (actor, topic, event, article or side)."""
        known, where = self.ids[kind]
        failed = self.failed.get(kind, set())
        if value in known or failed is None or value in failed or (kind == "article" and value in self.failed_articles):
            return  # what failed has its own problems reported: saying it does not exist would be untrue
        others = {other: ids for other, (ids, _) in self.ids.items() if other != kind}
        yield from _unknown(doc, loc, kind, value, known, where, others)

    def check(self) -> Iterator[Problem]:
        for kind, items in (("actor", self.actors), ("topic", self.topics), ("event", self.events)):
            yield from _duplicates(kind, items)
        for topic, (doc, loc) in self.topics:
            if topic.describes is not None:
                yield from self.unknown(doc, (*loc, "describes"), "event", topic.describes)
            yield from _topic_contradictions(topic, doc, loc)
        reports = {article.id: {r.event for r in article.events} for article, _ in self.articles}
        for event, (doc, loc) in self.events:
            yield from self.meeting_calls(event, doc, loc, reports)
        yield from _duplicates("glossary term", self.glossary)
        yield from self.page_paths()
        yield from self.actor_refs()
        yield from self.unique_labels()
        for article, (doc, _) in self.articles:
            yield from self.article_refs(article, doc)

    def meeting_calls(
        self, event: Event, doc: AnyDocument, loc: tuple[str | int, ...], reports: dict[str, set[str]]
    ) -> Iterator[Problem]:
        """Each call names known articles that report the event, and no two calls judge one pair differently."""
        judged: dict[frozenset[str], tuple[int, bool]] = {}
        for i, call in enumerate(event.meetings):
            for j, article_id in enumerate(call.articles):
                where = (*loc, "meetings", i, "articles", j)
                yield from self.unknown(doc, where, "article", article_id)
                if article_id in reports and event.id not in reports[article_id]:
                    message = f"article '{article_id}' does not report '{event.id}': a call judges two accounts of it"
                    yield doc.problem(where, message)
            pair = frozenset(call.articles)
            if pair in judged and judged[pair][1] != call.same:
                first = doc.where((*loc, "meetings", judged[pair][0]))[0]
                message = f"this call says same: {str(call.same).lower()}, the call on line {first} the opposite"
                yield doc.problem((*loc, "meetings", i, "same"), message + ": keep the one the sources support")
            judged.setdefault(pair, (i, call.same))

    def page_paths(self) -> Iterator[Problem]:
        """An id whose page would take the path of another page (paths.RESERVED): the later would silently
        replace the earlier."""
        located = [("actor", a.id, doc, (*loc, "id")) for a, (doc, loc) in self.actors]
        located += [("article", a.id, doc, ("id",)) for a, (doc, _) in self.articles]
        for kind, item_id, doc, loc in located:
            if (taken := reserved_for(kind, item_id)) is not None:
                yield doc.problem(loc, f"id '{item_id}' would make the page {taken}: choose another id")

    def unique_labels(self) -> Iterator[Problem]:
        """Sources are told apart by their labels (short_title, else title) in badges, tables and quizzes."""
        first: dict[str, AnyDocument] = {}
        for article, (doc, _) in self.articles:
            key = " ".join(article.label.casefold().split())
            if key in first:
                field = "short_title" if article.short_title else "title"
                message = f"{field} '{article.label}' is already used by {first[key].path}: give each source its own"
                yield doc.problem((field,), message)
            first.setdefault(key, doc)

    def actor_refs(self) -> Iterator[Problem]:
        for actor, (doc, loc) in self.actors:
            if actor.side is not None:
                yield from self.unknown(doc, (*loc, "side"), "side", actor.side)
            if actor.affiliation is not None:
                yield from self.unknown(doc, (*loc, "affiliation"), "actor", actor.affiliation)
        yield from self.affiliation_circles()

    def affiliation_circles(self) -> Iterator[Problem]:
        """An actor affiliated with itself, or affiliations that lead back to where they started: reported once
        per circle, at the first of its actors in actors.yaml."""
        parent = {actor.id: actor.affiliation for actor, _ in self.actors}
        reported: set[str] = set()
        for actor, (doc, loc) in self.actors:
            path, current = [actor.id], parent.get(actor.id)
            while current is not None and current not in path and current in parent:
                path.append(current)
                current = parent[current]
            if current != actor.id or actor.id in reported:
                continue
            reported.update(path)
            if len(path) == 1:
                message = (
                    f"actor '{actor.id}' is affiliated with itself: give the actor it belongs to, or no affiliation"
                )
            else:
                circle = " -> ".join([*path, actor.id])
                message = (
                    f"affiliations go round in a circle ({circle}): one of these actors must have no affiliation, "
                    "or one outside the circle"
                )
            yield doc.problem((*loc, "affiliation"), message)

    def article_refs(self, article: Article, doc: AnyDocument) -> Iterator[Problem]:
        yield from _article_dates(article, doc)
        for i, report in enumerate(article.events):
            yield from self.unknown(doc, ("events", i, "event"), "event", report.event)
            for j, actor in enumerate(report.actors):
                yield from self.unknown(doc, ("events", i, "actors", j), "actor", actor)
        seen_topics: dict[str, int] = {}
        for i, claim in enumerate(article.claims):
            yield from self.unknown(doc, ("claims", i, "topic"), "topic", claim.topic)
            if claim.topic in seen_topics:
                first = doc.where(("claims", seen_topics[claim.topic], "topic"))[0]
                message = f"topic '{claim.topic}' is claimed twice in this article (first on line {first})"
                yield doc.problem(("claims", i, "topic"), message + ": give one value per topic")
            seen_topics.setdefault(claim.topic, i)
        for i, mention in enumerate(article.actors):
            yield from self.unknown(doc, ("actors", i, "actor"), "actor", mention.actor)

    def quiz_refs(self, quiz: Quiz, doc: AnyDocument) -> Iterator[Problem]:
        """References in quiz.yaml, and whether its questions and prompts fit the guide's exam profile (the preset
        with the guide's parts laid over it; each part was checked as guide.yaml was parsed)."""
        articles = {a.id: a for a, _ in self.articles}
        profile = self.guide.exam_profile
        seen: dict[str, int] = {}
        for i, question in enumerate(quiz.questions):
            loc: tuple[str | int, ...] = ("questions", i)
            if question.id in seen:
                first = doc.where(("questions", seen[question.id], "id"))[0]
                yield doc.problem((*loc, "id"), f"duplicate question id '{question.id}' (first on line {first})")
            seen.setdefault(question.id, i)
            count = len(question.options)
            if LETTERS.index(question.answer) >= count:
                message = f"answer '{question.answer}' but there are {count} options: use a letter from a to "
                yield doc.problem((*loc, "answer"), message + LETTERS[count - 1])
            yield from _same_options(doc, (*loc, "options"), question.options)
            if question.format == "assertion-reason" and len(question.statements) != 2:
                message = f"assertion-reason needs exactly two statements (I and II), not {len(question.statements)}"
                yield doc.problem((*loc, "statements"), message)
            for j, topic in enumerate(question.topics):
                yield from self.unknown(doc, (*loc, "topics", j), "topic", topic)
            for j, citation in enumerate(question.sources):
                yield from self.citation(doc, (*loc, "sources", j), citation.article, citation.quote, articles)
            if question.format not in profile.formats:
                message = f"format '{question.format}' is not offered by the exam profile ({self.preset}): use one of"
                yield doc.problem(
                    (*loc, "format"), f"{message} {', '.join(profile.formats)}, or add it to exam.formats"
                )
        yield from self.written(quiz, doc, profile)

    @property
    def preset(self) -> str:
        """The guide's exam profile as an author would name it in a message."""
        return f"preset '{self.guide.exam.preset}' in guide.yaml"

    def written(self, quiz: Quiz, doc: AnyDocument, profile: ExamProfile) -> Iterator[Problem]:
        """Written-answer prompts: their sources and topics exist, and they fit the profile's written practice."""
        practice = profile.written
        if practice is None:
            if quiz.written:
                message = f"the exam profile ({self.preset}) has no written-answer practice: remove `written`, or"
                yield doc.problem(
                    ("written",), f"{message} choose a profile with it in guide.yaml (exam: upsc, or exam.written)"
                )
            return
        for i, prompt in enumerate(quiz.written):
            loc: tuple[str | int, ...] = ("written", i)
            for j, article_id in enumerate(prompt.sources):
                yield from self.unknown(doc, (*loc, "sources", j), "article", article_id)
            for j, topic in enumerate(prompt.topics):
                yield from self.unknown(doc, (*loc, "topics", j), "topic", topic)
            allowed: list[tuple[str, object, Sequence[object]]] = [
                ("directive", prompt.directive, list(practice.directives)),
                ("marks", prompt.marks, practice.marks),
            ]
            if prompt.paper is not None:
                allowed.append(("paper", prompt.paper, practice.papers))
            for key, value, values in allowed:
                if value not in values:
                    listed = ", ".join(map(str, values)) or "none (leave `paper` out)"
                    yield doc.problem((*loc, key), f"{key} {value!r} is not one of the exam profile's: {listed}")
            if prompt.words > practice.max_words:
                message = f"word limit {prompt.words} is over the exam profile's longest ({practice.max_words})"
                yield doc.problem((*loc, "words"), message)

    def citation(
        self, doc: AnyDocument, loc: tuple[str | int, ...], article_id: str, quote: str, articles: dict[str, Article]
    ) -> Iterator[Problem]:
        if article_id not in articles:  # unknown, or failed (its quotes cannot be checked until it is fixed)
            yield from self.unknown(doc, (*loc, "article"), "article", article_id)
        elif article_id in self.raw:
            yield from _verbatim(doc, (*loc, "quote"), quote, articles[article_id].raw, self.text(article_id))


def _topic_contradictions(topic: Topic, doc: AnyDocument, loc: tuple[str | int, ...]) -> Iterator[Problem]:
    if topic.compatible and not topic.exclusive:
        message = "compatible answers matter only for an exclusive topic: remove 'compatible' or set exclusive: true"
        yield doc.problem((*loc, "compatible"), message)
    if topic.reflects == "date" and topic.describes is None:
        message = "'reflects: date' needs 'describes': the event whose date this topic's answers give"
        yield doc.problem((*loc, "reflects"), message)


def _article_dates(article: Article, doc: AnyDocument) -> Iterator[Problem]:
    """Dates of one article that contradict each other: it entered the guide before it was published, or it
    reports as still planned an event dated wholly before it was published."""
    if article.published is None:
        return
    published = dates.bounds(article.published)[0]
    if dates.bounds(article.added)[1] < published:
        message = f"added ({article.added}) before it was published ({article.published}): check the two dates"
        yield doc.problem(("added",), message)
    for i, report in enumerate(article.events):
        if report.planned and report.date is not None and dates.bounds(report.date)[1] < published:
            message = (
                f"planned, but dated {report.date}, before the article was published ({article.published}): an "
                "event still to come is dated after its report; or it had happened (planned: false)"
            )
            yield doc.problem(("events", i, "date"), message)


def _verbatim(doc: AnyDocument, loc: tuple[str | int, ...], quote: str, raw_path: str, raw: str) -> Iterator[Problem]:
    """A problem unless `quote` occurs in the normalised raw text; it shows where the quote first differs from the
    closest passage, if any, the two one above the other with a caret under the difference."""
    if occurs_in(quote, raw):
        return
    excerpt = difference(quote, raw)
    if not excerpt:
        yield doc.problem(loc, f"quote not found verbatim in {raw_path}; nothing in the text is close to it")
        return
    message = f"quote not found verbatim in {raw_path}: it differs from the closest passage where marked (^)"
    yield doc.problem(loc, "\n".join([message, *excerpt]))


def _same_options(doc: AnyDocument, loc: tuple[str | int, ...], options: Sequence[str]) -> Iterator[Problem]:
    """A problem if two options of a question say the same thing (but for case and spacing)."""
    first: dict[str, int] = {}
    for i, option in enumerate(options):
        key = " ".join(option.casefold().split())
        if key in first:
            which = f"options {LETTERS[first[key]]} and {LETTERS[i]}"
            yield doc.problem(loc, f"{which} say the same thing ({_short(option)}): every option must differ")
            return
        first[key] = i


def _duplicates(kind: str, items: Iterable[Located[Any]]) -> Iterator[Problem]:
    first: dict[str, tuple[AnyDocument, tuple[str | int, ...]]] = {}
    for item, (doc, loc) in items:
        if item.id in first:
            other_doc, other_loc = first[item.id]
            line = other_doc.where((*other_loc, "id"))[0]
            yield doc.problem((*loc, "id"), f"duplicate {kind} id '{item.id}' (first at {other_doc.path}:{line})")
        else:
            first[item.id] = (doc, loc)


def _unknown(
    doc: AnyDocument,
    loc: tuple[str | int, ...],
    kind: str,
    value: str,
    known: set[str],
    where: str,
    others: Mapping[str, set[str]] | None = None,
) -> Iterator[Problem]:
    """A problem unless `value` is in `known`, the ids of a `kind` written in `where`. It names the ids `value` is
    like, else lists them all if they are few; and says if `value` is the id of another kind (`others`)."""
    if value in known:
        return
    message = f"unknown {kind} '{value}': not in {where}"
    other = next((other for other, ids in (others or {}).items() if value in ids), None)
    if other is not None:
        message += f"; '{value}' is {_a(other)} id, not {_a(kind)} id"
    hints = _close(value, known, by_name=kind == "topic")
    if hints:
        message += _did_you_mean(*hints)
    elif not known:
        message += " (there are none yet: add it there)"
    elif len(known) <= SHORT_LIST:
        message += f" ({', '.join(sorted(known))})"
    yield doc.problem(loc, message)


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _close(value: str, known: Iterable[str], by_name: bool = False, cutoff: float = 0.6, most: int = 4) -> list[str]:
    """The known ids most like `value` (as difflib.get_close_matches judges, ties all given, up to `most`). With
    `by_name`, a dotted id (a topic's, 'meeting.place') is also judged by its name after the last dot, so that
    'place' finds it."""
    name = value.rsplit(".", 1)[-1]
    scores: dict[str, float] = {}
    for candidate in known:
        score = _likeness(value, candidate, cutoff)
        if by_name and "." in candidate:  # by name; a little less alike if the value has a group, and so another group
            penalty = 0.05 if "." in value else 0.0
            score = max(score, _likeness(name, candidate.rsplit(".", 1)[-1], cutoff) - penalty)
        if score >= cutoff:
            scores[candidate] = score
    best = max(scores.values(), default=0.0)
    return sorted(candidate for candidate, score in scores.items() if score == best)[:most]


def _likeness(a: str, b: str, cutoff: float) -> float:
    """difflib's ratio of a and b, or 0 if a quicker bound shows it is below `cutoff`."""
    matcher = difflib.SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
        return 0.0
    return matcher.ratio()
