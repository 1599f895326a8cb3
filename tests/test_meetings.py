"""Candidate meetings (builder/meetings.py): each compatibility rule, the fewest-meetings search with its ties and
its greedy bound, windows implied by office terms, and the editor's calls."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from builder import meetings
from builder.meetings import Account, accounts_of, compare, group_accounts
from builder.model import Actor, Article, EventReport, Topic
from builder.validate import Corpus

from .conftest import GUIDE, make_project, run_builder

FORMAT = Topic(
    id="talks.format",
    label="Format",
    question="What kind of talks?",
    describes="talks",
    compatible=[["Official talks", "Official talks with envoys"]],
)
LEAD = Topic(id="talks.lead", label="Russian lead", question="Who led?", describes="talks")


def _article(article_id: str, **fields: Any) -> Article:
    data = {
        "id": article_id,
        "title": f"Report {article_id}",
        "outlet": None,
        "published": None,
        "key_points": ["A point."],
        "kind": "news",
        "raw": f"raw/{article_id}.txt",
        "status": "reviewed",
        "added": "2026-11-21",
        "summary": "A report.",
        "events": [],
        "claims": [],
        "actors": [],
    }
    data.update(fields)
    return Article.model_validate(data)


def _account(article_id: str, date: str | None = None, **answers: str) -> Account:
    report = EventReport(event="talks", date=date, title="Talks", quote="talks")
    topics = {"format": FORMAT, "lead": LEAD}
    window = meetings.dates.bounds(date) if date else None
    return Account(_article(article_id), report, window, (), tuple((topics[k], v) for k, v in answers.items()))


def test_accounts_whose_dates_cannot_overlap_are_never_the_same_meeting() -> None:
    pair = compare(_account("a", "2024-04~"), _account("b", "2024-12"))
    assert not pair.compatible
    assert pair.reasons[0].startswith("dates cannot overlap: ")
    assert compare(_account("a", "2024"), _account("b", "2024-12")).compatible  # a year contains December


def test_different_answers_to_a_topic_describing_the_event_part_accounts_unless_listed_compatible() -> None:
    apart = compare(_account("a", lead="Leonid Slutsky"), _account("b", lead="Deputy Foreign Minister (unnamed)"))
    assert not apart.compatible
    assert apart.reasons == (
        "different answers to 'Russian lead': 'Leonid Slutsky' and 'Deputy Foreign Minister (unnamed)'",
    )
    assert compare(
        _account("a", format="Official talks"), _account("b", format="Official talks with envoys")
    ).compatible
    assert compare(_account("a", lead="Leonid Slutsky"), _account("b")).compatible  # silence is not a contradiction


def test_the_fewest_meetings_and_the_equally_small_alternatives() -> None:
    # b fits with a or with c, but a and c cannot meet: two meetings, in two ways
    accounts = [_account("a", "2024-04"), _account("b"), _account("c", "2024-12")]
    grouping = group_accounts("talks", accounts)
    assert grouping.exact
    assert grouping.groups == ((0, 1), (2,))
    assert grouping.alternatives == (((0,), (1, 2)),)
    for group in (grouping.groups, *grouping.alternatives):  # never two accounts that cannot overlap
        for members in group:
            for i, j in combinations(members, 2):
                assert grouping.pair(accounts[i].article_id, accounts[j].article_id).compatible


def test_past_the_exact_limit_a_greedy_grouping_is_an_upper_bound() -> None:
    count = meetings.EXACT_LIMIT + 2
    accounts = [_account(f"s{i:02d}", f"{2000 + i % 3}") for i in range(count)]  # three years, so three meetings
    grouping = group_accounts("talks", accounts)
    assert not grouping.exact and grouping.alternatives == ()
    assert len(grouping.groups) == 3
    assert sorted(i for group in grouping.groups for i in group) == list(range(count))


@pytest.mark.parametrize("same", [True, False])
def test_the_editors_call_overrides_the_builders(same: bool) -> None:
    accounts = [_account("a", lead="X"), _account("b", lead="Y" if same else "X")]
    grouping = group_accounts("talks", accounts, [("b", "a", same, "The editor's reason.")])
    pair = grouping.pair("a", "b")
    assert pair.editor and pair.compatible is same
    assert pair.reasons == ("The editor's reason.",)
    assert len(grouping.groups) == (1 if same else 2)


def test_an_undated_account_is_dated_by_the_terms_of_the_officials_it_names() -> None:
    corpus = _corpus_with_blinken()
    (account,) = accounts_of(corpus, "talks")
    assert account.window == ("2021-01-26", "2025-01-20")
    (dating,) = account.implied_by
    assert (dating.office, dating.term) == ("US Secretary of State", "26 January 2021 to 20 January 2025")
    assert "background" in str(dating) and dating.reference == "https://en.wikipedia.org/wiki/Antony_Blinken"
    reasons = compare(account, _account("later", "2025-03")).reasons
    assert reasons[0].startswith("dates cannot overlap: between 26 January 2021 and 20 January 2025 and ")
    assert compare(account, _account("during", "2024-12")).compatible


def _corpus_with_blinken() -> Corpus:
    blinken = Actor.model_validate(
        {
            "id": "antony-blinken",
            "name": "Antony Blinken",
            "kind": "person",
            "description": "A diplomat.",
            "terms": [
                {
                    "office": "US Secretary of State",
                    "start": "2021-01-26",
                    "end": "2025-01-20",
                    "reference": "https://en.wikipedia.org/wiki/Antony_Blinken",
                }
            ],
        }
    )
    report = {"event": "talks", "date": None, "title": "Talks", "quote": "talks"}
    mention = {"actor": "antony-blinken", "role": "Secretary of State", "quotes": ["Blinken"]}
    article = _article("undated", events=[report], actors=[mention])
    guide = {"title": "G", "summary": "S", "sides": [{"id": "us", "label": "US"}]}
    from builder.model import Guide

    return Corpus(Guide.model_validate(guide), (blinken,), (), (), (), (article,), {})


def test_on_the_frozen_guide_the_dated_reports_are_never_one_meeting() -> None:
    """On the frozen guide the Slutsky report (late April 2024) and the UPSC explainer (December 2024) are never
    one meeting; with the format, the parties and Ukraine's presence the four accounts need three meetings, the
    undated preview joining the explainer, whose high-level official talks it announces."""
    from builder.validate import load_corpus

    (talks,) = [g for g in meetings.meetings(load_corpus(GUIDE)) if g.event_id == "miami-talks"]
    ids = [a.article_id for a in talks.accounts]
    slutsky, upsc = ids.index("track2-slutsky-constructive"), ids.index("upsc-explainer-dec-2024")
    assert talks.exact and [[ids[i] for i in group] for group in talks.groups] == [
        ["planned-us-russia-talks", "upsc-explainer-dec-2024"],
        ["track2-slutsky-constructive"],
        ["us-mediated-russia-ukraine"],
    ]
    for grouping in (talks.groups, *talks.alternatives):
        assert not any(slutsky in group and upsc in group for group in grouping)


def test_answers_the_topic_lists_as_compatible_differ_within_a_meeting_rather_than_dispute() -> None:
    from builder.analyse import answers_for, status_of
    from builder.model import Claim

    def said(article_id: str, value: str) -> Article:
        return _article(article_id, claims=[Claim(topic="talks.format", value=value, quote="talks")])

    articles = [said("a", "Official talks"), said("b", "Official talks with envoys")]
    assert status_of(FORMAT, answers_for(FORMAT, articles)) == "differ"
    apart = [said("a", "Official talks"), said("b", "Informal dialogue")]
    assert status_of(FORMAT, answers_for(FORMAT, apart)) == "disputed"


def test_export_analysis_through_the_cli(tmp_path: Path) -> None:
    import json

    project = make_project(tmp_path / "project", GUIDE)
    result = run_builder(project, "export", "analysis", "-o", "analysis.json")
    assert result.returncode == 0, result.stderr
    first = (project / "analysis.json").read_bytes()
    data = json.loads(first)
    assert data["format"] == "storyguide-analysis" and data["version"] == 1
    (talks,) = [e for e in data["events"] if e["event"] == "miami-talks"]
    assert talks["exact"] and len(talks["meetings"]) == 3
    preview_and_upsc = talks["meetings"][0]
    assert preview_and_upsc["accounts"] == ["planned-us-russia-talks", "upsc-explainer-dec-2024"]
    # among the accounts of one meeting: the same format, and "Planned" against "Held" only for when they were written
    assert preview_and_upsc["statuses"]["talks.format"] == "consensus"
    assert preview_and_upsc["statuses"]["talks.stage"] == "time-of-writing"
    topics = {t["topic"]: t["status"] for t in data["topics"]}
    assert topics["talks.format"] == "meetings" and topics["talks.stage"] == "time-of-writing"
    slutsky = next(
        p for p in talks["pairs"] if set(p["articles"]) == {"track2-slutsky-constructive", "upsc-explainer-dec-2024"}
    )
    assert not slutsky["compatible"] and slutsky["reasons"][0].startswith("dates cannot overlap: late April 2024")
    assert run_builder(project, "export", "analysis", "-o", "analysis.json").returncode == 0
    assert (project / "analysis.json").read_bytes() == first  # the same bytes again


def test_pages_link_to_which_meeting_only_when_the_discrepancy_page_has_it(tmp_path: Path) -> None:
    """A guide of one article has no event that two sources report, so the discrepancy page has no 'Which
    meeting?' section, and no page may link to it (mkdocs --strict refuses a missing anchor)."""
    from builder.pipeline import generate
    from builder.synth import synthesize, write_corpus

    write_corpus(synthesize(1, 0), tmp_path / "content")
    pages = {p: t for p, t in generate(tmp_path / "content").pages.items() if isinstance(t, str)}
    assert "## Which meeting?" not in pages["discrepancies.md"]
    assert not [p for p, text in pages.items() if "#which-meeting" in text]
    guide = {p: t for p, t in generate(GUIDE).pages.items() if isinstance(t, str)}
    assert "## Which meeting?" in guide["discrepancies.md"] and "#which-meeting" in guide["timeline.md"]


def test_a_topic_that_gives_the_date_does_not_part_accounts_by_its_wording() -> None:
    """The dates "March 2024" and "15 March 2024" are different words for dates that overlap: the date topic
    (`reflects: date`) is left to the reports' EDTF dates, which keep the two accounts together, and its status
    is "differ". The same answers to a plain describing topic part the accounts."""
    from builder.analyse import findings
    from builder.model import Claim, Event, Guide

    guide = Guide.model_validate({"title": "G", "summary": "S", "sides": [{"id": "us", "label": "US"}]})

    def corpus(topic: Topic) -> Corpus:
        def article(article_id: str, date: str, said: str) -> Article:
            report = {"event": "talks", "date": date, "title": "Talks", "quote": "talks"}
            claim = Claim(topic=topic.id, value=said, quote="talks")
            return _article(article_id, events=[report], claims=[claim])

        articles = (article("one", "2024-03", "March 2024"), article("two", "2024-03-15", "15 March 2024"))
        return Corpus(guide, (), (topic,), (Event(id="talks", title="Talks"),), (), articles, {})

    date = Topic(id="talks.date", label="Date", question="When?", describes="talks", reflects="date")
    (grouping,) = meetings.meetings(corpus(date))
    assert grouping.groups == ((0, 1),)
    assert findings(corpus(date), [grouping])[0].status == "differ"
    plain = date.model_copy(update={"reflects": None})
    (grouping,) = meetings.meetings(corpus(plain))
    assert grouping.groups == ((0,), (1,))
    assert findings(corpus(plain), [grouping])[0].status == "meetings"
