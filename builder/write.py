"""Write stage: put rendered pages in the output folder, touching only what changed."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.runner import Pages, Written

__all__ = ["PageWriter", "Soon", "WriteReport", "write_pages"]

MARKER = ".generated-by-builder"
CATCH_UP_WAIT = 1.0  # seconds PageWriter.catch_up waits for another process's file creation (a millisecond or so)


@dataclass(frozen=True)
class WriteReport:
    """What a write did, for the build summary."""

    written: int
    unchanged: int
    removed: int
    stats: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)  # page -> (size, mtime_ns)


class PageWriter:
    """Writes pages one at a time into `out`, from this process or from a worker forked after `claim`: a file
    is written only if it does not already hold the page. `known(path, page)` gives the (size, mtime_ns) an
    earlier write recorded for the page's file if the page is the same as then (BuildCache.known_files), so
    that a file that still has them is taken as unchanged without being read."""

    def __init__(self, out: Path, known: Callable[[str, str | bytes], tuple[int, int] | None] | None = None) -> None:
        self.out = out
        self.root = os.fspath(out)
        self.known = known or (lambda path, page: None)
        self.folders = {self.root}  # folders known to exist
        self.done: dict[str, Written] = {}  # pages written (or found unchanged) so far, by whatever process
        self._lock: Any = None  # shared by the processes writing (share)
        self._waiting: list[Soon] = []  # pages given to soon(), not written yet

    def claim(self) -> None:
        """Make `out` if need be; refuse a folder the builder did not make (see write_pages)."""
        _claim(self.out)

    def share(self) -> None:
        """Get ready for pages written with soon() by several processes, forked after this: one process at a
        time creates files."""
        import multiprocessing

        self._lock = multiprocessing.get_context("fork").Lock()

    def soon(self, relative: str, content: str | bytes) -> Soon:
        """Write a page now, or later if another process (see share) is creating files. Creating a file can take
        a millisecond on some file systems (ext4 without a journal steps over every recently deleted inode),
        during which a second process creating one in the same folder would only wait. This process goes on
        with its work instead, and writes what waits when it next finds no other writing, or at catch_up(). The
        result holds the page's Written once it is written."""
        entry = Soon(relative, content)
        self._waiting.append(entry)
        if self._lock is None:
            self._write_waiting()
        elif self._lock.acquire(block=False):
            try:
                self._write_waiting()
            finally:
                self._lock.release()
        return entry

    def catch_up(self) -> None:
        """Write every page that soon() left waiting, waiting for another process if need be. The lock only keeps
        processes from creating files at the same moment: after CATCH_UP_WAIT, the pages are written all the
        same, so that a process killed while it held the lock cannot stall the others."""
        if not self._waiting:
            return
        locked = self._lock is not None and self._lock.acquire(timeout=CATCH_UP_WAIT)
        try:
            self._write_waiting()
        finally:
            if locked:
                self._lock.release()

    def _write_waiting(self) -> None:
        while self._waiting:
            entry = self._waiting[0]
            assert entry.content is not None
            entry.written = self(entry.relative, entry.content)
            entry.content = None  # written: no need to keep it (nor to send it to another process)
            del self._waiting[0]

    def __call__(self, relative: str, content: str | bytes) -> Written:
        # Plain string paths: at a thousand pages, pathlib's objects cost more than the writing itself.
        target = f"{self.root}/{relative}"
        try:
            found: os.stat_result | None = os.stat(target)
        except OSError:
            found = None
        if found is not None:
            known = self.known(relative, content)
            if known is not None and known == (found.st_size, found.st_mtime_ns):
                return False, known
        data = content.encode("utf-8") if isinstance(content, str) else content
        if found is not None and found.st_size == len(data) and Path(target).read_bytes() == data:
            return False, (found.st_size, found.st_mtime_ns)
        folder = os.path.dirname(target)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        if found is None:  # a new file: nothing to keep whole while it is written
            with open(target, "wb") as file:
                file.write(data)
        else:  # a changed file is replaced at once, so a reader (mkdocs serve) never sees it half written
            temporary = f"{folder}/.{os.path.basename(target)}.tmp"
            with open(temporary, "wb") as file:
                file.write(data)
            os.replace(temporary, target)
        found = os.stat(target)
        return True, (found.st_size, found.st_mtime_ns)


@dataclass
class Soon:
    """A page given to PageWriter.soon: `written` once it is written."""

    relative: str
    content: str | bytes | None
    written: Written | None = None


def write_pages(
    pages: Pages, out: Path, known: Mapping[str, tuple[int, int]] | None = None, writer: PageWriter | None = None
) -> WriteReport:
    """Write `pages` under `out`; files whose bytes are unchanged are left alone, stale files are removed.

    `known` gives, for pages whose content is what an earlier write put there, the (size, mtime_ns) their files
    had then: a file that still has them is taken as unchanged without being read. The report gives every
    page's (size, mtime_ns) after this write, for the next one. `writer`: a PageWriter for `out` (its own
    `known` then serves) that may have written some of the pages already (its `done`), as runner.run does
    while it renders.

    `out` must be a folder this function created (it holds a marker file), so a mistaken path can never
    make it delete someone's files.
    """
    found = known or {}
    writer = writer or PageWriter(out, lambda path, page: found.get(path))
    writer.claim()
    written = unchanged = 0
    stats: dict[str, tuple[int, int]] = {}
    for relative, content in sorted(pages.items()):
        done = writer.done.get(relative)
        wrote, stats[relative] = done if done is not None else writer(relative, content)
        written += wrote
        unchanged += not wrote
    return WriteReport(written, unchanged, _remove_stale(out, set(pages)), stats)


def _claim(out: Path) -> None:
    marker = out / MARKER
    if out.exists() and any(out.iterdir()) and not marker.exists():
        raise FileExistsError(f"{out} exists and was not made by the builder: choose an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    if not marker.exists():
        marker.write_text("This folder is generated by `python -m builder build`; edits here are lost.\n")


def _remove_stale(out: Path, keep: set[str]) -> int:
    """Remove the files under `out` that are not pages to keep (nor the marker), then the folders left empty."""
    removed = 0
    root = os.fspath(out)
    for folder, _, files in os.walk(root, topdown=False):  # a folder's subfolders before the folder itself
        inside = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if inside == "." else f"{inside}/"
        for name in files:
            if prefix + name not in keep and prefix + name != MARKER:
                os.unlink(os.path.join(folder, name))
                removed += 1
        if folder != root and not os.listdir(folder):
            os.rmdir(folder)
    return removed
