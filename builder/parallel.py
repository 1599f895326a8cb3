"""Spread independent work (parsing article files, rendering source pages) over the machine's cores.

Worker processes are forked, so they start with everything the parent has already loaded (the corpus, the
analysis, compiled templates) and only results travel back. Forking is used on Linux only: elsewhere, and for
small amounts of work where starting processes costs more than it saves, the work runs in this process. The
results are the same either way, in the same order.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["MIN_ITEMS", "map_parallel", "start_map", "workers"]

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 64  # below this, starting processes costs more than it saves
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


def map_parallel(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[function(item) for item in items], computed in forked worker processes when that pays off.
    `function` may be a closure: workers inherit it rather than receive it."""
    return start_map(function, items)()


def start_map(function: Callable[[T], R], items: Sequence[T]) -> Callable[[], list[R]]:
    """Start [function(item) for item in items] in forked worker processes, and return a function that waits for
    the results and gives them, in order. Until it is called, this process is free for other work, which the
    machine's cores then share with the workers. Where forking would not pay (or is not safe: see workers), the
    work is done, in this process, by the returned function.

    The workers are forked now: they see `function`, and everything it uses, as it is at this moment."""
    count = min(workers(), len(items) // (MIN_ITEMS // 2) or 1)
    if count < 2 or len(items) < MIN_ITEMS:
        return lambda: [function(item) for item in items]
    import multiprocessing  # only when there is work to share out

    # With "fork", a worker's initializer and its arguments are inherited, never pickled: closures are fine.
    pool = multiprocessing.get_context("fork").Pool(count, initializer=_start_worker, initargs=(function,))
    try:
        pending = pool.map_async(_run, items, chunksize=max(1, len(items) // (count * 4)))
    except BaseException:
        pool.terminate()
        raise

    def results() -> list[R]:
        try:
            return pending.get()
        finally:
            pool.terminate()  # every task has ended (or one failed): stop the workers

    return results


def _start_worker(function: Callable[[Any], Any]) -> None:
    global _task
    _task = function


def _run(item: Any) -> Any:
    assert _task is not None, "_start_worker sets the task when the worker starts"
    return _task(item)
