"""Parallel work (builder/parallel.py): forked workers give the same results, in the same order, as one process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from builder.parallel import MIN_ITEMS, start_map

from .conftest import ROOT


def _in_a_fresh_process(script: str) -> str:
    """Run `script` (with the builder importable) in a new Python process and give what it printed. Parallel work
    is tested there: pytest may hold threads (the browser tests'), and then nothing is forked."""
    code = f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n" + textwrap.dedent(script)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_start_map_keeps_order_and_results() -> None:
    items = list(range(MIN_ITEMS * 3))
    offset = 7  # a closure: workers inherit the function instead of receiving it pickled
    assert start_map(lambda n: (n + offset, os.getpid()), items)()[5][0] == 12
    results = start_map(lambda n: n * n + offset, items)()
    assert results == [n * n + offset for n in items]
    assert start_map(lambda n: n, [])() == []


def test_a_guide_built_in_parallel_equals_one_built_in_one_process(tmp_path: Path) -> None:
    out = _in_a_fresh_process(
        f"""
        import os, sys
        from pathlib import Path
        from builder.parallel import workers
        from builder.pipeline import generate
        from builder.synth import synthesize, write_corpus
        content = Path({str(tmp_path)!r}) / "content"
        write_corpus(synthesize(80, 0), content)
        assert workers() > 1, "this test needs a machine with two cores"
        parallel = generate(content)[1]
        os.environ["BUILDER_PROCESSES"] = "1"
        assert workers() == 1
        assert generate(content)[1] == parallel
        print("same", len(parallel))
        """
    )
    assert out.startswith("same")


def test_pages_written_by_the_workers_as_they_render_equal_those_of_one_process(tmp_path: Path) -> None:
    out = _in_a_fresh_process(
        f"""
        import os
        from pathlib import Path
        from builder.parallel import workers
        from builder.pipeline import build
        from builder.synth import synthesize, write_corpus
        base = Path({str(tmp_path)!r})
        write_corpus(synthesize(80, 0), base / "content")
        def tree(folder):
            return {{p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}}
        assert workers() > 1, "this test needs a machine with two cores"
        _, first = build(base / "content", base / "parallel", base / "cache")
        _, again = build(base / "content", base / "parallel", base / "cache")
        os.environ["BUILDER_PROCESSES"] = "1"
        _, single = build(base / "content", base / "single")
        assert tree(base / "parallel") == tree(base / "single")
        assert (first.written, first.unchanged, first.removed) == (single.written, 0, 0)
        assert (again.written, again.unchanged) == (0, single.written), "nothing rewritten"
        for page, stat in first.stats.items():  # as the workers recorded them, for the next build
            found = os.stat(base / "parallel" / page)
            assert (found.st_size, found.st_mtime_ns) == stat, page
        print("same", single.written)
        """
    )
    assert out.startswith("same")


def test_problems_in_article_files_are_the_same_in_parallel_in_one_process_and_with_a_cache(tmp_path: Path) -> None:
    """Problems in article files are reported alike whether workers parse them or this process does, and whether
    a cache holds the other articles or not: a file that cannot be read, one that is not UTF-8, bad YAML."""
    out = _in_a_fresh_process(
        f"""
        import os
        from pathlib import Path
        from builder.parallel import workers
        from builder.pipeline import build, check
        from builder.problems import ContentError
        from builder.synth import synthesize, write_corpus
        base = Path({str(tmp_path)!r})
        content = base / "content"
        write_corpus(synthesize(80, 0), content)
        build(content, base / "docs", base / "cache")  # a cache that holds every article
        articles = sorted((content / "articles").glob("*.yaml"))
        articles[3].write_bytes(b"\\xff" + articles[3].read_bytes())
        articles[40].write_text(articles[40].read_text(encoding="utf-8") + "oops: [\\n", encoding="utf-8")
        articles[70].unlink()
        articles[70].mkdir()
        def problems(cache):
            try:
                check(content, cache)
            except ContentError as err:
                return [str(problem) for problem in err.problems]
            raise AssertionError("the content has problems")
        assert workers() > 1, "this test needs a machine with two cores"
        found = problems(None)
        assert problems(base / "cache") == found
        os.environ["BUILDER_PROCESSES"] = "1"
        assert problems(None) == found
        print(*found, sep="\\n")
        """
    )
    found = out.splitlines()
    assert any("synth-0004.yaml:1:1: byte 0xff is not UTF-8" in line for line in found), found
    assert any("synth-0041.yaml" in line and "YAML syntax error" in line for line in found), found
    assert any("synth-0071.yaml:1:1: is not a file" in line for line in found), found


def test_the_pipe_that_brings_the_results_back_holds_a_chunk_of_pages() -> None:
    """A worker's results go back through a pipe widened to RESULTS_PIPE (or the system's limit), so that a worker
    sends a chunk of pages without waiting for this process to read it 64 KB at a time."""
    out = _in_a_fresh_process(
        """
        import fcntl, os
        from builder.parallel import RESULTS_PIPE, start_map, workers
        assert workers() > 1, "this test needs a machine with two cores"
        def widest_pipe(_):
            sizes = [0]
            for fd in os.listdir("/proc/self/fd"):
                try:
                    sizes.append(fcntl.fcntl(int(fd), fcntl.F_GETPIPE_SZ))
                except OSError:  # not a pipe
                    pass
            return max(sizes), os.getpid()
        found = start_map(widest_pipe, list(range(200)))()
        assert any(pid != os.getpid() for _, pid in found), "the workers did some"
        with open("/proc/sys/fs/pipe-max-size") as limit:
            expected = min(RESULTS_PIPE, int(limit.read()))
        assert {size for size, _ in found} == {expected}, {size for size, _ in found}
        print("widened", expected)
        """
    )
    assert out.startswith("widened")


def test_start_map_shares_the_work_with_this_process_and_keeps_order() -> None:
    out = _in_a_fresh_process(
        """
        import os, sys, time
        from builder.parallel import start_map, workers
        assert workers() > 1, "this test needs a machine with two cores"
        items = list(range(400))
        def slow(n):
            time.sleep(0.002)  # so that the workers are still busy when this process joins in
            return n * n, os.getpid()
        results = start_map(slow, items)
        mine = sum(range(10 ** 5))  # this process's own work, while the workers run
        found = results()
        assert [square for square, _ in found] == [n * n for n in items]
        pids = {pid for _, pid in found}
        assert os.getpid() in pids and len(pids) >= 2, pids  # workers and this process both took items
        print("shared", len(pids))
        """
    )
    assert out.startswith("shared")


def test_work_left_for_after_a_share_is_done_before_its_results_are_sent() -> None:
    out = _in_a_fresh_process(
        """
        import os, time
        from builder.parallel import start_map, workers
        assert workers() > 1, "this test needs a machine with two cores"
        waiting = []
        def later(n):
            time.sleep(0.002)  # so that the workers take some of the items
            entry = [n, None]
            waiting.append(entry)  # finished by after_share, in the process that made it
            return entry
        def finish():
            for entry in waiting:
                entry[1] = (entry[0] * entry[0], os.getpid())
            waiting.clear()
        found = start_map(later, list(range(400)), finish)()
        assert [square for _, (square, _) in found] == [n * n for n in range(400)]
        assert len({pid for _, (_, pid) in found}) >= 2, "done in the workers too"
        assert start_map(later, list(range(10)), finish)() == [[n, (n * n, os.getpid())] for n in range(10)]
        print("finished", len(found))
        """
    )
    assert out.startswith("finished")


def test_each_result_a_worker_made_is_received_here_once() -> None:
    out = _in_a_fresh_process(
        """
        import os, time
        from builder.parallel import start_map, workers
        assert workers() > 1, "this test needs a machine with two cores"
        received = []
        def slow(n):
            time.sleep(0.002)  # so that the workers take some of the items
            return n, os.getpid()
        found = start_map(slow, list(range(400)), receive=lambda result: received.append((result, os.getpid())))()
        theirs = sorted(result for result in found if result[1] != os.getpid())
        assert theirs, "the workers made some results"
        assert sorted(result for result, _ in received) == theirs, "each received once, and only the workers' own"
        assert {pid for _, pid in received} == {os.getpid()}, "received in this process"
        print("received", len(received))
        """
    )
    assert out.startswith("received")


def test_a_failure_in_a_worker_is_raised_when_the_results_are_asked_for() -> None:
    out = _in_a_fresh_process(
        """
        import sys
        from builder.parallel import start_map
        def fail_on_3(n):
            if n == 3:
                raise ValueError("item 3 is bad")
            return n
        results = start_map(fail_on_3, list(range(200)))
        try:
            results()
        except ValueError as err:
            print("raised:", err)
        """
    )
    assert out.strip() == "raised: item 3 is bad"


def test_small_work_is_done_in_this_process_when_the_results_are_asked_for() -> None:
    done: list[int] = []
    results = start_map(lambda n: done.append(n) or n, list(range(MIN_ITEMS - 1)))
    assert done == [], "nothing is done before the results are asked for"
    assert results() == list(range(MIN_ITEMS - 1))


def test_cancelled_work_stops_the_workers_and_returns_nothing() -> None:
    out = _in_a_fresh_process(
        """
        import multiprocessing, sys, time
        from builder.parallel import start_map
        results = start_map(lambda n: time.sleep(0.01) or n, list(range(400)))
        assert multiprocessing.active_children(), "workers were started"
        assert results(cancel=True) == []
        time.sleep(0.2)
        assert not multiprocessing.active_children(), "and stopped"
        print("cancelled")
        """
    )
    assert out.strip() == "cancelled"


def test_a_killed_worker_is_an_error_not_a_hang() -> None:
    out = _in_a_fresh_process(
        """
        import os, signal, sys, time
        from builder.parallel import start_map
        parent = os.getpid()
        def die_in_a_worker(n):
            if os.getpid() != parent and n == 0:
                os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
            time.sleep(0.001)
            return n
        results = start_map(die_in_a_worker, list(range(400)))
        time.sleep(0.3)  # let the worker start on the first chunk before this process joins in
        try:
            results()
        except RuntimeError as err:
            print("raised:", err)
        """
    )
    assert out.startswith("raised: a worker process ended before its work was done")
