"""The site engines that publish build/docs/: MkDocs 1.6 with Material 9 (the default) or Zensical (optional).

Both read the same mkdocs.yml. What differs is how each is run:
- MkDocs takes the output folder on the command line (`-d`). Zensical takes it only from the config's `site_dir`,
  so it gets a copy of the config, written beside the original (relative paths keep their meaning) with
  `site_dir` pointing at the staging folder, and deleted afterwards.
- Zensical ignores `hooks:` (the builder's MkDocs hook) and `INHERIT:`, and writes a cache under `.cache/`. The
  builder therefore always runs before the engine (`python -m builder site` does), and a config that inherits is
  flattened into the copy first.
- Their search indexes live at different paths: `search_index_path`.

Engines run as commands, never imported: the builder does not depend on either engine's Python API.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from builder.model import Guide

__all__ = ["ENGINES", "Engine", "EngineError", "engine", "guide_settings"]


class EngineError(Exception):
    """The engine asked for is unknown or not installed."""


@dataclass(frozen=True)
class Engine:
    name: str
    module: str  # the Python module that provides it (checked before use)
    install: str  # what to run when it is missing
    search_index_path: str  # where the built site keeps its search index
    offline_index_path: str  # where the offline edition keeps it, as a script that works from file://

    def available(self) -> bool:
        return importlib.util.find_spec(self.module) is not None

    def check(self) -> None:
        if not self.available():
            raise EngineError(f"the {self.name} engine is not installed: run {self.install}")

    @contextmanager
    def build_command(self, config: Path, out: Path, guide: dict[str, Any] | None = None) -> Iterator[list[str]]:
        """The command that builds the site of `config` into `out` (strict: a warning fails the build). `guide`:
        the guide's own settings (see `guide_settings`), laid over the config's."""
        with _config_copy(config, {**(guide or {}), "site_dir": str(out)}, hooks=self.name == "mkdocs") as copy:
            if self.name == "mkdocs":
                yield [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(copy), "-d", str(out)]
            else:
                yield [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(copy)]

    @contextmanager
    def serve_command(
        self, config: Path, dev_addr: str, site: Path, guide: dict[str, Any] | None = None
    ) -> Iterator[list[str]]:
        """The command that serves the site of `config` with live reload (not strict: a preview shows problems),
        building into `site` (not the published site/, which serving leaves alone)."""
        if self.name == "mkdocs":  # MkDocs serves from a temporary folder of its own; its hook rebuilds
            with _config_copy(config, guide or {}, hooks=True) as copy:
                yield [
                    sys.executable,
                    "-m",
                    "mkdocs",
                    "serve",
                    "--no-strict",
                    "--dirty",
                    "-f",
                    str(copy),
                    "-a",
                    dev_addr,
                ]
            return
        with _config_copy(config, {**(guide or {}), "site_dir": str(site)}, hooks=False) as copy:
            yield [sys.executable, "-m", "zensical", "serve", "-f", str(copy), "-a", dev_addr]

    def env(self) -> dict[str, str]:
        return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


ENGINES = {
    "mkdocs": Engine(
        "mkdocs",
        "mkdocs",
        "pip install -e . (MkDocs is a dependency)",
        "search/search_index.json",
        "search/search_index.js",
    ),
    "zensical": Engine("zensical", "zensical", "pip install -e '.[zensical]'", "search.json", "search.js"),
}


def engine(name: str) -> Engine:
    """The engine called `name`, installed; EngineError naming the choices or how to install it otherwise."""
    found = ENGINES.get(name)
    if found is None:
        raise EngineError(f"unknown site engine {name!r}: use one of {', '.join(ENGINES)}")
    found.check()
    return found


def _flattened(config: Path) -> dict[str, Any]:
    """The config as a mapping, with `INHERIT:` resolved (a parent's keys, then this file's over them)."""
    data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    parent = data.pop("INHERIT", None)
    if parent is None:
        return dict(data)
    merged = _flattened(config.parent / parent)
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def guide_settings(guide: Guide, content: Path, docs: Path) -> dict[str, Any]:
    """What belongs to one guide rather than to the engine and theme, laid over mkdocs.yml: the published site's
    name, description, language and address (from the guide's guide.yaml), where its Markdown is, and what a
    preview watches."""
    settings: dict[str, Any] = {
        "site_name": guide.published_name,
        "site_description": guide.published_description,
        "docs_dir": str(docs.resolve()),
        "theme": {"language": guide.language},
        "watch": [str(content.resolve()), "theme"],
    }
    if guide.site_url:
        settings["site_url"] = guide.site_url
    return settings


def _relative(path: str, base: Path) -> str:
    """`path` relative to `base` when it lies inside it, else as it is."""
    full, root = Path(path).resolve(), base.resolve()
    return full.relative_to(root).as_posix() if full == root or root in full.parents else path


@contextmanager
def _config_copy(config: Path, changes: dict[str, Any], hooks: bool) -> Iterator[Path]:
    """A copy of `config` beside it (so relative paths keep their meaning), flattened, with `changes` (a mapping
    merged into the config's mapping of the same key, such as `theme`), with or without `hooks:` (Zensical ignores
    them), removed afterwards."""
    data = _flattened(config)
    if not hooks:
        data.pop("hooks", None)
    for key, value in changes.items():
        data[key] = {**data[key], **value} if isinstance(value, dict) and isinstance(data.get(key), dict) else value
    # paths inside the project as the config writes them, relative to it (Zensical refuses an absolute docs_dir)
    if isinstance(data.get("docs_dir"), str):
        data["docs_dir"] = _relative(data["docs_dir"], config.parent)
    if isinstance(data.get("watch"), list):
        data["watch"] = [_relative(str(p), config.parent) for p in data["watch"]]
    copy = config.with_name(f".{config.stem}.{os.getpid()}.site.yml")
    copy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    try:
        yield copy
    finally:
        copy.unlink(missing_ok=True)
