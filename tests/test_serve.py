"""`make serve` (python -m builder serve: mkdocs serve with the builder hook): edits show up, errors show without
killing the server, and Ctrl-C or SIGTERM stops everything it started and leaves no temporary folder behind.

Each test runs the real `make serve` on a copy of a fixture guide, on a free port, with a TMPDIR of its own. The
time from saving an edit to the page showing it is printed (`pytest -s`), not asserted: speed targets are checked
by figures people read, not by timed tests; the waits here are generous, for a busy machine.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import GUIDE, MINI, ROOT, make_project

pytestmark = [
    pytest.mark.site,
    pytest.mark.skipif(sys.platform != "linux" or shutil.which("make") is None, reason="needs Linux and make"),
]

START_WAIT = 120.0  # seconds for the first build and the server to come up
SHOW_WAIT = 20.0  # seconds for an edit to show
STOP_WAIT = 30.0  # seconds for make to exit once told to stop


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"{what}: not seen within {seconds} s")


def save(path: Path, text: str) -> None:
    """Replace the file at once, as editors do: the watcher never sees it half written."""
    temporary = path.with_name(f".{path.name}.new")
    temporary.write_text(text)
    temporary.replace(path)


def search_index(server: Server) -> list[dict[str, str]]:
    docs: list[dict[str, str]] = json.loads(server.page("search/search_index.json"))["docs"]
    return docs


def processes() -> dict[int, tuple[int, str, str]]:
    """Every process: pid -> (parent pid, state letter, start time: with the pid, it names one process)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            found[int(entry.name)] = (int(fields[1]), fields[0], fields[19])
    return found


def alive() -> set[tuple[int, str]]:
    return {(pid, start) for pid, (_, state, start) in processes().items() if state != "Z"}


@dataclass
class Server:
    """`make serve` running in a session of its own, as from a terminal."""

    project: Path
    base: str
    make: subprocess.Popen[bytes]
    log: Path
    tmp: Path
    engine: str = "mkdocs"

    def page(self, path: str) -> str:
        return fetch(f"{self.base}/{path}")

    def tree(self) -> set[tuple[int, str]]:
        """make and every process under it (the server runs in a process group of its own), as (pid, start time)."""
        table = processes()
        tree, todo = set(), [self.make.pid]
        while todo:
            pid = todo.pop()
            if pid in table:
                tree.add((pid, table[pid][2]))
            todo += [child for child, (parent, _, _) in table.items() if parent == pid]
        return tree

    def stop(self, how: str) -> None:
        """Stop the server as a user would, and check that nothing is left: no process, no temporary folder."""
        running = self.tree()
        assert len(running) >= 3, f"expected make, the launcher and mkdocs, found {running}"
        if how == "SIGINT":
            os.killpg(self.make.pid, signal.SIGINT)  # Ctrl-C: the terminal signals make's whole process group
        else:
            os.kill(self.make.pid, signal.SIGTERM)  # make passes SIGTERM on to its child only
        self.make.wait(STOP_WAIT)
        wait_for(lambda: not running & alive(), 10, "every process gone")
        with pytest.raises(ProcessLookupError):
            os.killpg(self.make.pid, 0)
        assert list(self.tmp.iterdir()) == [], "a temporary folder was left behind"
        orderly = "Received interrupt, exiting" if self.engine == "zensical" else "Shutting down"
        assert orderly in self.log.read_text(), f"{self.engine} did not shut down in an orderly way"
        assert not list(self.project.glob(".*.site.yml")), "a config copy was left behind"
        assert self.page("index.html") == ""


def start_server(tmp_path: Path, content: Path, first_page: str, text: str, engine: str = "mkdocs") -> Iterator[Server]:
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "python").exists():
        pytest.skip(f"no {bin_dir / 'python'} for the Makefile's $(BIN)/python")
    project = make_project(tmp_path / "project", content)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    port = free_port()
    log = tmp_path / "serve.log"
    # STAMP= : the project copy has no .venv to install into; BIN: this Python's venv
    command = ["make", "-f", str(ROOT / "Makefile"), "serve", "STAMP=", f"BIN={bin_dir}", f"ADDR=127.0.0.1:{port}"]
    command.append(f"ENGINE={engine}")
    with log.open("wb") as output:
        make = subprocess.Popen(
            command,
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "TMPDIR": str(tmp)},
            start_new_session=True,
        )
    server = Server(project, f"http://127.0.0.1:{port}", make, log, tmp, engine)
    started: set[tuple[int, str]] = set()
    try:
        wait_for(lambda: text in server.page(first_page) or make.poll() is not None, START_WAIT, "first page")
        assert make.poll() is None, log.read_text()
        started = server.tree()  # MkDocs' watcher took its first look at the files before the server answered
        yield server
    finally:
        for pid, _ in (started | server.tree()) & alive():  # whatever a failed test left running
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        make.wait(STOP_WAIT)


@pytest.fixture
def mini_served(tmp_path: Path) -> Iterator[Server]:
    yield from start_server(tmp_path, MINI, "sources/one.html", "Envoys")


@pytest.fixture
def guide_served(tmp_path: Path) -> Iterator[Server]:
    yield from start_server(tmp_path, GUIDE, "sources/track2-slutsky-constructive.html", "Slutsky")


def test_edits_show_then_ctrl_c_stops_everything(guide_served: Server) -> None:
    article = guide_served.project / "content" / "articles" / "track2-slutsky-constructive.yaml"
    original = article.read_text()
    assert "representing Russia" in original
    entries = search_index(guide_served)
    page = "sources/track2-slutsky-constructive.html"
    for attempt in range(3):
        marker = f"edited-{attempt}"
        save(article, original.replace("representing Russia", f"representing Russia {marker}", 1))
        seconds = wait_for(lambda: marker in guide_served.page(page), SHOW_WAIT, "the edited summary")  # noqa: B023
        print(f"seed guide: summary edit {attempt + 1} visible after {seconds:.2f} s")
        time.sleep(1)
    # Only that page was built again; the rest of the site, and its search entries, are as they were
    assert "Miami" in guide_served.page("index.html") and "edited-" not in guide_served.page("timeline.html")
    now = search_index(guide_served)
    assert sorted(entry["location"] for entry in now) == sorted(entry["location"] for entry in entries)
    assert "edited-2" in json.dumps([entry for entry in now if entry["location"].startswith(page)])

    # A new title shows on several pages: each of them is built again, and searched once
    save(article, original.replace("Slutsky calls informal", "Slutsky calls retitled informal", 1))
    seconds = wait_for(lambda: "retitled" in guide_served.page("sources/index.html"), SHOW_WAIT, "the new title")
    print(f"seed guide: title edit visible on the sources list after {seconds:.2f} s")
    assert "retitled" in guide_served.page(page) and "edited-" not in guide_served.page(page)
    now = search_index(guide_served)
    assert sorted(entry["location"] for entry in now) == sorted(entry["location"] for entry in entries)
    assert "retitled" in json.dumps([entry for entry in now if entry["location"].startswith("sources/index.html")])
    guide_served.stop("SIGINT")


def test_an_error_shows_on_every_page_and_sigterm_stops_everything(mini_served: Server) -> None:
    article = mini_served.project / "content" / "articles" / "one.yaml"
    original = article.read_text()
    save(article, original.replace("The envoys met at the lake.", "The envoys met at the lake, edited."))
    seconds = wait_for(lambda: "edited." in mini_served.page("sources/one.html"), SHOW_WAIT, "the edit")
    print(f"mini guide: edit visible after {seconds:.2f} s")

    save(article, original.replace("kind: news", "kind: rumour"))
    wait_for(lambda: "Content errors" in mini_served.page("sources/one.html"), SHOW_WAIT, "the error")
    page = mini_served.page("index.html")
    assert "content/articles/one.yaml:5:1:" in page and "rumour" in page
    assert "Content errors" in mini_served.page("sources/two.html")
    assert mini_served.make.poll() is None, "the server stopped on a content error"

    save(article, original)
    wait_for(lambda: "Content errors" not in mini_served.page("sources/two.html"), SHOW_WAIT, "the fix")
    assert "Content errors" not in mini_served.page("index.html")
    assert "edited." not in mini_served.page("sources/one.html")
    mini_served.stop("SIGTERM")


def test_no_rebuild_loop(mini_served: Server) -> None:
    article = mini_served.project / "content" / "articles" / "two.yaml"
    save(article, article.read_text().replace("in the hills.", "in the hills, again."))
    wait_for(lambda: "again." in mini_served.page("sources/two.html"), SHOW_WAIT, "the edit")
    time.sleep(3)
    builds = mini_served.log.read_text().count("Building documentation")
    time.sleep(4)
    assert mini_served.log.read_text().count("Building documentation") == builds, "still rebuilding"
    assert builds == 2  # the start and the edit: the pages the builder writes start no build of their own


@pytest.fixture
def mini_served_by_zensical(tmp_path: Path) -> Iterator[Server]:
    yield from start_server(tmp_path, MINI, "sources/one.html", "Envoys", engine="zensical")


def test_zensical_preview_rebuilds_on_its_own_shows_errors_and_stops_cleanly(mini_served_by_zensical: Server) -> None:
    """Zensical runs no MkDocs hook: the builder's own watcher (watchfiles) keeps build/docs/ up to date, and the
    engine reloads what it serves from there."""
    server = mini_served_by_zensical
    article = server.project / "content" / "articles" / "one.yaml"
    original = article.read_text()
    save(article, original.replace("The envoys met at the lake.", "The envoys met at the lake, edited."))
    seconds = wait_for(lambda: "edited." in server.page("sources/one.html"), SHOW_WAIT, "the edit")
    print(f"mini guide, zensical: edit visible after {seconds:.2f} s")

    save(article, original.replace("kind: news", "kind: rumour"))
    wait_for(lambda: "Content errors" in server.page("sources/two.html"), SHOW_WAIT, "the error on another page")
    page = server.page("index.html")
    assert "content/articles/one.yaml:5:1:" in page and "rumour" in page
    assert server.make.poll() is None, "the server stopped on a content error"
    assert "content problem(s)" in server.log.read_text()  # and in the terminal

    save(article, original)
    wait_for(lambda: "Content errors" not in server.page("sources/two.html"), SHOW_WAIT, "the fix")
    assert "Content errors" not in server.page("index.html") and "edited." not in server.page("sources/one.html")
    assert not (server.project / "site").exists()  # serving never writes the published site
    # No rebuild loop: the watcher looks at the sources only, so the builder's own writes start nothing. Once the
    # fix's build has been logged (the third: start, edit, fix; the page may show it a moment before), the count
    # of builds stays put.
    wait_for(lambda: server.log.read_text().count("page(s) written") >= 3, SHOW_WAIT, "the fix's build logged")
    builds = server.log.read_text().count("builder: ")
    time.sleep(3)
    assert server.log.read_text().count("builder: ") == builds
    server.stop("SIGTERM")
