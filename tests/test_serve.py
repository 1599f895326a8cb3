"""`mkdocs serve` with the builder hook: edits show up quickly, errors show without killing the server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import MINI, make_project

pytestmark = pytest.mark.site


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    project = make_project(tmp_path / "project", MINI)
    assert subprocess.run([sys.executable, "-m", "builder", "build"], cwd=project, check=False).returncode == 0
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT, text=True, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: "Envoys" in fetch(base + "/sources/one.html"), 30)
        yield project, base, server
    finally:
        server.terminate()
        server.wait(10)
        log.close()


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(condition: object, seconds: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():  # type: ignore[operator]
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"not seen within {seconds} s")


def test_an_edit_shows_and_an_error_does_not_stop_the_server(
    served: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    project, base, server = served
    article = project / "content" / "articles" / "one.yaml"
    original = article.read_text()
    article.write_text(original.replace("The envoys met at the lake.", "The envoys met at the lake, edited."))
    seconds = wait_for(lambda: "edited." in fetch(base + "/sources/one.html"), 20)
    print(f"edit visible after {seconds:.1f} s")

    article.write_text(original.replace("kind: news", "kind: rumour"))
    wait_for(lambda: "Content errors" in fetch(base + "/sources/one.html"), 20)
    page = fetch(base + "/index.html")
    assert "content/articles/one.yaml:5:1:" in page and "rumour" in page
    assert server.poll() is None, "the server stopped on a content error"

    article.write_text(original)
    wait_for(lambda: "Content errors" not in fetch(base + "/sources/one.html"), 20)
    assert server.poll() is None


def test_no_rebuild_loop(served: tuple[Path, str, subprocess.Popen[str]], tmp_path: Path) -> None:
    project, base, _ = served
    article = project / "content" / "articles" / "two.yaml"
    article.write_text(article.read_text().replace("in the hills.", "in the hills, again."))
    wait_for(lambda: "again." in fetch(base + "/sources/two.html"), 20)
    time.sleep(3)
    builds = (tmp_path / "serve.log").read_text().count("Building documentation")
    time.sleep(4)
    assert (tmp_path / "serve.log").read_text().count("Building documentation") == builds, "still rebuilding"
    assert builds <= 3  # the start, the edit, and at most one more for the pages the builder wrote
