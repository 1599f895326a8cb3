"""Runner: make what the render stage planned. The one place that decides how: which pages come from the cache, which
are made in worker processes (builder/parallel.py) and which in this one, and when each is written
(write.PageWriter). Render says what to make; the runner neither knows nor cares what a page shows."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from builder.cache import BuildCache, KeptPage
from builder.parallel import forks, start_map

__all__ = ["LastBuild", "Make", "Pages", "Plan", "Reuse", "Written", "last_build", "run"]

Pages = dict[str, str | bytes]  # docs path ('sources/x.md') -> Markdown text, or a download's bytes
Written = tuple[bool, tuple[int, int]]  # whether a page's file was written (not already holding it), its stat


@dataclass(frozen=True)
class Make:
    """A page to make: `make` gives it with its key and part (see BuildCache.keep_page). `last`: best made by this
    process, which will have worked out what it needs for its own pages (actor profiles, the question bank)."""

    path: str
    make: Callable[[], KeptPage]
    last: bool = False


@dataclass(frozen=True)
class Reuse:
    """A page taken from the cache as it is."""

    path: str
    page: KeptPage


Entry = Make | Reuse


@dataclass(frozen=True)
class Plan:
    """What to make, in page order: `shared`, whose pages may be made in worker processes, and `own`, worked out
    by this process (the overview and quiz pages, say) once the workers have started. `facts_key`: the digest of
    the facts the pages show, kept for the next build (LastBuild)."""

    facts_key: str
    shared: list[Entry] = field(default_factory=list)
    own: Callable[[], list[Entry]] = list


@dataclass(frozen=True)
class LastBuild:
    """What the last build made, for render to compare with: the facts key of its pages, and the pages, each with
    its key (path -> KeptPage). Empty for a build from scratch."""

    facts_key: str = ""
    pages: Mapping[str, KeptPage] = field(default_factory=dict)


def last_build(cache: BuildCache) -> LastBuild:
    return LastBuild(cache.facts_key, cache.pages)


class Soon(Protocol):
    """A page given to PageWrite.soon: `written` once it is written."""

    written: Written | None


class PageWrite(Protocol):
    """What the runner writes pages with (write.PageWriter)."""

    done: dict[str, Written]

    def share(self) -> None: ...

    def soon(self, relative: str, content: str | bytes) -> Soon: ...

    def catch_up(self) -> None: ...


Made = tuple[KeptPage, Soon | None]


def run(plan: Plan, cache: BuildCache, write: PageWrite | None = None) -> Pages:
    """Every page of the plan, keyed by docs path, in page order; each one made is kept in `cache`. The pages of
    `plan.shared` are shared out between worker processes and this one when there are many: the workers start at
    the front, and this process, once its own pages are made, takes from the back (the `last` pages go there).
    With `write` (a write.PageWriter, claimed), each page made is written by the process that made it, at once,
    or a little later if another process is creating a file. Pages reused are left for write.write_pages."""
    cache.record_facts(plan.facts_key)
    pages: Pages = {}
    made: list[tuple[str, Made]] = []

    def place(entries: list[Entry]) -> list[Make]:
        for entry in entries:
            pages[entry.path] = entry.page[2] if isinstance(entry, Reuse) else ""
            if isinstance(entry, Reuse):
                cache.keep_page(entry.path, entry.page)
        return [entry for entry in entries if isinstance(entry, Make)]

    def finish(job: Make) -> Made:
        kept = job.make()
        return kept, None if write is None else write.soon(job.path, kept[2])

    makes = place(plan.shared)
    jobs = [job for job in makes if not job.last] + [job for job in makes if job.last]
    if write is not None and forks(len(jobs)):
        write.share()
    theirs = start_map(lambda i: finish(jobs[i]), range(len(jobs)), None if write is None else write.catch_up)
    try:
        made += [(job.path, finish(job)) for job in place(plan.own())]
    except BaseException:
        theirs(cancel=True)  # stop the workers: their pages are no longer wanted
        raise
    made += zip((job.path for job in jobs), theirs(), strict=True)
    if write is not None:
        write.catch_up()
    for path, (kept, soon) in made:
        pages[path] = kept[2]
        cache.keep_page(path, kept)
        if write is not None and soon is not None:
            assert soon.written is not None, f"{path} was not written"
            write.done[path] = soon.written
    return pages
