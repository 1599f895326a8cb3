"""Analyse stage: pure functions over the validated corpus. Timeline, discrepancies, actor index.

Nothing here reads files or renders text; each result is a frozen dataclass the templates display.
Draft articles appear on the timeline and on their own pages but never decide a topic's status.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from builder import dates
from builder.meetings import Account, Grouping, meetings
from builder.model import Actor, Article, Claim, Event, EventReport, Topic
from builder.validate import Corpus

__all__ = [
    "ActorEvent",
    "ActorProfile",
    "Analysis",
    "Answer",
    "Status",
    "TimelineEntry",
    "TopicFinding",
    "analyse",
    "answers_for",
    "arrival",
    "status_of",
    "timeline",
]

Status = Literal[
    "consensus", "majority", "disputed", "meetings", "time-of-writing", "differ", "single-source", "not-covered"
]
STATUS_LABELS: dict[Status, str] = {
    "consensus": "Consensus",
    "majority": "Majority",
    "disputed": "Disputed",
    "meetings": "Different meetings",
    "time-of-writing": "Time of writing",
    "differ": "Sources differ",
    "single-source": "Single source",
    "not-covered": "Not covered",
}


def reviewed(articles: Iterable[Article]) -> list[Article]:
    return [a for a in articles if a.status == "reviewed"]


def same_value(value: str) -> str:
    """The key under which answers compare equal: case and spacing never make two answers differ."""
    return " ".join(value.casefold().split())


# --- Timeline -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One event, merged across every source that reports it."""

    event: Event
    reports: tuple[tuple[Article, EventReport], ...]
    lower: str | None  # earliest day any source's date allows; None when no source dates it
    upper: str | None
    conflict: bool  # sources date it in ways that cannot both be true

    @property
    def year(self) -> str:
        return self.lower[:4] if self.lower else "Undated"

    @property
    def planned_only(self) -> bool:
        return all(report.planned for _, report in self.reports)


def timeline(corpus: Corpus) -> tuple[TimelineEntry, ...]:
    """Every reported event, merged by id and ordered by the lower bound of its dates (undated last)."""
    reports: dict[str, list[tuple[Article, EventReport]]] = defaultdict(list)
    for article in corpus.articles:
        for report in article.events:
            reports[report.event].append((article, report))
    entries = [_entry(corpus.event(event_id), found) for event_id, found in reports.items()]
    return tuple(sorted(entries, key=lambda e: (e.lower is None, e.lower or "", e.upper or "", e.event.id)))


def _entry(event: Event, found: list[tuple[Article, EventReport]]) -> TimelineEntry:
    spans = [dates.bounds(r.date) for _, r in found if r.date is not None]
    conflict = any(a[1] < b[0] or b[1] < a[0] for i, a in enumerate(spans) for b in spans[i + 1 :])
    lower = min((s[0] for s in spans), default=None)
    upper = max((s[1] for s in spans), default=None)
    return TimelineEntry(event, tuple(found), lower, upper, conflict)


# --- Discrepancies --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One distinct answer to a topic and the sources that give it."""

    value: str
    claims: tuple[tuple[Article, Claim], ...]

    @cached_property
    def sources(self) -> tuple[Article, ...]:
        return tuple(article for article, _ in self.claims)


@dataclass(frozen=True)
class MeetingFinding:
    """What the accounts of one candidate meeting say on a topic that describes the event, and how far they
    agree among themselves."""

    number: int  # the meeting's number on the page (1, 2, ...); 0: sources that answer but do not report the event
    accounts: tuple[Account, ...]  # the meeting's accounts (none for number 0)
    answers: tuple[Answer, ...]
    status: Status
    silent: tuple[Article, ...]  # sources of this meeting that say nothing on the topic


@dataclass(frozen=True)
class TopicFinding:
    """What the reviewed sources say on one topic, and how far they agree."""

    topic: Topic
    answers: tuple[Answer, ...]  # most-supported first
    status: Status
    silent: tuple[Article, ...]  # reviewed sources that say nothing on the topic
    # For a topic that describes an event its sources split into two or more candidate meetings: the answers of
    # each meeting, in the meetings' order; empty otherwise.
    meetings: tuple[MeetingFinding, ...] = ()

    @property
    def anchor(self) -> str:
        return "topic-" + self.topic.id.replace(".", "-")

    def answer_of(self, article_id: str) -> Answer | None:
        return self._by_source.get(article_id)

    @cached_property
    def _by_source(self) -> dict[str, Answer]:
        return {article.id: answer for answer in self.answers for article, _ in answer.claims}


def answers_for(topic: Topic, articles: Iterable[Article]) -> tuple[Answer, ...]:
    """Group the claims on `topic` by value; the most-supported answer first, ties in order of appearance."""
    return _answers([(article, claim) for article in articles for claim in article.claims if claim.topic == topic.id])


def _answers(claims: Iterable[tuple[Article, Claim]]) -> tuple[Answer, ...]:
    groups: dict[str, list[tuple[Article, Claim]]] = {}
    for article, claim in claims:
        groups.setdefault(same_value(claim.value), []).append((article, claim))
    ordered = sorted(groups.values(), key=lambda claims: -len(claims))
    return tuple(Answer(claims[0][1].value, tuple(claims)) for claims in ordered)


# A tally of the answers in one group of sources: answer (as `same_value` keys it) -> [sources that give it, how
# many of them were written while the event was still planned].
Tally = dict[str, list[int]]


def tally(answers: Iterable[Answer], planned: Callable[[str], bool] = lambda _: False) -> Tally:
    """The tally of `answers`; `planned(article_id)`: whether that source's account was written before the event."""
    return {
        same_value(answer.value): [len(answer.claims), sum(planned(a.id) for a in answer.sources)] for answer in answers
    }


def status_of(topic: Topic, answers: tuple[Answer, ...]) -> Status:
    """The status of a topic given its answers, all taken as accounts of one meeting (see `status_within`)."""
    return status_within(topic, tally(answers))


def status_within(topic: Topic, counts: Tally) -> Status:
    """A topic's status among sources that describe one meeting (or, for a topic that describes no event, among
    all the sources): `status_from_counts`, except that
    - answers the topic lists as `compatible` are "differ" (they can all be true), not a dispute;
    - for a topic that `reflects` the time of writing, one answer from every source written before the event and
      another from every source written after it is "time-of-writing": the texts differ in when they were
      written, not on the facts;
    - for a topic that gives the date of the event it describes (`reflects: date`), different dates are "differ":
      within one candidate meeting the accounts' dates overlap, so its answers can all be true."""
    status = status_from_counts(topic, [n for n, _ in counts.values()])
    if status in ("consensus", "single-source", "not-covered"):
        return status
    given = [(value, n, planned) for value, (n, planned) in counts.items() if n]
    if topic.reflects == "time-of-writing" and _split_by_writing(given):
        return "time-of-writing"
    if topic.exclusive and _compatible(topic, [value for value, _, _ in given]):
        return "differ"
    if topic.reflects == "date" and topic.describes:
        return "differ"  # accounts of one meeting have dates that overlap: "April 2024" and "late April 2024"
    return status


def _split_by_writing(given: list[tuple[str, int, int]]) -> bool:
    before = [value for value, n, planned in given if planned == n]
    after = [value for value, _, planned in given if planned == 0]
    return len(before) == 1 and len(after) == 1 and len(given) == 2


def _compatible(topic: Topic, values: Iterable[str]) -> bool:
    """Whether these answers (`same_value` keys) can all describe one meeting, as the topic's `compatible` says."""
    wanted = set(values)
    return len(wanted) <= 1 or any(wanted <= {same_value(v) for v in group} for group in topic.compatible)


def meeting_status(topic: Topic, tallies: Sequence[Tally]) -> Status:
    """A topic's status over sources split into candidate meetings (a tally per meeting). Within one meeting
    it is `status_within`; across meetings the sources do not vote:
    - a contradiction inside a meeting is "disputed" (or "majority") whatever the other meetings say;
    - otherwise, answers to an exclusive topic that two meetings give and that could not describe one meeting
      are "meetings": the sources that give them describe different meetings;
    - otherwise "time-of-writing" if a meeting's answers differ only in when they were written, else "differ"."""
    merged: Tally = {}
    for counts in tallies:
        for value, (n, planned) in counts.items():
            total = merged.setdefault(value, [0, 0])
            total[0] += n
            total[1] += planned
    overall = status_within(topic, merged)
    present = [counts for counts in tallies if any(n for n, _ in counts.values())]
    if overall in ("consensus", "single-source", "not-covered", "time-of-writing") or len(present) < 2:
        return overall
    within = [status_within(topic, counts) for counts in present]
    if "disputed" in within or "majority" in within:
        return "disputed" if "disputed" in within else "majority"
    keys = [[value for value, (n, _) in counts.items() if n] for counts in present]
    if topic.exclusive and any(
        not any(_compatible(topic, (x, y)) for x in first for y in second)
        for first, second in itertools.combinations(keys, 2)
    ):
        return "meetings"
    return "time-of-writing" if "time-of-writing" in within else "differ"


def status_from_counts(topic: Topic, counts: Iterable[int]) -> Status:
    """consensus: >= 2 sources, one answer; majority: one answer has more than half the sources;
    single-source: one source; differ: several answers that can all be true; otherwise disputed.
    `counts` holds how many sources give each distinct answer."""
    support = sorted((c for c in counts if c), reverse=True)
    sources = sum(support)
    if sources == 0:
        return "not-covered"
    if sources == 1:
        return "single-source"
    if len(support) == 1:
        return "consensus"
    if not topic.exclusive:
        return "differ"
    return "majority" if support[0] * 2 > sources else "disputed"


class _Placing:
    """Where each source stands in the candidate meetings of the event a topic describes: its meeting's index
    (the meetings' count for a source that does not report the event) and whether its account was planned."""

    def __init__(self, grouping: Grouping | None) -> None:
        self.grouping = grouping
        self.meeting: dict[str, int] = {}
        self.planned: dict[str, bool] = {}
        if grouping is not None:
            for index, group in enumerate(grouping.groups):
                for i in group:
                    account = grouping.accounts[i]
                    self.meeting.setdefault(account.article_id, index)
                    self.planned.setdefault(account.article_id, account.report.planned)

    @property
    def count(self) -> int:
        """Meetings, and one more place for sources outside them."""
        return len(self.grouping.groups) + 1 if self.grouping else 1

    def of(self, article_id: str) -> int:
        return self.meeting.get(article_id, self.count - 1)

    def was_planned(self, article_id: str) -> bool:
        return self.planned.get(article_id, False)


def _placings(corpus: Corpus, groupings: Iterable[Grouping]) -> dict[str, _Placing]:
    """A placing for each topic (`_Placing(None)`, one place for all, when it describes no event reported by two
    or more sources)."""
    by_event = {g.event_id: g for g in groupings}
    return {t.id: _Placing(by_event.get(t.describes) if t.describes else None) for t in corpus.topics}


def findings(corpus: Corpus, groupings: Iterable[Grouping] = ()) -> tuple[TopicFinding, ...]:
    """A finding per topic, in topics.yaml order, from reviewed articles only. A topic that describes an event
    is judged meeting by meeting, over the event's candidate meetings in `groupings` (see `meeting_status`)."""
    sources = reviewed(corpus.articles)
    claims: dict[str, list[tuple[Article, Claim]]] = defaultdict(list)
    for article in sources:
        for claim in article.claims:
            claims[claim.topic].append((article, claim))
    placings = _placings(corpus, groupings)
    result = []
    for topic in corpus.topics:
        answers = _answers(claims[topic.id])
        speaking = {a.id for answer in answers for a in answer.sources}
        silent = tuple(a for a in sources if a.id not in speaking)
        placing = placings[topic.id]
        parts: list[list[tuple[Article, Claim]]] = [[] for _ in range(placing.count)]
        for article, claim in claims[topic.id]:
            parts[placing.of(article.id)].append((article, claim))
        split = [_answers(part) for part in parts]
        status = meeting_status(topic, [tally(part, placing.was_planned) for part in split])
        by_meeting = _by_meeting(topic, placing, split, speaking)
        result.append(TopicFinding(topic, answers, status, silent, by_meeting))
    return tuple(result)


def _by_meeting(
    topic: Topic, placing: _Placing, split: list[tuple[Answer, ...]], speaking: set[str]
) -> tuple[MeetingFinding, ...]:
    grouping = placing.grouping
    if grouping is None or len(grouping.groups) < 2:
        return ()
    found = []
    for index, group in enumerate(grouping.groups):
        accounts = tuple(grouping.accounts[i] for i in group)
        silent = tuple({a.article_id: a.article for a in accounts if a.article_id not in speaking}.values())
        counts = tally(split[index], placing.was_planned)
        found.append(MeetingFinding(index + 1, accounts, split[index], status_within(topic, counts), silent))
    if split[-1]:
        found.append(MeetingFinding(0, (), split[-1], status_within(topic, tally(split[-1])), ()))
    return tuple(found)


@dataclass(frozen=True)
class Difference:
    """A topic on which one source stands apart from the others."""

    finding: TopicFinding
    answer: Answer
    alone: bool  # no other source gives this answer


def differences(article: Article, found: Iterable[TopicFinding]) -> tuple[Difference, ...]:
    """Topics where `article` stands alone or against the most-supported answer of the others."""
    result = []
    for finding in found:
        answer = finding.answer_of(article.id)
        if answer is None or finding.status in ("consensus", "single-source", "not-covered"):
            continue
        alone = len(answer.claims) == 1
        if alone or answer is not finding.answers[0]:
            result.append(Difference(finding, answer, alone))
    return tuple(result)


# --- Actors ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorProfile:
    """Everything the sources say about one actor."""

    actor: Actor
    mentions: tuple[tuple[Article, tuple[str, tuple[str, ...]]], ...]  # article, (role, quotes)
    events: tuple[ActorEvent, ...]
    claims: tuple[tuple[Article, Claim], ...]
    companions: tuple[Actor, ...]  # actors who take part in the same events
    members: tuple[Actor, ...]  # actors affiliated to this one

    @property
    def sources(self) -> tuple[Article, ...]:
        return tuple(article for article, _ in self.mentions)


@dataclass(frozen=True)
class ActorEvent:
    """An event of the timeline in which an actor takes part, and the reports of it that name them."""

    entry: TimelineEntry
    reports: tuple[tuple[Article, EventReport], ...]

    @property
    def event(self) -> Event:
        return self.entry.event


def names_of(actor: Actor) -> tuple[str, ...]:
    return (actor.name, *actor.aliases)


def actor_profiles(corpus: Corpus, entries: tuple[TimelineEntry, ...]) -> tuple[ActorProfile, ...]:
    """A profile per actor, in actors.yaml order."""
    by_id = {actor.id: actor for actor in corpus.actors}
    pairs = Counter(  # (actor, another actor in the same report): how many reports name both
        (one, other)
        for entry in entries
        for _, report in entry.reports
        for one in report.actors
        for other in report.actors
        if other != one
    )
    together: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (one, other), count in pairs.items():
        together[one].append((other, count))
    mentions_of: dict[str, list[tuple[Article, tuple[str, tuple[str, ...]]]]] = defaultdict(list)
    for article in corpus.articles:
        for m in article.actors:
            mentions_of[m.actor].append((article, (m.role, tuple(m.quotes))))
    events_of: dict[str, list[ActorEvent]] = defaultdict(list)
    for entry in entries:
        naming: dict[str, list[tuple[Article, EventReport]]] = defaultdict(list)
        for article, report in entry.reports:
            for actor_id in dict.fromkeys(report.actors):
                naming[actor_id].append((article, report))
        for actor_id, reports in naming.items():
            events_of[actor_id].append(ActorEvent(entry, tuple(reports)))
    claims_naming = _claims_naming(corpus)
    profiles = []
    for actor in corpus.actors:
        mentions = tuple(mentions_of[actor.id])
        in_events = tuple(events_of[actor.id])
        claims = claims_naming(actor)
        companions = tuple(by_id[i] for i, _ in sorted(together[actor.id], key=lambda kv: (-kv[1], kv[0])))
        members = tuple(a for a in corpus.actors if a.affiliation == actor.id)
        profiles.append(ActorProfile(actor, mentions, in_events, claims, companions, members))
    return tuple(profiles)


def _claims_naming(corpus: Corpus) -> Callable[[Actor], tuple[tuple[Article, Claim], ...]]:
    """A function giving the claims (in corpus order) whose value or quote contains one of an actor's names,
    ignoring case. The texts are searched as one string, one name at a time, so the cost grows with the names
    and the text, not with their product."""
    claims = [(a, c) for a in corpus.articles for c in a.claims]
    texts = [f"{c.value}\n{c.quote}".casefold() for _, c in claims]
    starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))
    joined = "\x00".join(texts)  # no name holds a NUL, so no match spans two claims

    def naming(actor: Actor) -> tuple[tuple[Article, Claim], ...]:
        found: set[int] = set()
        for name in {n.casefold() for n in names_of(actor)}:
            at = joined.find(name)
            while at != -1:
                index = bisect.bisect_right(starts, at) - 1
                found.add(index)
                at = joined.find(name, starts[index + 1]) if index + 1 < len(starts) else -1
        return tuple(claims[i] for i in sorted(found))

    return naming


# --- What's new ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Arrival:
    """What one article changed when it entered the guide."""

    article: Article
    new_events: tuple[Event, ...]
    new_actors: tuple[Actor, ...]
    status_changes: tuple[tuple[Topic, Status, Status], ...]  # topic, before, after


def arrival(article: Article) -> tuple[str, str]:
    """Sort key for the order articles entered the guide: the first day their `added` date allows, then id."""
    return dates.bounds(article.added)[0], article.id


def arrivals(corpus: Corpus, groupings: Iterable[Grouping] = ()) -> tuple[Arrival, ...]:
    """Articles in the order they were added (newest first), each with what it changed at the time. Each
    source keeps the candidate meeting the guide now places it in (`groupings`), so a status is judged as the
    findings judge it (`meeting_status`), with the sources that had arrived by then. Tallies are kept as
    articles arrive, so this stays linear in the number of claims."""
    topics = {t.id: t for t in corpus.topics}
    placings = _placings(corpus, groupings)
    tallies: dict[str, list[Tally]] = {t.id: [{} for _ in range(placings[t.id].count)] for t in corpus.topics}
    statuses: dict[str, Status] = {}  # each topic's status so far
    seen_events: set[str] = set()
    seen_actors: set[str] = set()
    result = []
    for article in sorted(corpus.articles, key=arrival):
        events = tuple(corpus.event(i) for i in dict.fromkeys(r.event for r in article.events) if i not in seen_events)
        actors = tuple(corpus.actor(i) for i in dict.fromkeys(m.actor for m in article.actors) if i not in seen_actors)
        seen_events.update(r.event for r in article.events)
        seen_actors.update(m.actor for m in article.actors)
        changes = []
        if article.status == "reviewed":
            for claim in article.claims:
                topic, placing = topics[claim.topic], placings[claim.topic]
                before = statuses.get(topic.id) or "not-covered"
                counts = tallies[topic.id][placing.of(article.id)].setdefault(same_value(claim.value), [0, 0])
                counts[0] += 1
                counts[1] += placing.was_planned(article.id)
                after = statuses[topic.id] = meeting_status(topic, tallies[topic.id])
                if after != before:
                    changes.append((topic, before, after))
        result.append(Arrival(article, events, actors, tuple(changes)))
    return tuple(reversed(result))


# --- Everything -----------------------------------------------------------------------------------------


class Analysis:
    """The analyse stage's output, handed to render. Each part is worked out on first use, so a rebuild that
    takes most pages from the build cache computes only what the pages it renders need."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    @cached_property
    def timeline(self) -> tuple[TimelineEntry, ...]:
        return timeline(self.corpus)

    @cached_property
    def findings(self) -> tuple[TopicFinding, ...]:
        return findings(self.corpus, self.meetings)

    @cached_property
    def actors(self) -> tuple[ActorProfile, ...]:
        return actor_profiles(self.corpus, self.timeline)

    @cached_property
    def meetings(self) -> tuple[Grouping, ...]:
        """For each event two or more sources report, the candidate meetings its accounts describe."""
        return meetings(self.corpus)

    @cached_property
    def arrivals(self) -> tuple[Arrival, ...]:
        return arrivals(self.corpus, self.meetings)

    @cached_property
    def _findings_by_topic(self) -> dict[str, TopicFinding]:
        return {f.topic.id: f for f in self.findings}

    def finding(self, topic_id: str) -> TopicFinding:
        return self._findings_by_topic[topic_id]

    def differences(self, article: Article) -> tuple[Difference, ...]:
        return differences(article, self.findings)

    def most_disputed(self, limit: int) -> tuple[TopicFinding, ...]:
        """Disputed, majority and different-meetings topics, in that order, those with the most distinct answers
        first."""
        rank = {"disputed": 0, "majority": 1, "meetings": 2}
        contested = [f for f in self.findings if f.status in rank]
        return tuple(sorted(contested, key=lambda f: (rank[f.status], -len(f.answers)))[:limit])

    def single_source_events(self) -> tuple[TimelineEntry, ...]:
        return tuple(e for e in self.timeline if len({a.id for a, _ in e.reports}) == 1)


def analyse(corpus: Corpus) -> Analysis:
    return Analysis(corpus)
