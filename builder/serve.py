"""`python -m builder serve` (what `make serve` runs): `mkdocs serve` with the builder hook, stopped cleanly.

MkDocs serves from a temporary folder that it removes only when it shuts down in an orderly way (on
KeyboardInterrupt); SIGTERM kills it on the spot and leaves that folder behind, and a shell between make and
MkDocs can die of a signal and leave the server running. So this command runs `mkdocs serve` as a child in a
process group of its own, with a temporary folder (TMPDIR) of its own. On SIGINT (Ctrl-C), SIGTERM or SIGHUP it
sends SIGINT to that group, waits for MkDocs to shut down, kills whatever is still running after STOP_WAIT
seconds, and removes its temporary folder in every case. MkDocs runs as a command, not imported: builder/
imports MkDocs nowhere but in the hook.

With an engine that runs no hooks (Zensical: builder/engines.py) the builder keeps build/docs/ up to date itself:
it builds once, starts the engine's server (which watches build/docs/ and reloads the browser), and watches
content/, theme/ and the config with watchfiles, building again after each change. A content error is printed in
the terminal and shown at the top of every page (the last good pages stay, with the problems above them) until the
file is fixed; the server keeps running. The watcher looks only at the sources, never at build/docs/, so the
builder's own writes start no loop.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from builder.engines import engine as get_engine

__all__ = ["STOP_SIGNALS", "serve"]

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
STOP_WAIT = 10.0  # seconds MkDocs gets to shut down before it is killed


class _Stop(Exception):
    """A stop signal arrived while the server was running."""


class _Signals:
    """Handler of the stop signals: notes each one, sets `event` (which stops the watcher), and raises _Stop for
    the first that arrives while armed."""

    def __init__(self) -> None:
        self.received: list[int] = []
        self.armed = False
        self.event = threading.Event()

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.received.append(signum)
        self.event.set()
        if self.armed:
            self.armed = False
            raise _Stop


def serve(config: Path, dev_addr: str, engine_name: str, sources: Sources) -> int:
    """Serve until the engine exits or a stop signal arrives; the engine's exit code, or 0 once stopped by a
    signal. `sources`: what the builder reads and writes, for an engine that runs no hooks (see the docstring)."""
    engine = get_engine(engine_name)
    signals = _Signals()
    previous = {signum: signal.signal(signum, signals) for signum in STOP_SIGNALS}
    tmp = tempfile.mkdtemp(prefix="builder-serve-")
    # the hook (MkDocs) rebuilds the guide being served, wherever its folders are
    env = {**engine.env(), "TMPDIR": tmp, "STORYGUIDE_CONTENT": str(sources.content.resolve())}
    env["STORYGUIDE_CACHE"] = str(sources.cache.resolve())
    try:
        if engine.name != "mkdocs":
            _rebuild(sources)  # the pages must exist before the server starts
        # Zensical wants its site folder inside the project: build/preview/, beside the generated Markdown
        preview = sources.out.parent / "preview"
        with engine.serve_command(config, dev_addr, preview, _settings(sources)) as command:
            child = subprocess.Popen(command, env=env, process_group=0)
            try:
                # MkDocs: wait, a signal interrupting the wait (the hook rebuilds: builder/mkdocs_hook.py). Other
                # engines: the watcher, which a signal stops through `signals.event` (nothing is raised in it).
                signals.armed = engine.name == "mkdocs"
                if not signals.received:  # a signal that came while the child was starting is seen here
                    code = child.wait() if signals.armed else _watch(child, sources, signals)
                    signals.armed = False
                    if code is not None:
                        return code
            except (_Stop, KeyboardInterrupt):
                pass
            signals.armed = False
            _stop(child)
            return 0
    finally:
        signals.armed = False  # from here on a signal is only noted: nothing interrupts the cleaning up
        shutil.rmtree(tmp, ignore_errors=True)
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@dataclass(frozen=True)
class Sources:
    """What the builder reads (content/, the theme, the config) and where it writes, for the watcher."""

    content: Path
    out: Path
    cache: Path
    watched: tuple[Path, ...]


def _settings(sources: Sources) -> dict[str, Any]:
    """The guide's own settings for the engine (engines.guide_settings); if guide.yaml cannot be read yet, only
    where the Markdown is and what to watch (the problems show on the pages once the builder runs)."""
    from builder.engines import guide_settings
    from builder.pipeline import read_guide

    try:
        return guide_settings(read_guide(sources.content), sources.content, sources.out)
    except Exception:  # any reason the guide cannot be read: the build reports it
        return {"docs_dir": str(sources.out.resolve()), "watch": [str(sources.content.resolve()), "theme"]}


def _watch(child: subprocess.Popen[bytes], sources: Sources, signals: _Signals) -> int | None:
    """Build again after each change to the sources until the server exits (its exit code) or a stop signal
    arrives (None). Checks the server twice a second."""
    from watchfiles import watch

    paths = [p for p in (sources.content, *sources.watched) if p.exists()]
    batches = watch(
        *paths, stop_event=signals.event, yield_on_timeout=True, rust_timeout=500, debounce=200, raise_interrupt=False
    )
    for changes in batches:
        if child.poll() is not None:
            return child.returncode
        if changes:
            _rebuild(sources)
    return None


def _rebuild(sources: Sources) -> None:
    """Build; on content errors, keep the last good pages with the problems at the top of each."""
    from builder.pipeline import build
    from builder.problems import ContentError

    started = time.perf_counter()
    try:
        _, report = build(sources.content, sources.out, sources.cache)
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr, flush=True)
        print(
            f"builder: {len(err.problems)} content problem(s): the last good pages show them until they are fixed",
            file=sys.stderr,
            flush=True,
        )
        _show_problems(sources.out, [str(problem) for problem in err.problems])
        return
    print(
        f"builder: {report.written} page(s) written, {report.removed} removed ({time.perf_counter() - started:.2f} s)",
        file=sys.stderr,
        flush=True,
    )


def _show_problems(out: Path, problems: list[str]) -> None:
    """Put the problems at the top of every generated page (the next good build writes the pages again: the
    builder rewrites a file whose size or time is not what it wrote)."""
    from builder.mkdocs_hook import problems_banner

    banner = problems_banner(problems)
    for page in sorted(out.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        if text.startswith(_FRONT):  # front matter stays first
            end = text.index("\n---\n", len(_FRONT)) + len("\n---\n")
            text = text[:end] + banner + text[end:]
        else:
            text = banner + text
        page.write_text(text, encoding="utf-8")


_FRONT = "---\n"


def _stop(child: subprocess.Popen[bytes]) -> None:
    """Ask MkDocs to shut down as Ctrl-C would (its temporary site goes with it), then end what remains of its
    process group."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGINT)
    with contextlib.suppress(subprocess.TimeoutExpired):
        child.wait(STOP_WAIT)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)
    child.wait()
