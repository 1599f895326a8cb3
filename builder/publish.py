"""Publish: run the site engine's strict build (MkDocs by default, or Zensical: builder/engines.py) into a fresh
folder and swap it in only when it succeeds."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from builder.engines import Engine, engine

__all__ = ["PublishError", "publish"]


class PublishError(Exception):
    """The site engine failed; the previous site is untouched."""


def publish(
    config: Path,
    site: Path,
    extra_files: dict[str, bytes] | None = None,
    with_engine: Engine | None = None,
    guide: dict[str, Any] | None = None,
) -> None:
    """Build the site for `config` into `site` atomically with `with_engine` (default MkDocs): on failure `site`
    is left as it was. `extra_files` (site path -> bytes) are added to the built site before it is swapped in.
    `guide`: the guide's own settings over the config's (engines.guide_settings)."""
    chosen = with_engine or engine("mkdocs")
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    try:
        # Not --quiet: it hides the warnings that --strict counts, and the build would pass.
        with chosen.build_command(config, staging, guide) as command:
            result = subprocess.run(command, capture_output=True, text=True, check=False, env=chosen.env())
        if result.returncode != 0:
            raise PublishError((result.stderr or result.stdout).strip() or f"{chosen.name} build failed")
        for relative, data in (extra_files or {}).items():
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            (staging / relative).write_bytes(data)
        _swap(staging, site)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, site: Path) -> None:
    old = site.with_name(f".{site.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
