"""The write stage and determinism: only changed files are written, stale ones go, output is stable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder import write
from builder.pipeline import build
from builder.write import MARKER, PageWriter, write_pages


def snapshot_tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_content_gives_byte_identical_pages(mini_content: Path, tmp_path: Path) -> None:
    build(mini_content, tmp_path / "a")
    build(mini_content, tmp_path / "b")
    assert snapshot_tree(tmp_path / "a") == snapshot_tree(tmp_path / "b")


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    write_pages({"index.md": "# Home\n", "a/b.md": "B\n"}, out)
    before = (out / "a" / "b.md").stat().st_mtime_ns
    report = write_pages({"index.md": "# Home, changed\n", "a/b.md": "B\n"}, out)
    assert (report.written, report.unchanged, report.removed) == (1, 1, 0)
    assert (out / "a" / "b.md").stat().st_mtime_ns == before
    assert (out / "index.md").read_text() == "# Home, changed\n"


def test_stale_files_and_empty_folders_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    write_pages({"index.md": "x\n", "old/page.md": "y\n"}, out)
    report = write_pages({"index.md": "x\n"}, out)
    assert report.removed == 1
    assert sorted(snapshot_tree(out)) == [MARKER, "index.md"]
    assert not (out / "old").exists()


def test_leftovers_of_an_interrupted_write_and_nested_empty_folders_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    write_pages({"index.md": "x\n", "a/b/c.md": "y\n", "a/d.md": "z\n"}, out)
    (out / "a" / ".e.md.tmp").write_text("half written")
    report = write_pages({"index.md": "x\n", "a/d.md": "z, changed\n"}, out)
    assert (report.written, report.unchanged, report.removed) == (1, 1, 2)
    assert snapshot_tree(out) == {MARKER: (out / MARKER).read_bytes(), "a/d.md": b"z, changed\n", "index.md": b"x\n"}
    assert not (out / "a" / "b").exists()


def test_refuses_to_write_into_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("precious")
    with pytest.raises(FileExistsError):
        write_pages({"index.md": "x\n"}, tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "precious"


def test_files_known_unchanged_by_their_stat_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "docs"
    first = write_pages({"a.md": "A\n", "b.md": "B\n"}, out)
    assert set(first.stats) == {"a.md", "b.md"}
    read: list[str] = []
    real = Path.read_bytes

    def reading(path: Path) -> bytes:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", reading)
    report = write_pages({"a.md": "A\n", "b.md": "B\n"}, out, first.stats)
    assert (report.written, report.unchanged, read) == (0, 2, [])
    (out / "b.md").write_text("X\n")  # changed behind the builder's back: same size, a later time
    _later(out / "b.md")
    report = write_pages({"a.md": "A\n", "b.md": "B\n"}, out, first.stats)
    assert (report.written, read) == (1, ["b.md"])
    assert (out / "b.md").read_text() == "B\n"


def test_a_page_edited_by_hand_is_restored_by_a_rebuild_from_the_cache(mini_content: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "docs", tmp_path / "cache"
    build(mini_content, out, cache)
    page = out / "sources" / "one.md"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"Envoys", b"Envoyz"))
    _later(page)
    _, report = build(mini_content, out, cache)
    assert report.written == 1 and page.read_bytes() == original


def test_a_page_waits_while_another_process_writes_and_is_written_later(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    writer = PageWriter(out)
    writer.claim()
    writer.share()
    lock = writer._lock  # held as another process would hold it while it creates a file
    lock.acquire()
    first = writer.soon("a.md", "A\n")
    assert first.written is None and not (out / "a.md").exists(), "a page waits while another process writes"
    lock.release()
    second = writer.soon("b/c.md", "C\n")
    assert first.written is not None and second.written is not None, "the next page takes the waiting one along"
    assert (first.content, second.content) == (None, None), "a written page's text is let go"
    lock.acquire()
    third = writer.soon("d.md", "D\n")
    lock.release()
    writer.catch_up()
    writer.catch_up()  # nothing left: nothing to do
    assert third.written is not None
    for entry in (first, second, third):
        found = os.stat(out / entry.relative)
        assert entry.written == (True, (found.st_size, found.st_mtime_ns))
    assert snapshot_tree(out) == {MARKER: (out / MARKER).read_bytes(), "a.md": b"A\n", "b/c.md": b"C\n", "d.md": b"D\n"}


def test_pages_are_written_although_a_process_holding_the_lock_never_lets_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write, "CATCH_UP_WAIT", 0.05)
    writer = PageWriter(tmp_path / "docs")
    writer.claim()
    writer.share()
    writer._lock.acquire()  # as if a process killed while creating a file held it
    entry = writer.soon("a.md", "A\n")
    assert entry.written is None
    writer.catch_up()
    assert entry.written is not None and (tmp_path / "docs" / "a.md").read_text() == "A\n"


def test_pages_given_to_soon_without_sharing_are_written_at_once(tmp_path: Path) -> None:
    writer = PageWriter(tmp_path / "docs")
    writer.claim()
    entry = writer.soon("a.md", "A\n")
    assert entry.written is not None and (tmp_path / "docs" / "a.md").read_text() == "A\n"


def _later(path: Path) -> None:
    """Move the file's time on by a second: an edit made within the clock tick of the build could keep the
    time it had, which no person editing a page would manage, but a test could."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
