"""Scale benchmark: build synthetic guides of N articles and measure the builder and MkDocs against the targets.

    make bench                                 # = python bench/bench.py: N = 10, 100, 1000; 3 runs; medians
    make bench BENCH_ARGS="--sizes 10 100 1000 3000 --prune-check --profile --keep /tmp/bench"

For each N, a throwaway project (mkdocs.yml and theme/ copied from the repository, builder/ symlinked, as in
tests/conftest.py) gets a content folder from `builder.synth` (seed 0). Each run then measures, as separate
processes, one after the other (never in parallel, on this 2-core machine):

- builder: `python -m builder --content content --out build/docs build` with build/ set aside first (below): a
  full build from scratch (no build/cache), as on a fresh clone;
- warm builder: the same command again, nothing changed (build/cache and build/docs as the first left them):
  what `make site` costs the builder when the content is as it was;
- mkdocs: `python -m mkdocs build --strict` with the project's mkdocs.yml (what `make site` runs after the builder);
- total: builder + mkdocs of the same run (what `make site` costs, less the folder swap);
- floor: a plain `python -m mkdocs build` (no --strict) of the same Markdown, with the same mkdocs.yml minus its
  `hooks:` entry. Same theme, features, plugins and extensions: the Markdown is the same, so this is what any
  MkDocs-based pipeline must pay. The hook is the builder's (it imports the builder for `mkdocs serve`), so any
  cost it adds to `mkdocs build` is counted as the builder's, not the floor's. mkdocs and the floor take turns
  to go first (mkdocs in odd runs, the floor in even ones): the machine's speed drifts within minutes;
- incremental: one article's summary edited, then the builder again on the existing build/docs and build/cache;
- with --prune-check, mkdocs again with `navigation.prune` removed from a copy of mkdocs.yml;
- with --profile, at the largest N: the builder and mkdocs under cProfile (stage shares and hotspots), and one
  mkdocs build with a timing hook (in a copy of mkdocs.yml) that shows the time of each page or group of pages.

Each step starts without its output folder, as on a fresh clone, but the folders of earlier runs are moved aside
(into discarded/ in the bench folder), not deleted, until the bench ends. Deleting them would slow down the next
step for reasons that are the bench's, not the step's: on ext4 without a journal (as on the machine the targets
are for), creating a file steps over every inode deleted in the last minute or so, one by one, so a thousand
files created right after a thousand were deleted cost about 0.7 ms each instead of 0.15 ms: the builder's 1092
files took 0.8 s of CPU instead of 0.15 s. A `rm -rf build/` right before a build costs that in real use too.

The exit status is 0 when every target is met, 1 when one is not, 2 when a step fails.

Wall times are from time.perf_counter around each process; peak memory is that process's own peak resident set
size (ru_maxrss from os.wait4 on it, not RUSAGE_CHILDREN, which would mix processes). CPU is the user + system
time wait4 gives for it, which counts the worker processes it waited for (so the builder's exceeds its wall time
on 2 cores): wall time well above it means a step waited; both higher than in another bench means the processor
itself ran slower (on the machine the targets are for, mkdocs at N = 1000 once took 59.5 s of CPU in 59.5 s,
0.2% stolen, where it had taken 40 s of wall time in another spell). "CPU stolen" is the share of the machine's CPU
time (all cores, over the step's wall time) that the hypervisor gave to other virtual machines ("steal" in
/proc/stat): a step with much of it was slow for reasons outside this machine. Every figure is the median
of the runs; the builder's share and total / floor are medians of each run's own ratio (the three processes of a
run are timed back to back, so a slow spell of the machine moves all of them). MB means 10^6 bytes. Site
figures (pages, sizes) come from the last mkdocs run. Processes write and reuse compiled bytecode as Python
does by default, under PYTHONPYCACHEPREFIX in the bench folder (so even with PYTHONDONTWRITEBYTECODE set, as
on this machine, the builder is not recompiled in every process), and so do the builder's compiled templates
(builder/render.py: compiled_templates_folder); one unmeasured build of a 1-article guide fills that cache
first. "From scratch" is thus a build of content the builder has never seen, by code already compiled: as in a
fresh clone on a machine that has built a guide before.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import itertools
import json
import math
import os
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder.synth import synthesize, write_corpus  # noqa: E402

PYTHON = sys.executable
MB = 1_000_000
# Python caches compiled modules as usual (this machine sets PYTHONDONTWRITEBYTECODE, which would make every
# process recompile the builder), but under PYTHONPYCACHEPREFIX in the bench folder, never in the repository.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV.update(NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")

# Targets at N = 1000 (issue 7).
BUILDER_SHARE = 0.05  # builder step <= 5% of the total
FLOOR_RATIO = 1.10  # total <= 1.1x the plain mkdocs floor
GROWTH = 11.0  # 10x the articles costs <= 11x the time
PAGE_LIMIT = 1 * MB  # no HTML page over 1 MB
MEMORY_LIMIT = 1000 * MB  # peak memory under 1 GB
SEARCH_LIMIT = 5 * MB  # judgement, explained in the note printed under the targets
INCREMENTAL_LIMIT = 1.0  # seconds for the builder after editing one article


class BenchError(Exception):
    """A step failed; the message has its output."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak: int  # bytes
    stderr: str
    cpu: float  # seconds of CPU, user + system, of the process and the processes it waited for (its workers)
    stolen: float  # share of the machine's CPU time the hypervisor gave elsewhere while it ran (nan: unknown)


@dataclass
class Size:
    """Every measurement for one N."""

    n: int
    builder: list[Run] = field(default_factory=list)
    warm: list[Run] = field(default_factory=list)
    mkdocs: list[Run] = field(default_factory=list)
    floor: list[Run] = field(default_factory=list)
    incremental: list[Run] = field(default_factory=list)
    no_prune: list[Run] = field(default_factory=list)
    written: list[int] = field(default_factory=list)  # pages the incremental build wrote
    loads: list[float] = field(default_factory=list)  # 1-minute load average when each run started
    markdown_pages: int = 0
    html_pages: int = 0
    site_bytes: int = 0
    largest: tuple[int, str] = (0, "")
    search_bytes: int = 0
    search_gzip: int = 0
    search_docs: int = 0
    analysis: float = float("nan")  # seconds for the candidate meetings, statuses and What's new (ANALYSIS_PROBE)

    def total(self) -> list[float]:
        return [b.seconds + m.seconds for b, m in zip(self.builder, self.mkdocs, strict=True)]

    # Ratios are taken run by run, then the median: the builder, mkdocs and the floor of one run are measured
    # back to back, so a slow spell of this shared machine shifts all three instead of skewing the ratio.
    def share(self, warm: bool = False) -> float:
        builders = self.warm if warm else self.builder
        return median([b.seconds / (b.seconds + m.seconds) for b, m in zip(builders, self.mkdocs, strict=True)])

    def floor_ratio(self, warm: bool = False) -> float:
        builders = self.warm if warm else self.builder
        runs = zip(builders, self.mkdocs, self.floor, strict=True)
        return median([(b.seconds + m.seconds) / f.seconds for b, m, f in runs])


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def seconds(runs: Sequence[Run]) -> float:
    return median([r.seconds for r in runs])


def peak(runs: Sequence[Run]) -> float:
    return median([r.peak for r in runs])


def cpu(runs: Sequence[Run]) -> float:
    return median([r.cpu for r in runs])


def stolen(runs: Sequence[Run]) -> str:
    """The median share of CPU time stolen during these runs, or '-' where it is not known."""
    found = median([r.stolen for r in runs])
    return "-" if math.isnan(found) else f"{found:.1%}"


def spread(values: Iterable[float]) -> str:
    found = list(values)
    return f"{min(found):.2f} - {max(found):.2f}"


def stolen_ticks() -> int | None:
    """Clock ticks of CPU time that the hypervisor gave to other machines, all cores together ("steal" in
    /proc/stat); None where there is no such count. On a shared virtual machine this is the part of a slow spell
    that no code here can cause or avoid."""
    try:
        with open("/proc/stat", "rb") as stat:
            return int(stat.readline().split()[8])  # cpu user nice system idle iowait irq softirq steal ...
    except (OSError, IndexError, ValueError):
        return None


def run(command: Sequence[str], cwd: Path) -> Run:
    """Run one process to the end; its wall time, its own peak RSS, its CPU time and the time stolen meanwhile."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        stolen_before = stolen_ticks()
        started = time.perf_counter()
        process = subprocess.Popen(list(command), cwd=cwd, stdout=out, stderr=err, env=ENV)
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:  # interrupted or terminated: leave no build running
            process.kill()
            process.wait()
            raise
        elapsed = time.perf_counter() - started
        stolen_after = stolen_ticks()
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        if process.returncode != 0:
            out.seek(0)
            stdout = out.read().decode("utf-8", "replace")
            raise BenchError(f"{' '.join(command)} failed ({process.returncode}) in {cwd}:\n{stderr}{stdout}")
    share = float("nan")
    if stolen_before is not None and stolen_after is not None:
        share = (stolen_after - stolen_before) / (os.sysconf("SC_CLK_TCK") * elapsed * (os.cpu_count() or 1))
    used = usage.ru_utime + usage.ru_stime
    return Run(elapsed, usage.ru_maxrss * 1024, stderr, used, share)  # ru_maxrss is in KiB on Linux


SNAPSHOT = ("builder", "theme", "mkdocs.yml")  # what a project takes from the repository


def snapshot(base: Path, ref: str | None) -> Path:
    """Copy builder/, theme/ and mkdocs.yml once, from the working tree or from git `ref`, so that edits made
    while the bench runs (it takes a while) cannot mix two versions of the code in one set of figures."""
    target = base / "snapshot"
    if ref is None:
        target.mkdir()
        shutil.copytree(ROOT / "builder", target / "builder", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "theme", target / "theme")
        shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
        return target
    command = ["git", "-C", str(ROOT), "archive", "--format=tar", ref, *SNAPSHOT]
    archive = subprocess.run(command, capture_output=True, check=False)
    if archive.returncode != 0:
        raise BenchError(f"git archive {ref} failed: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return target


def code_version(ref: str | None) -> str:
    """The commit measured, and which measured files differ from it (uncommitted edits)."""
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", ref or "HEAD"], capture_output=True, text=True, check=False
    )
    if head.returncode != 0:
        return "unknown (no git)"
    if ref is not None:
        return f"{ref} = {head.stdout.strip()}"
    status = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--short", "--", *SNAPSHOT], capture_output=True, text=True, check=False
    )
    changed = [line[3:] for line in status.stdout.splitlines()]
    return f"{head.stdout.strip()}" + (f" + uncommitted changes to {', '.join(changed)}" if changed else "")


def make_project(where: Path, source: Path, n: int, seed: int) -> Path:
    """A project like tests/conftest.py's make_project (mkdocs.yml, theme/, builder/ from the snapshot `source`)
    around a synthetic content folder, plus the config variants."""
    where.mkdir(parents=True)
    shutil.copy(source / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(source / "theme", where / "theme")
    (where / "builder").symlink_to(source / "builder")
    write_corpus(synthesize(n, seed), where / "content")
    config = yaml.safe_load((source / "mkdocs.yml").read_text(encoding="utf-8"))
    plain = {key: value for key, value in config.items() if key != "hooks"}
    (where / "mkdocs.plain.yml").write_text(yaml.safe_dump(plain, sort_keys=False), encoding="utf-8")
    features = config["theme"].get("features", [])
    no_prune = {**config, "theme": {**config["theme"], "features": [f for f in features if f != "navigation.prune"]}}
    (where / "mkdocs.noprune.yml").write_text(yaml.safe_dump(no_prune, sort_keys=False), encoding="utf-8")
    return where


def builder_command(out: str = "build/docs") -> list[str]:
    return [PYTHON, "-m", "builder", "--content", "content", "--out", out, "build"]


def mkdocs_command(config: str, site: str, strict: bool = True) -> list[str]:
    return [PYTHON, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-f", config, "-d", site]


def edit_one_article(project: Path, n: int, run_number: int) -> None:
    """Change the summary of the middle article (a different text each run)."""
    path = project / "content" / "articles" / f"synth-{max(1, n // 2):04d}.yaml"
    text = path.read_text(encoding="utf-8")
    edited, count = re.subn(r'^summary: "(\(Edited \d+\) )?', f'summary: "(Edited {run_number}) ', text, flags=re.M)
    if count != 1:
        raise BenchError(f"{path}: no summary line to edit")
    path.write_text(edited, encoding="utf-8")


def written_pages(stderr: str) -> int:
    found = re.search(r"(\d+) written", stderr)
    return int(found[1]) if found else -1


def set_aside(folder: Path, discarded: Path) -> None:
    """Move `folder` (if there is one) into `discarded`, to be deleted when the bench ends: see the docstring."""
    if folder.exists():
        discarded.mkdir(exist_ok=True)
        folder.rename(discarded / f"{len(list(discarded.iterdir()))}-{folder.parent.name}-{folder.name}")


# The analysis that compares sources (issue 19): candidate meetings, each topic's status per meeting, and the
# statuses as each article arrived. Timed in one process on the loaded corpus, best of 3, so that its growth with
# N is visible apart from the rest of the builder.
ANALYSIS_PROBE = """
import time
from pathlib import Path
from builder.analyse import analyse
from builder.validate import load_corpus
corpus = load_corpus(Path("content"))
best = float("inf")
for _ in range(3):
    analysis = analyse(corpus)
    started = time.perf_counter()
    getattr(analysis, "meetings", None)
    analysis.findings
    analysis.arrivals
    best = min(best, time.perf_counter() - started)
print(best)
"""


def analysis_seconds(project: Path) -> float:
    done = subprocess.run([PYTHON, "-c", ANALYSIS_PROBE], cwd=project, capture_output=True, text=True, env=ENV)
    if done.returncode != 0:
        raise BenchError(f"analysis probe failed in {project}:\n{done.stderr}")
    return float(done.stdout.strip())


def measure(size: Size, project: Path, runs: int, prune_check: bool, log: bool, discarded: Path) -> None:
    for number in range(1, runs + 1):
        size.loads.append(os.getloadavg()[0])
        set_aside(project / "build", discarded)
        size.builder.append(run(builder_command(), project))
        size.warm.append(run(builder_command(), project))
        for step in ("mkdocs", "floor") if number % 2 else ("floor", "mkdocs"):  # in turn first: see the docstring
            if step == "mkdocs":
                set_aside(project / "site", discarded)
                size.mkdocs.append(run(mkdocs_command("mkdocs.yml", "site"), project))
            else:
                set_aside(project / "site-plain", discarded)
                size.floor.append(run(mkdocs_command("mkdocs.plain.yml", "site-plain", strict=False), project))
        if prune_check:
            set_aside(project / "site-noprune", discarded)
            size.no_prune.append(run(mkdocs_command("mkdocs.noprune.yml", "site-noprune"), project))
        edit_one_article(project, size.n, number)
        size.incremental.append(run(builder_command(), project))
        size.written.append(written_pages(size.incremental[-1].stderr))
        if log:
            print(
                f"  N={size.n} run {number}/{runs}: builder {size.builder[-1].seconds:.2f} s, "
                f"warm {size.warm[-1].seconds:.2f} s, "
                f"mkdocs {size.mkdocs[-1].seconds:.2f} s, floor {size.floor[-1].seconds:.2f} s, "
                f"incremental {size.incremental[-1].seconds:.2f} s ({size.written[-1]} written); "
                f"load {size.loads[-1]:.2f}; CPU stolen: mkdocs {stolen(size.mkdocs[-1:])}, "
                f"floor {stolen(size.floor[-1:])}",
                file=sys.stderr,
                flush=True,
            )
    size.analysis = analysis_seconds(project)
    site = project / "site"
    size.markdown_pages = sum(1 for _ in (project / "build" / "docs").rglob("*.md"))
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    size.html_pages = len(html)
    size.site_bytes = sum(p.stat().st_size for p in files)
    size.largest = max((p.stat().st_size, p.relative_to(site).as_posix()) for p in html)
    index = site / "search" / "search_index.json"
    data = index.read_bytes()
    size.search_bytes = len(data)
    size.search_gzip = len(gzip.compress(data, 6))
    size.search_docs = len(json.loads(data)["docs"])


def warm_up(base: Path, source: Path, seed: int) -> None:
    """One unmeasured build of a 1-article guide, so the bytecode cache is filled before anything is timed."""
    project = make_project(base / "warm-up", source, 1, seed)
    run(builder_command(), project)
    run(mkdocs_command("mkdocs.yml", "site"), project)
    run(mkdocs_command("mkdocs.plain.yml", "site-plain", strict=False), project)


# --- profiling ------------------------------------------------------------------------------------------

TIMING_HOOK = """\
\"\"\"Bench timing hook: timestamps of MkDocs build events, written as JSON when the process exits.\"\"\"
import atexit, json, os, time
from mkdocs.plugins import event_priority

EVENTS = []

def _mark(name, page=None):
    EVENTS.append((name, page.file.src_uri if page is not None else "", time.perf_counter()))

@event_priority(100)
def on_config(config):
    _mark("config")
    return config

@event_priority(-100)
def on_nav(nav, config, files):
    _mark("nav")
    return nav

@event_priority(-100)
def on_page_content(html, page, config, files):
    _mark("markdown", page)
    return html

@event_priority(100)
def on_env(env, config, files):
    _mark("env")
    return env

@event_priority(100)
def on_page_context(context, page, config, nav):
    _mark("context", page)
    return context

@event_priority(-100)
def on_post_page(output, page, config):
    _mark("html", page)
    return output

@event_priority(100)
def on_post_build(config):
    _mark("post_build")

@atexit.register
def _dump():
    _mark("exit")
    with open(os.environ["BENCH_PAGE_TIMES"], "w") as out:
        json.dump(EVENTS, out)
"""


def page_times(project: Path, top: int) -> None:
    """Where one `mkdocs build` spends its time, page by page, from a timing hook in a copy of mkdocs.yml."""
    (project / "bench_timing_hook.py").write_text(TIMING_HOOK, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [*config.get("hooks", []), "bench_timing_hook.py"]
    (project / "mkdocs.timing.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    output = project / "page-times.json"
    ENV["BENCH_PAGE_TIMES"] = str(output)
    try:
        wall = run(mkdocs_command("mkdocs.timing.yml", "site-timing"), project).seconds
    finally:
        del ENV["BENCH_PAGE_TIMES"]
    events = json.loads(output.read_text(encoding="utf-8"))
    at = {name: stamp for name, _, stamp in events if name in ("config", "nav", "env", "post_build", "exit")}
    markdown: dict[str, float] = {}
    html: dict[str, float] = {}
    previous = at["nav"]
    for name, page, stamp in events:
        if name == "markdown":
            markdown[page], previous = stamp - previous, stamp
        elif name == "context" and page not in html:
            html[page], previous = 0.0, stamp  # get_context and the previous page's write are in the gap
        elif name == "html":
            html[page] += stamp - previous
            previous = stamp
    last_page = max(stamp for name, _, stamp in events if name == "html")
    first_context = min(stamp for name, _, stamp in events if name == "context")
    sizes = {
        p.relative_to(project / "site-timing").as_posix(): p.stat().st_size
        for p in (project / "site-timing").rglob("*.html")
    }

    def built(page: str) -> int:
        return sizes.get(page[: -len(".md")] + ".html", 0)

    print(f"\nmkdocs build, page by page (one build with a timing hook: {wall:.1f} s wall):")
    print(f"  start-up, config, plugins, files and nav   {at['nav'] - at['config']:8.2f} s (+ imports before)")
    print(f"  Markdown to HTML, all pages                {sum(markdown.values()):8.2f} s")
    print(f"  static files and theme templates           {first_context - at['env']:8.2f} s")
    print(f"  search entries, page templates, writes     {sum(html.values()):8.2f} s")
    print(f"  anchor checks                              {at['post_build'] - last_page:8.2f} s")
    print(f"  post-build (search index, sitemap)         {at['exit'] - at['post_build']:8.2f} s")
    groups: dict[str, list[str]] = {}
    for page in markdown:
        folder = page.split("/")[0] + "/*" if "/" in page else page
        groups.setdefault(folder, []).append(page)
    rows = sorted(groups.items(), key=lambda kv: -sum(markdown[p] + html.get(p, 0.0) for p in kv[1]))
    print(f"  {'page (or group)':34} {'pages':>6} {'markdown s':>11} {'template s':>11} {'HTML MB':>8}")
    for label, pages in rows[:top]:
        print(
            f"  {label:34} {len(pages):6d} {sum(markdown[p] for p in pages):11.2f} "
            f"{sum(html.get(p, 0.0) for p in pages):11.2f} {sum(built(p) for p in pages) / MB:8.2f}"
        )


BUILDER_STAGES = [  # (file suffix, function): the pipeline's stages and the known heavy helpers
    ("builder/load.py", "load"),
    ("builder/validate.py", "validate"),
    ("builder/validate.py", "_articles"),
    ("builder/validate.py", "check"),
    ("builder/model.py", "_check_edtf"),
    ("builder/render.py", "plan_site"),
    ("builder/runner.py", "run"),
    ("builder/analyse.py", "analyse"),
    ("builder/analyse.py", "timeline"),
    ("builder/analyse.py", "actor_profiles"),
    ("builder/analyse.py", "arrivals"),
    ("builder/dates.py", "bounds"),
    ("builder/questions.py", "build_bank"),
    ("builder/render_quiz.py", "add_quiz_pages"),
    ("builder/render.py", "render_page"),
    ("builder/export.py", "downloads"),
    ("builder/write.py", "write_pages"),
    ("edtf/parser/grammar.py", "parse_edtf"),
]
MKDOCS_STAGES = [
    ("mkdocs/commands/build.py", "build"),
    ("mkdocs/commands/build.py", "_populate_page"),
    ("markdown/core.py", "convert"),
    ("mkdocs/commands/build.py", "_build_page"),
    ("mkdocs/commands/build.py", "_build_template"),
    ("jinja2/environment.py", "render"),
    ("mkdocs/structure/nav.py", "get_navigation"),
    ("mkdocs/contrib/search/__init__.py", "on_page_context"),
    ("mkdocs/contrib/search/__init__.py", "on_post_build"),
    ("material/plugins/search/plugin.py", "on_page_content"),
    ("material/plugins/search/plugin.py", "on_post_build"),
    ("mkdocs/commands/build.py", "_build_theme_template"),
    ("mkdocs/commands/build.py", "_build_extra_template"),
    ("mkdocs/structure/files.py", "copy_static_files"),
    ("mkdocs/utils/__init__.py", "write_file"),
]


def profile(project: Path, label: str, command: list[str], stages: Sequence[tuple[str, str]], top: int) -> None:
    output = project / f"{label}.prof"
    started = time.perf_counter()
    run([PYTHON, "-m", "cProfile", "-o", str(output), *command[1:]], project)
    elapsed = time.perf_counter() - started
    stats = pstats.Stats(str(output))
    table: dict[tuple[str, int, str], tuple[int, int, float, float, object]] = stats.stats  # type: ignore[attr-defined]
    total = max(entry[3] for entry in table.values())
    print(f"\n{label}: {elapsed:.1f} s under cProfile (profiling slows Python code; read the shares, not the times)")
    print(f"  {'stage (cumulative)':58} {'calls':>8} {'seconds':>9} {'share':>6}")
    for suffix, name in stages:
        found = [(k, v) for k, v in table.items() if k[0].endswith(suffix) and k[2] == name]
        if found:
            calls = sum(v[1] for _, v in found)
            cumulative = max(v[3] for _, v in found)
            print(f"  {suffix + ':' + name:58} {calls:8d} {cumulative:9.2f} {cumulative / total:6.1%}")
    print(f"  {'hotspot (own time)':58} {'calls':>8} {'seconds':>9} {'share':>6}")
    for key, value in sorted(table.items(), key=lambda kv: -kv[1][2])[:top]:
        where = f"{_short_path(key[0])}:{key[1]}:{key[2]}"
        print(f"  {where[-58:]:58} {value[1]:8d} {value[2]:9.2f} {value[2] / total:6.1%}")


def _short_path(path: str) -> str:
    for marker, keep in (("site-packages/", ""), ("/builder/", "builder/"), ("lib/python", "")):
        if marker in path:
            return keep + path.split(marker, 1)[1]
    return path


# --- report ---------------------------------------------------------------------------------------------


def report(sizes: Sequence[Size], target_n: int, runs: int) -> bool:
    def row(label: str, cells: Sequence[str]) -> None:
        print(f"{label:30}" + "".join(f"{cell:>20}" for cell in cells))

    print(f"\nMedians of {runs} run(s) each. Times are wall seconds; MB = 10^6 bytes.\n")
    row("articles (N)", [str(s.n) for s in sizes])
    row("Markdown pages / HTML pages", [f"{s.markdown_pages} / {s.html_pages}" for s in sizes])
    row("builder step, from scratch (s)", [f"{seconds(s.builder):.2f}" for s in sizes])
    row("  min - max", [spread(r.seconds for r in s.builder) for s in sizes])
    row("  CPU, user + system (s)", [f"{cpu(s.builder):.2f}" for s in sizes])
    row("  source analysis alone (s)", [f"{s.analysis:.3f}" for s in sizes])
    row("builder step, warm cache (s)", [f"{seconds(s.warm):.2f}" for s in sizes])
    row("mkdocs build --strict (s)", [f"{seconds(s.mkdocs):.2f}" for s in sizes])
    row("  min - max", [spread(r.seconds for r in s.mkdocs) for s in sizes])
    row("  CPU, user + system (s)", [f"{cpu(s.mkdocs):.2f}" for s in sizes])
    row("total (s)", [f"{median(s.total()):.2f}" for s in sizes])
    row("plain mkdocs floor (s)", [f"{seconds(s.floor):.2f}" for s in sizes])
    row("  min - max", [spread(r.seconds for r in s.floor) for s in sizes])
    row("  CPU, user + system (s)", [f"{cpu(s.floor):.2f}" for s in sizes])
    row("CPU stolen, mkdocs / floor", [f"{stolen(s.mkdocs)} / {stolen(s.floor)}" for s in sizes])
    if any(s.no_prune for s in sizes):
        row("mkdocs without nav.prune (s)", [f"{seconds(s.no_prune):.2f}" if s.no_prune else "-" for s in sizes])
    row("builder share of total", [f"{s.share():.1%}" for s in sizes])
    row("  with a warm cache", [f"{s.share(warm=True):.1%}" for s in sizes])
    row("total / floor", [f"{s.floor_ratio():.2f}x" for s in sizes])
    row("  with a warm cache", [f"{s.floor_ratio(warm=True):.2f}x" for s in sizes])
    row("per article, total (ms)", [f"{1000 * median(s.total()) / s.n:.0f}" for s in sizes])
    row("peak memory builder (MB)", [f"{peak(s.builder) / MB:.0f}" for s in sizes])
    row("peak memory mkdocs (MB)", [f"{peak(s.mkdocs) / MB:.0f}" for s in sizes])
    row("site size (MB)", [f"{s.site_bytes / MB:.1f}" for s in sizes])
    row("largest HTML page (KB)", [f"{s.largest[0] / 1000:.0f}" for s in sizes])
    row("  which page", [s.largest[1] for s in sizes])
    row("search_index.json (MB)", [f"{s.search_bytes / MB:.2f}" for s in sizes])
    row("  gzipped (MB) / entries", [f"{s.search_gzip / MB:.2f} / {s.search_docs}" for s in sizes])
    row("incremental builder (s)", [f"{seconds(s.incremental):.2f}" for s in sizes])
    row("  pages written", [str(int(median(s.written))) for s in sizes])

    by_n = {s.n: s for s in sizes}
    growth = [(s.n, by_n[s.n * 10]) for s in sizes if s.n * 10 in by_n]
    if growth:
        print("\nGrowth when N is multiplied by 10 (time at 10N / time at N):")
        for n, big in growth:
            small = by_n[n]
            parts = [
                f"builder {seconds(big.builder) / seconds(small.builder):.1f}x",
                f"source analysis {big.analysis / small.analysis:.1f}x",
                f"mkdocs {seconds(big.mkdocs) / seconds(small.mkdocs):.1f}x",
                f"total {median(big.total()) / median(small.total()):.1f}x",
                f"floor {seconds(big.floor) / seconds(small.floor):.1f}x",
            ]
            print(f"  {n} -> {n * 10}: " + ", ".join(parts))

    target = by_n.get(target_n) or sizes[-1]
    print(f"\nTargets at N = {target.n}:")
    results: list[bool] = []

    def check(ok: bool, text: str) -> None:
        results.append(ok)
        print(f"  {'PASS' if ok else 'FAIL'}  {text}")

    total, build, warm = median(target.total()), seconds(target.builder), seconds(target.warm)
    share, warm_share = target.share(), target.share(warm=True)
    check(share <= BUILDER_SHARE, f"builder step from scratch {build:.2f} s = {share:.1%} of total (<= 5%)")
    check(
        warm_share <= BUILDER_SHARE, f"builder step with a warm cache {warm:.2f} s = {warm_share:.1%} of total (<= 5%)"
    )
    ratio, warm_ratio = target.floor_ratio(), target.floor_ratio(warm=True)
    check(ratio <= FLOOR_RATIO, f"total {total:.2f} s = {ratio:.2f}x the plain mkdocs floor (<= 1.1x)")
    check(warm_ratio <= FLOOR_RATIO, f"total with a warm cache = {warm_ratio:.2f}x the floor (<= 1.1x)")
    tenth = by_n.get(target.n // 10)
    if tenth is not None and target.n % 10 == 0:
        ratio = total / median(tenth.total())
        check(ratio <= GROWTH, f"total grows {ratio:.1f}x from N={tenth.n} to N={target.n} (<= 11x)")
    else:
        print(f"  ----  growth: N={target.n // 10} was not measured")
    check(
        target.largest[0] <= PAGE_LIMIT,
        f"largest HTML page {target.largest[0] / MB:.2f} MB ({target.largest[1]}) (<= 1 MB)",
    )
    memory = max(peak(target.builder), peak(target.mkdocs), peak(target.floor))
    check(memory < MEMORY_LIMIT, f"peak memory {memory / MB:.0f} MB (< 1000 MB)")
    check(
        target.search_bytes <= SEARCH_LIMIT,
        f"search index {target.search_bytes / MB:.2f} MB, {target.search_gzip / MB:.2f} MB gzipped, "
        f"{target.search_docs} entries (<= 5 MB)",
    )
    incremental = seconds(target.incremental)
    written = int(median(target.written))
    check(
        incremental < INCREMENTAL_LIMIT,
        f"builder after editing one article {incremental:.2f} s, {written} page(s) written (< 1 s)",
    )
    print(
        "\nThe search limit: Material loads search_index.json whole and builds the lunr index in a web worker on"
        "\nthe first search. Measured in headless Chromium on this 2-core machine, the first results came about"
        "\n1.4 s after typing with a 1.3 MB index, 3.5 s with 4.6 MB, 4.4 s with 7 MB and 7 s with 11 MB (each"
        "\nlater query 0.2, 0.65, 0.95, 1.1 s): 5 MB is taken as the most that stays responsive."
    )
    return all(results)


# --- Engines: the same guide published by MkDocs and by Zensical (issue 21) ------------------------------------


@dataclass
class EngineRow:
    """One engine at one N: `python -m builder site` cold, again with nothing changed, again after editing one
    article, and the time from saving that edit to the served page showing it (`python -m builder serve`)."""

    engine: str
    n: int
    cold: float
    unchanged: float
    edited: float
    visible: float


def site_command(engine_name: str) -> list[str]:
    return [PYTHON, "-m", "builder", "--content", "content", "site", "--engine", engine_name, "--site", "site-engine"]


def engine_row(project: Path, n: int, engine_name: str, discarded: Path) -> EngineRow:
    for folder in (project / "build", project / ".cache", project / "site-engine"):
        set_aside(folder, discarded)
    cold = run(site_command(engine_name), project).seconds
    unchanged = run(site_command(engine_name), project).seconds
    edit_one_article(project, n, 90)
    edited = run(site_command(engine_name), project).seconds
    return EngineRow(engine_name, n, cold, unchanged, edited, edit_to_visible(project, n, engine_name))


def edit_to_visible(project: Path, n: int, engine_name: str) -> float:
    """Serve the guide, wait until it is up, save an edit to one article, and time until the page shows it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    article = f"synth-{max(1, n // 2):04d}"
    url = f"http://127.0.0.1:{port}/sources/{article}.html"
    command = [PYTHON, "-m", "builder", "--content", "content", "serve", "--engine", engine_name]
    command += ["--dev-addr", f"127.0.0.1:{port}"]
    with (project / f"serve-{engine_name}.log").open("wb") as log:
        server = subprocess.Popen(command, cwd=project, env=ENV, stdout=log, stderr=log, start_new_session=True)
    try:
        _wait(lambda: "(Edited 90)" in _fetch(url), 900, f"{engine_name} serving {url}")
        time.sleep(3)  # let the server settle after its first build
        edit_one_article(project, n, 91)
        started = time.perf_counter()
        _wait(lambda: "(Edited 91)" in _fetch(url), 600, f"{engine_name} showing the edit")
        return time.perf_counter() - started
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise BenchError(f"{what}: not seen within {seconds:.0f} s")


def report_engines(rows: Sequence[EngineRow]) -> None:
    print("\nEngines: `python -m builder site --engine E` (builder + engine, one run each), and serving:")
    head = f"  {'engine':10} {'N':>6} {'cold (s)':>10} {'no change (s)':>14} {'one edit (s)':>13}"
    print(head + f" {'edit to visible (s)':>20}")
    for r in rows:
        print(f"  {r.engine:10} {r.n:6d} {r.cold:10.2f} {r.unchanged:14.2f} {r.edited:13.2f} {r.visible:20.2f}")
    by = {(r.engine, r.n): r for r in rows}
    for engine_name in dict.fromkeys(r.engine for r in rows):
        sizes = sorted(n for e, n in by if e == engine_name)
        for small, big in itertools.pairwise(sizes):
            a, b = by[(engine_name, small)], by[(engine_name, big)]
            print(
                f"  {engine_name} {small} -> {big}: cold {b.cold / a.cold:.1f}x, one edit {b.edited / a.edited:.1f}x, "
                f"edit to visible {b.visible / a.visible:.1f}x"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="article counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; figures are medians (default 3)")
    parser.add_argument("--keep", type=Path, help="build the projects in this folder and keep them")
    parser.add_argument("--seed", type=int, default=0, help="synthetic corpus seed (default 0)")
    parser.add_argument("--target", type=int, default=1000, help="N the targets apply to (default 1000)")
    parser.add_argument(
        "--prune-check", action="store_true", help="also time mkdocs without navigation.prune (every size)"
    )
    parser.add_argument(
        "--profile", action="store_true", help="at the largest N: cProfile the builder and mkdocs, time mkdocs by page"
    )
    parser.add_argument("--git-ref", help="measure this commit (git archive) instead of the working tree")
    parser.add_argument("--top", type=int, default=15, help="hotspots to list with --profile (default 15)")
    parser.add_argument(
        "--engines",
        nargs="*",
        default=["mkdocs", "zensical"],
        help="site engines to compare at --engine-sizes (default: mkdocs zensical; none: skip)",
    )
    parser.add_argument("--engine-sizes", type=int, nargs="+", default=[100, 1000], help="N for the engine table")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.sizes))
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        base = Path(tempfile.mkdtemp(prefix="bench-", dir=args.keep))
    else:
        base = Path(tempfile.mkdtemp(prefix="storyguide-bench-"))
    ENV["PYTHONPYCACHEPREFIX"] = str(base / "pycache")
    print(f"bench: projects in {base}; sizes {sizes}; {args.runs} run(s) each", file=sys.stderr)
    results = []
    try:
        source = snapshot(base, args.git_ref)
        version = code_version(args.git_ref)
        print(f"bench: measuring {version}", file=sys.stderr)
        warm_up(base, source, args.seed)
        for n in sizes:
            started = time.perf_counter()
            project = make_project(base / f"n{n}", source, n, args.seed)
            size = Size(n)
            measure(size, project, args.runs, args.prune_check, log=True, discarded=base / "discarded")
            print(f"bench: N={n} done in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
            results.append(size)
        max_load = max(load for size in results for load in size.loads)
        print(
            f"\nCode measured: {version}. Load average (1 min) at the start of each run: max {max_load:.2f}"
            f" on {os.cpu_count()} cores (above about 1.5 on 2 cores, other work was competing and times are high)."
        )
        steps = [r for size in results for r in (*size.builder, *size.mkdocs, *size.floor) if not math.isnan(r.stolen)]
        if steps:
            overall = sum(r.stolen * r.seconds for r in steps) / sum(r.seconds for r in steps)
            print(
                f"CPU stolen by the hypervisor during the timed steps: {overall:.1%} of the machine's CPU time over"
                f" all of them, at most {max(r.stolen for r in steps):.1%} in one (0% on a machine of one's own)."
            )
        passed = report(results, args.target, args.runs)
        rows = []
        for n in sorted(set(args.engine_sizes)):
            for engine_name in args.engines:
                project = base / f"engines-{engine_name}-n{n}"
                make_project(project, source, n, args.seed)
                rows.append(engine_row(project, n, engine_name, base / "discarded"))
                print(f"bench: engine {engine_name} at N={n} done", file=sys.stderr, flush=True)
        if rows:
            report_engines(rows)
        if args.profile:
            project = base / f"n{sizes[-1]}"
            shutil.rmtree(project / "build-prof", ignore_errors=True)
            print(f"\nProfiles at N = {sizes[-1]}:")
            profile(project, "builder", builder_command("build-prof"), BUILDER_STAGES, args.top)
            profile(project, "mkdocs", mkdocs_command("mkdocs.yml", "site-prof"), MKDOCS_STAGES, args.top)
            page_times(project, args.top)
    except BenchError as err:
        print(f"bench: {err}", file=sys.stderr)
        return 2
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
        else:
            shutil.rmtree(base / "discarded", ignore_errors=True)
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
