"""`python -m builder serve` (what `make serve` runs): `mkdocs serve` with the builder hook, stopped cleanly.

MkDocs serves from a temporary folder that it removes only when it shuts down in an orderly way (on
KeyboardInterrupt); SIGTERM kills it on the spot and leaves that folder behind, and a shell between make and
MkDocs can die of a signal and leave the server running. So this command runs `mkdocs serve` as a child in a
process group of its own, with a temporary folder (TMPDIR) of its own. On SIGINT (Ctrl-C), SIGTERM or SIGHUP it
sends SIGINT to that group, waits for MkDocs to shut down, kills whatever is still running after STOP_WAIT
seconds, and removes its temporary folder in every case. MkDocs runs as a command, not imported: builder/
imports MkDocs nowhere but in the hook, and another site engine's preview can take its place here.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from types import FrameType

__all__ = ["STOP_SIGNALS", "serve"]

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
STOP_WAIT = 10.0  # seconds MkDocs gets to shut down before it is killed


class _Stop(Exception):
    """A stop signal arrived while the server was running."""


class _Signals:
    """Handler of the stop signals: notes each one, and raises _Stop for the first that arrives while armed."""

    def __init__(self) -> None:
        self.received: list[int] = []
        self.armed = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.received.append(signum)
        if self.armed:
            self.armed = False
            raise _Stop


def serve(config: Path, dev_addr: str) -> int:
    """Serve until MkDocs exits or a stop signal arrives; MkDocs' exit code, or 0 once stopped by a signal."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dirty"]
    command += ["--config-file", os.fspath(config), "--dev-addr", dev_addr]
    signals = _Signals()
    previous = {signum: signal.signal(signum, signals) for signum in STOP_SIGNALS}
    tmp = tempfile.mkdtemp(prefix="builder-serve-")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": tmp}
    try:
        child = subprocess.Popen(command, env=env, process_group=0)
        try:
            signals.armed = True
            if not signals.received:  # a signal that came while the child was starting is seen here
                code = child.wait()
                signals.armed = False
                return code
        except _Stop:
            pass
        signals.armed = False
        _stop(child)
        return 0
    finally:
        signals.armed = False  # from here on a signal is only noted: nothing interrupts the cleaning up
        shutil.rmtree(tmp, ignore_errors=True)
        for signum, handler in previous.items():
            signal.signal(signum, handler)


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
