"""Publish: run `mkdocs build --strict` into a fresh folder and swap it in only when it succeeds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["PublishError", "publish"]


class PublishError(Exception):
    """MkDocs failed; the previous site is untouched."""


def publish(config: Path, site: Path, extra_files: dict[str, bytes] | None = None) -> None:
    """Build the MkDocs site for `config` into `site` atomically: on failure `site` is left as it was.
    `extra_files` (site path -> bytes) are added to the built site before it is swapped in."""
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    try:
        # Not --quiet: it hides the warnings that --strict counts, and the build would pass.
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(staging)]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        if result.returncode != 0:
            raise PublishError((result.stderr or result.stdout).strip() or "mkdocs build failed")
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
