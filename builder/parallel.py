"""Spread independent work (parsing article files; rendering actor pages, source pages and downloads) over the
machine's cores.

Worker processes are forked, so they start with everything the parent has already loaded (the corpus, the
analysis, compiled templates) and only results travel back; the parent joins in once its own work is done
(start_map). Forking is used on Linux only: elsewhere, and for small amounts of work where starting processes
costs more than it saves, the work runs in this process. The results are the same either way, in the same order.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

__all__ = ["MIN_ITEMS", "Results", "forks", "start_map", "workers"]

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 64  # below this, starting processes costs more than it saves
SWITCH_INTERVAL = 0.0002  # seconds (Python's default is 0.005): see start_map
RESULTS_PIPE = 1 << 20  # bytes the pipe bringing the workers' results may hold: see _widen_results_pipe
_task: Callable[[Any], Any] | None = None  # in a worker: the function it runs (set by _start_worker)


def workers() -> int:
    """How many processes to use: BUILDER_PROCESSES if set, else the cores this process may run on; 1 where
    forking is not safe: off Linux, and in a process running other threads (such as `mkdocs serve`, or one
    whose workers are busy with start_map), whose locks a forked child could inherit in a held state."""
    if sys.platform != "linux" or threading.active_count() > 1:
        return 1
    chosen = os.environ.get("BUILDER_PROCESSES", "")
    if chosen.isdigit() and int(chosen) > 0:
        return int(chosen)
    return max(1, len(os.sched_getaffinity(0)))


def forks(items: int) -> bool:
    """Whether start_map would share out this many items to worker processes (and not do them all here)."""
    return _worker_count(items) > 0


def _worker_count(items: int) -> int:
    count = min(workers() - 1, items // (MIN_ITEMS // 2))
    return count if count >= 1 and items >= MIN_ITEMS else 0


class Results(Generic[R]):
    """Work begun by start_map: call it for the results, or with cancel=True when they are no longer wanted (the
    workers stop, and nothing is returned)."""

    def __init__(self, get: Callable[[bool], list[R]]) -> None:
        self._get = get

    def __call__(self, cancel: bool = False) -> list[R]:
        return self._get(cancel)


def start_map(
    function: Callable[[T], R],
    items: Sequence[T],
    after_share: Callable[[], None] | None = None,
    receive: Callable[[R], None] | None = None,
) -> Results[R]:
    """Start [function(item) for item in items] in forked worker processes, and return a function that gives the
    results, in order. Until it is called, this process is free for work of its own; then it joins in, taking
    the items no worker has started yet (from the end, while the workers go from the start), so the work is
    shared out well however long the other work took. One worker fewer than the cores is started, as this
    process takes a core. Where forking would not pay (or is not safe: see workers), the returned function does
    all the work, in this process.

    `after_share`, if given, is called in the process that did a share of the items, after it and before its
    results are sent: for work that `function` may leave until later (see write.PageWriter.soon).

    `receive`, if given, is called in this process with each result a worker made, as soon as this process has
    it: between the items it does itself, or while it waits for the last ones. It can finish what the results
    need in this process while the workers are still busy, instead of after.

    The workers are forked now: they see `function`, and everything it uses, as it is at this moment."""
    count = _worker_count(len(items))
    if count < 1:
        return Results(lambda cancel: [] if cancel else _here(function, items, after_share))
    return Results(_Shared(function, items, after_share, receive, count).results)


class _Shared(Generic[T, R]):
    """start_map's work shared out: the items in chunks, each taken by the first process to ask for it."""

    def __init__(
        self,
        function: Callable[[T], R],
        items: Sequence[T],
        after_share: Callable[[], None] | None,
        receive: Callable[[R], None] | None,
        count: int,
    ) -> None:
        import multiprocessing  # only when there is work to share out

        context = multiprocessing.get_context("fork")
        self.function, self.items, self.after_share, self.receive = function, items, after_share, receive
        size = max(1, len(items) // ((count + 1) * 16))
        self.chunks = [range(start, min(start + size, len(items))) for start in range(0, len(items), size)]
        self.taken = context.RawArray("b", len(self.chunks))  # shared: 1 once a process has taken the chunk
        self.lock = context.Lock()
        self.theirs: list[list[R] | None] = [None] * len(self.chunks)
        self.taken_in = [False] * len(self.chunks)
        # With "fork", a worker's initializer and its arguments are inherited, never pickled: closures are fine.
        self.pool: Any = context.Pool(count, initializer=_start_worker, initargs=(self.run,))
        _widen_results_pipe(self.pool)
        # The pool's threads in this process pass tasks out and take results in; while this process's own work
        # holds the interpreter, a worker whose results wait to be read stalls. Switching threads more often (as
        # long as the workers run) keeps the workers going.
        self.interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        # The worker processes as started: a killed one (out of memory, say) would leave its task undone and the
        # pool waiting for ever, so take_in watches them. (Pool keeps them in its private `_pool` list.)
        self.started: list[Any] = list(getattr(self.pool, "_pool", []))
        try:
            self.tasks = [self.pool.apply_async(_run, (chunk,)) for chunk in range(len(self.chunks))]
        except BaseException:
            self._stop()
            raise

    def take(self, chunk: int) -> bool:
        with self.lock:
            if self.taken[chunk]:
                return False
            self.taken[chunk] = 1
            return True

    def run(self, chunk: int) -> list[R] | None:
        """A chunk's results, if this process is the first to take it (None if another one did)."""
        if not self.take(chunk):
            return None
        return _here(self.function, [self.items[i] for i in self.chunks[chunk]], self.after_share)

    def take_in(self, wait: bool) -> None:
        """Take in the chunks the workers have finished (every chunk, if `wait`), passing results to `receive`; a
        worker's exception is raised here."""
        for chunk, task in enumerate(self.tasks):
            if self.taken_in[chunk]:
                continue
            while wait and not task.ready():
                task.wait(0.1)
                if not task.ready() and any(process.exitcode is not None for process in self.started):
                    raise RuntimeError("a worker process ended before its work was done (killed, or out of memory?)")
            if task.ready():
                self.taken_in[chunk] = True
                self.theirs[chunk] = done = task.get()
                if self.receive is not None and done is not None:
                    for result in done:
                        self.receive(result)

    def results(self, cancel: bool) -> list[R]:
        """This process takes the chunks no worker has started yet, from the end; then every result, in order."""
        try:
            if cancel:
                return []
            mine: list[list[R] | None] = [None] * len(self.chunks)
            for chunk in reversed(range(len(self.chunks))):
                mine[chunk] = self.run(chunk)
                self.take_in(wait=False)
            self.take_in(wait=True)
        finally:
            self._stop()  # every task has ended (or one failed): stop the workers
        found: list[R] = []
        for chunk, done in enumerate(a if a is not None else b for a, b in zip(mine, self.theirs, strict=True)):
            assert done is not None, f"chunk {chunk} was taken by no process"
            found += done
        return found

    def _stop(self) -> None:
        sys.setswitchinterval(self.interval)
        self.pool.terminate()
        # The pool holds this object (its workers' initializer argument): letting the pool go breaks the cycle, which
        # only the garbage collector could free, and builds pause it (pipeline._collector_paused). Without that,
        # what `function` uses (every article file's bytes, say) would be kept to the end of the build.
        self.pool = None


def _widen_results_pipe(pool: Any) -> None:
    """Let a worker send a chunk's results (some 500 KB of pages at a thousand articles) without waiting for this
    process to read them. A Linux pipe holds 64 KB, and the thread of this process that reads it must wait for the
    interpreter, which this process's own work holds (see SWITCH_INTERVAL): workers spent a sixth of their time
    waiting, 64 KB at a time. RESULTS_PIPE is asked for, or the system's limit if lower (pipe-max-size). Best
    effort: the pool's result queue is private, and where it cannot be found the pipe keeps its size."""
    import fcntl  # POSIX only; workers are forked on Linux only (see workers)

    writer = getattr(getattr(pool, "_outqueue", None), "_writer", None)
    resize = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux only
    if writer is None or resize is None:
        return
    try:
        with open("/proc/sys/fs/pipe-max-size") as limit:
            size = min(RESULTS_PIPE, int(limit.read()))
    except (OSError, ValueError):
        size = RESULTS_PIPE
    with contextlib.suppress(OSError):  # not allowed: the workers only wait more often
        fcntl.fcntl(writer.fileno(), resize, size)


def _here(function: Callable[[T], R], items: Sequence[T], after: Callable[[], None] | None) -> list[R]:
    found = [function(item) for item in items]
    if after is not None:
        after()
    return found


def _start_worker(function: Callable[[Any], Any]) -> None:
    global _task
    _task = function


def _run(item: Any) -> Any:
    assert _task is not None, "_start_worker sets the task when the worker starts"
    return _task(item)
