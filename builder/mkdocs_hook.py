"""MkDocs hook for `mkdocs serve`: re-run the builder when content/ changes. A convenience only.

`mkdocs build` publishes what `python -m builder build` wrote; this hook acts only while serving. It writes
only changed files, so the rebuild those writes trigger finds nothing new and no loop starts. A content error
does not stop the server: the last good pages stay up, with the problems listed at the top of every page
(and in the terminal) until the file is fixed. Run it with `mkdocs serve --no-strict` (as `make serve` does):
in strict mode MkDocs would refuse the whole rebuild over the warnings that list the problems.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The builder (pydantic, jinja2, ...) is imported only where it is used: `mkdocs build` loads this hook too, and
# there the hook does nothing, so importing it all up front would only slow every build down.
if TYPE_CHECKING:
    from builder.problems import Problem

log = logging.getLogger("mkdocs.hooks.builder")
_serving = False
_problems: list[Problem] = []


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: Any) -> None:
    if not _serving:
        return
    from builder.pipeline import build
    from builder.problems import ContentError

    root = Path(config["config_file_path"]).parent
    _problems.clear()
    try:
        _, report = build(root / "content", Path(config["docs_dir"]), root / "build" / "cache")
    except ContentError as err:
        _problems.extend(err.problems)
        for problem in err.problems:
            log.warning("builder: %s", problem)
        log.warning("builder: %d content problem(s): showing the last good pages until they are fixed", len(_problems))
        return
    if report.written or report.removed:
        log.info("builder: %d page(s) written, %d removed", report.written, report.removed)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if not _problems:
        return markdown
    from builder.markdown_text import inline

    lines = "\n".join(f"    - {inline(problem)}" for problem in _problems)
    banner = f'!!! failure "Content errors: this preview shows the last good build"\n\n{lines}\n\n'
    return banner + markdown
