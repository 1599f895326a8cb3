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


def _add_sources(mini_content: Path, same: tuple[str, str] | None = None) -> list[str]:
    """Source two says the lake, like source one; then three and four, copies of two that say the hills. The
    place's status after each addition. `same`: once both exist, the editor calls their accounts one meeting."""
    two = mini_content / "articles" / "two.yaml"
    two.write_text(two.read_text().replace('value: "The hills"', 'value: "The lake"'))
    statuses = [analyse(load_corpus(mini_content)).finding("meeting.place").status]
    for new_id in ("three", "four"):
        text = two.read_text().replace("id: two", f"id: {new_id}").replace("raw/two.txt", f"raw/{new_id}.txt")
        text = text.replace("Envoys met in the hills", f"Envoys met, says source {new_id}")
        (mini_content / "articles" / f"{new_id}.yaml").write_text(
            text.replace('value: "The lake"', 'value: "The hills"')
        )
        (mini_content / "raw" / f"{new_id}.txt").write_text((mini_content / "raw" / "two.txt").read_text())
        if same and new_id in same:
            events = mini_content / "events.yaml"
            call = f"  meetings:\n    - articles: [{same[0]}, {same[1]}]\n      same: true\n"
            call += "      reason: Both give the same day and the same envoy.\n"
            events.write_text(
                events.read_text().replace("  title: The envoys' meeting\n", "  title: The envoys' meeting\n" + call)
            )
        statuses.append(analyse(load_corpus(mini_content)).finding("meeting.place").status)
    return statuses


def test_new_sources_flip_consensus_to_majority_then_disputed(mini_content: Path) -> None:
    """A topic that describes no event: the sources are taken as telling of one thing, and vote."""
    topics = mini_content / "topics.yaml"
    topics.write_text(topics.read_text().replace("  reflects: date\n", "").replace("  describes: meeting\n", ""))
    assert _add_sources(mini_content) == ["consensus", "majority", "disputed"]


def test_sources_of_different_meetings_do_not_vote(mini_content: Path) -> None:
    """The place describes the meeting: "the lake" and "the hills" cannot be one meeting, so the sources that
    say the hills describe another meeting, and the answers are not a majority or a dispute but "meetings"."""
    assert _add_sources(mini_content) == ["consensus", "meetings", "meetings"]


def test_the_editors_same_meeting_call_makes_a_dispute_within_the_meeting(mini_content: Path) -> None:
    """Once the editor says that sources two and three describe the same meeting, their different places are a
    contradiction inside that meeting: "disputed", whatever the other meetings say."""
    assert _add_sources(mini_content, same=("two", "three"))[1] == "disputed"


def test_time_of_writing_is_not_a_contradiction(mini: Corpus) -> None:
    """A topic that reflects the time of writing: a planned account says "Planned", a held one "Held"."""
    from builder.analyse import meeting_status

    stage = Topic(id="meeting.stage", label="Stage", question="Had it happened?", reflects="time-of-writing")
    assert meeting_status(stage, [{"held": [1, 0], "planned": [1, 1]}]) == "time-of-writing"
    # two held sources that disagree are still a dispute, whatever a planned one says
    assert meeting_status(stage, [{"held": [1, 0], "cancelled": [1, 0], "planned": [1, 1]}]) == "disputed"
    # without `reflects`, the same answers are a dispute
    plain = stage.model_copy(update={"reflects": None})
    assert meeting_status(plain, [{"held": [1, 0], "planned": [1, 1]}]) == "disputed"


def test_meeting_status_across_meetings() -> None:
    from builder.analyse import meeting_status

    place = Topic(id="meeting.place", label="Place", question="Where?", describes="meeting")
    lake, hills = {"the lake": [1, 0]}, {"the hills": [1, 0]}
    assert meeting_status(place, [lake, hills]) == "meetings"
    assert meeting_status(place, [lake, {"the lake": [2, 0]}]) == "consensus"
    # a contradiction inside one meeting outweighs the others
    assert meeting_status(place, [{"the lake": [1, 0], "the hills": [1, 0]}, lake]) == "disputed"
    assert meeting_status(place, [{"the lake": [2, 0], "the hills": [1, 0]}, hills]) == "majority"
    # answers the topic lists as compatible are no reason to call the meetings different
    near = place.model_copy(update={"compatible": [["The lake", "The lake shore"]]})
    assert meeting_status(near, [lake, {"the lake shore": [1, 0]}]) == "differ"
    # a non-exclusive topic: answers can all be true, in one meeting or several
    mood = place.model_copy(update={"exclusive": False})
    assert meeting_status(mood, [lake, hills]) == "differ"
    assert meeting_status(place, [{}, {}]) == "not-covered"


def test_dates_are_told_apart_by_the_reports_not_by_the_answers_wording() -> None:
    """A topic that gives the date of the event: within one meeting (whose accounts' dates overlap) "March 2024"
    and "15 March 2024" can both be true; across meetings different dates are "meetings"."""
    from builder.analyse import meeting_status

    date = Topic(id="meeting.date", label="Date", question="When?", describes="meeting", reflects="date")
    assert meeting_status(date, [{"march 2024": [1, 0], "15 march 2024": [1, 0]}]) == "differ"
    assert meeting_status(date, [{"march 2024": [1, 0]}, {"4 april 2024": [1, 0]}]) == "meetings"


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
