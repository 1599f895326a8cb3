"""MkDocs hook for `mkdocs serve`: re-run the builder when content/ changes. A convenience only.

`mkdocs build` publishes what `python -m builder build` wrote; this hook acts only while serving, and writes
only changed files, so a rebuild it triggers finds nothing new to write and no loop starts. A content error is
logged and the last good pages stay up, so the server keeps running while the author fixes the file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from builder.pipeline import build
from builder.problems import ContentError

log = logging.getLogger("mkdocs.hooks.builder")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: Any) -> None:
    if not _serving:
        return
    root = Path(config["config_file_path"]).parent
    try:
        _, report = build(root / "content", Path(config["docs_dir"]))
    except ContentError as err:
        for problem in err.problems:
            log.error("builder: %s", problem)
        log.error("builder: content has %d problem(s); showing the last good build", len(err.problems))
        return
    if report.written or report.removed:
        log.info("builder: %d page(s) written, %d removed", report.written, report.removed)
