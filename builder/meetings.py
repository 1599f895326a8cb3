"""Which meeting? Each source's account of an event, compared with every other, and the fewest meetings that
explain them all.

An account is one source's report of one event: its date range (from its EDTF date, or, for an undated account,
the window implied by the office-holders it names: background terms in actors.yaml), whether it was planned when
written, and its answers to the topics that describe the event (`Topic.describes`). Two accounts can be the same
meeting unless

- their date ranges cannot overlap ("dates cannot overlap: late April 2024 and December 2024"), or
- they give different answers to an exclusive topic that describes the event, and the topic does not list the
  two answers as compatible ("different answers to 'Russian lead': 'Leonid Slutsky' and 'Deputy Foreign Minister
  (unnamed)'"). A topic that gives the event's date (`reflects: date`) is left to the dates.

A planned account and a held one are not a contradiction: they may only have been written at different times.
The editor's calls (`Event.meetings`) override the builder's, and say so.

The fewest meetings is the smallest partition of the accounts into groups whose accounts are pairwise compatible
(a minimum clique cover). Up to EXACT_LIMIT accounts it is searched exactly, every pair is compared and every
equally small partition is kept as an alternative; past it, a deterministic greedy grouping gives an upper bound,
labelled "at most", and pairs are not listed (a thousand accounts would make half a million).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from builder import dates
from builder.model import Article, EventReport, Topic
from builder.validate import Corpus

__all__ = [
    "EXACT_LIMIT",
    "Account",
    "Dating",
    "Grouping",
    "Pair",
    "accounts_of",
    "compare",
    "group_accounts",
    "meetings",
]

EXACT_LIMIT = 12  # accounts of one event searched exactly (the search is exponential in the worst case)
ALTERNATIVES = 8  # equally small groupings kept at most


@dataclass(frozen=True)
class Dating:
    """Why an undated account has a window: an official its source names, in an office whose term the editor
    entered as background (Actor.terms), with where to check it."""

    actor: str
    office: str
    term: str  # "26 January 2021 to 20 January 2025", "from 12 February 2025"
    reference: str

    def __str__(self) -> str:
        return f"it names {self.actor} as {self.office} ({self.term}: background, {self.reference})"


@dataclass(frozen=True)
class Account:
    """One source's account of one event."""

    article: Article
    report: EventReport
    window: tuple[str, str] | None  # earliest and latest day it can be, from its date or its officials
    implied_by: tuple[Dating, ...] = ()  # why the window, when it comes from the officials named (background)
    answers: tuple[tuple[Topic, str], ...] = ()  # its answers to the topics that describe the event

    @property
    def article_id(self) -> str:
        return self.article.id

    @property
    def when(self) -> str:
        """When it was, in words: the source's own, or the window implied by the officials it names."""
        if not self.implied_by or self.window is None:
            return self.report.said_when
        start, end = self.window
        if end == "9999-12-31":
            return f"not before {dates.human(start)}"
        if start == "0000-01-01":
            return f"not after {dates.human(end)}"
        return f"between {dates.human(start)} and {dates.human(end)}"

    def answer(self, topic_id: str) -> str | None:
        return next((value for topic, value in self.answers if topic.id == topic_id), None)


@dataclass(frozen=True)
class Pair:
    """Whether two accounts can be the same meeting, and why not."""

    first: str  # article ids
    second: str
    compatible: bool
    reasons: tuple[str, ...]  # why they cannot be one meeting; for the editor's call, the editor's reason
    editor: bool = False  # the editor's call (Event.meetings), not the builder's


@dataclass(frozen=True)
class Grouping:
    """The candidate meetings of one event: groups of account indexes (into `accounts`)."""

    event_id: str
    accounts: tuple[Account, ...]
    pairs: tuple[Pair, ...]
    groups: tuple[tuple[int, ...], ...]
    alternatives: tuple[tuple[tuple[int, ...], ...], ...]  # other groupings as small as `groups`
    exact: bool  # False: `groups` is a greedy upper bound ("at most")

    @cached_property
    def _pairs(self) -> dict[frozenset[str], Pair]:
        return {frozenset((p.first, p.second)): p for p in self.pairs}

    def pair(self, first: str, second: str) -> Pair:
        return self._pairs[frozenset((first, second))]

    def described(self, group: tuple[int, ...], topics: Sequence[Topic]) -> tuple[tuple[Topic, tuple[str, ...]], ...]:
        """What the accounts of one candidate meeting say it was: each exclusive describing topic they answer,
        in the order of `topics` (topics.yaml), with their distinct answers. A topic that every account of the
        event answering it answers alike (the venue, say) tells no meeting apart and is left out."""
        alike = {topic.id for topic in topics if len({a.answer(topic.id) for a in self.accounts} - {None}) == 1}
        said: dict[str, tuple[Topic, list[str]]] = {}
        for i in group:
            for topic, value in self.accounts[i].answers:
                if topic.id in alike:
                    continue
                values = said.setdefault(topic.id, (topic, []))[1]
                if value not in values:
                    values.append(value)
        order = {topic.id: n for n, topic in enumerate(topics)}
        return tuple((topic, tuple(values)) for topic, values in sorted(said.values(), key=lambda tv: order[tv[0].id]))

    def undated(self) -> tuple[Account, ...]:
        """Accounts with no date of their own and no office-holder to date them."""
        return tuple(account for account in self.accounts if account.window is None)


def _window(article: Article, report: EventReport, corpus: Corpus) -> tuple[tuple[str, str] | None, tuple[Dating, ...]]:
    """The account's date range: from its own date, else from the terms of the office-holders its source names."""
    if report.date is not None:
        return dates.bounds(report.date), ()
    earliest, latest, why = "0000-01-01", "9999-12-31", list[Dating]()
    for mention in article.actors:
        actor = corpus.actor(mention.actor)
        for term in actor.terms:
            start = dates.bounds(term.start)[0] if term.start else earliest
            end = dates.bounds(term.end)[1] if term.end else latest
            earliest, latest = max(earliest, start), min(latest, end)
            span = (
                f"from {dates.human(term.start)}"
                if term.end is None
                else f"{dates.human(term.start)} to {dates.human(term.end)}"
            )
            why.append(Dating(actor.name, term.office, span, term.reference))
    if not why:
        return None, ()
    return (earliest, latest), tuple(why)


def accounts_of(corpus: Corpus, event_id: str) -> tuple[Account, ...]:
    """Every reviewed source's account of the event, in source order."""
    return _accounts(corpus).get(event_id, ())


def _accounts(corpus: Corpus) -> dict[str, tuple[Account, ...]]:
    """Every reviewed source's account of each event, in source order: one pass over the articles."""
    describing: dict[str, list[Topic]] = {}
    for topic in corpus.topics:
        if topic.describes is not None and topic.exclusive and topic.reflects != "date":
            describing.setdefault(topic.describes, []).append(topic)
    found: dict[str, list[Account]] = {}
    for article in corpus.articles:
        if article.status != "reviewed":
            continue
        claims = {claim.topic: claim.value for claim in article.claims}
        for report in article.events:
            answers = tuple((t, claims[t.id]) for t in describing.get(report.event, ()) if t.id in claims)
            window, why = _window(article, report, corpus)
            found.setdefault(report.event, []).append(Account(article, report, window, why, answers))
    return {event: tuple(accounts) for event, accounts in found.items()}


def compare(first: Account, second: Account) -> Pair:
    """Whether two accounts of one event can describe the same meeting, with the reasons they cannot."""
    reasons = []
    if first.window and second.window and (first.window[1] < second.window[0] or second.window[1] < first.window[0]):
        reasons.append(f"dates cannot overlap: {first.when} and {second.when}")
    for topic, value in first.answers:
        other = second.answer(topic.id)
        if other is None or other == value or any(value in group and other in group for group in topic.compatible):
            continue
        reasons.append(f"different answers to '{topic.label}': '{value}' and '{other}'")
    return Pair(first.article_id, second.article_id, not reasons, tuple(reasons))


def group_accounts(
    event_id: str, accounts: Sequence[Account], calls: Sequence[tuple[str, str, bool, str]] = ()
) -> Grouping:
    """The fewest meetings explaining `accounts` (see the module's docstring). `calls`: the editor's
    (article, article, same, reason), which replace the builder's comparison of those two accounts."""
    if len(accounts) > EXACT_LIMIT:
        apart = {frozenset((a, b)) for a, b, same, _ in calls if not same}
        return Grouping(event_id, tuple(accounts), (), _greedy(accounts, apart), (), False)
    pairs: list[Pair] = []
    for i, first in enumerate(accounts):
        for second in accounts[i + 1 :]:
            pairs.append(compare(first, second))
    by_ids = {frozenset((p.first, p.second)): k for k, p in enumerate(pairs)} if calls else {}
    for a, b, same, reason in calls:
        k = by_ids.get(frozenset((a, b)))
        if k is not None:
            pairs[k] = Pair(pairs[k].first, pairs[k].second, same, (reason,), editor=True)
    ids = [a.article_id for a in accounts]
    fits = {frozenset((ids.index(p.first), ids.index(p.second))) for p in pairs if p.compatible}
    best = _fewest(len(accounts), fits)
    return Grouping(event_id, tuple(accounts), tuple(pairs), best[0], tuple(best[1 : ALTERNATIVES + 1]), True)


def _fewest(count: int, fits: set[frozenset[int]]) -> list[tuple[tuple[int, ...], ...]]:
    """Every smallest partition of range(count) into groups of pairwise-compatible members, in a fixed order."""
    found: list[tuple[tuple[int, ...], ...]] = []
    best = [count + 1]

    def place(i: int, groups: list[list[int]]) -> None:
        if len(groups) > best[0]:
            return
        if i == count:
            if len(groups) < best[0]:
                best[0] = len(groups)
                found.clear()
            if len(found) <= ALTERNATIVES:  # the first, and as many alternatives as are kept
                found.append(tuple(tuple(g) for g in groups))
            return
        for group in groups:
            if all(frozenset((i, j)) in fits for j in group):
                group.append(i)
                place(i + 1, groups)
                group.pop()
        groups.append([i])
        place(i + 1, groups)
        groups.pop()

    place(0, [])
    return found


class _Group:
    """A meeting the greedy grouping is filling: its members, the days all their windows share (pairwise
    overlapping ranges always share one: Helly's property for intervals) and every answer given to each topic."""

    def __init__(self, index: int, account: Account) -> None:
        self.members = [index]
        self.ids = {account.article_id}
        self.window = account.window
        self.answers: dict[str, set[str]] = {topic.id: {value} for topic, value in account.answers}

    def fits(self, account: Account, apart: set[frozenset[str]]) -> bool:
        if (
            self.window
            and account.window
            and (self.window[1] < account.window[0] or account.window[1] < self.window[0])
        ):
            return False
        for topic, value in account.answers:
            for other in self.answers.get(topic.id, ()):
                if other != value and not any(value in g and other in g for g in topic.compatible):
                    return False
        return not apart or not any(frozenset((account.article_id, member)) in apart for member in self.ids)

    def add(self, index: int, account: Account) -> None:
        self.members.append(index)
        self.ids.add(account.article_id)
        if account.window:
            w = self.window or account.window
            self.window = (max(w[0], account.window[0]), min(w[1], account.window[1]))
        for topic, value in account.answers:
            self.answers.setdefault(topic.id, set()).add(value)


def _greedy(accounts: Sequence[Account], apart: set[frozenset[str]]) -> tuple[tuple[int, ...], ...]:
    """Each account, undated ones first and then by the first day it can be, joins the first meeting it fits
    with, else starts one: an upper bound on the fewest. A meeting whose shared days end before the next account
    can begin is closed (no later account can fit it), so the time grows with the accounts, not with every
    pair. The editor's "different meeting" calls are kept; "same meeting" calls are not used here."""
    order = sorted(range(len(accounts)), key=lambda i: (accounts[i].window or ("",))[0])
    groups: list[_Group] = []
    open_groups: list[_Group] = []
    for i in order:
        account = accounts[i]
        if account.window:
            open_groups = [g for g in open_groups if not g.window or g.window[1] >= account.window[0]]
        home = next((g for g in open_groups if g.fits(account, apart)), None)
        if home is None:
            home = _Group(i, account)
            groups.append(home)
            open_groups.append(home)
        else:
            home.add(i, account)
    return tuple(tuple(sorted(g.members)) for g in groups)


def meetings(corpus: Corpus) -> tuple[Grouping, ...]:
    """The candidate meetings of every event that two or more reviewed sources report."""
    by_event = _accounts(corpus)
    found = []
    for event in corpus.events:
        accounts = by_event.get(event.id, ())
        if len(accounts) >= 2:
            calls = [(c.articles[0], c.articles[1], c.same, c.reason) for c in event.meetings]
            found.append(group_accounts(event.id, accounts, calls))
    return tuple(found)
