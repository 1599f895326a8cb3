"""Quiz pages (part of the render stage): practice sets by theme, a mock test, written answers, review.

How the quiz is run comes from the guide's exam profile (builder/exams.py): the marking, the mock test's length
and time, the practice sets' titles, whether there is written-answer practice, and how the pages name the exam.

Practice sets are split into pages of at most `PAGE_SIZE` questions (quiz/<theme>.md, quiz/<theme>-2.md, ...),
so no page grows with the bank. The review page holds no questions: quiz.js saves, with each answer, the
site-relative URL of the page it was given on (`data-page`) and a short copy of its stem, and the review page
lists the saved mistakes as links built from its own `data-root` (the path from the page to the site root), so
they work on any host, under a sub-path and from file://.

Questions are raw HTML blocks (fieldset, radios, details), so every question and its answer can be read without
JavaScript; `theme/assets/quiz.js` adds checking, the mock test's timer and marking, and saved progress. Inside raw
HTML, MkDocs rewrites no links and Markdown escapes would show, so templates print user text with the `html` filter and
links with `href`, which gives URLs relative to the page as built (`use_directory_urls: false`).
Every quiz page has `search: exclude: true` in its front matter, so answers stay out of the search index.
"""

from __future__ import annotations

import hashlib
import json
import math
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from builder.analyse import Analysis
from builder.exams import fraction_text
from builder.export import DOWNLOADS, EXPORT_FORMATS
from builder.markdown_text import relative_path
from builder.model import ExamProfile, WrittenPrompt
from builder.questions import MOCK_ATTRIBUTION_SHARE, Question, mock_test
from builder.validate import Corpus

__all__ = ["add_quiz_pages", "html_href", "written_answer_version", "written_minutes", "written_version"]

Add = Callable[..., None]  # plan_site's add(docs_path, template, **context)

MOCK_POOL = 4  # the mock page carries this many times the test's length: each attempt draws a fresh set from it
DOWNLOAD_LABELS = {  # export format -> what the download is and what it is for
    "anki": ("Anki deck", "import into Anki (File > Import) to study with spaced repetition"),
    "anki-tsv": ("Anki text file", "tab-separated front and back, for Anki's text import"),
    "quizlet": ("Quizlet text file", "paste into Quizlet's import box (tab between term and definition)"),
    "json": ("All questions as JSON", "every question, key, explanation and source, for other tools"),
}


PAGE_SIZE = 50  # questions per practice page: pages stay small however large the bank grows
NAV_ALL = 9  # up to this many pages, the page navigation lists them all; beyond, a window around the current one
NAV_WINDOW = 2  # pages listed on each side of the current one when the list is compact


@dataclass(frozen=True)
class PracticeSet:
    theme: str
    title: str
    questions: tuple[Question, ...]

    @property
    def path(self) -> str:
        """Page 1, the set's address."""
        return self.page_path(1)

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(len(self.questions) / PAGE_SIZE))

    def page_path(self, number: int) -> str:
        return f"quiz/{self.theme}.md" if number == 1 else f"quiz/{self.theme}-{number}.md"

    @property
    def pages(self) -> list[PracticePage]:
        return [PracticePage(self, number) for number in range(1, self.page_count + 1)]


@dataclass(frozen=True)
class PracticePage:
    """Page `number` (from 1) of a practice set: questions `first` to `first + len(questions) - 1`."""

    practice: PracticeSet
    number: int

    @property
    def path(self) -> str:
        return self.practice.page_path(self.number)

    @property
    def url(self) -> str:
        """Where the page is built, relative to the site root: what quiz.js saves with an answer."""
        return _built_url(self.path)

    @property
    def first(self) -> int:
        return (self.number - 1) * PAGE_SIZE + 1

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.practice.questions[self.first - 1 : self.first - 1 + PAGE_SIZE]

    @property
    def title(self) -> str:
        """The set's title, with the page when there are several: how the review page names it."""
        total = self.practice.page_count
        return self.practice.title if total == 1 else f"{self.practice.title}, page {self.number} of {total}"

    @property
    def compact(self) -> bool:
        return self.practice.page_count > NAV_ALL

    @property
    def listed(self) -> list[int | None]:
        """Page numbers for the navigation: all when few; else the first, the last and a window around this
        one, with None where pages are left out."""
        total = self.practice.page_count
        if total <= NAV_ALL:
            return list(range(1, total + 1))
        low, high = max(1, self.number - NAV_WINDOW), min(total, self.number + NAV_WINDOW)
        shown = sorted({1, total, *range(low, high + 1)})
        listed: list[int | None] = []
        for number in shown:
            if listed and number - (listed[-1] or 0) > 1:
                listed.append(None)
            listed.append(number)
        return listed


def add_quiz_pages(add: Add, corpus: Corpus, analysis: Analysis, bank: Sequence[Question]) -> None:
    """Add quiz/index.md, the pages of each practice set with questions, mock.md, written.md (when the exam profile
    has written answers), review.md and due.md (spaced review: every question and glossary term, hidden; quiz.js
    shows the cards due today)."""
    exam = corpus.exam
    titles = exam.sets.model_dump()
    sets = [PracticeSet(theme, title, tuple(q for q in bank if q.theme == theme)) for theme, title in titles.items()]
    sets = [s for s in sets if s.questions]
    mock = mock_test(bank, exam.mock.questions)
    minutes = math.ceil(len(mock) * exam.mock.minutes_per_question)
    anchors = {finding.topic.id: finding.anchor for finding in analysis.findings}
    labels = {finding.topic.id: finding.topic.label for finding in analysis.findings}
    glossary = {term.id: term.term for term in corpus.glossary}
    articles = {article.id: article for article in corpus.articles}

    def page(path: str, template: str, **context: Any) -> None:
        def href(target: str) -> Markup:
            return Markup(escape(html_href(target, path)))

        add(
            path, template, href=href, topic_anchors=anchors, topic_labels=labels, glossary_terms=glossary,
            page_url=_built_url(path), site_root=_site_root(path), exam=exam, marking=marking_terms(exam), **context,
        )  # fmt: skip

    page(
        "quiz/index.md", "quiz_index.md.j2", sets=sets, mock=mock, minutes=minutes, written=corpus.quiz.written,
        downloads=_downloads(),
    )  # fmt: skip
    homes: dict[str, PracticePage] = {}  # question id -> the practice page it is on
    for practice in sets:
        for part in practice.pages:
            page(part.path, "quiz_practice.md.j2", practice=practice, part=part)
            homes.update((q.id, part) for q in part.questions)
    pool = mock_pool(bank, mock)
    page(
        "quiz/mock.md", "quiz_mock.md.j2", questions=mock, pool=pool, minutes=minutes, homes=homes,
        theme_titles=json.dumps(titles, ensure_ascii=False, sort_keys=True),
        capped=_capped(mock, pool, exam.mock.questions),
    )  # fmt: skip
    if exam.written is not None:
        prompts = [(prompt, [articles[a] for a in prompt.sources if a in articles]) for prompt in corpus.quiz.written]
        pace = exam.written.words_per_minute
        page(
            "quiz/written.md", "quiz_written.md.j2", prompts=prompts, practice=exam.written,
            version=written_version, answer_version=written_answer_version,
            minutes=lambda words: written_minutes(words, pace), limits=sorted({p.words for p, _ in prompts}),
        )  # fmt: skip
    page("quiz/review.md", "quiz_review.md.j2", sets=sets)
    page("quiz/due.md", "quiz_due.md.j2", sets=sets, bank=bank, terms=corpus.glossary, homes=homes)


@dataclass(frozen=True)
class MarkingTerms:
    """The marking as the pages state it ("+2", "0", and a loss with a real minus sign), and what a wrong guess
    costs in words."""

    right: str
    wrong: str
    blank: str
    guess: str  # "a third of a question's marks", or "" when a wrong answer costs nothing


def marking_terms(exam: ExamProfile) -> MarkingTerms:
    m = exam.marking
    guess = f"{fraction_text(-m.wrong, m.right)} of a question's marks" if m.wrong < 0 else ""
    return MarkingTerms(signed(m.right), signed(m.wrong), signed(m.blank), guess)


def signed(value: float) -> str:
    """A mark as a paper prints it: +2, +0.5, 0, and a loss with a real minus sign (U+2212); no trailing zeros."""
    text = f"{abs(value):.2f}".rstrip("0").rstrip(".")
    return "0" if value == 0 else ("+" if value > 0 else "\u2212") + text


def mock_pool(bank: Sequence[Question], fixed: Sequence[Question]) -> tuple[Question, ...]:
    """The questions the mock page carries besides its fixed set (`mock_test`, what a reader without JavaScript
    sees): more from every theme in turn, up to `MOCK_POOL` times the test's length, for the browser to draw from."""
    shown = {q.id for q in fixed}
    return tuple(q for q in mock_test(bank, MOCK_POOL * len(fixed)) if q.id not in shown)


def _capped(fixed: Sequence[Question], pool: Sequence[Question], size: int) -> tuple[int, str]:
    """How many questions on what a named source says a drawn test may hold (the share of the profile's test length
    `size` that `mock_test` allows the fixed set) and the ids of those on the page (JSON): the browser keeps each
    attempt to that share, as the fixed set is, so a small bank draws as many questions as the fixed set holds."""
    ids = sorted(q.id for q in (*fixed, *pool) if q.attribution)
    return int(size * MOCK_ATTRIBUTION_SHARE), json.dumps(ids)


def _downloads() -> list[tuple[str, str, str]]:
    """(label, docs path, purpose) of each file the export stage publishes under downloads/."""
    found = []
    for fmt, name in EXPORT_FORMATS.items():
        label, purpose = DOWNLOAD_LABELS.get(fmt, (name, f"the question bank as {fmt}"))
        found.append((label, f"{DOWNLOADS}/{name}", purpose))
    return found


def written_version(prompt: WrittenPrompt) -> str:
    """Changes when the checklist changes, so saved ticks of an old checklist are ignored."""
    return hashlib.sha1("\x1f".join(prompt.key_points).encode("utf-8")).hexdigest()[:10]


def written_answer_version(prompt: WrittenPrompt) -> str:
    """Changes when the question or its word limit changes, so an answer saved for the old wording is not shown as
    an answer to the new one (a changed checklist alone keeps the answer: `written_version` drops only the ticks)."""
    return hashlib.sha1(f"{prompt.question}\x1f{prompt.words}".encode()).hexdigest()[:10]


def written_minutes(words: int, words_per_minute: float) -> int:
    """The time for a word limit at the exam's pace: 150 words at 22 a minute -> 7 minutes."""
    return max(1, round(words / words_per_minute))


def _built_url(docs_path: str) -> str:
    """Where MkDocs puts a docs file, relative to the site root, with `use_directory_urls: false`."""
    return docs_path[: -len(".md")] + ".html" if docs_path.endswith(".md") else docs_path


def _site_root(docs_path: str) -> str:
    """The relative path from the page built from `docs_path` to the site root: '' or '../' or '../../'."""
    return "../" * docs_path.count("/")


def html_href(target: str, current: str) -> str:
    """A URL for raw HTML on docs page `current` to docs path `target` ('sources/x.md#anchor', 'downloads/f')."""
    path, _, anchor = target.partition("#")
    if not path:
        return f"#{anchor}"
    url = relative_path(_built_url(path), posixpath.dirname(current) or ".")
    return f"{url}#{anchor}" if anchor else url
