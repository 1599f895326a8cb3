"""Golden snapshots of the generated Markdown. Refresh with `make snapshots`, then review the diff like code."""

from __future__ import annotations

import pytest

from builder.pipeline import generate

from .conftest import GUIDE, MINI, ROOT

SNAPSHOTS = ROOT / "tests" / "snapshots"
CORPORA = {"guide": GUIDE, "mini": MINI}  # fixtures, never the live content/: a new article changes no snapshot


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_generated_markdown_matches_snapshots(name: str, update_snapshots: bool) -> None:
    pages = {p: t for p, t in generate(CORPORA[name])[1].items() if isinstance(t, str)}
    folder = SNAPSHOTS / name
    if update_snapshots:
        for old in (p for p in folder.rglob("*") if p.is_file()):
            old.unlink()
        for path, text in pages.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text, encoding="utf-8")
    expected = {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()
    }
    assert sorted(pages) == sorted(expected), "pages added or removed: run `make snapshots` and review"
    for path, text in pages.items():
        assert text == expected[path], f"{name}/{path} differs from its snapshot: run `make snapshots` and review"
