"""Validate stage: loaded documents -> a typed, cross-checked `Corpus`, or every problem at once."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from builder.cache import BuildCache, code_version, digest
from builder.load import AnyDocument, Document, LazyDocument, parse_bytes, parse_lazily, read_file
from builder.model import LETTERS, Actor, Article, Event, GlossaryTerm, Guide, Quiz, Topic
from builder.parallel import Results, start_map
from builder.problems import ContentError, Problem
from builder.quotes import closest_passage, normalise, occurs_in

__all__ = ["Corpus", "load_corpus"]

M = TypeVar("M", bound=BaseModel)
ONLY_ON_SOURCE_PAGE = {"summary", "key_points", "editor_note"}  # article fields no other page shows


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


def load_corpus(content: Path, cache: BuildCache | None = None, meanwhile: Callable[[], None] | None = None) -> Corpus:
    """Load and validate the content folder; raise ContentError listing every problem found.

    With a `cache`, articles whose bytes are unchanged since an earlier build are not parsed and validated again,
    and quotes already found in an unchanged raw text are not searched for again. `meanwhile`: work of the
    caller's to do while worker processes parse the articles (before this process joins them)."""
    problems: list[Problem] = []
    cache = cache or BuildCache()
    loader = _Loader(content, problems, cache)
    article_problems: list[Problem] = []
    parsed = loader.start_articles(article_problems)  # in worker processes, while this one reads the rest
    try:
        if meanwhile is not None:
            meanwhile()
        guide, actors, topics, events, glossary, quiz = loader.shared()
    except BaseException:
        parsed(cancel=True)
        raise
    shared_files_ok = not problems  # references can only be checked against complete id lists
    articles = parsed()
    problems.extend(article_problems)
    if not shared_files_ok or guide is None:
        raise ContentError(problems)
    raw, raw_keys = _read_raw(content, articles, problems, loader.raw)
    quote_keys = {a: (loader.keys[a], raw_key) for a, raw_key in raw_keys.items() if a in loader.keys}
    shared_digest = _shared_digest(loader.shared_keys)
    # Articles kept from the last build were checked against these very shared files if they are unchanged.
    checked = loader.cached if cache.same_shared(shared_digest) else set()
    checker = _References(guide, actors, topics, events, glossary, articles, raw, cache, quote_keys, checked)
    problems.extend(checker.check())
    if loader.quiz_document is not None:
        problems.extend(checker.quiz_refs(quiz, loader.quiz_document))
    if problems:
        raise ContentError(problems)
    return Corpus(
        guide=guide,
        actors=tuple(a for a, _ in actors),
        topics=tuple(t for t, _ in topics),
        events=tuple(e for e, _ in events),
        glossary=tuple(g for g, _ in glossary),
        articles=tuple(a for a, _ in articles),
        raw={a.id: raw[a.id] for a, _ in articles if a.id in raw},
        quiz=quiz,
        normalised_raw=checker.normalised,
        shared_digest=shared_digest,
        article_digests={article_id: digest(*key) for article_id, key in quote_keys.items()},
        facts_digest=_facts_digest({a: (loader.facts[a], raw_keys[a]) for a in quote_keys}),
    )


def _shared_digest(keys: dict[str, str]) -> str:
    return digest(*(f"{name}\x1f{key}" for name, key in sorted(keys.items())))


def _facts_digest(facts: dict[str, tuple[str, str]]) -> str:
    """Of every article id with its facts digest and its raw text's digest."""
    return digest(*(f"{a}\x1f{facts[a][0]}\x1f{facts[a][1]}" for a in sorted(facts)))


def quick_corpus(content: Path, cache: BuildCache) -> tuple[Corpus, int] | None:
    """The fast path of a rebuild: when the shared files and the facts of every article (all but summaries, key
    points and editor's notes) are as in the last build, and every article file either is unchanged or parses
    cleanly, a corpus of only the articles whose files changed, and the number of articles; else None, and the
    full path (load_corpus) runs and reports any problem.

    Nothing cross-file needs checking again then: the last build checked these same facts against these same
    shared files and found no problem (a cache is only saved by a build that succeeded). Unchanged articles are
    not even rebuilt from the cache, which is most of a rebuild's time in a guide of a thousand articles."""
    if not cache.pages or not cache.facts_key:
        return None
    problems: list[Problem] = []
    loader = _Loader(content, problems, cache)
    guide, actors, topics, events, glossary, quiz = loader.shared()
    files = loader.article_files()
    if problems or guide is None:
        return None
    facts: dict[str, tuple[str, str]] = {}
    changed: list[tuple[Article, str, str, str]] = []  # article, raw text, file digest, raw text digest
    changed_json: dict[str, bytes] = {}  # file digest -> the article's JSON, for the cache
    for stem, shown, data, key in files:
        summary = cache.article_summary(key)
        article: Article | None = None
        read: tuple[str, str] | None = None  # the raw text and its digest, if parsing read them
        if summary is not None:
            article_id, raw_path, article_facts = summary
        else:
            parsed, article_facts, found, quotes_found_in = _parse_article((shown, data, content))
            if parsed is None or found or parsed.raw is None:
                return None
            article, read = parsed.article, parsed.raw
            article_id, raw_path = article.id, article.raw
            changed_json[key] = parsed.json
        if article_id != stem or article_id in facts:
            return None
        if read is None:
            try:
                raw = (content / raw_path).read_bytes()
                read = raw.decode("utf-8"), digest(raw)
            except (OSError, UnicodeDecodeError):
                return None
        text, raw_key = read
        facts[article_id] = (article_facts, raw_key)
        if article is not None:
            if quotes_found_in != raw_key:
                return None
            changed.append((article, text, key, raw_key))
        elif not cache.quotes_checked((key, raw_key)):
            return None
    shared_digest = _shared_digest(loader.shared_keys)
    if not cache.same_shared(shared_digest) or digest(code_version(), shared_digest, _facts_digest(facts)) != (
        cache.facts_key
    ):
        return None
    for article, _, key, raw_key in changed:
        cache.add_article(key, article.id, article.raw, facts[article.id][0], changed_json[key])
        cache.add_quotes((key, raw_key))
    corpus = Corpus(
        guide=guide,
        actors=tuple(a for a, _ in actors),
        topics=tuple(t for t, _ in topics),
        events=tuple(e for e, _ in events),
        glossary=tuple(g for g, _ in glossary),
        articles=tuple(article for article, _, _, _ in changed),
        raw={article.id: text for article, text, _, _ in changed},
        quiz=quiz,
        shared_digest=shared_digest,
        article_digests={article.id: digest(key, raw_key) for article, _, key, raw_key in changed},
        facts_digest=_facts_digest(facts),
    )
    return corpus, len(facts)


Located = tuple[M, tuple[AnyDocument, tuple[str | int, ...]]]


class _Loader:
    """Loads each file into models, recording problems instead of stopping at the first."""

    def __init__(self, content: Path, problems: list[Problem], cache: BuildCache) -> None:
        self.content = content
        self.problems = problems
        self.cache = cache
        self.quiz_document: AnyDocument | None = None
        self.keys: dict[str, str] = {}  # article id -> digest of its file's bytes
        self.facts: dict[str, str] = {}  # article id -> digest of all but what only its source page shows
        self.shared_keys: dict[str, str] = {}  # shared file (guide.yaml ...) -> digest of its bytes
        self.cached: set[str] = set()  # ids of the articles taken from the cache
        self.raw: dict[str, tuple[str, str]] = {}  # article id -> raw text and its digest, as parsing read them

    def read(self, relative: str, optional: bool = False) -> tuple[str, bytes] | None:
        """A shared file's shown path and bytes (recording their digest), or None with the problem recorded."""
        path = self.content / relative
        shown = f"{self.content.name}/{relative}"
        if not path.exists():
            if not optional:
                self.problems.append(Problem(shown, 1, 1, "file is missing: every guide needs it"))
            return None
        try:
            data = read_file(path, shown)
        except ContentError as err:
            self.problems.extend(err.problems)
            return None
        self.shared_keys[relative] = digest(data)
        return shown, data

    def document(self, shown: str, data: bytes) -> Document | None:
        try:
            return parse_bytes(data, shown)
        except ContentError as err:
            self.problems.extend(err.problems)
            return None

    def shared(
        self,
    ) -> tuple[
        Guide | None,
        list[Located[Actor]],
        list[Located[Topic]],
        list[Located[Event]],
        list[Located[GlossaryTerm]],
        Quiz,
    ]:
        """The shared files: guide, actors, topics, events, glossary and the (optional) quiz."""
        return (
            self.one("guide.yaml", Guide),
            self.many("actors.yaml", Actor),
            self.many("topics.yaml", Topic),
            self.many("events.yaml", Event),
            self.many("glossary.yaml", GlossaryTerm),
            self.one("quiz.yaml", Quiz, optional=True) or Quiz(),
        )

    def one(self, relative: str, model: type[M], optional: bool = False) -> M | None:
        """A file holding one model (guide.yaml, quiz.yaml); from the cache when its bytes are unchanged."""
        found = self.read(relative, optional)
        if found is None:
            return None
        shown, data = found
        key = f"{relative}\x1f{digest(data)}"
        cached = self.cache.models(key)
        if cached is not None:
            if model is Quiz:
                self.quiz_document = LazyDocument(shown, data)
            return cast(M, cached)
        doc = self.document(shown, data)
        if model is Quiz:
            self.quiz_document = doc
        item = None if doc is None else self.parse(doc, (), doc.data, model)
        if item is not None:
            self.cache.add_models(key, item)
        return item

    def many(self, relative: str, model: type[M]) -> list[Located[M]]:
        """A file holding a list of models (actors.yaml ...); from the cache when its bytes are unchanged."""
        found = self.read(relative)
        if found is None:
            return []
        shown, data = found
        key = f"{relative}\x1f{digest(data)}"
        cached = self.cache.models(key)
        if cached is not None:
            lazy = LazyDocument(shown, data)
            return [(item, (lazy, (i,))) for i, item in enumerate(cast(list[M], cached))]
        doc = self.document(shown, data)
        if doc is None:
            return []
        if not isinstance(doc.data, list):
            self.problems.append(doc.problem((), f"expected a list of {_plural(model)} (lines starting with '- ')"))
            return []
        parsed = [(self.parse(doc, (i,), item, model), (doc, (i,))) for i, item in enumerate(doc.data)]
        valid: list[Located[M]] = [(m, where) for m, where in parsed if m is not None]
        if len(valid) == len(parsed):
            self.cache.add_models(key, [m for m, _ in valid])
        return valid

    def article_files(self) -> list[tuple[str, str, bytes, str]]:
        """Each article file's stem, shown path, bytes and their digest, in name order; problems recorded."""
        folder = self.content / "articles"
        for path in sorted(folder.glob("*.yml")):
            message = f"article files must end in .yaml: rename it to {path.stem}.yaml"
            self.problems.append(Problem(f"{self.content.name}/articles/{path.name}", 1, 1, message))
        files = []
        for path in sorted(folder.glob("*.yaml")):
            shown = f"{self.content.name}/articles/{path.name}"
            try:
                data = read_file(path, shown)
            except ContentError as err:
                self.problems.extend(err.problems)
                continue
            files.append((path.stem, shown, data, digest(data)))
        return files

    def start_articles(self, problems: list[Problem]) -> Results[Located[Article]]:
        """Start on every article file: from the cache when its bytes are unchanged, else parsed and validated (in
        worker processes when there are many: see builder/parallel.py). Returns a function that gives them when
        they are all done; their problems go to `problems`."""
        shared_problems, self.problems = self.problems, problems
        try:
            files = self.article_files()
        finally:
            self.problems = shared_problems
        kept = [self.cache.article(key, Article) for _, _, _, key in files]
        todo = [(shown, data, self.content) for (_, shown, data, _), k in zip(files, kept, strict=True) if k is None]
        parsed = start_map(_parse_article, todo, receive=_validated_here)

        def articles(cancel: bool) -> list[Located[Article]]:
            done = parsed(cancel)
            return [] if cancel else self._articles(files, kept, iter(done), problems)

        return Results(articles)

    def _articles(
        self,
        files: list[tuple[str, str, bytes, str]],
        kept: list[tuple[Article, str] | None],
        fresh: Iterator[Parsed],
        problems: list[Problem],
    ) -> list[Located[Article]]:
        found: list[Located[Article]] = []
        for (stem, shown, data, key), cached in zip(files, kept, strict=True):
            if cached is not None:
                article, facts = cached
                self.cached.add(article.id)
            else:
                parsed, facts, found_problems, quotes_found_in = next(fresh)
                problems.extend(found_problems)
                if parsed is None:
                    continue
                article = parsed.article
                if parsed.raw is not None:
                    self.raw[article.id] = parsed.raw
                self.cache.add_article(key, article.id, article.raw, facts, parsed.json)
                if quotes_found_in:
                    self.cache.add_quotes((key, quotes_found_in))
            doc = LazyDocument(shown, data)  # positions are read again only if a message needs them
            self.keys[article.id], self.facts[article.id] = key, facts
            if article.id != stem:
                problems.append(doc.problem(("id",), f"id '{article.id}' must equal the file name '{stem}'"))
            found.append((article, (doc, ())))
        return found

    def parse(self, doc: Document, loc: tuple[str | int, ...], data: Any, model: type[M]) -> M | None:
        return _validate(doc, loc, data, model, self.problems)


class ParsedArticle:
    """A validated article and its JSON, which the build cache keeps, and its raw text with the digest of the
    text's bytes if it could be read (so the parent need not read it again). Between processes the article
    travels as the JSON alone: making it takes a third of the time of pickling the models, and reading it back a
    little less than unpickling them; and the parent stores it as it came instead of pickling it again."""

    __slots__ = ("_article", "json", "raw")

    def __init__(self, json: bytes, article: Article | None = None, raw: tuple[str, str] | None = None) -> None:
        self.json = json
        self._article = article
        self.raw = raw

    def __reduce__(self) -> tuple[type[ParsedArticle], tuple[bytes, None, tuple[str, str] | None]]:
        return ParsedArticle, (self.json, None, self.raw)

    @property
    def article(self) -> Article:
        if self._article is None:
            self._article = Article.model_validate_json(self.json)
        return self._article


Parsed = tuple[ParsedArticle | None, str, list[Problem], str]


def _validated_here(parsed: Parsed) -> None:
    """Make the models of an article a worker parsed (from its JSON), while the workers are still parsing."""
    if parsed[0] is not None:
        parsed[0].article  # noqa: B018 - a property that validates the JSON and keeps the models


def _parse_article(item: tuple[str, bytes, Path]) -> Parsed:
    """Parse and validate one article file's bytes, and look for its quotes in its raw text (if it can be read:
    load_corpus reports it otherwise). Returns the article (with its JSON), the digest of its facts, its problems,
    and the digest of the raw text in which every quote was found ("" if not)."""
    shown, data, content = item
    try:
        doc = parse_lazily(data, shown)  # positions are worked out only if a message needs them
    except ContentError as err:
        return None, "", err.problems, ""
    problems: list[Problem] = []
    article = _validate(doc, (), doc.data, Article, problems)
    if article is None:
        return None, "", problems, ""
    facts = digest(article.model_dump_json(exclude=ONLY_ON_SOURCE_PAGE))
    parsed = ParsedArticle(article.model_dump_json().encode("utf-8"), article)
    try:
        raw = (content / article.raw).read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return parsed, facts, problems, ""
    parsed.raw = (text, digest(raw))
    missing = list(_quote_problems(article, doc, normalise(text)))
    return parsed, facts, problems + missing, "" if missing else parsed.raw[1]


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
        return f"'{field}' has an invalid value {error['input']!r}: {_pattern_help(field)}"
    if kind == "value_error":
        return f"'{name}': {error['msg'].removeprefix('Value error, ')}"
    where = f"'{name}'" if isinstance(name, str) else f"item {name}"
    value = error["input"]
    if value is None:
        return f"{where} is empty: give a value"
    if kind == "string_type" and isinstance(value, int | float | bool):
        return f'{where}: expected text, got {value!r}: put it in quotes, like "{value}"'
    return f"{where}: {error['msg']} (got {type(value).__name__} {_short(value)})"


def _pattern_help(name: str) -> str:
    if name == "raw":
        return "expected a path like raw/000_name.txt"
    if name == "url":
        return "expected an address starting with http:// or https://"
    if name == "wikidata":
        return "expected a Wikidata id like Q42"
    if name in ("term", "aliases"):
        return "expected one line of text without [, ] or backslash (it is matched in page text for tooltips)"
    return "expected lowercase letters and digits joined by hyphens, like 'leonid-slutsky'"


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


def _read_raw(
    content: Path, articles: list[Located[Article]], problems: list[Problem], read: dict[str, tuple[str, str]]
) -> tuple[dict[str, str], dict[str, str]]:
    """Raw texts by article id, and the digest of each one's bytes; `read`: those already read (by parsing)."""
    raw: dict[str, str] = {}
    keys: dict[str, str] = {}
    for article, (doc, _) in articles:
        if article.id in read:
            raw[article.id], keys[article.id] = read[article.id]
            continue
        path = content / article.raw
        try:
            data = path.read_bytes()
            raw[article.id] = data.decode("utf-8")
            keys[article.id] = digest(data)
        except FileNotFoundError:
            problems.append(doc.problem(("raw",), f"raw text {article.raw} not found in {content.name}/"))
        except IsADirectoryError:
            problems.append(doc.problem(("raw",), f"raw text {article.raw} is a folder, not a text file"))
        except UnicodeDecodeError:
            problems.append(doc.problem(("raw",), f"raw text {article.raw} is not UTF-8: save it as UTF-8"))
        except OSError as err:
            problems.append(doc.problem(("raw",), f"raw text {article.raw} cannot be read: {err.strerror}"))
    return raw, keys


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
        cache: BuildCache,
        quote_keys: dict[str, tuple[str, str]],
        refs_checked: set[str],
    ) -> None:
        self.guide, self.actors, self.topics, self.events = guide, actors, topics, events
        self.glossary, self.articles, self.raw = glossary, articles, raw
        self.cache, self.quote_keys, self.refs_checked = cache, quote_keys, refs_checked
        self.actor_ids = {a.id for a, _ in actors}
        self.topic_ids = {t.id for t, _ in topics}
        self.event_ids = {e.id for e, _ in events}
        self.normalised: dict[str, str] = {}  # filled as quotes are checked, then handed to the Corpus

    def text(self, article_id: str) -> str:
        return _normalised(self.normalised, self.raw, article_id)

    def check(self) -> Iterator[Problem]:
        for kind, items in (("actor", self.actors), ("topic", self.topics), ("event", self.events)):
            yield from _duplicates(kind, items)
        yield from _duplicates("glossary term", self.glossary)
        yield from self.actor_refs()
        yield from self.unique_labels()
        for article, (doc, _) in self.articles:
            if article.id not in self.refs_checked:
                yield from self.article_refs(article, doc)
            if article.id not in self.raw:
                continue
            key = self.quote_keys.get(article.id)
            if key is not None and self.cache.quotes_checked(key):
                continue  # the same article file and the same raw text: its quotes were found before
            missing = list(_quote_problems(article, doc, self.text(article.id)))
            if not missing and key is not None:
                self.cache.add_quotes(key)
            yield from missing

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
        sides = {s.id for s in self.guide.sides}
        for actor, (doc, loc) in self.actors:
            if actor.side is not None:
                yield from _unknown(doc, (*loc, "side"), "side", actor.side, sides, "guide.yaml sides")
            if actor.affiliation is not None:
                yield from _unknown(
                    doc, (*loc, "affiliation"), "actor", actor.affiliation, self.actor_ids, "actors.yaml"
                )

    def article_refs(self, article: Article, doc: AnyDocument) -> Iterator[Problem]:
        for i, report in enumerate(article.events):
            yield from _unknown(doc, ("events", i, "event"), "event", report.event, self.event_ids, "events.yaml")
            for j, actor in enumerate(report.actors):
                yield from _unknown(doc, ("events", i, "actors", j), "actor", actor, self.actor_ids, "actors.yaml")
        seen_topics: dict[str, int] = {}
        for i, claim in enumerate(article.claims):
            yield from _unknown(doc, ("claims", i, "topic"), "topic", claim.topic, self.topic_ids, "topics.yaml")
            if claim.topic in seen_topics:
                first = doc.where(("claims", seen_topics[claim.topic], "topic"))[0]
                message = f"topic '{claim.topic}' is claimed twice in this article (first on line {first})"
                yield doc.problem(("claims", i, "topic"), message + ": give one value per topic")
            seen_topics.setdefault(claim.topic, i)
        for i, mention in enumerate(article.actors):
            yield from _unknown(doc, ("actors", i, "actor"), "actor", mention.actor, self.actor_ids, "actors.yaml")

    def quiz_refs(self, quiz: Quiz, doc: AnyDocument) -> Iterator[Problem]:
        articles = {a.id: a for a, _ in self.articles}
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
            if len({" ".join(o.casefold().split()) for o in question.options}) < len(question.options):
                yield doc.problem((*loc, "options"), "two options say the same thing: every option must differ")
            if question.format == "assertion-reason" and len(question.statements) != 2:
                yield doc.problem((*loc, "statements"), "assertion-reason needs exactly two statements (I and II)")
            for j, topic in enumerate(question.topics):
                yield from _unknown(doc, (*loc, "topics", j), "topic", topic, self.topic_ids, "topics.yaml")
            for j, citation in enumerate(question.sources):
                yield from self.citation(doc, (*loc, "sources", j), citation.article, citation.quote, articles)
        for i, prompt in enumerate(quiz.mains):
            for j, article_id in enumerate(prompt.sources):
                yield from _unknown(doc, ("mains", i, "sources", j), "article", article_id, set(articles), "articles/")
            for j, topic in enumerate(prompt.topics):
                yield from _unknown(doc, ("mains", i, "topics", j), "topic", topic, self.topic_ids, "topics.yaml")

    def citation(
        self, doc: AnyDocument, loc: tuple[str | int, ...], article_id: str, quote: str, articles: dict[str, Article]
    ) -> Iterator[Problem]:
        if article_id not in articles:
            yield from _unknown(doc, (*loc, "article"), "article", article_id, set(articles), "articles/")
        elif article_id in self.raw:
            yield from _verbatim(doc, (*loc, "quote"), quote, articles[article_id].raw, self.text(article_id))


def _verbatim(doc: AnyDocument, loc: tuple[str | int, ...], quote: str, raw_path: str, raw: str) -> Iterator[Problem]:
    """A problem unless `quote` occurs in the normalised raw text; shows the closest passage if any."""
    if occurs_in(quote, raw):
        return
    near = closest_passage(quote, raw)
    hint = f'; the closest passage is: "{near}"' if near else "; nothing in the text is close to it"
    yield doc.problem(loc, f"quote not found verbatim in {raw_path}{hint}")


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
    doc: AnyDocument, loc: tuple[str | int, ...], kind: str, value: str, known: set[str], where: str
) -> Iterator[Problem]:
    if value in known:
        return
    hint = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
    yield doc.problem(loc, f"unknown {kind} '{value}': not in {where}{suggestion}")
