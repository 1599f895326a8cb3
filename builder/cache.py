"""What earlier builds learned, kept in build/cache/ so a rebuild after one edit redoes only what changed.

Two things are kept, both keyed by digests of their inputs, never by file times (a `git checkout` changes
times, not content):

- validated articles, by the digest of the article file's bytes; and the fact that an article's quotes were
  found in its raw text, by the digests of both files;
- rendered pages, by a digest of everything the page shows (see `render.py` for what goes into each key).

The cache is only ever a shortcut: it is thrown away whole when the builder's code or libraries change (its
version key digests them), when it cannot be read, or when `--no-cache` is given; a build without it makes the
same bytes. It is a pickle, written by this builder into its own build folder, and read only from there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["BuildCache", "digest"]

FILE_NAME = "builder-cache.pickle"
LIBRARIES = ("pydantic", "pydantic-core", "jinja2", "markupsafe", "pyyaml", "genanki")


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
    for path in sorted([*package.glob("*.py"), *package.glob("templates/*")]):
        parts += [path.name, path.read_bytes()]
    for name in LIBRARIES:
        try:
            parts.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name}=none")
    return digest(*parts)


@dataclass
class BuildCache:
    """An in-memory cache, loaded from and saved to `folder` (None: a cache that starts empty and is not kept)."""

    folder: Path | None = None
    articles: dict[str, Any] = field(default_factory=dict)  # article file digest -> validated Article
    quotes_found: set[tuple[str, str]] = field(default_factory=set)  # (article digest, raw text digest)
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # docs path -> (key, Markdown)
    used_articles: set[str] = field(default_factory=set, repr=False)
    used_quotes: set[tuple[str, str]] = field(default_factory=set, repr=False)
    kept_pages: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)

    @classmethod
    def open(cls, folder: Path | None) -> BuildCache:
        """The cache kept in `folder`, or an empty one if there is none or it is from another builder version."""
        found = cls(folder)
        if folder is None:
            return found
        try:
            with (folder / FILE_NAME).open("rb") as stream:
                version, articles, quotes_found, pages = pickle.load(stream)
        except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
            return found  # no cache yet, or an unreadable one: build without it
        if version == code_version():
            found.articles, found.quotes_found, found.pages = articles, quotes_found, pages
        return found

    def article(self, key: str) -> Any | None:
        found = self.articles.get(key)
        if found is not None:
            self.used_articles.add(key)
        return found

    def add_article(self, key: str, article: Any) -> None:
        self.articles[key] = article
        self.used_articles.add(key)

    def quotes_checked(self, key: tuple[str, str]) -> bool:
        if key in self.quotes_found:
            self.used_quotes.add(key)
            return True
        return False

    def add_quotes(self, key: tuple[str, str]) -> None:
        self.quotes_found.add(key)
        self.used_quotes.add(key)

    def page(self, path: str, key: str) -> str | None:
        """The page rendered earlier under the same key, if any."""
        kept = self.pages.get(path)
        return kept[1] if kept is not None and kept[0] == key else None

    def keep_page(self, path: str, key: str, text: str) -> None:
        self.kept_pages[path] = (key, text)

    def save(self) -> None:
        """Keep what this build used (entries for deleted or edited files are dropped) and the pages it kept.
        Nothing is written when that is what the cache already holds."""
        if self.folder is None:
            return
        unchanged = (
            self.used_articles == set(self.articles)
            and self.used_quotes == self.quotes_found
            and self.kept_pages == self.pages
            and (self.folder / FILE_NAME).is_file()
        )
        if unchanged:
            return
        articles = {key: self.articles[key] for key in sorted(self.used_articles)}
        state = (code_version(), articles, self.used_quotes, self.kept_pages)
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f".{FILE_NAME}.{os.getpid()}.tmp"
        with temporary.open("wb") as stream:
            pickle.dump(state, stream, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(self.folder / FILE_NAME)
