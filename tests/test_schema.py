"""JSON Schemas for editors: committed, current, and referenced by every content file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from builder.schema import SCHEMAS, schema_texts

from .conftest import GUIDE, ROOT

SCHEMA_DIR = ROOT / "builder" / "schema"
SHARED_FILES = ("guide", "actors", "topics", "events", "glossary", "quiz")


def test_committed_schemas_match_the_model() -> None:
    for name, text in schema_texts().items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, f"{name} is stale: run `make schema`"


def test_every_field_has_a_description() -> None:
    for name, text in schema_texts().items():
        schema = json.loads(text)
        for definition in [schema, *schema.get("$defs", {}).values()]:
            for field, spec in definition.get("properties", {}).items():
                assert spec.get("description"), f"{name}: field '{field}' has no description"


# The live content/ stays here on purpose: its subject is the files an author opens in an editor, and it holds for
# every new article (`python -m builder new` writes the line). The frozen fixture is checked the same way, with the
# longer relative paths of its deeper folder.
@pytest.mark.parametrize("content", [ROOT / "content", GUIDE], ids=["live", "fixture"])
def test_every_content_file_names_its_schema(content: Path) -> None:
    expected = {content / f"{name}.yaml": f"{name}.schema.json" for name in SHARED_FILES}
    expected |= {path: "article.schema.json" for path in content.glob("articles/*.yaml")}
    assert len(SCHEMAS) == len(SHARED_FILES) + 1
    for path, name in expected.items():
        schema = Path(os.path.relpath(SCHEMA_DIR / name, path.parent)).as_posix()
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == f"# yaml-language-server: $schema={schema}", path
        assert (path.parent / schema).resolve().is_file()
