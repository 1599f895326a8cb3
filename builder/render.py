"""Render stage: the validated corpus and its analysis -> the plan of the site's pages (plan_site): for each page,
its path, its key (a digest of what it shows) and a function that makes it through its Jinja2 template.
runner.run decides which to make; no cache, file I/O or processes here.

Templates print every `{{ value }}` through `markdown_text.inline`, so user text is escaped unless Python code
deliberately built it as Markdown (a `Markup` value, such as a link from `link`).
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
import sys
import types
from collections.abc import Callable, Sequence
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import jinja2
from markupsafe import Markup, escape

from builder import dates
from builder.analyse import STATUS_LABELS, ActorProfile, Analysis, MeetingFinding, TimelineEntry
from builder.cache import KeptPage
from builder.keys import code_version, digest
from builder.markdown_text import block, code_fence, inline, inline_text, link_from, page_folder, url_from
from builder.model import Actor, Article
from builder.paths import actor_path, source_path
from builder.runner import LastBuild, Output, Plan
from builder.timeline_svg import timeline_svg
from builder.validate import Corpus

if TYPE_CHECKING:
    from builder.questions import Question

__all__ = ["plan_site", "render_page"]

T = TypeVar("T")


KIND_LABELS = {
    "news": "News report",
    "analysis": "Analysis",
    "explainer": "Explainer",
    "exam-prep": "Exam-preparation article",
    "preview": "Preview (written before the event)",
    "opinion": "Opinion",
}


KIND_PLURALS = {
    "person": "People",
    "office": "Offices",
    "organisation": "Organisations",
    "group": "Groups",
    "state": "States",
}


def _precision_words(value: str | None) -> str:
    if value is None:
        return "undated"
    words = dates.precision(value)
    return f"{words}, approximate" if dates.is_approximate(value) else words


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """ "1 source", "2 sources": a number with its noun, never "source(s)"."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _page_title(text: str) -> Markup:
    """Front-matter title for a page named by user text. MkDocs and Material print page titles without
    escaping (and `striptags` would even unescape `&lt;/title&gt;` into a real tag), so the title is given
    HTML-escaped, as a JSON string, which is valid YAML."""
    return Markup(json.dumps(str(escape(" ".join(text.split()))), ensure_ascii=False))


def _finalize(value: Any) -> Any:
    if type(value) is str:  # user text, the commonest value (a Markup is a str subclass, so not this)
        return inline_text(value)
    if value is None:
        return Markup("")
    return value if isinstance(value, Markup) else inline(value)


TEMPLATES = Path(__file__).parent / "templates"


def compiled_templates_folder() -> Path | None:
    """Where compiled templates are kept between runs, the way Python keeps compiled modules: in __pycache__
    beside the templates, or under PYTHONPYCACHEPREFIX if it is set. None (compile them in every run) when
    Python is told not to write bytecode (PYTHONDONTWRITEBYTECODE) or the folder cannot be written. Compiling
    takes longer than rendering a small guide. The files are named by the builder's code version (its code,
    templates, Python's and the libraries' versions: the environment's options are compiled in), so a compiled
    template is only ever used by the code that compiled it; files of other versions are removed."""
    if sys.dont_write_bytecode:
        return None
    if sys.pycache_prefix:
        folder = Path(sys.pycache_prefix) / TEMPLATES.resolve().relative_to(TEMPLATES.resolve().anchor)
    else:
        folder = TEMPLATES / "__pycache__"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


_PLAIN_CALLABLES = (types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.BuiltinMethodType)


class _Context(jinja2.runtime.Context):
    """Jinja's template context, calling plain functions and methods (the builder's helpers, such as `url`,
    `link`, `badge`, `corpus.topic`) straight away. Jinja's own `call` first looks for the markers of functions
    that want the context or environment passed in (pass_context and friends): about 2.5 us a call, and a
    guide of a thousand articles makes some 80,000 calls. Anything else, or a marked function, goes through it."""

    def call(__self, __obj: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:  # names as in Jinja
        if type(__obj) in _PLAIN_CALLABLES and not hasattr(__obj, "jinja_pass_arg"):
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:  # as Jinja does
                return __self.environment.undefined("value was undefined because a callable raised a StopIteration")
        return super().call(__obj, *args, **kwargs)


@cache
def _environment() -> jinja2.Environment:
    """The template environment, with compiled templates kept between runs (compiled_templates_folder)."""
    compiled = compiled_templates_folder()
    kept = None
    if compiled is not None:
        version = code_version()[:16]
        for old in compiled.glob("__jinja2_*.cache"):
            if not old.name.startswith(f"__jinja2_{version}_"):
                old.unlink(missing_ok=True)
        kept = jinja2.FileSystemBytecodeCache(str(compiled), f"__jinja2_{version}_%s.cache")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=kept,
        autoescape=False,  # the output is Markdown: `_finalize` escapes for Markdown instead of HTML
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates do not change during a build; skip a stat() per include
        cache_size=-1,
    )
    env.context_class = _Context
    # `html` escapes user text for raw HTML blocks, where Markdown escapes would show as backslashes.
    env.filters.update(block=block, code_fence=code_fence, human_date=dates.human, html=escape, page_title=_page_title)
    env.filters.update(precision=_precision_words, counted=counted)
    env.globals.update(
        kind_labels=KIND_LABELS,
        status_labels=STATUS_LABELS,
        KIND_PLURALS=KIND_PLURALS,
        MAX_QUOTES=MAX_QUOTES,
        MAX_LIST=MAX_LIST,
        MATRIX_MAX_SOURCES=MATRIX_MAX_SOURCES,
        HOME_SOURCES=HOME_SOURCES,
    )
    return env


def load_templates() -> None:
    """Make the template environment and load every template (compiled, or read: compiled_templates_folder), so
    that worker processes forked after this have them."""
    environment = _environment()
    for template in environment.list_templates(extensions=["j2"]):
        environment.get_template(template)


def render_page(template: str, path: str, *, environment: jinja2.Environment | None = None, **context: Any) -> str:
    """Render one template as the page at docs path `path`; links in it are made relative to that path."""
    env = environment or _environment()
    folder = page_folder(path)
    helpers: dict[str, Callable[..., Any]] = {
        "link": lambda text, target: link_from(text, target, folder),
        "url": lambda target: Markup(url_from(target, folder)),
        "badge": lambda article: _badge(article, folder),
        "badges": lambda articles, limit=MAX_BADGES: _badges(articles, folder, limit),
        "status_badge": lambda status: Markup(
            f'<span class="sg-status sg-status--{status}">{inline(STATUS_LABELS[status])}</span>'
        ),
    }
    text = env.get_template(template).render(page_path=path, **helpers, **context)
    return _tidy(text)


MAX_BADGES = 30  # source badges listed in one place; the rest are counted, so pages stay small at scale
MAX_QUOTES = 5  # quotes shown per answer or per event; every source is still named by its badge
MAX_LIST = 50  # one-line entries (claims naming an actor) listed before the rest are only counted
TIMELINE_PAGE = 100  # events on one timeline page; a longer timeline is split by year (see _timeline_parts)
CONFLICTS_PAGE = 50  # events dated differently shown on the discrepancy page, and on each further page
LIST_PAGE = 200  # sources on one page of the sources list, articles on one page of What's new
HOME_SOURCES = 12  # sources listed on the home page; the sources page lists them all
MATRIX_MAX_SOURCES = 12  # above this, "who says what" lists answers with counts instead of a column per source


_BADGES: dict[tuple[str, str, str], Markup] = {}  # (label, article id, folder of the page) -> badge


def _badge(article: Article, folder: str) -> Markup:
    """A link to a source page from a page in `folder` (markdown_text.page_folder), styled as a badge;
    remembered (per folder: the link is relative), as pages list the same sources again and again."""
    key = (article.label, article.id, folder)
    found = _BADGES.get(key)
    if found is None:
        if len(_BADGES) > 100_000:  # a long `mkdocs serve` session: forget the old ones
            _BADGES.clear()
        found = _BADGES[key] = Markup(f"{link_from(article.label, source_path(article.id), folder)}{{ .sg-badge }}")
    return found


def _badges(articles: Sequence[Article], folder: str, limit: int) -> Markup:
    shown = Markup(" ").join(_badge(article, folder) for article in articles[:limit])
    hidden = len(articles) - limit
    return shown + Markup(f" and {hidden} more") if hidden > 0 else shown


def _tidy(text: str) -> str:
    """One blank line between blocks at most and one newline at the end: stable, diff-friendly output."""
    lines = [line.rstrip() for line in text.split("\n")]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip("\n") + "\n"


def plan_site(
    corpus: Corpus,
    analysis: Analysis,
    bank: Callable[[], Sequence[Question]],
    last: LastBuild,
) -> Plan:
    """Every page of the site, each with its key (a digest of what it shows) and a function that makes it: runner.run
    makes those whose key changed. `bank` makes the question bank, only if the quiz pages must be rendered.

    The overview, quiz and actor pages and the downloads show facts only (not the articles' summaries, key points
    or editor's notes): when the facts are those of the `last` build, they are all kept and not even planned.
    A source page's key covers its article, its raw text and what it shows of the analysis (its "view",
    `_source_view`), which is kept with the page: with unchanged facts it needs no analysis at all."""
    pages = _PageMaker(corpus, analysis)
    facts_key = digest(code_version(), corpus.shared_digest, corpus.facts_digest)
    views_current = last.facts_key == facts_key
    sources = [pages.source(a, last.views.get(source_path(a.id)), views_current) for a in corpus.articles]
    bank_once = functools.cache(bank)  # worked out once in each process that needs it
    pages.environment.get_template("actor.md.j2")  # compiled (or read) once, before forking
    pages.environment.get_template("source.md.j2")

    def facts_pages() -> list[Output]:
        """Actor pages and downloads, for the workers; and what this process's pages and the source pages need,
        worked out once, before forking."""
        from builder.export import download_writers

        outputs = [pages.actor_output(actor) for actor in corpus.actors]
        for path, download in download_writers(corpus, bank_once).items():
            outputs.append(Output(path, facts_key, partial(_fact_file, facts_key, download), last=True))
        _worked_out = (analysis.timeline, analysis.findings)  # cached properties: reading them works them out
        return outputs

    def own() -> list[Output]:
        """The overview and quiz pages."""
        outputs: list[Output] = []
        add = partial(_add_page, outputs, pages, facts_key)
        _overview_pages(corpus, analysis, bank_once, add, pages.timeline_parts, pages.conflict_parts)
        return outputs

    return Plan(facts_key, sources, facts_pages, own)


def _add_page(
    outputs: list[Output], pages: _PageMaker, facts_key: str, path: str, template: str, **context: Any
) -> None:
    """An overview or quiz page: it shows facts only, so it is keyed by the facts key."""
    outputs.append(Output(path, facts_key, lambda: (facts_key, "", pages.render(path, template, **context))))


class _PageMaker:
    """Renders the pages of one corpus and analysis, working out once what several pages need (in each process
    that renders one: worker processes are forked with it)."""

    def __init__(self, corpus: Corpus, analysis: Analysis) -> None:
        self.corpus, self.analysis = corpus, analysis
        self.environment = _environment()
        self.glossary = abbreviations(corpus)
        self.shared: dict[str, Any] = {
            "corpus": corpus,
            "analysis": analysis,
            "source_path": source_path,
            "actor_path": actor_path,
            "reviewed": [a for a in corpus.articles if a.status == "reviewed"],
        }

    def render(self, path: str, template: str, **context: Any) -> str:
        # The URL helpers are bound here, not kept in `shared`: kept, they would make a reference cycle that holds
        # the analysis until the garbage collector runs, and builds pause it (pipeline._collector_paused).
        urls = {"event_url": self.event_url, "conflict_url": self.conflict_url}
        return (
            render_page(template, path, environment=self.environment, **self.shared, **urls, **context) + self.glossary
        )

    @functools.cached_property
    def timeline_parts(self) -> list[tuple[str, str, Years]]:
        return _timeline_parts(self.analysis.timeline)

    @functools.cached_property
    def conflict_parts(self) -> list[tuple[str, Sequence[TimelineEntry], list[tuple[str, str]]]]:
        return _conflict_pages(self.analysis)

    @functools.cached_property
    def event_pages(self) -> dict[str, str]:
        return {entry.event.id: path for path, _, years in self.timeline_parts for entry in _entries(years)}

    @functools.cached_property
    def conflict_pages(self) -> dict[str, str]:
        return {entry.event.id: path for path, entries, _ in self.conflict_parts for entry in entries}

    def event_url(self, event_id: str) -> str:
        """The docs path of an event's entry on the timeline (which may be split in parts)."""
        return f"{self.event_pages.get(event_id, 'timeline.md')}#event-{event_id}"

    def conflict_url(self, event_id: str) -> str:
        """The docs path of the entry of an event dated differently (discrepancies.md unless there are many)."""
        return f"{self.conflict_pages.get(event_id, 'discrepancies.md')}#event-{event_id}"

    @functools.cached_property
    def profiles(self) -> dict[str, ActorProfile]:
        return {profile.actor.id: profile for profile in self.analysis.actors}

    def actor_output(self, actor: Actor) -> Output:
        """An actor page: its key, and how to make it."""
        key = _actor_key(self.corpus, self.profiles[actor.id])
        return Output(actor_path(actor.id), key, partial(self.actor, actor.id, key), last=True)

    def actor(self, actor_id: str, key: str) -> KeptPage:
        page = self.render(actor_path(actor_id), "actor.md.j2", profile=self.profiles[actor_id])
        return key, "", page

    def source_key(self, article: Article, part: str) -> str:
        return digest(code_version(), self.corpus.shared_digest, self.corpus.article_digests.get(article.id, ""), part)

    def source(self, article: Article, kept: str | None, kept_current: bool) -> Output:
        """A source page: its key, and how to make it. `kept`: the view kept with the last build's page, if there is
        one; `kept_current`: that view is still current (the facts are unchanged)."""
        path = source_path(article.id)
        if kept is None:  # a new page: its view and key are worked out as it is made
            return Output(path, None, partial(self.source_page, article, None))
        part = kept if kept_current else json.dumps(_source_view(self.analysis, article), ensure_ascii=False)
        return Output(path, self.source_key(article, part), partial(self.source_page, article, part))

    def source_page(self, article: Article, part: str | None) -> KeptPage:
        """A source page, and its key: `part` is its view of the analysis, worked out here if None."""
        view = None
        if part is None:
            view = _source_view(self.analysis, article)
            part = json.dumps(view, ensure_ascii=False)
        view = json.loads(part) if view is None else view
        context = {"article": article, "raw": self.corpus.raw[article.id], "view": view}
        page = self.render(source_path(article.id), "source.md.j2", **context)
        return self.source_key(article, part), part, page


def _overview_pages(
    corpus: Corpus,
    analysis: Analysis,
    bank: Callable[[], Sequence[Question]],
    add: Callable[..., None],
    timeline: list[tuple[str, str, Years]],
    conflict_parts: list[tuple[str, Sequence[TimelineEntry], list[tuple[str, str]]]],
) -> None:
    """Add the pages that show facts only (`add`): home, sources list, timeline, discrepancies, actors list,
    glossary, What's new and the quiz pages."""
    # Only needed when the facts changed: a rebuild after a summary edit does not import them.
    from builder.render_quiz import add_quiz_pages

    add("index.md", "home.md.j2")
    for path, items, pager in _list_pages("sources/index.md", "sources-{}.md", corpus.articles):
        add(path, "sources.md.j2", articles=items, pager=pager)
    marks = _meeting_marks(analysis)  # the same for every part of the timeline
    # events whose accounts need two or more meetings, explained under "Which meeting?" (exact groupings only)
    split = {g.event_id: len(g.groups) for g in analysis.meetings if g.exact and len(g.groups) > 1}
    meetings = {"split_events": split, "meeting_of": marks[0]}
    if len(timeline) == 1:
        add(
            "timeline.md",
            "timeline.md.j2",
            years=timeline[0][2],
            title="Timeline",
            pager=[],
            chart=_chart(timeline[0], marks),
            **meetings,
        )
    else:
        add("timeline.md", "timeline_index.md.j2", parts=timeline)
        parts = [(title, path) for path, title, _ in timeline]
        for part in timeline:
            path, title, years = part
            add(
                path,
                "timeline.md.j2",
                years=years,
                title=f"Timeline: {title}",
                pager=parts,
                chart=_chart(part, marks),
                **meetings,
            )
    _, conflicts, pager = conflict_parts[0]
    add(
        "discrepancies.md",
        "discrepancies.md.j2",
        conflicts=conflicts,
        pager=pager,
    )
    for number, (path, conflicts, pager) in enumerate(conflict_parts[1:], 2):
        add(path, "dated_differently.md.j2", conflicts=conflicts, pager=pager, page_number=number)
    add("actors/index.md", "actors.md.j2", groups=_actor_groups(corpus, analysis))
    add("glossary.md", "glossary.md.j2")
    for path, arrivals, pager in _list_pages("whats-new.md", "whats-new-{}.md", analysis.arrivals):
        add(path, "whats-new.md.j2", arrivals=arrivals, pager=pager)
    add_quiz_pages(add, corpus, analysis, bank())


def _fact_file(facts_key: str, write: Callable[[], str | bytes]) -> KeptPage:
    """A file that shows facts only (a download), kept under the facts key."""
    return facts_key, "", write()


# Keys of cached pages. Each must change whenever anything the page shows changes: the builder's code and
# templates, the shared content files (actors, topics, events, glossary, guide, quiz), and the page's own inputs.
# tests/test_cache.py checks that builds using the cache give the same bytes as builds without it.


def _speakers(part: MeetingFinding) -> tuple[Article, ...]:
    return tuple(article for answer in part.answers for article in answer.sources)


def _source_view(analysis: Analysis, article: Article) -> dict[str, Any]:
    """All a source page shows of the analysis, as plain data: for each topic the article claims, the topic's
    status and the anchor of its row; and where the article stands apart ("How this source differs")."""
    statuses = {}
    for claim in article.claims:
        finding = analysis.finding(claim.topic)
        # for a topic about a meeting: the meeting this source's account is in, and the status among its accounts
        part = next((m for m in finding.meetings if article.id in {a.id for a in _speakers(m)}), None)
        within = [part.number, part.status] if part is not None and part.number else None
        statuses[claim.topic] = [finding.status, finding.anchor, within]
    differences = []
    for difference in analysis.differences(article):
        top = difference.finding.answers[0]
        differences.append(
            {
                "topic": difference.finding.topic.id,
                "anchor": difference.finding.anchor,
                "value": difference.answer.value,
                "alone": difference.alone,
                "top": None if top is difference.answer else [top.value, len(top.sources)],
                "others": [a.value for a in difference.finding.answers if a is not difference.answer],
            }
        )
    return {"statuses": statuses, "differences": differences}


def _actor_key(corpus: Corpus, profile: ActorProfile) -> str:
    """An actor page shows shared files, the number of articles, and every article that names the actor, makes a
    claim naming them, or reports an event naming them (companions are counted from those reports too), and the
    order of those events."""
    ids = {article.id for article in profile.sources}
    ids.update(article.id for article, _ in profile.claims)
    ids.update(article.id for event in profile.events for article, _ in event.reports)
    digests = [corpus.article_digests.get(i, i) for i in sorted(ids)]
    order = " ".join(event.event.id for event in profile.events)  # events are in timeline order, set by all reports
    return digest(code_version(), corpus.shared_digest, str(len(corpus.articles)), profile.actor.id, order, *digests)


def abbreviations(corpus: Corpus) -> str:
    """Glossary terms as Markdown abbreviations, so every page shows their definitions as tooltips."""
    lines = []
    for term in corpus.glossary:
        definition = " ".join(term.definition.split())
        lines += [f"*[{name}]: {definition}" for name in (term.term, *term.aliases)]
    return "\n" + "\n".join(lines) + "\n" if lines else ""


Years = list[tuple[str, list[TimelineEntry]]]


def _by_year(entries: Sequence[TimelineEntry]) -> Years:
    years: dict[str, list[TimelineEntry]] = {}
    for entry in entries:
        years.setdefault(entry.year, []).append(entry)
    return list(years.items())


def _entries(years: Years) -> list[TimelineEntry]:
    return [entry for _, entries in years for entry in entries]


def _timeline_parts(entries: tuple[TimelineEntry, ...]) -> list[tuple[str, str, Years]]:
    """The timeline's pages: (path, title, entries by year). One page, timeline.md, up to TIMELINE_PAGE events;
    beyond, a page per year (timeline-2024.md), a year with more events being split in parts (timeline-2024-2.md),
    so no page grows without bound; timeline.md then lists the parts."""
    years = _by_year(entries)
    if len(entries) <= TIMELINE_PAGE:
        return [("timeline.md", "Timeline", years)]
    parts = []
    for year, items in years:
        slug = re.sub(r"[^a-z0-9]+", "-", year.lower()).strip("-") or "undated"
        chunks = [items[i : i + TIMELINE_PAGE] for i in range(0, len(items), TIMELINE_PAGE)]
        for number, chunk in enumerate(chunks, 1):
            path = f"timeline-{slug}.md" if number == 1 else f"timeline-{slug}-{number}.md"
            title = year if len(chunks) == 1 else f"{year}, part {number} of {len(chunks)}"
            parts.append((path, title, [(year, chunk)]))
    return parts


MeetingMarks = tuple[dict[tuple[str, str], int], dict[tuple[str, str], tuple[str, str]]]


def _meeting_marks(analysis: Analysis) -> MeetingMarks:
    """For the timeline chart (timeline_svg's hooks), by (event id, article id): the candidate meeting of each
    account of an event that cannot be one meeting, and the window implied for each undated account dated by the
    officials it names (builder/meetings.py)."""
    groups: dict[tuple[str, str], int] = {}
    implied: dict[tuple[str, str], tuple[str, str]] = {}
    for grouping in analysis.meetings:
        if len(grouping.groups) > 1:
            for number, group in enumerate(grouping.groups, 1):
                groups.update({(grouping.event_id, grouping.accounts[i].article_id): number for i in group})
        for account in grouping.accounts:
            if account.implied_by and account.window is not None:
                implied[(grouping.event_id, account.article_id)] = account.window
    return groups, implied


def _chart(part: tuple[str, str, Years], marks: MeetingMarks) -> Markup:
    """The picture of one timeline page's events (timeline_svg), as raw HTML: its text is escaped there. Accounts
    of one event that cannot be one meeting are drawn apart, and implied windows drawn (_meeting_marks)."""
    _, title, years = part
    name = "Timeline chart" if title == "Timeline" else f"Timeline chart: {title}"
    groups, implied = marks
    return Markup(timeline_svg(_entries(years), title=name, groups=groups, implied=implied))


def _list_pages(
    first: str, other: str, items: Sequence[T], size: int | None = None
) -> list[tuple[str, Sequence[T], list[tuple[str, str]]]]:
    """A long list split into pages of `size` (default LIST_PAGE) items: (path, items, pager), the pager being
    (label, path) of every page, or empty when there is only one. Page 1 is `first`; page n is `other` with n."""
    size = size or LIST_PAGE
    paths = [first if n == 0 else other.format(n + 1) for n in range(max(1, math.ceil(len(items) / size)))]
    pager = [(str(n), path) for n, path in enumerate(paths, 1)] if len(paths) > 1 else []
    return [(path, items[n * size : (n + 1) * size], pager) for n, path in enumerate(paths)]


def _conflict_pages(analysis: Analysis) -> list[tuple[str, Sequence[TimelineEntry], list[tuple[str, str]]]]:
    """Events dated differently: the first CONFLICTS_PAGE on the discrepancy page, the rest on further pages."""
    conflicts = [entry for entry in analysis.timeline if entry.conflict]
    return _list_pages("discrepancies.md", "dated-differently-{}.md", conflicts, CONFLICTS_PAGE)


def _actor_groups(corpus: Corpus, analysis: Analysis) -> list[tuple[str, list[tuple[str, list[ActorProfile]]]]]:
    """Actors grouped by side (guide.yaml order, then 'No side'), then by kind."""
    kinds = ["person", "office", "organisation", "group", "state"]
    sides = [(side.id, side.label) for side in corpus.guide.sides] + [(None, "No side")]
    groups = []
    for side_id, label in sides:
        members = [p for p in analysis.actors if p.actor.side == side_id]
        by_kind = [(kind, [p for p in members if p.actor.kind == kind]) for kind in kinds]
        if members:
            groups.append((label, [(kind, found) for kind, found in by_kind if found]))
    return groups
