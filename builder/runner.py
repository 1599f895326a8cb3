"""Runner: work out what the stages ask for. The one place that decides how: what comes from the cache
(builder/cache.py), what is made in worker processes (builder/parallel.py) and what in this one, and when each page
is written (write.PageWriter). Validate asks for each article file parsed (`each`), render for every page (`run`);
both give a key with each, a digest of exactly what it is made from, and the runner neither knows nor cares what
they are."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from builder.cache import MISSING, BuildCache, KeptPage
from builder.parallel import forks, start_map

__all__ = ["LastBuild", "Output", "Pages", "Plan", "Written", "each", "last_build", "run"]

T = TypeVar("T")

Pages = dict[str, str | bytes]  # docs path ('sources/x.md') -> Markdown text, or a download's bytes
Written = tuple[bool, tuple[int, int]]  # whether a page's file was written (not already holding it), its stat


@dataclass(frozen=True)
class Output:
    """A page to have: its docs path, its key (a digest of exactly what it shows; None for a page that the last build
    did not make, whose key `make` works out) and `make`, which makes it with its key and its part (see
    BuildCache.keep_page). `last`: best made by this process, which will have worked out what it needs for its own
    pages (actor profiles, the question bank)."""

    path: str
    key: str | None
    make: Callable[[], KeptPage]
    last: bool = False


@dataclass(frozen=True)
class Plan:
    """The pages of the site, as render plans them: the source pages (`sources`), which are kept with their view of
    the analysis as their part, and pages that show facts only, keyed by `facts_key` or by less. When the last build
    had the same facts, the runner keeps all of those as they were, and neither `facts_pages` (more pages for the
    workers: actor pages, downloads) nor `own` (this process's pages: overview and quiz) is called; `own` is called
    once the workers have started."""

    facts_key: str
    sources: list[Output]
    facts_pages: Callable[[], list[Output]] = list
    own: Callable[[], list[Output]] = list


@dataclass(frozen=True)
class LastBuild:
    """What render needs to know of the last build: the facts key of its pages, and each source page's part (its
    view of the analysis, current when the facts key is the same). Empty for a build from scratch."""

    facts_key: str = ""
    views: Mapping[str, str] = field(default_factory=dict)


def each(cache: BuildCache) -> Callable[[Callable[[T], Any], Sequence[T], Sequence[str]], list[Any]]:
    """A function giving [function(item) for item in items] (the `each` of validate.validate): a result kept in
    `cache` under the item's key is taken from there; the rest are worked out in worker processes when there are
    many, and kept under their keys."""

    def each_kept(function: Callable[[T], Any], items: Sequence[T], keys: Sequence[str]) -> list[Any]:
        results = [cache.result(key) for key in keys]
        todo = [i for i, result in enumerate(results) if result is MISSING]
        for i, result in zip(todo, start_map(lambda i: function(items[i]), todo)(), strict=True):
            results[i] = result
            cache.keep_result(keys[i], result)
        return results

    return each_kept


def last_build(cache: BuildCache) -> LastBuild:
    return LastBuild(cache.facts_key, {path: kept[1] for path, kept in cache.pages.items() if kept[1]})


class Soon(Protocol):
    """A page given to PageWrite.soon: `written` once it is written."""

    written: Written | None


class PageWrite(Protocol):
    """What the runner writes pages with (write.PageWriter)."""

    done: dict[str, Written]

    def claim(self) -> None: ...

    def share(self) -> None: ...

    def soon(self, relative: str, content: str | bytes) -> Soon: ...

    def catch_up(self) -> None: ...


Made = tuple[KeptPage, Soon | None]


def run(plan: Plan, cache: BuildCache, write: PageWrite | None = None) -> Pages:
    """Every page of the plan, keyed by docs path; each is kept in `cache`. A page whose key is that of the page the
    last build made at its path is taken from the cache; so are all the pages that show facts only when the facts
    are unchanged. The rest are made: shared out between worker processes and this one when there are many (the
    workers start at the front, and this process, once its own pages are made, takes from the back, where the
    `last` pages go). With `write` (a write.PageWriter, claimed), each page made is written by the process that made
    it, at once, or a little later if another process is creating a file. Pages kept are left for write_pages.
    Nothing is written before `write` is claimed, here: the content has passed every check by now."""
    if write is not None:
        write.claim()
    cache.record_facts(plan.facts_key)
    same_facts = bool(cache.pages) and cache.facts_key == plan.facts_key
    last = cache.pages  # what the last build made, by path
    pages: Pages = {}
    made: list[tuple[str, Made]] = []

    def keep(path: str, kept: KeptPage) -> None:
        pages[path] = kept[2]
        cache.keep_page(path, kept)

    def to_make(outputs: list[Output]) -> list[Output]:
        """The outputs whose pages must be made; the others are kept."""
        jobs = []
        for output in outputs:
            if output.path in pages:  # the validator refuses ids that would do this (paths.RESERVED): a code error
                raise ValueError(f"two pages of the plan have the path {output.path}: the later would replace it")
            previous = last.get(output.path)
            if previous is not None and output.key == previous[0]:
                keep(output.path, previous)
            else:
                pages[output.path] = ""  # its place, so that pages come in plan order whatever the cache holds
                jobs.append(output)
        return jobs

    def finish(job: Output) -> Made:
        kept = job.make()
        return kept, None if write is None else write.soon(job.path, kept[2])

    makes = to_make(plan.sources + ([] if same_facts else plan.facts_pages()))
    jobs = [job for job in makes if not job.last] + [job for job in makes if job.last]
    if write is not None and forks(len(jobs)):
        write.share()
    theirs = start_map(lambda i: finish(jobs[i]), range(len(jobs)), None if write is None else write.catch_up)
    try:
        if same_facts:
            for path, kept in last.items():
                if not kept[1]:  # a page that shows facts only (a source page's part is its view)
                    keep(path, kept)
        else:
            made += [(job.path, finish(job)) for job in to_make(plan.own())]
    except BaseException:
        theirs(cancel=True)  # stop the workers: their pages are no longer wanted
        raise
    made += zip((job.path for job in jobs), theirs(), strict=True)
    if write is not None:
        write.catch_up()
    for path, (kept, soon) in made:
        keep(path, kept)
        if write is not None and soon is not None:
            assert soon.written is not None, f"{path} was not written"
            write.done[path] = soon.written
    return pages
