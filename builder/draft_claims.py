"""Claim stubs for `new`: for each topic, the answers other sources already give and the new text's sentences
that fit it best; and the topics other sources claim about the people this text names.

A sentence fits a topic when it shares its rarer words with the topic's question and with what other sources
quoted and answered on it (words shared by every topic count for little). Equal answers must be worded the same
to count as agreeing, so the answers are shown exactly as written.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from builder.boilerplate import Line, sentences
from builder.draft_dates import DATE_PHRASES, RELATIVE
from builder.draft_names import name_pattern
from builder.model import Article, Claim, Topic

__all__ = ["Answer", "ClaimStub", "claim_stubs"]

STOPWORDS = frozenset(
    "the a an of to in on at for and or was were is are who what when where which how did do does with by as "
    "that this it its their they from be been had has have say says said according not but also than into about "
    "would could should will may more most other some such any these those there them his her our your".split()
)
MIN_FIT = 0.35  # of the best fit of any sentence to any topic: below it a sentence is not offered
SHOWN = 3


@dataclass(frozen=True)
class Answer:
    """A value other sources give for a topic, as they word it, and which sources give it."""

    value: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class ClaimStub:
    topic: Topic
    answers: tuple[Answer, ...]
    sentences: tuple[tuple[int, str], ...]  # (line, sentence), best fit first
    named: tuple[str, ...] = ()  # names in this text that other sources' claims on this topic also name


def claim_stubs(
    body: list[Line], topics: Iterable[Topic], articles: Iterable[Article], names: dict[str, list[str]]
) -> list[ClaimStub]:
    """A stub for each topic that some sentence fits or that other sources claim about a name in this text;
    `names` maps each name shown to the spellings looked for in other sources' claims."""
    topics, articles = list(topics), list(articles)
    claims = {t.id: [(a.id, c) for a in articles for c in a.claims if c.topic == t.id] for t in topics}
    profiles = _weighted({t.id: _profile(t, [c for _, c in claims[t.id]]) for t in topics})
    spans = [(line, s) for line in body for s in (sentences(line.text) or [line.text])]
    scores = {t.id: sorted(_fits(t, profiles[t.id], spans), reverse=True) for t in topics}
    best = max((s[0][0] for s in scores.values() if s), default=0.0) or 1.0
    patterns = {name: name_pattern(spellings) for name, spellings in names.items() if spellings}
    stubs = []
    for topic in topics:
        fitting = tuple((line, text) for score, line, text in scores[topic.id][:SHOWN] if score >= MIN_FIT * best)
        said = [f"{c.value} {c.quote}" for _, c in claims[topic.id]]
        named = tuple(n for n, pattern in patterns.items() if any(pattern.search(text) for text in said))
        if fitting or named:
            stubs.append(ClaimStub(topic, _answers(claims[topic.id]), fitting, named))
    return stubs


def _answers(claims: list[tuple[str, Claim]]) -> tuple[Answer, ...]:
    by_value: dict[str, list[str]] = {}
    for article_id, claim in claims:
        by_value.setdefault(claim.value, []).append(article_id)
    ordered = sorted(by_value.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(Answer(value, tuple(dict.fromkeys(sources))) for value, sources in ordered)


def _stems(text: str) -> list[str]:
    """Words cut to six letters ("negotiators" and "negotiating" meet), without the commonest ones."""
    return [w[:6] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in STOPWORDS]


def _profile(topic: Topic, claims: list[Claim]) -> Counter[str]:
    """What a sentence on the topic tends to say: the question's words, then the other sources' answers and quotes."""
    profile: Counter[str] = Counter()
    for stem in _stems(f"{topic.label} {topic.question}"):
        profile[stem] += 3
    for claim in claims:
        profile.update(dict.fromkeys(_stems(claim.value), 2))
        profile.update(dict.fromkeys(_stems(claim.quote), 1))
    return profile


def _weighted(profiles: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    """Each word's weight times how rare it is among the topics (a word in every topic's profile tells nothing)."""
    spread = Counter(stem for profile in profiles.values() for stem in profile)
    count = len(profiles)
    return {tid: {s: n * math.log(1 + count / spread[s]) for s, n in p.items()} for tid, p in profiles.items()}


def _fits(topic: Topic, profile: dict[str, float], spans: list[tuple[Line, str]]) -> list[tuple[float, int, str]]:
    asked = f"{topic.label} {topic.question}".lower()
    about_time = asked.startswith("when") or "date" in asked
    top = sum(sorted(profile.values(), reverse=True)[:3]) or 1.0
    fits = []
    for line, text in spans:
        stems = set(_stems(text))
        if not stems:
            continue
        score = sum(profile.get(s, 0.0) for s in stems) / top / math.sqrt(len(stems) / 8 + 1)
        if about_time and (DATE_PHRASES.search(text) or RELATIVE.search(text)):
            score += 0.5
        fits.append((score * (0.6 if line.kind == "heading" else 1.0), line.number, text))
    return fits
