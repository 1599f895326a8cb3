"""Quiz pages (part of the render stage): practice sets by theme, a mock test, mains practice, review.

Questions are raw HTML blocks (fieldset, radios, details), so every question and its answer can be read without
JavaScript; `theme/assets/quiz.js` adds checking, the exam timer and saved progress. Inside raw HTML, MkDocs
rewrites no links and Markdown escapes would show, so templates print user text with the `html` filter and
links with `href`, which gives URLs relative to the page as built (`use_directory_urls: false`).
Every quiz page has `search: exclude: true` in its front matter, so answers stay out of the search index.
"""

from __future__ import annotations

import hashlib
import math
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from builder.analyse import Analysis
from builder.export import DOWNLOADS, EXPORT_FORMATS
from builder.model import MainsPrompt
from builder.questions import THEME_TITLES, Question, mock_test
from builder.validate import Corpus

__all__ = ["add_quiz_pages", "html_href", "mains_version"]

Add = Callable[..., None]  # render_site's add(docs_path, template, **context)

MINUTES_PER_QUESTION = 1.2  # UPSC prelims GS paper I: 100 questions in 120 minutes
DOWNLOAD_LABELS = {  # export format -> what the download is and what it is for
    "anki": ("Anki deck", "import into Anki (File > Import) to study with spaced repetition"),
    "anki-tsv": ("Anki text file", "tab-separated front and back, for Anki's text import"),
    "quizlet": ("Quizlet text file", "paste into Quizlet's import box (tab between term and definition)"),
    "json": ("All questions as JSON", "every question, key, explanation and source, for other tools"),
}
DIRECTIVES = {  # what the directive word of a mains question asks the answer to do
    "Analyse": "break the issue into its parts, examine each and how they relate, and draw a conclusion.",
    "Critically analyse": "analyse the issue, weigh the strengths and weaknesses of each part, and give a balanced "
    "judgement.",
    "Critically examine": "look into the issue in depth, test the arguments for and against, and reach a reasoned "
    "judgement.",
    "Comment": "give your view on the main points, backed by evidence.",
    "Discuss": "examine the issue from several sides, with arguments for and against, and conclude.",
    "Elucidate": "explain and make clear, with examples.",
    "Evaluate": "judge the worth or effect of something, weighing the evidence on both sides.",
    "Examine": "look at the issue in detail: the facts, their causes and their effects.",
    "Explain": "make clear what it is, how and why, with reasons and examples.",
}


@dataclass(frozen=True)
class PracticeSet:
    theme: str
    title: str
    questions: tuple[Question, ...]

    @property
    def path(self) -> str:
        return f"quiz/{self.theme}.md"


def add_quiz_pages(add: Add, corpus: Corpus, analysis: Analysis, bank: Sequence[Question]) -> None:
    """Add quiz/index.md, one practice page per theme with questions, mock.md, mains.md and review.md."""
    sets = [
        PracticeSet(theme, title, tuple(q for q in bank if q.theme == theme)) for theme, title in THEME_TITLES.items()
    ]
    sets = [s for s in sets if s.questions]
    mock = mock_test(bank)
    minutes = math.ceil(len(mock) * MINUTES_PER_QUESTION)
    anchors = {finding.topic.id: finding.anchor for finding in analysis.findings}
    labels = {finding.topic.id: finding.topic.label for finding in analysis.findings}
    glossary = {term.id: term.term for term in corpus.glossary}
    articles = {article.id: article for article in corpus.articles}

    def page(path: str, template: str, **context: Any) -> None:
        def href(target: str) -> Markup:
            return Markup(escape(html_href(target, path)))

        add(path, template, href=href, topic_anchors=anchors, topic_labels=labels, glossary_terms=glossary, **context)

    page(
        "quiz/index.md", "quiz_index.md.j2", sets=sets, mock=mock, minutes=minutes, mains=corpus.quiz.mains,
        downloads=_downloads(),
    )  # fmt: skip
    for practice in sets:
        page(practice.path, "quiz_practice.md.j2", practice=practice)
    page("quiz/mock.md", "quiz_mock.md.j2", questions=mock, minutes=minutes)
    prompts = [(prompt, [articles[a] for a in prompt.sources if a in articles]) for prompt in corpus.quiz.mains]
    page("quiz/mains.md", "quiz_mains.md.j2", prompts=prompts, directives=DIRECTIVES, version=mains_version)
    page("quiz/review.md", "quiz_review.md.j2", sets=sets)


def _downloads() -> list[tuple[str, str, str]]:
    """(label, docs path, purpose) of each file the export stage publishes under downloads/."""
    found = []
    for fmt, name in EXPORT_FORMATS.items():
        label, purpose = DOWNLOAD_LABELS.get(fmt, (name, f"the question bank as {fmt}"))
        found.append((label, f"{DOWNLOADS}/{name}", purpose))
    return found


def mains_version(prompt: MainsPrompt) -> str:
    """Changes when the checklist changes, so saved ticks of an old checklist are ignored."""
    return hashlib.sha1("\x1f".join(prompt.key_points).encode("utf-8")).hexdigest()[:10]


def _built_url(docs_path: str) -> str:
    """Where MkDocs puts a docs file, relative to the site root, with `use_directory_urls: false`."""
    return docs_path[: -len(".md")] + ".html" if docs_path.endswith(".md") else docs_path


def html_href(target: str, current: str) -> str:
    """A URL for raw HTML on docs page `current` to docs path `target` ('sources/x.md#anchor', 'downloads/f')."""
    path, _, anchor = target.partition("#")
    if not path:
        return f"#{anchor}"
    url = posixpath.relpath(_built_url(path), posixpath.dirname(current) or ".")
    return f"{url}#{anchor}" if anchor else url
