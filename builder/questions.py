"""The question bank (part of the analyse stage): authored questions plus questions generated from content.

Every question has a stable id built from the ids of the content it asks about (never its position), so saved
progress and Anki cards survive new articles. Generated questions use reviewed articles only, and a fact the
sources dispute is only ever asked as what a named source says.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from builder.analyse import Analysis, TimelineEntry, TopicFinding, arrival, reviewed, same_value
from builder.model import LETTERS, THEMES, Actor, Article, Claim, OfferedFormat, Theme, Topic
from builder.quotes import normalise
from builder.validate import Corpus

__all__ = ["GENERATED_FORMATS", "Citation", "Question", "build_bank", "candidates", "check_bank", "mock_test"]

Kind = Literal[
    "authored", "according-to", "which-source", "order", "role", "actor", "term", "statements", "how-many", "pairs"
]
# Kinds that ask which unnamed source said what: useful to learn to read sources, but not what an exam tests, so
# they are kept to at most ATTRIBUTION_SHARE of the bank (build_bank) and of a mock test (mock_test).
ATTRIBUTION_KINDS = frozenset({"according-to", "which-source", "role", "statements", "how-many", "pairs"})
ATTRIBUTION_SHARE = 0.2
MOCK_ATTRIBUTION_SHARE = 0.1
# Generated kinds that are a format of their own (the rest are single-answer, mcq): the exam profile may not offer it.
GENERATED_FORMATS: frozenset[OfferedFormat] = frozenset({"statements", "how-many", "pairs", "order"})
NOT_STATED = "Not stated in this source"
_REFERRING = re.compile(  # an option that names or counts the statements, or refers to other options
    r"^(both|neither|none|all|only)\b|\babove\b|\([a-e]\)|^[\d\s,\u2013-]+(and \d+)?( only)?$", re.IGNORECASE
)
ORDER_SEPARATOR = "\u2013"  # an en dash between numbers, as exam papers print an order
# Generated questions ask about facts, not about every source that repeats them: beyond these caps more sources
# add questions that test the same fact again, and a guide of 1000 articles would get a bank of 14,000 questions
# (most of them "according to source #734 ..."). The caps go to the sources that arrived first (by `added`, then
# id; see analyse.arrival), never to the first file names, so a new article takes no question already in a
# reader's saved progress or Anki deck: it only fills what room the caps still leave.
SOURCES_PER_ANSWER = 3  # according-to questions per (topic, answer)
SOURCES_PER_ACTOR = 4  # role questions per actor
PAIRS_PER_TOPIC = 4  # pairs questions that use one topic


@dataclass(frozen=True)
class Citation:
    """A source passage behind an answer, with where to read more."""

    article: Article
    quote: str
    topic: str | None = None  # topic id: links to its discrepancy row
    event: str | None = None  # event id: links to the timeline


@dataclass(frozen=True)
class Question:
    """One question with exactly one correct option."""

    id: str
    theme: Theme
    kind: Kind
    stem: str
    statements: tuple[str, ...]
    ask: str | None
    options: tuple[str, ...]
    answer: int
    explanation: str
    citations: tuple[Citation, ...]
    glossary: str | None = None  # glossary term id, for term questions
    background: tuple[tuple[str, str], ...] = ()  # (fact, reference): what no source states, shown as background

    @property
    def attribution(self) -> bool:
        """Whether it asks what a named source says rather than about the story and its concepts."""
        return self.kind in ATTRIBUTION_KINDS or self.stem.startswith(("According to", "Which source"))

    @property
    def version(self) -> str:
        """Changes whenever what the reader sees or the key changes: saved answers to an old version are void."""
        text = "\x1f".join([self.stem, *self.statements, self.ask or "", *self.options, str(self.answer)])
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]

    @property
    def letter(self) -> str:
        return LETTERS[self.answer]

    @property
    def fixed_order(self) -> bool:
        """Whether the options must keep their order when a test shuffles them: they count or name the numbered
        statements ("1 and 2 only", "Only two"), or refer to each other ("Both (a) and (b)", "None of the above")."""
        return bool(self.statements) or any(_REFERRING.search(option) for option in self.options)

    @property
    def dom_id(self) -> str:
        return "q-" + self.id.replace(".", "-")


def _rank(seed: str, value: str) -> str:
    """A stable pseudo-random sort key: the same content always shuffles the same way."""
    return hashlib.sha1(f"{seed}\x1f{value}".encode()).hexdigest()


def _shuffled(seed: str, correct: str, distractors: Sequence[str], total: int = 4) -> tuple[tuple[str, ...], int]:
    """Options in a stable shuffled order, and the index of the correct one."""
    chosen = [correct, *sorted(dict.fromkeys(distractors), key=lambda d: _rank(seed, d))[: total - 1]]
    ordered = sorted(chosen, key=lambda option: _rank(seed + "/order", option))
    return tuple(ordered), ordered.index(correct)


def _index(seed: str, count: int) -> int:
    """A stable pseudo-random index below `count`."""
    return int(_rank(seed, "index"), 16) % count


def _ask(topic: Topic) -> str:
    return topic.question[0].lower() + topic.question[1:]


def _clause(topic: Topic, value: str) -> str:
    if topic.statement:
        return topic.statement.replace("{value}", value)
    return f"the answer to “{topic.question}” is “{value}”"


# --- generators -----------------------------------------------------------------------------------------


def according_to(found: Iterable[TopicFinding]) -> Iterator[Question]:
    """'According to <source>, <question>?' with the other sources' answers as wrong options, and "Not stated in
    this source", which is the key of one question per topic: on a source that is silent on it. An answer that is
    the editor's reading of a source (its note says so) is not asked as the source's words."""
    for finding in found:
        if not finding.topic.exclusive or finding.status not in ("disputed", "majority", "meetings"):
            continue
        for answer in finding.answers:
            others = [a.value for a in finding.answers if a is not answer]
            claims = [c for c in answer.claims if not _editors_reading(c[1])]
            for article, claim in sorted(claims, key=lambda c: arrival(c[0]))[:SOURCES_PER_ANSWER]:
                qid = f"according-to.{finding.topic.id}.{article.id}"
                options, key = _shuffled(qid, answer.value, [*others, NOT_STATED])
                cites = [Citation(article, claim.quote, finding.topic.id)]
                cites += [
                    Citation(a.claims[0][0], a.claims[0][1].quote, finding.topic.id)
                    for a in finding.answers
                    if a is not answer
                ]
                said = "; ".join(f"{a.claims[0][0].label}: “{a.value}”" for a in finding.answers if a is not answer)
                explanation = (
                    f"The {article.label} answers “{answer.value}”. Other sources answer differently ({said}), "
                    f"so this is asked as what the {article.label} says."
                )
                yield Question(
                    qid, "sources", "according-to", f"According to the {article.label}, {_ask(finding.topic)}",
                    (), None, options, key, explanation, tuple(cites),
                )  # fmt: skip
        yield from _not_stated(finding)


def _editors_reading(claim: Claim) -> bool:
    return (claim.note or "").startswith("Editor's reading")


def _not_stated(finding: TopicFinding) -> Iterator[Question]:
    """The first silent source (by arrival) asked the topic's question: the key is "Not stated in this source"."""
    if not finding.silent or len(finding.answers) < 2:
        return
    article = min(finding.silent, key=arrival)
    qid = f"not-stated.{finding.topic.id}.{article.id}"
    options, key = _shuffled(qid, NOT_STATED, [a.value for a in finding.answers])
    said = "; ".join(f"{a.claims[0][0].label}: “{a.value}”" for a in finding.answers)
    yield Question(
        qid, "sources", "according-to", f"According to the {article.label}, {_ask(finding.topic)}", (), None,
        options, key, f"The {article.label} does not answer this question. Other sources do ({said}).",
        tuple(Citation(a.claims[0][0], a.claims[0][1].quote, finding.topic.id) for a in finding.answers),
    )  # fmt: skip


def which_source(corpus: Corpus, found: Iterable[TopicFinding]) -> Iterator[Question]:
    """'Which source says: <quote>?' for answers that only one source gives, with three other sources as
    distractors, none of which has the same words (else two answers would be right)."""
    sources = reviewed(corpus.articles)
    for finding in found:
        if finding.status in ("consensus", "not-covered", "single-source"):
            continue
        for answer in finding.answers:
            if len(answer.claims) != 1:
                continue
            article, claim = answer.claims[0]
            quote = normalise(claim.quote)
            qid = f"which-source.{finding.topic.id}.{article.id}"

            def differs(other: Article, own: str = article.id, words: str = quote) -> bool:
                return other.id != own and words not in corpus.normalised(other.id)

            others = _pick(qid, sources, 3, differs)
            if not others:
                continue
            options, key = _shuffled(qid, article.label, [a.label for a in others])
            explanation = f"Only the {article.label} says this, in answer to “{finding.topic.question}”."
            yield Question(
                qid, "sources", "which-source", f"Which source says: “{claim.quote}”?", (), None, options, key,
                explanation, (Citation(article, claim.quote, finding.topic.id),),
            )  # fmt: skip


def _pick(seed: str, pool: Sequence[Article], count: int, accept: Callable[[Article], bool]) -> list[Article]:
    """Up to `count` accepted items of `pool`, chosen by a stable hash walk: constant work however large the
    pool (sorting it by a hash per question would make the bank quadratic in the number of sources)."""
    chosen: list[Article] = []
    for attempt in range(count * 8):
        item = pool[_index(f"{seed}/{attempt}", len(pool))]
        if item not in chosen and accept(item):
            chosen.append(item)
            if len(chosen) == count:
                break
    return chosen


def _orderable(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """Events whose dates no source disputes, that each lie wholly before the next."""
    chosen: list[TimelineEntry] = []
    for entry in entries:
        if entry.lower is None or entry.conflict or entry.planned_only:
            continue
        if not chosen or (chosen[-1].upper or "") < entry.lower:
            chosen.append(entry)
    return chosen


def ordering(entries: Sequence[TimelineEntry]) -> Iterator[Question]:
    """Chronological order of three events, as exam papers ask it: options are sequences of statement numbers."""
    dated = _orderable(entries)
    for window in (dated[i : i + 3] for i in range(len(dated) - 2)):
        qid = "order." + ".".join(e.event.id for e in window)
        shown = sorted(window, key=lambda e: _rank(qid, e.event.id))
        correct = ORDER_SEPARATOR.join(str(shown.index(e) + 1) for e in window)
        sequences = [ORDER_SEPARATOR.join(str(n + 1) for n in p) for p in itertools.permutations(range(3))]
        options, key = _shuffled(qid, correct, [s for s in sequences if s != correct])
        cites = tuple(Citation(a, r.quote, event=e.event.id) for e in window for a, r in e.reports[:1])
        dated_as = "; ".join(f"{e.event.title}: {e.reports[0][1].said_when}" for e in window)
        yield Question(
            qid, "timeline", "order", "Consider the following events, as the sources date them:",
            tuple(e.event.title for e in shown), "Which is the correct chronological order, earliest first?",
            options, key, f"The sources date them: {dated_as}.", cites,
        )  # fmt: skip


def roles(corpus: Corpus) -> Iterator[Question]:
    """'According to <source>, what role does <actor> play?' with the roles it gives others as distractors."""
    asked: dict[str, int] = {}
    for article in sorted(reviewed(corpus.articles), key=arrival):
        for mention in article.actors:
            if asked.get(mention.actor, 0) >= SOURCES_PER_ACTOR:
                continue
            others = [m.role for m in article.actors if same_value(m.role) != same_value(mention.role)]
            if not others:
                continue
            asked[mention.actor] = asked.get(mention.actor, 0) + 1
            actor = corpus.actor(mention.actor)
            qid = f"role.{actor.id}.{article.id}"
            options, key = _shuffled(qid, mention.role, others)
            yield Question(
                qid, "actors", "role", f"According to the {article.label}, which describes {actor.name}?", (),
                None, options, key, f"The {article.label} presents {actor.name} as: {mention.role}.",
                (Citation(article, mention.quotes[0]),),
            )  # fmt: skip


def actors(corpus: Corpus) -> Iterator[Question]:
    """'Which of the following best describes <actor>?' with the guide's descriptions of other actors of the same
    kind (a state for a state, an office for an office) as wrong options, so grammar gives nothing away. Actors
    whose description names them or repeats a word of their name that no wrong option has, or speaks of the
    sources rather than of the actor, are not asked."""
    usable = [a for a in corpus.actors if a.description and _describes_only(a)]
    for actor in usable:
        others = [
            o.description
            for o in usable
            if o.kind == actor.kind
            and o.id != actor.id
            and same_value(o.description or "") != same_value(actor.description)
        ]
        if len(others) < 3:
            continue
        qid = f"actor.{actor.id}"
        wrong = _echoing(qid, actor.name, actor.description, [o for o in others if o])
        if wrong is None:
            continue
        options, key = _shuffled(qid, actor.description, wrong)
        yield Question(
            qid, "actors", "actor", f"Which of the following best describes {_named(actor)}?", (), None, options, key,
            f"{actor.name}: {actor.description} (The guide's own description, from its list of actors.)", (),
        )  # fmt: skip


def _named(actor: Actor) -> str:
    """The actor's name as a sentence uses it: "the State Duma", "the United States", but "Russia", "NATO"."""
    name = actor.name
    if actor.kind == "person" or name.isupper() or name.lower().startswith("the "):
        return name
    if actor.kind == "state":
        plural = name.split()[0] in ("United", "Republic", "Kingdom") or name.endswith(("States", "Nations"))
        return f"the {name}" if plural else name
    return f"the {name}"


def _describes_only(actor: Actor) -> bool:
    text = (actor.description or "").casefold()
    return actor.name.casefold() not in text and "source" not in text


def terms(corpus: Corpus) -> Iterator[Question]:
    """'Which of the following best describes <term>?' with the definitions of other terms of the same category as
    wrong options. Terms without a category, or with fewer than three others in it, are not asked; nor is a term
    whose definition repeats a word of the term that no other definition of its category has (the wording would
    give it away): see _echoing."""
    for term in corpus.glossary:
        others = [t.definition for t in corpus.glossary if t.id != term.id and t.category == term.category]
        if term.category is None or len(others) < 3:
            continue
        qid = f"term.{term.id}"
        wrong = _echoing(qid, term.term, term.definition, others)
        if wrong is None:
            continue
        options, key = _shuffled(qid, term.definition, wrong)
        yield Question(
            qid, "terms", "term", f"Which of the following best describes “{term.term}”?", (), None, options, key,
            f"{term.term}: {term.definition}", (), glossary=term.id,
        )  # fmt: skip


def _echoing(seed: str, name: str, key: str, others: Sequence[str]) -> list[str] | None:
    """Three wrong options from `others` such that no word of `name` (four letters or more, or an acronym) is in
    the key alone: when the key repeats one ("Track" in a definition of Track 2), a wrong option that has it too
    is drawn first. None when no such option exists (the wording would give the answer away)."""

    def has(text: str, word: str) -> bool:
        return re.search(rf"\b{re.escape(word.casefold())}", text.casefold()) is not None

    words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]+", name) if len(w) >= 4 or w.isupper()]
    pool = sorted(dict.fromkeys(others), key=lambda o: _rank(seed, o))
    chosen: list[str] = []
    for word in (w for w in words if has(key, w)):
        if not any(has(o, word) for o in chosen):
            echo = next((o for o in pool if has(o, word) and o not in chosen), None)
            if echo is None:
                return None
            chosen.append(echo)
    return (chosen + [o for o in pool if o not in chosen])[:3]


# --- Statement formats ---------------------------------------------------------------------------------


def _statement_facts(finding: TopicFinding, seed: str) -> list[tuple[str, bool, Citation]]:
    """Up to three 'According to <source>, ...' statements on one topic, some made false by swapping answers."""
    facts = []
    claims = [(answer, article, claim) for answer in finding.answers for article, claim in answer.claims]
    chosen = sorted(claims, key=lambda c: _rank(seed, c[1].id))[:3]
    always_true = _index(seed, len(chosen))  # at least one statement is correct, but not always the first
    for n, (answer, article, claim) in enumerate(chosen):
        others = [a for a in finding.answers if a is not answer]
        true = n == always_true or _rank(seed, f"true{n}") < "8"
        value = answer.value if true else others[_index(f"{seed}/pick{n}", len(others))].value
        text = f"According to the {article.label}, {_clause(finding.topic, value)}."
        facts.append((text, true, Citation(article, claim.quote, finding.topic.id)))
    return facts


def _subset_label(numbers: Sequence[int], total: int) -> str:
    if not numbers:
        return "None of the above" if total > 2 else "Neither 1 nor 2"
    if len(numbers) == total:
        return "Both 1 and 2" if total == 2 else f"{', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"
    if len(numbers) == 1:
        return f"{numbers[0]} only"
    return f"{', '.join(map(str, numbers[:-1]))} and {numbers[-1]} only"


def _subsets(total: int) -> list[tuple[int, ...]]:
    return [c for size in range(total + 1) for c in itertools.combinations(range(1, total + 1), size)]


def _statement_explanation(facts: Sequence[tuple[str, bool, Citation]]) -> str:
    verdicts = [f"Statement {i} is {'correct' if ok else 'not correct'}" for i, (_, ok, _) in enumerate(facts, 1)]
    return "; ".join(verdicts) + ". See each source's own words below."


def statements(found: Iterable[TopicFinding]) -> Iterator[Question]:
    """'Consider the following statements ... Which of the statements given above is/are correct?'"""
    for finding in _contested(found):
        qid = f"statements.{finding.topic.id}"
        facts = _statement_facts(finding, qid)
        correct = tuple(i for i, (_, ok, _) in enumerate(facts, 1) if ok)
        pool = [s for s in _subsets(len(facts)) if s and s != correct]
        others = (
            sorted(pool, key=lambda s: _rank(qid, str(s)))[:3]
            if len(facts) > 2
            else [s for s in _subsets(2) if s != correct]
        )
        # Two statements: the usual fixed order (a) 1 only (b) 2 only (c) Both (d) Neither.
        choices = [(1,), (2,), (1, 2), ()] if len(facts) == 2 else sorted([correct, *others], key=lambda s: (len(s), s))
        yield Question(
            qid, "formats", "statements", "Consider the following statements:", tuple(f for f, _, _ in facts),
            "Which of the statements given above is/are correct?",
            tuple(_subset_label(c, len(facts)) for c in choices), choices.index(correct),
            _statement_explanation(facts), tuple(c for _, _, c in facts),
        )  # fmt: skip


def how_many(found: Iterable[TopicFinding]) -> Iterator[Question]:
    """'How many of the above statements are correct?' over three statements."""
    for finding in _contested(found):
        qid = f"how-many.{finding.topic.id}"
        facts = _statement_facts(finding, qid)
        if len(facts) != 3:
            continue
        count = sum(ok for _, ok, _ in facts)
        yield Question(
            qid, "formats", "how-many", "Consider the following statements:", tuple(f for f, _, _ in facts),
            "How many of the statements given above are correct?",
            ("Only one", "Only two", "All three", "None"), count - 1,
            _statement_explanation(facts), tuple(c for _, _, c in facts),
        )  # fmt: skip


def pairs(corpus: Corpus, found: Sequence[TopicFinding]) -> Iterator[Question]:
    """'Consider the following pairs (topic : what <source> says). How many are correctly matched?'"""
    asked: dict[str, int] = {}
    contested = _contested(found)
    for article in sorted(reviewed(corpus.articles), key=arrival):
        qid = f"pairs.{article.id}"
        rows = []
        spoken = [f for f in contested if f.answer_of(article.id) is not None]
        chosen = sorted(spoken, key=lambda f: _rank(qid, f.topic.id))[:3]
        if len(chosen) != 3 or any(asked.get(f.topic.id, 0) >= PAIRS_PER_TOPIC for f in chosen):
            continue
        for finding in chosen:
            asked[finding.topic.id] = asked.get(finding.topic.id, 0) + 1
        always_true = _index(qid, 3)
        for n, finding in enumerate(chosen):
            answer = finding.answer_of(article.id)
            assert answer is not None
            others = [a for a in finding.answers if a is not answer]
            true = n == always_true or _rank(qid, finding.topic.id + "/true") < "8"
            value = answer.value if true else others[0].value
            claim = next(c for a, c in answer.claims if a.id == article.id)
            rows.append((f"{finding.topic.label} : {value}", true, Citation(article, claim.quote, finding.topic.id)))
        count = sum(ok for _, ok, _ in rows)
        verdicts = "; ".join(
            f"pair {i} is {'correctly' if ok else 'not correctly'} matched" for i, (_, ok, _) in enumerate(rows, 1)
        )
        yield Question(
            qid, "formats", "pairs", f"Consider the following pairs (topic : what the {article.label} says):",
            tuple(r for r, _, _ in rows), "How many of the pairs given above are correctly matched?",
            ("Only one", "Only two", "All three", "None"), count - 1, f"In the {article.label}, {verdicts}.",
            tuple(c for _, _, c in rows),
        )  # fmt: skip


def _contested(found: Iterable[TopicFinding]) -> list[TopicFinding]:
    """Exclusive topics with at least two answers: where a swapped answer is certainly wrong for a source."""
    return [f for f in found if f.topic.exclusive and len(f.answers) >= 2]


# --- authored questions, the bank, the mock test --------------------------------------------------------


def authored(corpus: Corpus) -> Iterator[Question]:
    """Questions from quiz.yaml whose every cited source is reviewed."""
    articles = {a.id: a for a in corpus.articles}
    for q in corpus.quiz.questions:
        if any(articles[c.article].status != "reviewed" for c in q.sources):
            continue
        topic = q.topics[0] if q.topics else None
        cites = tuple(Citation(articles[c.article], c.quote, topic) for c in q.sources)
        yield Question(
            q.id, q.theme, "authored", q.stem, tuple(q.statements), q.ask, tuple(q.options),
            LETTERS.index(q.answer), q.explanation, cites,
            background=tuple((fact.text, fact.reference) for fact in q.background),
        )  # fmt: skip


def build_bank(corpus: Corpus, analysis: Analysis) -> tuple[Question, ...]:
    """The bank: the candidates in the formats the exam profile offers, without duplicates or questions on damaged
    text, attribution questions kept to ATTRIBUTION_SHARE of it (_within_share); checked to have one key each."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    offered = set(corpus.exam.formats)
    for q in candidates(corpus, analysis):
        shown = (same_value(q.stem), *map(same_value, q.statements), *sorted(map(same_value, q.options)))
        if shown in seen or _damaged(q) or (q.kind if q.kind in GENERATED_FORMATS else "mcq") not in offered:
            continue
        seen.add(shown)
        kept.append(q)
    bank = _within_share(kept, ATTRIBUTION_SHARE)
    check_bank(bank)
    return tuple(bank)


def candidates(corpus: Corpus, analysis: Analysis) -> list[Question]:
    """Every question the content allows, authored first, then generated ones by theme (before build_bank's
    filters). Ids depend only on the content asked about, so a question keeps its id as sources arrive."""
    found = analysis.findings
    return [
        *authored(corpus),
        *according_to(found),
        *which_source(corpus, found),
        *ordering(analysis.timeline),
        *roles(corpus),
        *actors(corpus),
        *terms(corpus),
        *statements(found),
        *how_many(found),
        *pairs(corpus, found),
    ]


# Which attribution questions the share keeps first: the editor's own, then the exam's statement formats, then
# questions on what one source says where sources differ; "which source says this quote" and per-source roles last.
_KEEP_FIRST = {"authored": 0, "statements": 1, "how-many": 1, "according-to": 2, "pairs": 3, "which-source": 4}


def _within_share(bank: Sequence[Question], share: float) -> list[Question]:
    """`bank` with at most `share` of attribution questions: the others are all kept, and as many attribution
    questions as that share allows, in _KEEP_FIRST order, then those on the sources that arrived first (so a new
    article's questions take only room left over, or that of a kind kept later), in the bank's order."""
    plain = sum(not q.attribution for q in bank)
    room = int(plain * share / (1 - share))

    def first(q: Question) -> tuple[int, tuple[str, str], str]:
        came = min((arrival(c.article) for c in q.citations), default=("", ""))
        return _KEEP_FIRST.get(q.kind, 5), came, _rank("share", q.id)

    keep = {q.id for q in sorted((q for q in bank if q.attribution), key=first)[:room]}
    return [q for q in bank if not q.attribution or q.id in keep]


_DAMAGE = re.compile("\ufffd|â€|Ã|Â|[\u0370-\u03ff]")  # mojibake: replacement marks, misread UTF-8, stray Greek


def _damaged(q: Question) -> bool:
    """Whether the question shows text damaged in transmission, which no exam would ask about."""
    return any(_DAMAGE.search(text) for text in (q.stem, *q.statements, *q.options))


def check_bank(bank: Sequence[Question]) -> None:
    """Raise ValueError unless ids are unique and each question has distinct options and one valid key."""
    seen: set[str] = set()
    for q in bank:
        if q.id in seen:
            raise ValueError(f"question id {q.id} is used twice")
        seen.add(q.id)
        if len({same_value(o) for o in q.options}) != len(q.options):
            raise ValueError(f"question {q.id} has two options that say the same thing: {q.options}")
        if not 0 <= q.answer < len(q.options) or len(q.options) < 2:
            raise ValueError(f"question {q.id} has no valid key")


def mock_test(bank: Sequence[Question], size: int) -> tuple[Question, ...]:
    """A stable mix across themes, like a short exam paper: take from each theme in turn, with at most
    MOCK_ATTRIBUTION_SHARE of attribution questions."""
    limit = int(size * MOCK_ATTRIBUTION_SHARE)
    by_theme = {
        theme: sorted((q for q in bank if q.theme == theme), key=lambda q: _rank("mock", q.id)) for theme in THEMES
    }
    chosen: list[Question] = []
    for q in (q for group in itertools.zip_longest(*by_theme.values()) for q in group if q is not None):
        if q.attribution and sum(c.attribution for c in chosen) >= limit:
            continue
        chosen.append(q)
        if len(chosen) == size:
            break
    return tuple(chosen)
