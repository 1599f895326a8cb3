"""What earlier builds learned, kept in build/cache/ so a rebuild after one edit redoes only what changed.

Everything is kept under a key (builder/keys.py): a digest of exactly the inputs it was made from.

- results: what a stage asked the runner to work out for each of many items (runner.each), such as a parsed and
  validated article under the digest of its file's bytes;
- rendered pages, each with the key of everything it shows (see `render.py`), and the "facts key" of the build
  that made them: the digest of everything except the articles' summaries, key points and editor's notes, which
  only their own source pages show. When the facts key is unchanged, the overview, actor and quiz pages are too;
- the size and time of each page file written, so that an unchanged file need not be read to be compared.

It is one SQLite database per builder version (a digest of the builder's code and libraries names its folder),
so a new version starts afresh and a save writes only the rows that changed, in one transaction. The cache is
only ever a shortcut: an unreadable one is ignored and replaced, `--no-cache` keeps none, and a build with or
without it makes the same bytes (tests/test_cache.py). Results are kept as pickles, written by this builder into
its own build folder and read only from there. Nothing is saved by a build that fails.
"""

from __future__ import annotations

import pickle
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.keys import code_version

__all__ = ["DATABASE", "MISSING", "BuildCache", "KeptPage"]

DATABASE = "cache.sqlite"
KeptPage = tuple[str, str, str | bytes]  # key, the analysis part of the key ("" if none), the page
SCHEMA = """
CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pages (path TEXT PRIMARY KEY, key TEXT NOT NULL, part TEXT NOT NULL, body NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL);
"""
MISSING = object()  # what `result` gives for a key that nothing is kept under


@dataclass
class BuildCache:
    """The cache in `folder` (None: one that starts empty and is not kept)."""

    folder: Path | None = None
    facts_key: str = ""  # of the build that rendered `pages`
    file_stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # written page -> (size, mtime_ns)
    results: dict[str, bytes] = field(default_factory=dict)  # key -> pickled result
    pages: dict[str, KeptPage] = field(default_factory=dict)
    # what this build used or made, which is what `save` keeps
    used_results: set[str] = field(default_factory=set, repr=False)
    new_results: dict[str, bytes] = field(default_factory=dict, repr=False)
    kept_pages: dict[str, KeptPage] = field(default_factory=dict, repr=False)
    new_facts_key: str = ""
    new_file_stats: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)

    @property
    def home(self) -> Path | None:
        """This builder version's own subfolder."""
        return None if self.folder is None else self.folder / code_version()[:20]

    @classmethod
    def open(cls, folder: Path | None) -> BuildCache:
        """The cache kept in `folder`, or an empty one if there is none yet or it cannot be read."""
        found = cls(folder)
        if found.home is None or not (found.home / DATABASE).is_file():
            return found
        try:
            with _connect(found.home / DATABASE) as db:
                found.results = dict(db.execute("SELECT key, value FROM results"))
                found.pages = {path: (key, part, body) for path, key, part, body in db.execute("SELECT * FROM pages")}
                found.facts_key = dict(db.execute("SELECT name, value FROM meta")).get("facts", "")
                found.file_stats = {path: (size, mtime) for path, size, mtime in db.execute("SELECT * FROM files")}
        except sqlite3.Error:
            return cls(folder)  # unreadable: build without it; `save` replaces it
        return found

    def result(self, key: str) -> Any:
        """The result kept under `key`, or MISSING (also for one that can no longer be read: a damaged row, or
        one whose unpickling refuses what it finds, as a parsed article does when its JSON is no longer valid)."""
        stored = self.results.get(key)
        if stored is None:
            return MISSING
        try:
            found = pickle.loads(stored)
        except (EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
            return MISSING
        self.used_results.add(key)
        return found

    def keep_result(self, key: str, value: Any) -> None:
        """Keep a result this build made under `key`."""
        if self.folder is not None:
            self.new_results[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.used_results.add(key)

    def known_files(self, folder: Path) -> Callable[[str, str | bytes], tuple[int, int] | None]:
        """A function giving, for a page and its content, the (size, mtime_ns) recorded when the last build wrote
        or checked the page's file in `folder`, if the content is the same now (else None): if the file still has
        them, it holds that content and need not be read to be compared (write.PageWriter)."""
        prefix = f"{folder.resolve()}/"

        def known(path: str, page: str | bytes) -> tuple[int, int] | None:
            stat = self.file_stats.get(prefix + path)
            kept = self.pages.get(path)
            return stat if stat is not None and kept is not None and kept[2] == page else None

        return known

    def record_files(self, stats: Mapping[str, tuple[int, int]], folder: Path) -> None:
        """Remember the (size, mtime_ns) of the pages just written to `folder`, for known_files."""
        prefix = f"{folder.resolve()}/"
        self.new_file_stats = {prefix + path: stat for path, stat in stats.items()}

    def record_facts(self, facts_key: str) -> None:
        """Remember the facts key of the pages this build keeps, for `save`."""
        self.new_facts_key = facts_key

    def keep_page(self, path: str, page: KeptPage) -> None:
        self.kept_pages[path] = page

    def save(self) -> None:
        """Keep what this build used, writing only what changed: results and pages that this build did not use
        are dropped, and so are older builder versions' folders."""
        if self.folder is None or self.home is None:
            return
        self.home.mkdir(parents=True, exist_ok=True)
        try:
            self._write()
        except sqlite3.DatabaseError:  # a damaged database: write a new one with everything this build used
            for name in (DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm"):
                (self.home / name).unlink(missing_ok=True)
            everything = {**self.results, **self.new_results}
            self.new_results = {key: everything[key] for key in self.used_results if key in everything}
            self.results, self.pages, self.facts_key, self.file_stats = {}, {}, "", {}
            self._write()
        for other in self.folder.iterdir():  # only folders this cache made: a version digest holding a database
            if other != self.home and re.fullmatch(r"[0-9a-f]{20}", other.name) and (other / DATABASE).is_file():
                shutil.rmtree(other)

    def _write(self) -> None:
        assert self.home is not None
        with _connect(self.home / DATABASE) as db:
            db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self.new_results.items())
            stale = [(key,) for key in self.results if key not in self.used_results]
            db.executemany("DELETE FROM results WHERE key = ?", stale)
            changed = [(path, *page) for path, page in self.kept_pages.items() if self.pages.get(path) != page]
            db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)", changed)
            gone = [(path,) for path in self.pages if path not in self.kept_pages]
            db.executemany("DELETE FROM pages WHERE path = ?", gone)
            if self.new_facts_key != self.facts_key:
                db.execute("INSERT OR REPLACE INTO meta VALUES ('facts', ?)", (self.new_facts_key,))
            files = [(p, *stat) for p, stat in self.new_file_stats.items() if self.file_stats.get(p) != stat]
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", files)
            db.executemany(
                "DELETE FROM files WHERE path = ?", [(p,) for p in self.file_stats if p not in self.new_file_stats]
            )
        self.results.update(self.new_results)
        self.new_results = {}


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection for one transaction: committed at the end of the `with` block, rolled back on an error."""
    db = sqlite3.connect(path, timeout=30)
    try:
        # The tables of a new database in one transaction, not one each: every commit waits for the disk.
        db.executescript(f"BEGIN; {SCHEMA} COMMIT;")
        with db:
            yield db
    finally:
        db.close()
