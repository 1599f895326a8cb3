"""The build cache (builder/cache.py): a rebuild that uses it gives the same bytes as one from scratch, after every
kind of edit, and parses only the files that changed."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from builder import questions, render, validate
from builder.cache import DATABASE, BuildCache
from builder.keys import LIBRARIES, code_version, library_versions
from builder.load import load
from builder.pipeline import generate
from builder.problems import ContentError
from builder.synth import synthesize, write_corpus

from .conftest import MINI, ROOT, make_project, run_builder

Edit = Callable[[Path], None]


def _yaml(path: Path, change: Callable[[Any], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _article(n: int, change: Callable[[dict[str, Any]], None]) -> Edit:
    return lambda content: _yaml(content / "articles" / f"synth-{n:04d}.yaml", change)


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.__setitem__(key, value)


def _claim_like_article_one(data: dict[str, Any]) -> None:
    """Give the first claim the value another source gives on that topic, so statuses can change."""
    data["claims"][0]["value"] = "A value no other source gives"


def _new_article(content: Path) -> None:
    data = yaml.safe_load((content / "articles" / "synth-0006.yaml").read_text(encoding="utf-8"))
    data.update(id="synth-0099", short_title="A new report", title="A new report on the talks")
    data["raw"] = "raw/synth-0099.txt"
    (content / "articles" / "synth-0099.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    shutil.copy(content / "raw" / "synth-0006.txt", content / "raw" / "synth-0099.txt")


def _delete_article(content: Path) -> None:
    (content / "articles" / "synth-0007.yaml").unlink()


def _rename_first_actor(content: Path) -> None:
    _yaml(content / "actors.yaml", lambda actors: actors[0].__setitem__("name", "Renamed Actor"))


def _relabel_topic(content: Path) -> None:
    _yaml(content / "topics.yaml", lambda topics: topics[0].__setitem__("label", "A relabelled topic"))


def _longer_raw(content: Path) -> None:
    with (content / "raw" / "synth-0008.txt").open("a", encoding="utf-8") as stream:
        stream.write("\nA paragraph added later.\n")


def _redefine_term(content: Path) -> None:
    _yaml(content / "glossary.yaml", lambda terms: terms[0].__setitem__("definition", "A new definition."))


EDITS: list[tuple[str, Edit]] = [
    ("summary", _article(1, _set("summary", "An edited summary."))),
    ("claim value", _article(2, _claim_like_article_one)),
    ("label", _article(3, _set("short_title", "Relabelled source"))),
    ("actor mention removed", _article(4, lambda data: data["actors"].pop())),
    ("event date", _article(5, lambda data: data["events"][0].__setitem__("date", "2019"))),
    ("article added", _new_article),
    ("article deleted", _delete_article),
    ("actor renamed", _rename_first_actor),
    ("topic relabelled", _relabel_topic),
    ("raw text longer", _longer_raw),
    ("glossary", _redefine_term),
]


@pytest.fixture
def synth_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    write_corpus(synthesize(30, 0), content)
    return content


def _article_entries(cache: BuildCache) -> int:
    """Kept results that are parsed article files."""
    return sum(isinstance(pickle.loads(value), validate.Parsed) for value in cache.results.values())


def _cached(content: Path, folder: Path) -> dict[str, str | bytes]:
    cache = BuildCache.open(folder)
    pages = generate(content, cache)[1]
    cache.save()
    return pages


def test_cached_builds_match_builds_from_scratch_after_every_kind_of_edit(synth_content: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    assert _cached(synth_content, folder) == generate(synth_content)[1]
    for name, edit in EDITS:
        before = generate(synth_content)[1]
        edit(synth_content)
        scratch = generate(synth_content)[1]
        assert scratch != before, f"the edit '{name}' changed nothing: the test would prove nothing"
        cached = _cached(synth_content, folder)
        wrong = sorted(path for path in scratch if cached.get(path) != scratch[path])
        assert not wrong, f"after the edit '{name}', these cached pages differ from a build from scratch: {wrong}"
        assert sorted(cached) == sorted(scratch)


def test_a_rebuild_parses_only_the_changed_article(
    synth_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []

    def counting(real: Callable[[bytes, str], Any]) -> Callable[[bytes, str], Any]:
        def parse(data: bytes, shown_as: str) -> Any:
            parsed.append(shown_as)
            return real(data, shown_as)

        return parse

    for name in ("parse_bytes", "parse_lazily"):  # with and without positions
        monkeypatch.setattr(validate, name, counting(getattr(validate, name)))
    folder = tmp_path / "cache"
    _cached(synth_content, folder)
    assert sum("/articles/" in p for p in parsed) == 30
    parsed.clear()
    _cached(synth_content, folder)
    assert [p for p in parsed if "/articles/" in p] == [], "no article file is parsed again"
    _article(1, _set("summary", "Edited."))(synth_content)
    parsed.clear()
    _cached(synth_content, folder)
    assert [p for p in parsed if "/articles/" in p] == ["content/articles/synth-0001.yaml"]


def test_a_summary_edit_renders_only_its_source_page(
    synth_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Summaries show on their source page only: the other pages, the analysis they need and the question bank
    are all taken from the cache."""
    rendered: list[str] = []
    real = render.render_page

    def recording(template: str, path: str, **context: Any) -> str:
        rendered.append(path)
        return real(template, path, **context)

    folder = tmp_path / "cache"
    _cached(synth_content, folder)
    monkeypatch.setattr(render, "render_page", recording)
    monkeypatch.setattr(questions, "build_bank", lambda *_: pytest.fail("the question bank was made again"))
    _article(3, _set("summary", "A summary edited for the test."))(synth_content)
    cache = BuildCache.open(folder)
    pages = generate(synth_content, cache).pages
    assert rendered == ["sources/synth-0003.md"]
    assert "A summary edited for the test." in str(pages["sources/synth-0003.md"])


def test_problems_in_cached_articles_name_the_same_lines(tmp_path: Path) -> None:
    """A cached article is parsed again only to place a message; the messages are those of a build from scratch."""
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    folder = tmp_path / "cache"
    _cached(content, folder)
    actors = (content / "actors.yaml").read_text(encoding="utf-8")
    (content / "actors.yaml").write_text(actors.replace("id: bob-south", "id: robert-south"), encoding="utf-8")
    with pytest.raises(ContentError) as scratch:
        generate(content)
    with pytest.raises(ContentError) as cached:
        _cached(content, folder)
    assert cached.value.problems == scratch.value.problems
    assert any(p.path == "content/articles/one.yaml" and "bob-south" in p.message for p in cached.value.problems)


def test_a_quote_removed_from_the_raw_text_is_found_although_the_article_is_cached(tmp_path: Path) -> None:
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    folder = tmp_path / "cache"
    _cached(content, folder)
    raw = content / "raw" / "one.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("met at the lake", "met by the sea"), encoding="utf-8")
    with pytest.raises(ContentError) as cached:
        _cached(content, folder)
    assert any("quote not found verbatim" in p.message for p in cached.value.problems)


def test_an_unreadable_cache_is_ignored(synth_content: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    home = BuildCache(folder).home
    assert home is not None
    home.mkdir(parents=True)
    (home / DATABASE).write_bytes(b"not a database at all " * 100)
    assert _cached(synth_content, folder) == generate(synth_content)[1]
    stored = BuildCache.open(folder)
    assert stored.pages and _article_entries(stored) == 30, "the damaged database was replaced"
    with sqlite3.connect(home / DATABASE) as db:  # a row that cannot be unpickled is a cache miss
        db.execute("UPDATE results SET value = ? WHERE rowid = 1", (b"\x80\x05 broken",))
    db.close()
    assert _cached(synth_content, folder) == generate(synth_content)[1]
    with sqlite3.connect(home / DATABASE) as db:  # and so is an article whose JSON is no longer valid
        for key, value in db.execute("SELECT key, value FROM results").fetchall():
            found = pickle.loads(value)
            broken = found._replace(article=validate.ParsedArticle(found.article.article, b'{"id": 1'))
            db.execute("UPDATE results SET value = ? WHERE key = ?", (pickle.dumps(broken), key))
    db.close()
    assert _cached(synth_content, folder) == generate(synth_content)[1]
    assert _article_entries(BuildCache.open(folder)) == 30


def test_a_parsed_article_travels_between_processes_as_its_json() -> None:
    inputs = load(MINI)
    result = validate._parse_article(inputs.raw, inputs.articles[0])
    parsed = result.article
    assert parsed is not None and not result.problems and not result.quote_problems
    assert result.quotes_checked_in == inputs.raw[parsed.article.raw].key
    sent = pickle.dumps(parsed)
    assert len(sent) < len(parsed.json) + 200, "the models are not pickled with it"
    received = pickle.loads(sent)
    assert received.json == parsed.json
    assert received.article == parsed.article


def test_another_builder_version_starts_afresh(synth_content: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    old = folder / ("0" * 20)
    old.mkdir(parents=True)
    (old / DATABASE).write_bytes(b"from another version")
    (folder / "notes").mkdir()  # not the cache's: left alone, whatever folder --cache names
    (folder / ("1" * 20)).mkdir()
    _cached(synth_content, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted([code_version()[:20], "notes", "1" * 20])
    assert _article_entries(BuildCache.open(folder)) == 30


def test_library_versions_are_those_importlib_metadata_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    assert library_versions(LIBRARIES) == {name: metadata.version(name) for name in LIBRARIES}
    first, second = tmp_path / "first", tmp_path / "second"
    (first / "Storyguide_Fake.Pkg-1.2.3.dist-info").mkdir(parents=True)
    (second / "storyguide_fake_pkg-9.9.dist-info").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(first), str(second), *sys.path])
    found = library_versions(["storyguide-fake-pkg", "storyguide-no-such-pkg", "PyYAML"])
    assert found == {
        "storyguide-fake-pkg": "1.2.3",  # the first on the path, its name compared as packaging does
        "storyguide-no-such-pkg": None,
        "PyYAML": metadata.version("pyyaml"),
    }


def test_the_cli_keeps_its_cache_in_build_and_no_cache_keeps_none(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", ROOT / "tests" / "fixtures" / "mini")
    result = run_builder(project, "--no-cache", "build")
    assert result.returncode == 0, result.stderr
    assert not (project / "build" / "cache").exists()
    first = {p: p.read_bytes() for p in (project / "build" / "docs").rglob("*") if p.is_file()}
    result = run_builder(project, "build")
    assert result.returncode == 0, result.stderr
    assert list((project / "build" / "cache").glob(f"*/{DATABASE}"))
    assert "0 written" in result.stderr
    again = run_builder(project, "build")
    assert "0 written" in again.stderr
    assert {p: p.read_bytes() for p in (project / "build" / "docs").rglob("*") if p.is_file()} == first


@pytest.mark.parametrize(
    ("name", "breakage", "expected"),
    [
        (
            "copied article",
            lambda c: shutil.copy(c / "articles" / "one.yaml", c / "articles" / "three.yaml"),
            "id 'one'",
        ),
        ("raw text gone", lambda c: (c / "raw" / "two.txt").unlink(), "raw text raw/two.txt not found"),
        ("actor gone", lambda c: _drop_actor(c), "unknown actor 'bob-south'"),
    ],
)
def test_a_summary_edit_with_a_problem_elsewhere_still_reports_it(
    tmp_path: Path, name: str, breakage: Callable[[Path], object], expected: str
) -> None:
    """A rebuild after a summary edit, which renders only one page, must never hide a problem elsewhere: every
    article is checked against the shared files in every build."""
    content = Path(shutil.copytree(MINI, tmp_path / "content"))
    folder = tmp_path / "cache"
    _cached(content, folder)
    one = content / "articles" / "one.yaml"
    one.write_text(one.read_text(encoding="utf-8").replace("The envoys met at the lake.", "Edited."), encoding="utf-8")
    breakage(content)
    with pytest.raises(ContentError) as cached:
        _cached(content, folder)
    assert any(expected in p.message for p in cached.value.problems), (name, cached.value.problems)
    with pytest.raises(ContentError) as scratch:
        generate(content)
    assert cached.value.problems == scratch.value.problems


def _drop_actor(content: Path) -> None:
    actors = (content / "actors.yaml").read_text(encoding="utf-8")
    (content / "actors.yaml").write_text(actors.replace("id: bob-south", "id: robert-south"), encoding="utf-8")


def test_compiled_templates_are_kept_as_python_keeps_bytecode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert render.compiled_templates_folder() is None, "PYTHONDONTWRITEBYTECODE: nothing is written"
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    expected = tmp_path / "prefix" / render.TEMPLATES.resolve().relative_to(render.TEMPLATES.resolve().anchor)
    assert render.compiled_templates_folder() == expected
    (tmp_path / "a-file").write_text("not a folder", "utf-8")
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "a-file"))
    assert render.compiled_templates_folder() is None, "a folder that cannot be made: compile in every run"


def test_pages_from_compiled_templates_equal_pages_from_fresh_ones(tmp_path: Path) -> None:
    """Three builds in fresh processes: compiling and keeping the templates, reading them back, and without."""
    project = make_project(tmp_path / "project", MINI)
    folder = tmp_path / "prefix" / render.TEMPLATES.resolve().relative_to(render.TEMPLATES.resolve().anchor)
    folder.mkdir(parents=True)
    stale = folder / "__jinja2_0123456789abcdef_1234.cache"  # compiled by another version of the builder
    stale.write_bytes(b"stale")
    outputs = []
    for name, extra in (("compile", {}), ("read", {}), ("none", {"PYTHONDONTWRITEBYTECODE": "1"})):
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(PYTHONPYCACHEPREFIX=str(tmp_path / "prefix"), **extra)
        out = tmp_path / name
        command = [sys.executable, "-m", "builder", "--no-cache", "--out", str(out), "build"]
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        outputs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    kept = list(folder.glob("__jinja2_*.cache"))
    assert kept, "the first build keeps its compiled templates"
    assert all(p.name.startswith(f"__jinja2_{code_version()[:16]}_") for p in kept), "named by code version"
    assert not stale.exists(), "another version's files are removed"
    assert outputs[0] == outputs[1] == outputs[2]
