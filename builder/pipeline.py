"""The whole build, one line per stage: load and validate, analyse, render, write."""

from __future__ import annotations

from pathlib import Path

from builder.render import render_site
from builder.validate import Corpus, load_corpus
from builder.write import WriteReport, write_pages

__all__ = ["build", "check"]


def check(content: Path) -> Corpus:
    """Load and validate the content; raises ContentError with every problem."""
    return load_corpus(content)


def build(content: Path, out: Path) -> tuple[Corpus, WriteReport]:
    """Validate `content` and write the generated Markdown to `out`. Nothing is written if validation fails."""
    corpus = load_corpus(content)
    pages = render_site(corpus)
    return corpus, write_pages(pages, out)
