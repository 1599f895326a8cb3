"""The whole build, one line per stage: load and validate, analyse, question bank, render, write."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from builder.analyse import analyse
from builder.cache import BuildCache
from builder.questions import build_bank
from builder.render import Pages, render_site
from builder.validate import Corpus, load_corpus
from builder.write import WriteReport, write_pages

__all__ = ["build", "check", "generate"]


def check(content: Path, cache: Path | None = None) -> Corpus:
    """Load and validate the content; raises ContentError with every problem."""
    return load_corpus(content, BuildCache.open(cache))


def build(content: Path, out: Path, cache: Path | None = None) -> tuple[Corpus, WriteReport]:
    """Validate `content` and write the generated Markdown to `out`. Nothing is written if validation fails.

    `cache` is a folder for what this build learns, so the next one redoes only what changed (builder/cache.py);
    None builds everything from scratch. The output is the same bytes either way."""
    kept = BuildCache.open(cache)
    corpus, pages = generate(content, kept)
    report = write_pages(pages, out, kept.written(pages, out))
    kept.record_files(report.stats, out)
    kept.save()
    return corpus, report


def generate(content: Path, cache: BuildCache | None = None) -> tuple[Corpus, Pages]:
    """Every page of the site, in memory: validate, analyse, make the question bank, render. The analysis and
    the bank are worked out as render needs them: with a cache, a rebuild may need little of either."""
    corpus = load_corpus(content, cache)
    analysis = analyse(corpus)
    bank = partial(build_bank, corpus, analysis)
    return corpus, render_site(corpus, analysis, bank, cache)
