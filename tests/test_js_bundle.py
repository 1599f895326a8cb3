"""The quiz's browser code: ES modules in js/quiz/, bundled by the esbuild pinned in package.json into
theme/assets/quiz.js, which is committed so that `make site` needs no Node. These tests rebuild the bundle and
check that the committed file is current (as test_schema does for the JSON Schemas), and that only the bundle
reaches the site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

SOURCES = ROOT / "js" / "quiz"
BUNDLE = ROOT / "theme" / "assets" / "quiz.js"
BUILD_SCRIPT = ROOT / "js" / "build.mjs"


def _pinned() -> str:
    return str(json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["esbuild"])


def _bundle(out: Path) -> bytes:
    """Bundle js/quiz/ into `out` with node and the esbuild in node_modules; fail (not skip) when either is missing."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the bundle test needs Node (20 or newer) and `npm ci` (make test runs it)")
    installed = ROOT / "node_modules" / "esbuild" / "package.json"
    if not installed.is_file():
        pytest.fail("esbuild is missing from node_modules: run `npm ci` (make test and make js run it)")
    version = json.loads(installed.read_text(encoding="utf-8"))["version"]
    if version != _pinned():
        pytest.fail(f"node_modules has esbuild {version}, package.json pins {_pinned()}: run `npm ci`")
    result = subprocess.run(
        [node, str(BUILD_SCRIPT), str(out)], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, f"bundling failed:\n{result.stderr}"
    return out.read_bytes()


def test_esbuild_is_pinned_exactly_and_locked() -> None:
    pinned = _pinned()
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), f"esbuild {pinned!r}: pin an exact version (--save-exact)"
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][""]["devDependencies"]["esbuild"] == pinned
    assert lock["packages"]["node_modules/esbuild"]["version"] == pinned, "package-lock.json is stale: run npm install"
    scripts = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["scripts"]
    assert scripts["build:js"] == "node js/build.mjs"


def test_committed_bundle_is_current(tmp_path: Path) -> None:
    first = _bundle(tmp_path / "a" / "quiz.js")
    again = _bundle(tmp_path / "elsewhere" / "bundle.js")
    assert first == again, "the bundle depends on where it is written: it must depend only on the sources"
    assert BUNDLE.read_bytes() == first, (
        "theme/assets/quiz.js is not the bundle of js/quiz/: run `make js` and commit theme/assets/quiz.js "
        "(never edit it by hand)"
    )


def test_bundle_is_readable_and_says_it_is_generated() -> None:
    text = BUNDLE.read_text(encoding="utf-8")
    assert text.startswith("/* GENERATED FILE: do not edit. Bundled by esbuild from js/quiz/")
    assert "(() => {\n" in text and text.endswith("})();\n")  # an IIFE: a classic script, no module loader
    assert "\n  // js/quiz/practice.js\n" in text  # not minified: each module under its name
    assert "✓ Correct" in text  # UTF-8, not \\u escapes
    for module in sorted(SOURCES.glob("*.js")):
        assert f"// js/quiz/{module.name}\n" in text, f"{module.name} is not part of the bundle"


@pytest.mark.site
def test_only_the_bundle_reaches_the_site(guide_site: Path) -> None:
    site = guide_site / "site"
    assert (site / "assets" / "quiz.js").read_bytes() == BUNDLE.read_bytes()
    names = {p.name for p in SOURCES.glob("*.js")} | {BUILD_SCRIPT.name}
    leaked = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.name in names or p.name == "js"]
    assert leaked == []
