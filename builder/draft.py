"""`python -m builder new`: store a new article's raw text and draft its YAML summary from it.

The draft validates as it is (status: draft), so the site builds at once; everything the builder could only
guess is marked for review, and claim stubs stay commented out until the author fills them in.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from builder.model import Actor, Topic
from builder.problems import DraftError
from builder.validate import Corpus

__all__ = ["DraftError", "DraftPlan", "Warning_", "plan_draft", "read_text", "write_draft"]

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_PHRASES = re.compile(
    rf"\b(?:(?:early|mid|late|end of|beginning of)[ -])?(?:"
    rf"{MONTH} \d{{1,2}}, \d{{4}}|\d{{1,2}} {MONTH},? \d{{4}}|{MONTH},? \d{{4}}|"
    rf"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter) \d{{4}}|"
    rf"(?:on |last |next )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    rf"(?:in the |this |next |last )(?:spring|summer|autumn|fall|winter|week|month|year)|"
    rf"(?:in (?:the )?(?:coming|past|recent) (?:days|weeks|months))|yesterday|tomorrow|"
    rf"(?:in |since |by )?(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"[\"“]([^\"“”\n]{3,300})[\"”]")
NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|of|the|de|von|al))*[ -][A-Z][a-z]+\b")
SENTENCE_END = re.compile('[.!?]["\u201d\u2019)]*(?=\\s+["\u201c(]?[A-Z0-9])|\n')
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sen rep gov no vs jan feb aug sept oct nov dec inc ltd co corp".split()
)
LEADING_WORDS = frozenset(
    "The A An In On At During After Before As For From Since By With While When This That These Those Its Their But "
    "And Or".split()
)
STOPWORDS = frozenset(
    "the a an of to in on at for and or was were is are who what when where which how did do does with by as "
    "that this it its their they from be been had has have talks source sources say says said according".split()
)
MOJIBAKE = re.compile(r"[\u0370-\u03ff]+|Ã.|â€.?|Â(?=\s|\W)|\ufffd")


@dataclass(frozen=True)
class Warning_:
    """Something about the text that a person should look at."""

    line: int
    col: int
    message: str


@dataclass(frozen=True)
class DraftPlan:
    """Everything the draft will hold, decided before anything is written."""

    article_id: str
    raw_name: str
    text: str
    title: str
    published: str | None
    date_phrases: list[tuple[str, str | None, int]] = field(default_factory=list)  # phrase, EDTF, line
    actors: list[tuple[Actor, str]] = field(default_factory=list)  # actor, sentence naming them
    candidates: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    topic_sentences: list[tuple[Topic, list[str]]] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)


def read_text(data: bytes, shown_as: str) -> str:
    """Decode input as UTF-8 text, refusing empty, binary and non-UTF-8 input with a clear message."""
    if b"\x00" in data[:8192]:
        raise DraftError(f"{shown_as}: looks like a binary file (it contains NUL bytes): give a plain-text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise DraftError(
            f"{shown_as}:{line}: byte 0x{data[err.start]:02x} is not UTF-8: convert the file to UTF-8 "
            "(for example `iconv -f WINDOWS-1252 -t UTF-8`)"
        ) from None
    if not text.strip():
        raise DraftError(f"{shown_as}: the text is empty: give the article's text")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    if controls > len(text) / 100:
        raise DraftError(f"{shown_as}: {controls} control characters: this looks binary, not an article's text")
    return text


def slug(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = ""
    for word in words:
        if len(result) + len(word) + 1 > limit:
            break
        result = f"{result}-{word}" if result else word
    return result or "article"


def plan_draft(text: str, corpus: Corpus, article_id: str | None) -> DraftPlan:
    """Read the text and decide the draft: a pure function, so it is easy to test."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = _guess_title(lines)
    chosen_id = article_id or slug(title)
    return DraftPlan(
        article_id=chosen_id,
        raw_name=f"raw/{chosen_id}.txt",
        text=text,
        title=title,
        published=_guess_published(text),
        date_phrases=list(_date_phrases(text)),
        actors=list(_known_actors(text, corpus.actors)),
        candidates=_candidates(text, corpus.actors),
        quotes=list(dict.fromkeys(m.group(1).strip() for m in QUOTED.finditer(text))),
        topic_sentences=[(t, s) for t in corpus.topics if (s := _relevant(text, t))],
        warnings=list(_damage(text)),
    )


def _guess_title(lines: list[str]) -> str:
    for line in lines[:5]:
        cleaned = MOJIBAKE.sub("", line).strip(" -:|")
        if 10 <= len(cleaned) <= 150 and not cleaned.lower().startswith("published"):
            return cleaned
    first = _sentences(lines[0]) if lines else []
    return (first[0] if first else "Untitled article")[:150]


def _guess_published(text: str) -> str | None:
    match = re.search(r"(?:Published|Posted|Updated)(?: on)?:?\s*([^|\n]{6,40})", text, re.IGNORECASE)
    if not match:
        return None
    phrase = DATE_PHRASES.search(match.group(1))
    return _edtf(phrase.group(0)) if phrase else None


def _edtf(phrase: str) -> str | None:
    from edtf import text_to_edtf  # imported here: it loads dateutil's parser, which only `new` needs

    try:
        value = text_to_edtf(phrase)
    except Exception:  # edtf's parser raises many kinds of error on odd phrases
        return None
    return value if value and "X" not in value else None


def _date_phrases(text: str) -> Iterator[tuple[str, str | None, int]]:
    seen = set()
    for match in DATE_PHRASES.finditer(text):
        phrase = match.group(0).strip()
        if phrase.lower() not in seen:
            seen.add(phrase.lower())
            yield phrase, _edtf(phrase), text.count("\n", 0, match.start()) + 1


def _sentences(text: str) -> list[str]:
    """Sentences of the text, verbatim; "U.S." or "Mr." do not end one."""
    sentences, start = [], 0
    for end in SENTENCE_END.finditer(text):
        before = re.search(r"(\w+)\.?$", text[start : end.start() + 1])
        word = before.group(1) if before else ""
        if end.group(0) != "\n" and (len(word) == 1 or word.lower() in ABBREVIATIONS):
            continue  # an initial or an abbreviation, not the end of a sentence
        sentences.append(text[start : end.end()].strip())
        start = end.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if len(s) > 15]


def _known_actors(text: str, actors: tuple[Actor, ...]) -> Iterator[tuple[Actor, str]]:
    sentences = _sentences(text)
    for actor in actors:
        names = [actor.name, *actor.aliases]
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
        sentence = next((s for s in sentences if pattern.search(s)), None)
        if sentence:
            yield actor, sentence


def _candidates(text: str, actors: tuple[Actor, ...]) -> list[str]:
    """Capitalised names (two words or more) that are not, and do not contain, a known actor's name."""
    known = [n.casefold() for a in actors for n in (a.name, *a.aliases)]
    found = set()
    for match in NAME.finditer(text):
        words = match.group(0).replace("-", " ").split()
        while words and words[0].capitalize() in LEADING_WORDS:
            words.pop(0)
        name = " ".join(words)
        if len(words) >= 2 and not any(k in name.casefold() for k in known) and not DATE_PHRASES.fullmatch(name):
            found.add(name)
    return sorted(found)[:40]


def _relevant(text: str, topic: Topic) -> list[str]:
    """Sentences sharing at least two words with the topic (dates count twice for 'when' questions)."""
    asked = f"{topic.label} {topic.question}".lower()
    words = {w for w in re.findall(r"[a-z]+", asked) if w not in STOPWORDS}
    about_time = asked.startswith("when") or "date" in words
    scored = []
    for sentence in _sentences(text):
        hits = len(words & set(re.findall(r"[a-z]+", sentence.lower())))
        hits += 2 if about_time and DATE_PHRASES.search(sentence) else 0
        if hits >= 2:
            scored.append((-hits, sentence))
    return [s for _, s in sorted(scored)[:2]]


def _damage(text: str) -> Iterator[Warning_]:
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if ch < "\u0250")
    if not letters or latin / len(letters) < 0.9:
        return  # a text mostly in another script: Greek letters there are not damage
    for number, line in enumerate(text.splitlines(), 1):
        for match in MOJIBAKE.finditer(line):
            found = match.group(0)
            yield Warning_(
                number,
                match.start() + 1,
                f"'{found}' looks like damaged text (mojibake: emoji or accented letters decoded with the wrong "
                "encoding); quote around it and mention it in editor_note",
            )


def render_draft(plan: DraftPlan, today: datetime.date) -> str:
    """The draft YAML: valid as it stands, with every guess marked for review."""
    q = json.dumps  # JSON strings are valid YAML double-quoted strings

    def out() -> Iterator[str]:
        yield "# yaml-language-server: $schema=../../builder/schema/article.schema.json"
        yield "# DRAFT written by `python -m builder new`: check every line marked REVIEW, then set status: reviewed."
        yield f"id: {plan.article_id}"
        yield f"title: {q(plan.title, ensure_ascii=False)}  # REVIEW: guessed from the first lines"
        yield "outlet: null  # REVIEW: unknown unless the text says"
        yield "author: null"
        yield "url: null"
        note = "REVIEW: guessed from the text" if plan.published else "REVIEW: no publication date found"
        yield f"published: {q(plan.published) if plan.published else 'null'}  # {note}"
        yield "kind: news  # REVIEW: news | analysis | explainer | exam-prep | preview | opinion"
        yield f"raw: {plan.raw_name}"
        yield "status: draft"
        yield f'added: "{today.isoformat()}"'
        yield 'summary: "DRAFT: two to four sentences on what this source says."'
        yield 'key_points: ["DRAFT: the source\'s main points, one line each."]'
        if plan.warnings:
            yield 'editor_note: "The text shows signs of damage (mojibake); see the warnings below."  # REVIEW'
            for warning in plan.warnings[:20]:
                yield f"#   line {warning.line}, column {warning.col}: {warning.message}"
        yield from _events_block(plan)
        yield "claims: []"
        yield from _claims_block(plan)
        yield from _actors_block(plan)
        if plan.quotes:
            yield "# Quoted phrases in the text (candidates for quotes):"
            yield from (f"#   {q(text, ensure_ascii=False)}" for text in plan.quotes[:30])

    return "\n".join(out()) + "\n"


def _events_block(plan: DraftPlan) -> Iterator[str]:
    yield "events: []"
    if not plan.date_phrases:
        return
    yield "# Date phrases found (suggested EDTF values: REVIEW each; add events with ids from events.yaml):"
    for phrase, value, line in plan.date_phrases:
        suggestion = json.dumps(value) if value else "null  # no exact date: keep null"
        yield f"#   line {line}: {json.dumps(phrase, ensure_ascii=False)} -> date: {suggestion}"
    yield "# events:"
    yield "#   - event: EVENT-ID"
    yield f"#     date: {json.dumps(plan.date_phrases[0][1]) if plan.date_phrases[0][1] else 'null'}"
    yield f"#     date_text: {json.dumps(plan.date_phrases[0][0], ensure_ascii=False)}"
    yield '#     title: "..."'
    yield '#     quote: "..."'


def _claims_block(plan: DraftPlan) -> Iterator[str]:
    if not plan.topic_sentences:
        return
    yield "# Claim stubs: sentences that look relevant to each topic. Uncomment, set the value, trim the quote."
    for topic, sentences in plan.topic_sentences:
        yield f"#   - topic: {topic.id}  # {topic.question}"
        yield '#     value: "..."'
        yield f"#     quote: {json.dumps(sentences[0], ensure_ascii=False)}"
        for other in sentences[1:]:
            yield f"#     # or: {json.dumps(other, ensure_ascii=False)}"


def _actors_block(plan: DraftPlan) -> Iterator[str]:
    if not plan.actors:
        yield "actors: []  # no known actor is named: add actors.yaml entries for the candidates below"
    else:
        yield "actors:"
        for actor, sentence in plan.actors:
            yield f"  - actor: {actor.id}"
            yield '    role: "Named in the text (REVIEW: say what role this source gives them)"'
            yield f"    quotes: [{json.dumps(sentence, ensure_ascii=False)}]"
    if plan.candidates:
        yield "# Names that match no known actor (add them to actors.yaml if they matter):"
        yield from (f"#   {name}" for name in plan.candidates)


def write_draft(plan: DraftPlan, data: bytes, content: Path, today: datetime.date) -> tuple[Path, Path]:
    """Store `data` (the text exactly as received) and the draft; refuse to overwrite anything."""
    raw_path = content / plan.raw_name
    draft_path = content / "articles" / f"{plan.article_id}.yaml"
    for path in (raw_path, draft_path):
        if path.exists():
            raise DraftError(f"{path} already exists: choose another id with --id (nothing was written)")
    yaml_text = render_draft(plan, today)
    raw_path.parent.mkdir(parents=True, exist_ok=True)
    draft_path.parent.mkdir(parents=True, exist_ok=True)
    with raw_path.open("xb") as raw_file:
        raw_file.write(data)
    try:
        with draft_path.open("x", encoding="utf-8") as draft_file:
            draft_file.write(yaml_text)
    except OSError:
        raw_path.unlink()
        raise
    return raw_path, draft_path
