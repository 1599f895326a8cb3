"""Render stage: the validated corpus -> Markdown pages, through Jinja2 templates. No file I/O here.

Templates print every `{{ value }}` through `markdown_text.inline`, so user text is escaped unless Python code
deliberately built it as Markdown (a `Markup` value, such as a link from `link`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from builder import dates
from builder.markdown_text import block, code_fence, inline, link, relative_url
from builder.validate import Corpus

__all__ = ["Pages", "render_site"]

Pages = dict[str, str]  # docs path ('sources/x.md') -> Markdown text

KIND_LABELS = {
    "news": "News report",
    "analysis": "Analysis",
    "explainer": "Explainer",
    "exam-prep": "Exam-preparation article",
    "preview": "Preview (written before the event)",
    "opinion": "Opinion",
}


def _finalize(value: Any) -> Any:
    if value is None:
        return Markup("")
    return value if isinstance(value, Markup) else inline(value)


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=False,  # the output is Markdown: `_finalize` escapes for Markdown instead of HTML
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(block=block, code_fence=code_fence, human_date=dates.human)
    env.globals.update(kind_labels=KIND_LABELS)
    return env


def render_page(template: str, path: str, **context: Any) -> str:
    """Render one template as the page at docs path `path`; links in it are made relative to that path."""
    env = _environment()
    helpers: dict[str, Callable[..., Any]] = {
        "link": lambda text, target: link(text, target, path),
        "url": lambda target: relative_url(target, path),
    }
    text = env.get_template(template).render(page_path=path, **helpers, **context)
    return _tidy(text)


def _tidy(text: str) -> str:
    """One blank line between blocks at most and one newline at the end: stable, diff-friendly output."""
    lines = [line.rstrip() for line in text.split("\n")]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip("\n") + "\n"


def source_path(article_id: str) -> str:
    return f"sources/{article_id}.md"


def render_site(corpus: Corpus) -> Pages:
    """Every page of the site, keyed by docs path, in a stable order."""
    pages: Pages = {
        "index.md": render_page("home.md.j2", "index.md", corpus=corpus, source_path=source_path),
        "sources/index.md": render_page(
            "sources.md.j2", "sources/index.md", corpus=corpus, source_path=source_path
        ),
    }
    for article in corpus.articles:
        path = source_path(article.id)
        pages[path] = render_page("source.md.j2", path, corpus=corpus, article=article, raw=corpus.raw[article.id])
    return pages
