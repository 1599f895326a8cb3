"""What earlier builds learned, kept in build/cache/ so a rebuild after one edit redoes only what changed.

Everything is keyed by digests of its inputs, never by file times (a `git checkout` changes times, not content):

- validated articles, by the digest of the article file's bytes; and the fact that an article's quotes were
  found in its raw text, by the digests of both files;
- rendered pages, each with the key of everything it shows (see `render.py`), and the "facts key" of the build
  that made them: the digest of everything except the articles' summaries, key points and editor's notes, which
  only their own source pages show. When the facts key is unchanged, the overview, actor and quiz pages are too.

It is one SQLite database per builder version (a digest of the builder's code and libraries names its folder),
so a new version starts afresh and a save writes only the rows that changed, in one transaction. The cache is
only ever a shortcut: an unreadable one is ignored and replaced, `--no-cache` keeps none, and a build with or
without it makes the same bytes (tests/test_cache.py). Articles are stored as their JSON with a pickled line of
what a rebuild needs first (id, raw text path, facts digest); shared files' models as pickles. Pickles are written
by this builder into its own build folder and read only from there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

__all__ = ["DATABASE", "BuildCache", "KeptPage", "code_version", "digest"]

DATABASE = "cache.sqlite"
LIBRARIES = ("pydantic", "pydantic-core", "jinja2", "markupsafe", "pyyaml", "genanki")
M = TypeVar("M", bound=BaseModel)
KeptPage = tuple[str, str, str | bytes]  # key, the analysis part of the key ("" if none), the page
SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS quotes (article TEXT, raw TEXT, PRIMARY KEY (article, raw));
CREATE TABLE IF NOT EXISTS pages (path TEXT PRIMARY KEY, key TEXT NOT NULL, part TEXT NOT NULL, body NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL);
"""


def digest(*parts: bytes | str) -> str:
    """A short, stable digest of `parts` (separated, so ('ab', 'c') and ('a', 'bc') differ)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@cache
def code_version() -> str:
    """Digest of the builder's own source and templates, the Python version and the libraries' versions."""
    package = Path(__file__).parent
    parts: list[bytes | str] = [sys.version]
    for path in sorted([*package.glob("*.py"), *package.glob("templates/*.j2")]):
        parts += [path.name, path.read_bytes()]
    versions = library_versions(LIBRARIES)
    parts += [f"{name}={versions[name] or 'none'}" for name in LIBRARIES]
    return digest(*parts)


def library_versions(names: Sequence[str]) -> dict[str, str | None]:
    """The installed version of each distribution in `names` (None if it is not installed), as importers find
    them: the first `{name}-{version}.dist-info` folder on sys.path. importlib.metadata answers for any that is
    installed otherwise (an .egg-info, a zip); it is thorough, but takes longer to import (some 25 ms) than a
    small rebuild takes to run."""
    wanted = {_normal(name): name for name in names}
    found: dict[str, str | None] = {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if item.endswith(".dist-info"):
                name, _, version = item[: -len(".dist-info")].partition("-")
                key = wanted.get(_normal(name))
                if key is not None and key not in found and version:
                    found[key] = version
    missing = [name for name in names if name not in found]
    if missing:
        from importlib import metadata

        for name in missing:
            try:
                found[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                found[name] = None
    return found


def _normal(name: str) -> str:
    """A distribution name as packaging compares them (PEP 503), '-' for '_' and '.', in lower case."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class BuildCache:
    """The cache in `folder` (None: one that starts empty and is not kept)."""

    folder: Path | None = None
    facts_key: str = ""  # of the build that rendered `pages`
    shared_key: str = ""  # digest of the shared files the kept articles were checked against
    file_stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # written page -> (size, mtime_ns)
    # article file digest -> pickled (id, raw text path, facts digest, article JSON); a shared file's -> its models
    articles: dict[str, bytes] = field(default_factory=dict)
    quotes_found: set[tuple[str, str]] = field(default_factory=set)  # (article digest, raw text digest)
    pages: dict[str, KeptPage] = field(default_factory=dict)
    # what this build used or made, which is what `save` keeps
    used_articles: set[str] = field(default_factory=set, repr=False)
    new_articles: dict[str, bytes] = field(default_factory=dict, repr=False)
    used_quotes: set[tuple[str, str]] = field(default_factory=set, repr=False)
    kept_pages: dict[str, KeptPage] = field(default_factory=dict, repr=False)
    new_facts_key: str = ""
    new_shared_key: str = ""
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
                found.articles = dict(db.execute("SELECT key, value FROM articles"))
                found.quotes_found = set(db.execute("SELECT article, raw FROM quotes"))
                found.pages = {path: (key, part, body) for path, key, part, body in db.execute("SELECT * FROM pages")}
                meta = dict(db.execute("SELECT name, value FROM meta"))
                found.facts_key, found.shared_key = meta.get("facts", ""), meta.get("shared", "")
                found.file_stats = {path: (size, mtime) for path, size, mtime in db.execute("SELECT * FROM files")}
        except sqlite3.Error:
            return cls(folder)  # unreadable: build without it; `save` replaces it
        return found

    def _load(self, key: str) -> Any | None:
        stored = self.articles.get(key)
        if stored is None:
            return None
        try:
            found = pickle.loads(stored)
        except (EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
            return None
        self.used_articles.add(key)
        return found

    def _add(self, key: str, value: Any) -> None:
        if self.folder is not None:
            self.new_articles[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.used_articles.add(key)

    def models(self, key: str) -> Any | None:
        """The validated models of a shared file kept under `key` (its name and digest), if any."""
        return self._load(key)

    def add_models(self, key: str, models: Any) -> None:
        self._add(key, models)

    def article_summary(self, key: str) -> tuple[str, str, str] | None:
        """(id, raw text path, facts digest) of the article kept for the article file digest `key`, if any,
        without rebuilding the article itself (a rebuild after a summary edit needs only these)."""
        found = self._load(key)
        return None if found is None else (found[0], found[1], found[2])

    def article(self, key: str, model: type[M]) -> tuple[M, str] | None:
        """The validated article (a `model`) kept for the article file digest `key` and its facts digest, if any."""
        found = self._load(key)
        if found is None:
            return None
        try:
            return model.model_validate_json(found[3]), found[2]
        except ValidationError:
            return None

    def add_article(self, key: str, article_id: str, raw: str, facts: str, article_json: bytes) -> None:
        """Keep an article, as its JSON (`model_dump_json`), with its id, raw text path and facts digest."""
        self._add(key, (article_id, raw, facts, article_json if self.folder is not None else b""))

    def quotes_checked(self, key: tuple[str, str]) -> bool:
        """Whether every quote of the article file was found in the raw text (digests of both), in an earlier
        build or already in this one."""
        if key in self.quotes_found or key in self.used_quotes:
            self.used_quotes.add(key)
            return True
        return False

    def add_quotes(self, key: tuple[str, str]) -> None:
        self.used_quotes.add(key)

    def same_shared(self, shared_key: str) -> bool:
        """Whether the kept articles were checked against the same shared files; remembers it for `save`."""
        self.new_shared_key = shared_key
        return bool(self.shared_key) and self.shared_key == shared_key

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
        """Keep what this build used, writing only what changed: articles, quote checks and pages that this
        build did not use are dropped, and so are older builder versions' folders."""
        if self.folder is None or self.home is None:
            return
        self.home.mkdir(parents=True, exist_ok=True)
        try:
            self._write()
        except sqlite3.DatabaseError:  # a damaged database: write a new one with everything this build used
            for name in (DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm"):
                (self.home / name).unlink(missing_ok=True)
            everything = {**self.articles, **self.new_articles}
            self.new_articles = {key: everything[key] for key in self.used_articles if key in everything}
            self.articles, self.quotes_found, self.pages, self.facts_key = {}, set(), {}, ""
            self.shared_key, self.file_stats = "", {}
            self._write()
        for other in self.folder.iterdir():  # only folders this cache made: a version digest holding a database
            if other != self.home and re.fullmatch(r"[0-9a-f]{20}", other.name) and (other / DATABASE).is_file():
                shutil.rmtree(other)

    def _write(self) -> None:
        assert self.home is not None
        with _connect(self.home / DATABASE) as db:
            db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?)", self.new_articles.items())
            stale = [(key,) for key in self.articles if key not in self.used_articles]
            db.executemany("DELETE FROM articles WHERE key = ?", stale)
            db.executemany("INSERT OR IGNORE INTO quotes VALUES (?, ?)", self.used_quotes - self.quotes_found)
            db.executemany("DELETE FROM quotes WHERE article = ? AND raw = ?", self.quotes_found - self.used_quotes)
            changed = [(path, *page) for path, page in self.kept_pages.items() if self.pages.get(path) != page]
            db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)", changed)
            gone = [(path,) for path in self.pages if path not in self.kept_pages]
            db.executemany("DELETE FROM pages WHERE path = ?", gone)
            if self.new_facts_key != self.facts_key:
                db.execute("INSERT OR REPLACE INTO meta VALUES ('facts', ?)", (self.new_facts_key,))
            if self.new_shared_key != self.shared_key:
                db.execute("INSERT OR REPLACE INTO meta VALUES ('shared', ?)", (self.new_shared_key,))
            files = [(p, *stat) for p, stat in self.new_file_stats.items() if self.file_stats.get(p) != stat]
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", files)
            db.executemany(
                "DELETE FROM files WHERE path = ?", [(p,) for p in self.file_stats if p not in self.new_file_stats]
            )
        self.articles.update(self.new_articles)
        self.new_articles = {}


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
