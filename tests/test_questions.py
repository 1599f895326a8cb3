"""The question bank: one key per question, keys supported by the cited quotes, ids that stay put."""

from __future__ import annotations

import dataclasses
import shutil
from collections import Counter
from pathlib import Path

import pytest

from builder.analyse import analyse, same_value
from builder.exams import preset
from builder.questions import (
    ATTRIBUTION_SHARE,
    MOCK_ATTRIBUTION_SHARE,
    NOT_STATED,
    ORDER_SEPARATOR,
    PAIRS_PER_TOPIC,
    SOURCES_PER_ACTOR,
    SOURCES_PER_ANSWER,
    Question,
    build_bank,
    candidates,
    mock_test,
)
from builder.synth import synthesize, write_corpus
from builder.validate import Corpus, load_corpus

from .conftest import GUIDE

MOCK_SIZE = preset("upsc").mock.questions  # the fixture guide's profile


@pytest.fixture(scope="module")
def guide() -> Corpus:
    return load_corpus(GUIDE)


@pytest.fixture(scope="module")
def bank(guide: Corpus) -> tuple[Question, ...]:
    return build_bank(guide, analyse(guide))


@pytest.fixture(scope="module")
def generated(guide: Corpus) -> list[Question]:
    """Every candidate question, before the bank's filters: the generators' own checks run on these."""
    return candidates(guide, analyse(guide))


def claim_value(corpus: Corpus, article_id: str, topic_id: str) -> str | None:
    article = next(a for a in corpus.articles if a.id == article_id)
    return next((c.value for c in article.claims if c.topic == topic_id), None)


def test_every_kind_is_generated(generated: list[Question]) -> None:
    kinds = {q.kind for q in generated}
    every = {"according-to", "which-source", "order", "role", "actor", "term", "statements", "how-many", "pairs"}
    assert every <= kinds
    assert any(q.options[q.answer] == NOT_STATED for q in generated)  # "not stated" is the key where it is true


def test_attribution_questions_are_at_most_a_fifth_of_the_bank_and_a_tenth_of_a_mock_test(
    bank: tuple[Question, ...], generated: list[Question]
) -> None:
    assert sum(q.attribution for q in generated) / len(generated) > 0.5  # without the share, most would be
    assert 0 < sum(q.attribution for q in bank) <= ATTRIBUTION_SHARE * len(bank)
    mock = mock_test(bank, MOCK_SIZE)
    assert sum(q.attribution for q in mock) <= MOCK_ATTRIBUTION_SHARE * len(mock)


def test_wrong_options_are_of_the_same_kind_as_the_key(guide: Corpus, generated: list[Question]) -> None:
    """A term's wrong options are definitions of terms of its category; an actor's, descriptions of actors of its
    kind: never a definition for a person, so grammar alone cannot find the key."""
    category = {t.definition: t.category for t in guide.glossary}
    kind = {a.description: a.kind for a in guide.actors}
    terms = [q for q in generated if q.kind == "term"]
    actors = [q for q in generated if q.kind == "actor"]
    assert terms and actors
    for q in terms:
        assert len({category[o] for o in q.options}) == 1, q.id
    for q in actors:
        assert len({kind[o] for o in q.options}) == 1, q.id


def test_no_stem_gives_its_answer_away(generated: list[Question]) -> None:
    """The name asked about is not in its key unless a wrong option has the same word (e.g. 'Track')."""
    for q in (q for q in generated if q.kind in ("actor", "term")):
        asked = q.stem.split("describes ", 1)[1].strip("?“”").removeprefix("the ")
        for word in (w for w in asked.split() if len(w) >= 4):
            in_key = word.casefold() in q.options[q.answer].casefold()
            assert not in_key or any(word.casefold() in o.casefold() for o in q.options if o != q.options[q.answer]), (
                q.id
            )


def test_no_duplicates_and_no_question_on_damaged_text(guide: Corpus) -> None:
    from builder.model import QuizQuestion

    base = guide.quiz.questions[0]
    copy = base.model_copy(update={"id": base.id + "-again"})  # the same question under another id
    damaged = base.model_copy(update={"id": "mojibake", "stem": "What do the characters “πΊπΈ” stand for?"})
    quiz = guide.quiz.model_copy(update={"questions": [*guide.quiz.questions, copy, damaged]})
    changed = dataclasses.replace(guide, quiz=quiz)
    ids = {q.id for q in build_bank(changed, analyse(changed))}
    assert base.id in ids and copy.id not in ids and "mojibake" not in ids
    assert isinstance(base, QuizQuestion)


def test_an_editors_reading_is_not_asked_as_a_sources_words(guide: Corpus, generated: list[Question]) -> None:
    read = {(a.id, c.topic) for a in guide.articles for c in a.claims if (c.note or "").startswith("Editor's reading")}
    assert read  # the fixture has such answers
    for q in (q for q in generated if q.kind == "according-to" and q.options[q.answer] != NOT_STATED):
        assert (q.citations[0].article.id, q.citations[0].topic) not in read, q.id


def test_one_key_among_distinct_options(bank: tuple[Question, ...]) -> None:
    assert len({q.id for q in bank}) == len(bank)
    for q in bank:
        assert len({same_value(o) for o in q.options}) == len(q.options) >= 2, q.id
        assert 0 <= q.answer < len(q.options), q.id
        assert q.explanation, q.id


def test_according_to_keys_are_what_the_named_source_says(guide: Corpus, generated: list[Question]) -> None:
    for q in (q for q in generated if q.kind == "according-to"):
        if q.options[q.answer] == NOT_STATED:  # the source asked about says nothing on the topic
            asked = next(a for a in guide.articles if a.label in q.stem)
            assert claim_value(guide, asked.id, q.citations[0].topic or "") is None, q.id
            continue
        first = q.citations[0]
        assert first.article.label in q.stem
        assert q.options[q.answer] == claim_value(guide, first.article.id, first.topic or "")
        assert first.quote in [c.quote for c in first.article.claims]
        for option in q.options:
            if option not in (q.options[q.answer], NOT_STATED):
                assert same_value(option) != same_value(q.options[q.answer])


def test_which_source_keys_name_the_source_of_the_quote(guide: Corpus, generated: list[Question]) -> None:
    for q in (q for q in generated if q.kind == "which-source"):
        (cite,) = q.citations
        assert q.options[q.answer] == cite.article.label and cite.quote in q.stem
        others = [a for a in guide.articles if a.label in q.options and a.id != cite.article.id]
        assert all(cite.quote not in guide.raw[a.id] for a in others)


def test_statement_keys_follow_the_claims(guide: Corpus, generated: list[Question]) -> None:
    for q in (q for q in generated if q.kind in ("statements", "how-many")):
        truths = []
        for statement, cite in zip(q.statements, q.citations, strict=True):
            value = claim_value(guide, cite.article.id, cite.topic or "")
            assert value is not None and cite.article.label in statement
            truths.append(value in statement)
        assert any(truths), q.id
        if q.kind == "how-many":
            assert q.options[q.answer] == ["Only one", "Only two", "All three"][sum(truths) - 1]
        else:
            numbers = [str(i) for i, ok in enumerate(truths, 1) if ok]
            key = q.options[q.answer]
            assert all(n in key for n in numbers) and not any(str(i) in key for i, ok in enumerate(truths, 1) if not ok)


def test_pairs_keys_count_the_right_matches(guide: Corpus, generated: list[Question]) -> None:
    for q in (q for q in generated if q.kind == "pairs"):
        right = sum(
            row.endswith(f" : {claim_value(guide, cite.article.id, cite.topic or '')}")
            for row, cite in zip(q.statements, q.citations, strict=True)
        )
        assert q.options[q.answer] == ["Only one", "Only two", "All three"][right - 1]


def test_order_keys_follow_the_dates(guide: Corpus, generated: list[Question]) -> None:
    timeline = {e.event.title: e for e in analyse(guide).timeline}
    for q in (q for q in generated if q.kind == "order"):
        order = [int(n) for n in q.options[q.answer].split(ORDER_SEPARATOR)]
        lowers = [timeline[q.statements[n - 1]].lower or "" for n in order]
        assert lowers == sorted(lowers) and len(set(lowers)) == 3


def test_ids_are_stable_when_unrelated_content_changes(guide: Corpus, bank: tuple[Question, ...]) -> None:
    glossary = tuple(t.model_copy(update={"definition": t.definition + " (edited)"}) for t in guide.glossary)
    actors = tuple(a.model_copy(update={"description": f"{a.description} (edited)"}) for a in guide.actors)
    changed = dataclasses.replace(guide, glossary=glossary, actors=actors)
    assert [q.id for q in build_bank(changed, analyse(changed))] == [q.id for q in bank]


def bank_ids(content: Path) -> set[str]:
    """The ids of every candidate question (before the bank's share of attribution questions, which may give a
    new article's question the room of a kind kept later: see questions._within_share)."""
    corpus = load_corpus(content)
    return {q.id for q in candidates(corpus, analyse(corpus))}


THIRD = """id: three
title: "A third account"
outlet: null
published: null
kind: news
raw: raw/three.txt
status: reviewed
added: "2026-11-03"
summary: "The envoys met by the sea."
key_points: ["They met by the sea in May 2024."]
claims:
  - {topic: meeting.date, value: "May 2024", quote: "in May 2024"}
  - {topic: meeting.place, value: "The sea", quote: "met by the sea"}
actors:
  - {actor: ann-north, role: "Envoy at the sea", quotes: ["Ann North"]}
"""


def test_a_new_article_adds_questions_and_renames_none(mini_content: Path) -> None:
    # The place as a topic about no event in particular, so that the three sources' places are a dispute (as
    # answers about one meeting, they would only tell three meetings apart, and ask no "which source" question).
    topics = mini_content / "topics.yaml"
    topics.write_text(topics.read_text().replace("  reflects: date\n", "").replace("  describes: meeting\n", ""))
    before = bank_ids(mini_content)
    (mini_content / "raw" / "three.txt").write_text("Ann North and Bob South met by the sea in May 2024.\n")
    (mini_content / "articles" / "three.yaml").write_text(THIRD)
    after = bank_ids(mini_content)
    assert before < after  # every old id is still there: nothing was renamed
    assert {"according-to.meeting.place.three", "which-source.meeting.place.three"} <= after - before


# Added after the guide's four sources, with a file name that sorts before theirs. It repeats answers and names
# actors that the first sources already fill the caps with (Ukraine's absence: 3 sources; the US, Russia and
# Ukraine: 4 each), and adds room-leaving ones (a third source for the talks' format, a fourth for the analysts).
LATE = """id: aaa-late-arrival
title: "A late account of the Miami talks"
outlet: null
published: null
kind: news
raw: raw/aaa-late-arrival.txt
status: reviewed
added: "2026-12-01"
summary: "Officials of the United States and Russia met in Miami; Ukraine was not there."
key_points: ["High-level official talks without Ukraine."]
claims:
  - {topic: ukraine.participation, value: "Ukraine not at the talks", quote: "Ukraine was not at the talks"}
  - {topic: talks.format, value: "High-level official talks", quote: "high-level official talks"}
  - {topic: talks.parties, value: "United States and Russia", quote: "Officials of the United States and Russia"}
actors:
  - {actor: united-states, role: "Host of the talks", quotes: ["Officials of the United States"]}
  - {actor: russia, role: "Sent officials to Miami", quotes: ["United States and Russia met in Miami"]}
  - {actor: ukraine, role: "Left out of the talks", quotes: ["Ukraine was not at the talks"]}
  - {actor: analysts, role: "Called the meeting high-level official talks", quotes: ["analysts said"]}
"""
LATE_TEXT = (
    "Officials of the United States and Russia met in Miami in what analysts said were high-level official talks. "
    "Ukraine was not at the talks.\n"
)


def test_a_later_article_whose_name_sorts_first_removes_no_question(tmp_path: Path) -> None:
    """The caps ask about the sources that arrived first (by `added`, then id), not the first file names: a new
    article never takes the place of a question already in a reader's saved progress or Anki deck."""
    content = Path(shutil.copytree(GUIDE, tmp_path / "content"))
    before = bank_ids(content)
    (content / "raw" / "aaa-late-arrival.txt").write_text(LATE_TEXT, encoding="utf-8")
    (content / "articles" / "aaa-late-arrival.yaml").write_text(LATE, encoding="utf-8")
    after = bank_ids(content)
    assert sorted(before - after) == []
    assert {"according-to.talks.format.aaa-late-arrival", "role.analysts.aaa-late-arrival"} <= after - before
    full = {f"role.{actor}.aaa-late-arrival" for actor in ("united-states", "russia", "ukraine")}
    assert not full & after
    # Ukraine's absence: of the three earlier sources that give it, two do so only in the editor's reading, which
    # is never asked as a source's words, so the cap leaves room for the late article, which says it outright.
    assert "according-to.ukraine.participation.aaa-late-arrival" in after


def test_drafts_never_feed_the_bank(guide: Corpus) -> None:
    draft_id = guide.articles[0].id
    articles = (guide.articles[0].model_copy(update={"status": "draft"}), *guide.articles[1:])
    changed = dataclasses.replace(guide, articles=articles)
    for q in build_bank(changed, analyse(changed)):
        assert all(c.article.id != draft_id for c in q.citations), q.id
        assert draft_id not in q.id


def test_mock_test_mixes_themes_and_is_stable(bank: tuple[Question, ...]) -> None:
    mock = mock_test(bank, MOCK_SIZE)
    assert len(mock) == 25 and len({q.theme for q in mock}) == len({q.theme for q in bank})
    assert mock == mock_test(bank, MOCK_SIZE)


def _synthetic_bank(folder: Path, n: int) -> tuple[Corpus, tuple[Question, ...]]:
    write_corpus(synthesize(n, 0), folder)
    corpus = load_corpus(folder)
    return corpus, tuple(candidates(corpus, analyse(corpus)))


def test_generated_questions_grow_with_facts_not_with_sources(tmp_path: Path) -> None:
    """Past the caps, more sources repeating the same facts add few questions: a synthetic guide of 200 articles
    (the same stories told again) gets a bank hardly larger than one of 100, not one question per source."""
    _, smaller = _synthetic_bank(tmp_path / "100", 100)
    _, bank = _synthetic_bank(tmp_path / "200", 200)
    kinds = Counter(q.kind for q in bank)
    per_answer = Counter((q.citations[0].topic, q.options[q.answer]) for q in bank if q.kind == "according-to")
    per_actor = Counter(q.id.split(".")[1] for q in bank if q.kind == "role")
    per_topic = Counter(c.topic for q in bank if q.kind == "pairs" for c in q.citations)
    assert kinds["according-to"] and kinds["role"] and kinds["pairs"]
    assert max(per_answer.values()) == SOURCES_PER_ANSWER
    assert max(per_actor.values()) == SOURCES_PER_ACTOR
    assert max(per_topic.values()) <= PAIRS_PER_TOPIC
    assert len(bank) <= 1.1 * len(smaller)
