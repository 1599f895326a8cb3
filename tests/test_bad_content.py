"""Bad content, data-driven: each tests/bad_content/<case>.yaml replaces one file of tests/fixtures/mini.

A case's header comments say which file it replaces (`# target:`), which fixture files to remove first
(`# delete:`), which other fixture files to write as one line of text (`# write: raw/two.txt: The text.`), which
exam preset the mini guide takes (`# exam: upsc`; without it the default, plain), and
every problem the builder must report, in order (`# expect:`). A problem's further lines (a quote and the passage
it differs from, with a caret) follow its `# expect:` line, each as '#' and the line as printed (indented by four
spaces). A case whose message the builder does not get right yet also records today's output in `# expect-todo:`
lines and is an expected failure. Line numbers in the expected problems count the header lines, since they are
part of the file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.problems import ContentError
from builder.validate import load_corpus
from builder.write import MARKER

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini"
CASES = sorted((HERE / "bad_content").glob("*.yaml"))
TODO = pytest.mark.xfail(reason="the builder's message needs work: see the case's # expect-todo lines", strict=False)


def header(case: Path, key: str) -> list[str]:
    prefix = f"# {key}: "
    lines = case.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix(prefix) for line in lines if line.startswith(prefix)]


def expected(case: Path) -> list[str]:
    """The problems a case expects, as printed: each `# expect:` line with the lines that continue it."""
    problems: list[str] = []
    for line in case.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect: "):
            problems.append(line.removeprefix("# expect: "))
        elif line.startswith("#    ") and problems:
            problems[-1] += "\n" + line.removeprefix("#")
        elif not line.startswith("#"):
            break
    return problems


def content_with(case: Path, root: Path) -> Path:
    """A copy of the mini corpus under `root`/content with `case` written over its target."""
    content = root / "content"
    shutil.copytree(MINI, content)
    (content / header(case, "target")[0]).write_bytes(case.read_bytes())
    for name in header(case, "delete"):
        (content / name).unlink()
    for name in header(case, "exam"):
        with (content / "guide.yaml").open("a", encoding="utf-8") as guide:
            guide.write(f"exam: {name}\n")
    for written in header(case, "write"):
        name, text = written.split(": ", 1)
        (content / name).write_text(text + "\n", encoding="utf-8")
    return content


def problems(content: Path) -> list[str]:
    try:
        load_corpus(content)
    except ContentError as err:
        return [str(problem) for problem in err.problems]
    return []


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "builder", *map(str, args)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.stem, marks=[TODO] if header(c, "expect-todo") else []) for c in CASES]
)
def test_bad_content(case: Path, tmp_path: Path) -> None:
    expect = expected(case)
    assert len(header(case, "target")) == 1 and expect, "a case needs one # target: and some # expect: lines"
    assert problems(content_with(case, tmp_path)) == expect


def test_mini_fixture_is_valid() -> None:
    assert problems(MINI) == []
    assert [a.id for a in load_corpus(MINI).articles] == ["one", "two"]


def test_bare_date_is_read_as_a_string(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    article = content / "articles" / "one.yaml"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace('"2024-03-20"', "2024-03-20").replace('"2026-11-01"', "2026-11-01"), "utf-8")
    one = load_corpus(content).articles[0]
    assert (one.published, one.added) == ("2024-03-20", "2026-11-01")


# The classes of problem that once got through silently (issue 22): each through the real CLI too.
SELF_CONTRADICTING = [
    "edtf_interval_ends_before_it_starts",
    "office_term_ends_before_it_starts",
    "affiliated_with_itself",
    "affiliations_in_a_circle",
    "meeting_call_names_one_article_twice",
    "actor_id_takes_a_list_page_path",
    "failed_article_is_not_reported_again",
    "added_before_published",
    "planned_event_dated_before_publication",
    "meeting_calls_contradict",
    "meeting_call_on_an_article_without_the_event",
    "compatible_on_a_non_exclusive_topic",
]


@pytest.mark.parametrize("name", ["two_errors", "quote_not_in_raw", *SELF_CONTRADICTING])
def test_check_reports_problems_without_traceback(name: str, tmp_path: Path) -> None:
    case = HERE / "bad_content" / f"{name}.yaml"
    result = cli("--content", content_with(case, tmp_path), "check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:-1] == "\n".join(expected(case)).splitlines()
    assert "Traceback" not in result.stderr + result.stdout


def test_failed_build_writes_nothing_and_keeps_content(tmp_path: Path) -> None:
    out = tmp_path / "out"  # as an earlier build left it; a build that got as far as writing would prune it
    (out / "sources").mkdir(parents=True)
    (out / MARKER).write_text("earlier build\n")
    (out / "sources" / "stale.md").write_text("# Stale\n")
    built = snapshot(out)
    bad = content_with(HERE / "bad_content" / "unknown_actor_did_you_mean.yaml", tmp_path)
    before = snapshot(bad)
    for target in (out, tmp_path / "new-out"):
        result = cli("--content", bad, "--out", target, "build", cwd=tmp_path)
        assert result.returncode == 1 and "Traceback" not in result.stderr
    assert snapshot(out) == built
    assert not (tmp_path / "new-out").exists()
    assert snapshot(bad) == before


def test_a_failed_site_build_leaves_the_previous_site(tmp_path: Path) -> None:
    """For each class above, `python -m builder site` exits 1 with the problem, writes no Markdown and leaves the
    site that the last good build published as it was."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(HERE.parent / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(HERE.parent / "theme", project / "theme")
    (project / "builder").symlink_to(HERE.parent / "builder")
    shutil.copytree(MINI, project / "content")
    assert cli("site", cwd=project).returncode == 0
    site, docs = snapshot(project / "site"), snapshot(project / "build" / "docs")
    for name in SELF_CONTRADICTING:
        shutil.rmtree(project / "content")
        content_with(HERE / "bad_content" / f"{name}.yaml", project)
        result = cli("site", cwd=project)
        assert result.returncode == 1 and "Traceback" not in result.stderr, name
        assert result.stderr.splitlines()[0] == expected(HERE / "bad_content" / f"{name}.yaml")[0], name
        assert snapshot(project / "site") == site and snapshot(project / "build" / "docs") == docs, name
