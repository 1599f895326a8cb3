"""Broken input through the real command line: exit status 1, file:line messages, no traceback, quickly,
and nothing lost: `content/` and the previous `site/` stay exactly as they were."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.load import MAX_BYTES
from builder.validate import load_corpus

from .conftest import MINI, make_project, run_builder
from .test_bad_content import CASES, header
from .test_bad_content import expected as expected_problems

pytestmark = pytest.mark.site
ONE = (MINI / "articles" / "one.yaml").read_bytes()

# Input that a YAML case file cannot hold: (name, target, bytes, the problem it must produce).
BYTE_CASES = [
    (
        "latin-1 bytes",
        "articles/one.yaml",
        ONE.replace(b'"The envoys met at the lake."', b'"Caf\xe9 talks at the lake."'),
        "content/articles/one.yaml:9:14: byte 0xe9 is not UTF-8: save the file as UTF-8",
    ),
    (
        "over the size limit",
        "glossary.yaml",
        b"# padding\n" * (MAX_BYTES // 10 + 1),
        f"content/glossary.yaml:1:1: file is {MAX_BYTES + 10:,} bytes; the limit is {MAX_BYTES:,}: split it into "
        "smaller files",
    ),
    (
        "raw text not UTF-8",
        "raw/two.txt",
        b"The envoys met in the hills \xff\xfe on 4 April 2024.\n",
        "content/articles/two.yaml:7:1: raw text raw/two.txt is not UTF-8: save it as UTF-8",
    ),
]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A project with a good site already built, as an author would have before making a mistake."""
    project = make_project(tmp_path_factory.mktemp("broken"), MINI)
    assert run_builder(project, "site").returncode == 0
    yield project


def all_cases() -> list[tuple[str, str, bytes, list[str], list[str], list[str]]]:
    """(name, target, its bytes, the lines printed, files to delete, files to write as '<path>: <one line>'); a
    case's exam preset is written as a line added to guide.yaml."""
    cases = [
        (
            c.stem,
            header(c, "target")[0],
            c.read_bytes(),
            printed(c),
            header(c, "delete"),
            [*header(c, "write"), *(f"+guide.yaml: exam: {name}" for name in header(c, "exam"))],
        )
        for c in CASES
    ]
    cases += [(name, target, data, [problem], [], []) for name, target, data, problem in BYTE_CASES]
    return cases


def printed(case: Path) -> list[str]:
    """The lines a case's problems take on the terminal (a problem may have further lines, indented)."""
    return "\n".join(expected_problems(case)).splitlines()


@pytest.mark.parametrize(
    ("name", "target", "data", "expected", "delete", "write"),
    all_cases(),
    ids=lambda v: v if isinstance(v, str) and " " not in v else None,
)
def test_broken_content_fails_cleanly_and_loses_nothing(
    project: Path, name: str, target: str, data: bytes, expected: list[str], delete: list[str], write: list[str]
) -> None:
    content = project / "content"
    shutil.rmtree(content)
    shutil.copytree(MINI, content)
    (content / target).write_bytes(data)
    for path in delete:
        (content / path).unlink()
    for written in write:
        path, text = written.split(": ", 1)
        with (content / path.removeprefix("+")).open("a" if path.startswith("+") else "w", encoding="utf-8") as f:
            f.write(text + "\n")
    content_before, site_before = tree(content), tree(project / "site")
    started = time.monotonic()
    result = run_builder(project, "site")
    seconds = time.monotonic() - started
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if not line.startswith("builder:")] == expected
    assert tree(content) == content_before, "the builder changed content/"
    assert tree(project / "site") == site_before, "a failed build changed site/"
    assert seconds < 10, f"{name} took {seconds:.1f} s"  # a guard against hangs (alias bombs); typical: 0.5 s


def test_a_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    """Editors on Windows save like this; refusing it would break every checkout made with autocrlf."""
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    for path in content.rglob("*.yaml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    corpus = load_corpus(content)
    assert [a.id for a in corpus.articles] == ["one", "two"]
    broken = content / "articles" / "one.yaml"
    broken.write_bytes(broken.read_bytes().replace(b"kind: news", b"kind: rumour"))
    with pytest.raises(Exception, match=r"content/articles/one.yaml:5:1: 'kind'"):
        load_corpus(content)
