"""The analyse stage: merging events, ordering by EDTF bounds, topic statuses, actor profiles."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from builder.analyse import Answer, analyse, answers_for, status_of, timeline
from builder.model import Article, Claim, Topic
from builder.validate import Corpus, load_corpus

from .conftest import MINI

TOPIC = Topic(id="t.x", label="X", question="X?")
OPEN_TOPIC = Topic(id="t.y", label="Y", question="Y?", exclusive=False)


def article(article_id: str, *values: tuple[str, str], status: str = "reviewed") -> Article:
    claims = [Claim(topic=topic, value=value, quote="q") for topic, value in values]
    return Article.model_validate(
        {
            "id": article_id, "title": article_id, "outlet": None, "published": None, "kind": "news",
            "raw": f"raw/{article_id}.txt", "status": status, "added": "2026-01-01", "summary": "s",
            "key_points": ["k"], "claims": [c.model_dump() for c in claims],
        }
    )  # fmt: skip


def status(topic: Topic, *values: str) -> str:
    sources = [article(f"a{i}", (topic.id, v)) for i, v in enumerate(values)]
    return status_of(topic, answers_for(topic, sources))


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((), "not-covered"),
        (("Miami",), "single-source"),
        (("Miami", "miami "), "consensus"),  # case and spacing do not make answers differ
        (("Miami", "Miami", "Geneva"), "majority"),
        (("Miami", "Geneva"), "disputed"),  # a tie is never a majority
        (("Miami", "Miami", "Geneva", "Geneva"), "disputed"),
        (("Miami", "Geneva", "Paris"), "disputed"),
    ],
)
def test_status_of_exclusive_topics(values: tuple[str, ...], expected: str) -> None:
    assert status(TOPIC, *values) == expected


def test_non_exclusive_topics_differ_rather_than_contradict() -> None:
    assert status(OPEN_TOPIC, "constructive", "productive") == "differ"
    assert status(OPEN_TOPIC, "constructive", "constructive") == "consensus"


def test_answers_are_ordered_by_support_then_first_appearance() -> None:
    sources = [article("a", ("t.x", "B")), article("b", ("t.x", "A")), article("c", ("t.x", "A"))]
    answers = answers_for(TOPIC, sources)
    assert [(a.value, [s.id for s in a.sources]) for a in answers] == [("A", ["b", "c"]), ("B", ["a"])]
    assert isinstance(answers[0], Answer)


@pytest.fixture
def mini() -> Corpus:
    return load_corpus(MINI)


def test_events_merge_by_id_and_order_by_lower_bound(mini: Corpus) -> None:
    entries = timeline(mini)
    assert [e.event.id for e in entries] == ["meeting", "follow-up"]
    meeting = entries[0]
    assert [a.id for a, _ in meeting.reports] == ["one", "two"]
    assert (meeting.lower, meeting.upper) == ("2024-03-01", "2024-04-04")
    assert meeting.conflict  # March 2024 and 4 April 2024 cannot both be right
    assert entries[1].planned_only and (entries[1].lower, entries[1].upper) == ("2024-06-01", "2024-08-31")


def test_overlapping_dates_of_different_precision_do_not_conflict(mini: Corpus) -> None:
    two = mini.articles[1]
    report = two.events[0].model_copy(update={"date": "2024-03-15"})
    changed = dataclasses.replace(mini, articles=(mini.articles[0], two.model_copy(update={"events": [report]})))
    assert not timeline(changed)[0].conflict  # "March 2024" allows 15 March 2024


def test_undated_events_come_last(mini: Corpus) -> None:
    one = mini.articles[0]
    undated = one.events[0].model_copy(update={"date": None, "event": "follow-up"})
    changed = dataclasses.replace(mini, articles=(one.model_copy(update={"events": [undated]}), mini.articles[1]))
    entries = timeline(changed)
    assert [e.event.id for e in entries] == ["meeting", "follow-up"] and entries[1].year == "Undated"


def test_new_sources_flip_consensus_to_majority_then_disputed(mini_content: Path) -> None:
    two = mini_content / "articles" / "two.yaml"
    two.write_text(two.read_text().replace('value: "The hills"', 'value: "The lake"'))
    assert analyse(load_corpus(mini_content)).finding("meeting.place").status == "consensus"
    statuses = []
    for new_id in ("three", "four"):
        text = two.read_text().replace("id: two", f"id: {new_id}").replace("raw/two.txt", f"raw/{new_id}.txt")
        text = text.replace("Envoys met in the hills", f"Envoys met, says source {new_id}")
        (mini_content / "articles" / f"{new_id}.yaml").write_text(
            text.replace('value: "The lake"', 'value: "The hills"')
        )
        (mini_content / "raw" / f"{new_id}.txt").write_text((mini_content / "raw" / "two.txt").read_text())
        statuses.append(analyse(load_corpus(mini_content)).finding("meeting.place").status)
    assert statuses == ["majority", "disputed"]


def test_drafts_do_not_decide_statuses(mini: Corpus) -> None:
    draft = mini.articles[1].model_copy(update={"status": "draft"})
    finding = analyse(dataclasses.replace(mini, articles=(mini.articles[0], draft))).finding("meeting.place")
    assert finding.status == "single-source"


def test_actor_profiles_collect_roles_events_claims_and_companions(mini: Corpus) -> None:
    profiles = {p.actor.id: p for p in analyse(mini).actors}
    bob = profiles["bob-south"]
    assert [a.id for a in bob.sources] == ["one", "two"]
    assert [(e.event.id, [a.id for a, _ in e.reports]) for e in bob.events] == [("meeting", ["one", "two"])]
    assert [c.id for c in bob.companions] == ["ann-north"]
    assert [(a.id, c.topic) for a, c in bob.claims] == [("two", "meeting.mood")]  # the quote names him
    assert [m.id for m in profiles["south-council"].members] == ["bob-south"]


def test_source_differences(mini: Corpus) -> None:
    analysis = analyse(mini)
    differences = analysis.differences(mini.articles[0])
    assert [d.finding.topic.id for d in differences] == ["meeting.date", "meeting.place", "meeting.mood"]
    assert all(d.alone for d in differences)
