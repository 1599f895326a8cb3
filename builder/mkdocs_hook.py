"""MkDocs hook for `mkdocs serve`: re-run the builder when content/ changes. A convenience only.

`mkdocs build` publishes what `python -m builder build` wrote; this hook acts only while serving. A content error
does not stop the server: the last good pages stay up, with the problems listed at the top of every page
(and in the terminal) until the file is fixed. Run it with `mkdocs serve --no-strict` (as `make serve` does):
in strict mode MkDocs would refuse the whole rebuild over the warnings that list the problems.

How an edit shows quickly (`python -m builder serve`, which `make serve` runs, passes `--dirty`):
- The builder runs at the start of each MkDocs build and writes only changed files, so that build already
  publishes them. MkDocs' own watch on docs_dir (build/docs) is dropped: it only started a second, useless
  build after every edit (and no loop can start).
- With `--dirty`, MkDocs renders only the pages whose Markdown is newer than their HTML: the ones the builder
  just rewrote (an edit to an article's summary rewrites its source page alone). The other pages stay exactly
  right: the navigation lists only the pages named in mkdocs.yml, with their titles from there, and the hook
  drops the rewritten pages' entries from the search index that Material's search keeps from the last build, so
  that their new entries replace them. When a change can reach every page (a page removed, other content problems
  to list, the theme or mkdocs.yml edited), the hook first empties the served folder: every page is built again.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The builder (pydantic, jinja2, ...) is imported only where it is used: `mkdocs build` loads this hook too, and
# there the hook does nothing, so importing it all up front would only slow every build down.
if TYPE_CHECKING:
    from builder.problems import Problem

log = logging.getLogger("mkdocs.hooks.builder")
_serving = False
_dirty = False  # `mkdocs serve --dirty`: the hook decides when a build must still render every page
_problems: list[Problem] = []
_theme: dict[str, tuple[int, int]] | None = None  # the theme's and mkdocs.yml's (mtime, size) at the last build


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving = command == "serve"
    _dirty = _serving and dirty
    if _dirty:  # the hook keeps dirty builds exact (above), so MkDocs' warning on each of them would only mislead
        logging.getLogger("mkdocs.commands.build").addFilter(_no_dirty_warning)


def _no_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    with contextlib.suppress(KeyError):  # KeyError: not watched
        server.unwatch(config["docs_dir"])  # the builder writes there during the build that shows its pages
    return server


def on_pre_build(config: Any) -> None:
    global _theme
    if not _serving:
        return
    from builder.pipeline import build
    from builder.problems import ContentError

    root = Path(config["config_file_path"]).parent
    shown = [str(problem) for problem in _problems]
    _problems.clear()
    every_page = False
    try:
        content = Path(os.environ.get("STORYGUIDE_CONTENT") or root / "content")  # set by `builder serve`
        cache = Path(os.environ.get("STORYGUIDE_CACHE") or root / "build" / "cache")
        _, report = build(content, Path(config["docs_dir"]), cache)
    except ContentError as err:
        _problems.extend(err.problems)
        for problem in err.problems:
            log.warning("builder: %s", problem)
        log.warning("builder: %d content problem(s): showing the last good pages until they are fixed", len(_problems))
    else:
        if report.written or report.removed:
            log.info("builder: %d page(s) written, %d removed", report.written, report.removed)
        every_page = report.removed > 0  # its HTML and search entries would stay
    theme = _theme_files(config)
    if _dirty and (every_page or theme != _theme or [str(problem) for problem in _problems] != shown):
        _build_every_page(config)
    _theme = theme


def _theme_files(config: Any) -> dict[str, tuple[int, int]]:
    """(mtime, size) of mkdocs.yml and of every file in the theme's custom folder: a change to them can change
    every page."""
    paths = [os.path.abspath(config["config_file_path"])]  # relative in the first build's config, not after
    if custom := config["theme"].custom_dir:
        paths += [os.path.join(folder, name) for folder, _, names in os.walk(os.path.abspath(custom)) for name in names]
    found = {}
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:
            continue
        found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def _build_every_page(config: Any) -> None:
    """Make the coming dirty build a full one: with the served folder empty, every page is newer than its HTML."""
    from mkdocs.utils import clean_directory

    clean_directory(config["site_dir"])
    for plugin in config["plugins"].values():
        if hasattr(plugin, "search_index_prev"):  # Material's search: the last index, for a dirty build to patch
            plugin.search_index_prev = None


def on_files(files: Any, config: Any) -> Any:
    if _dirty:  # the pages this dirty build renders: their entries in the last search index go
        rendered = {file.url for file in files.documentation_pages() if file.is_modified()}
        for plugin in config["plugins"].values():
            if (last := getattr(plugin, "search_index_prev", None)) is not None:
                last.entries = [entry for entry in last.entries if entry["location"].split("#")[0] not in rendered]
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if not _problems:
        return markdown
    return problems_banner([str(problem) for problem in _problems]) + markdown


def problems_banner(problems: list[str]) -> str:
    """The box at the top of every previewed page while the content has errors (each problem escaped)."""
    from builder.markdown_text import inline

    lines = "\n".join(f"    - {inline(problem)}" for problem in problems)
    return f'!!! failure "Content errors: this preview shows the last good build"\n\n{lines}\n\n'
