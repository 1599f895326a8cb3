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

__all__ = ["MIN_ITEMS", "map_parallel", "workers"]

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 64  # below this, starting processes costs more than it saves
_task: Callable[[Any], Any] | None = None  # the function the forked workers run, inherited from the parent


def workers() -> int:
    """How many processes to use: BUILDER_PROCESSES if set, else the cores this process may run on; 1 where
    forking is not safe: off Linux, and in a process running other threads (such as `mkdocs serve`), whose
    locks a forked child could inherit in a held state."""
    if sys.platform != "linux" or threading.active_count() > 1:
        return 1
    chosen = os.environ.get("BUILDER_PROCESSES", "")
    if chosen.isdigit() and int(chosen) > 0:
        return int(chosen)
    return max(1, len(os.sched_getaffinity(0)))


def map_parallel(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[function(item) for item in items], computed in forked worker processes when that pays off.
    `function` may be a closure: workers inherit it rather than receive it."""
    count = min(workers(), len(items) // (MIN_ITEMS // 2) or 1)
    if count < 2 or len(items) < MIN_ITEMS:
        return [function(item) for item in items]
    import multiprocessing  # only when there is work to share out

    global _task
    _task = function
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            chunk = max(1, len(items) // (count * 4))
            return pool.map(_run, items, chunksize=chunk)
    finally:
        _task = None


def _run(item: Any) -> Any:
    assert _task is not None, "map_parallel sets the task before forking"
    return _task(item)
