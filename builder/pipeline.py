"""The whole build, one line per stage: load and validate, analyse, question bank, render, write."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import NamedTuple

from builder.cache import BuildCache
from builder.runner import Pages, last_build, run
from builder.validate import Corpus, load_corpus, quick_corpus
from builder.write import PageWriter, WriteReport, write_pages

# The later stages (analyse, questions, render: Jinja among them) are imported where they are first needed, not
# here: a full build imports them while worker processes parse the articles (_prepare_rendering), and `check`
# never needs them.

__all__ = ["Generated", "build", "check", "generate"]


class Generated(NamedTuple):
    """The pages of the site, and how many articles they were made from."""

    articles: int
    pages: Pages


def check(content: Path, cache: Path | None = None) -> Corpus:
    """Load and validate the content; raises ContentError with every problem."""
    with _collector_paused():
        return load_corpus(content, BuildCache.open(cache))


def build(content: Path, out: Path, cache: Path | None = None) -> tuple[int, WriteReport]:
    """Validate `content` and write the generated Markdown to `out`; the number of articles and what was written.
    Nothing is written if validation fails.

    `cache` is a folder for what this build learns, so the next one redoes only what changed (builder/cache.py);
    None builds everything from scratch. The output is the same bytes either way."""
    kept = BuildCache.open(cache)
    writer = PageWriter(out, kept.known_files(out))
    with _collector_paused():
        articles, pages = generate(content, kept, writer)
        report = write_pages(pages, out, writer=writer)
        kept.record_files(report.stats, out)
        kept.save()
    return articles, report


def generate(content: Path, cache: BuildCache | None = None, writer: PageWriter | None = None) -> Generated:
    """Every page of the site, in memory: validate, analyse, make the question bank, render. The analysis and
    the bank are worked out as render needs them: with a cache, a rebuild may need little of either.

    First, with a cache, the fast path: if only summaries, key points or editor's notes changed since the last
    build, only the changed articles are read and only their source pages rendered (validate.quick_corpus).

    `writer`: pages are written as they are rendered, once the content has passed every check (runner.run)."""
    cache = cache or BuildCache()  # one that starts empty and is not kept: every page is made
    quick = quick_corpus(content, cache)  # only the changed articles, if only what their own pages show changed
    corpus = quick[0] if quick else load_corpus(content, cache, meanwhile=_prepare_rendering)
    if writer is not None:
        writer.claim()
    from builder.analyse import analyse
    from builder.questions import build_bank
    from builder.render import plan_site

    analysis = analyse(corpus)
    bank = _no_bank if quick else partial(build_bank, corpus, analysis)  # worked out only if a page needs it
    plan = plan_site(corpus, analysis, bank, last_build(cache), changed_only=quick is not None)
    return Generated(quick[1] if quick else len(corpus.articles), run(plan, cache, writer))


def _prepare_rendering() -> None:
    """Import the later stages (Jinja among them) and load every compiled template. load_corpus does it while
    worker processes parse the articles (see its `meanwhile`), so that the time it takes is shared with them;
    `check` never needs it."""
    for stage in ("builder.analyse", "builder.questions"):
        importlib.import_module(stage)
    from builder.render import load_templates

    load_templates()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for a build (and resumed after, as it was: `mkdocs serve` runs
    builds in a long-lived process). A build makes millions of small objects and keeps most of them to the end,
    so the collector would walk them again and again and find almost nothing: at 1000 articles that is about
    a fifth of the build's time. Peak memory is not changed measurably (bench/bench.py prints it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _no_bank() -> tuple[()]:
    raise AssertionError("with unchanged facts the quiz pages come from the cache")
