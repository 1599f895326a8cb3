"""Parallel work (builder/parallel.py): forked workers give the same results, in the same order, as one process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from builder.parallel import MIN_ITEMS, map_parallel

from .conftest import ROOT


def test_map_parallel_keeps_order_and_results() -> None:
    items = list(range(MIN_ITEMS * 3))
    offset = 7  # a closure: workers inherit the function instead of receiving it pickled
    assert map_parallel(lambda n: (n + offset, os.getpid()), items)[5][0] == 12
    results = map_parallel(lambda n: n * n + offset, items)
    assert results == [n * n + offset for n in items]
    assert map_parallel(lambda n: n, []) == []


def test_a_guide_built_in_parallel_equals_one_built_in_one_process(tmp_path: Path) -> None:
    """Run in a fresh process: pytest may hold threads (the browser tests'), and then nothing is forked."""
    script = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
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
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("same")
