"""The whole build, one line per stage: load, validate, analyse, questions, render, then the runner and write.

Each stage is a function over typed values, in the module named for it. Only load reads files and only write
writes them; what is kept from earlier builds and what runs in worker processes is the runner's to decide
(builder/runner.py): validate and render only give a key with each thing they ask for. Publishing the site with
MkDocs is separate (builder/publish.py). README.md, "How the builder works", draws it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import NamedTuple

from builder import runner
from builder.analyse import analyse
from builder.cache import BuildCache
from builder.load import load
from builder.model import Guide
from builder.questions import build_bank
from builder.render import plan_site
from builder.stale import Stale, may_be_stale
from builder.validate import Corpus, validate
from builder.write import PageWriter, WriteReport, write_pages

__all__ = ["Generated", "build", "check", "generate", "read_guide"]


class Generated(NamedTuple):
    """The pages of the site, how many articles they were made from, and the hand-written passages that a new
    article may have made false (builder/stale.py)."""

    articles: int
    pages: runner.Pages
    stale: tuple[Stale, ...] = ()


def check(content: Path, cache: Path | None = None) -> Corpus:
    """Load and validate the content; raises ContentError with every problem. With `cache`, articles parsed by an
    earlier build are taken from it."""
    with _collector_paused():
        return validate(load(content), runner.each(BuildCache.open(cache)))


def read_guide(content: Path) -> Guide:
    """The guide's own settings (guide.yaml), once the content has passed its checks (a build or check ran)."""
    from builder.load import load_document

    document = load_document(content / "guide.yaml", f"{content.name}/guide.yaml")
    return Guide.model_validate(document.data)


def build(
    content: Path, out: Path, cache: Path | None = None, stale: list[Stale] | None = None
) -> tuple[int, WriteReport]:
    """Validate `content` and write the generated Markdown to `out`; the number of articles and what was written.
    Nothing is written if validation fails. `stale`, if given, receives the passages that may be stale.

    `cache` is a folder for what this build learns, so the next one redoes only what changed (builder/cache.py);
    None builds everything from scratch. The output is the same bytes either way."""
    kept = BuildCache.open(cache)
    writer = PageWriter(out, kept.known_files(out))
    with _collector_paused():
        articles, pages, passages = generate(content, kept, writer)  # load, validate, analyse, questions, render
        report = write_pages(pages, out, writer=writer)  # write: what the runner has not written yet
        kept.record_files(report.stats, out)
        kept.save()
    if stale is not None:
        stale.extend(passages)
    return articles, report


def generate(content: Path, cache: BuildCache | None = None, writer: PageWriter | None = None) -> Generated:
    """Every page of the site, in memory. With `cache`, what an earlier build made from the same inputs is taken
    from it; with `writer`, pages are written as they are made, once the content has passed every check."""
    cache = cache or BuildCache()  # one that starts empty and is not kept: everything is made
    inputs = load(content)  # every file's bytes
    corpus = validate(inputs, runner.each(cache))  # typed and cross-checked, or ContentError with every problem
    stale = may_be_stale(inputs.shared, corpus)  # hand-written passages that a new article may have made false
    del inputs  # the article files' bytes are not needed past here (4 MB at a thousand articles)
    analysis = analyse(corpus)  # worked out as pages ask for it
    bank = partial(build_bank, corpus, analysis)  # the question bank, made only if a quiz page must be
    plan = plan_site(corpus, analysis, bank, runner.last_build(cache))  # every page: path, key, how to make it
    pages = runner.run(plan, cache, writer)  # made, kept from the cache, written
    return Generated(len(corpus.articles), pages, tuple(stale))


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
