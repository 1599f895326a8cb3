"""JSON Schemas for editors: committed, current, and referenced by every content file."""

from __future__ import annotations

import json

from builder.schema import SCHEMAS, schema_texts

from .conftest import ROOT

SCHEMA_DIR = ROOT / "builder" / "schema"


def test_committed_schemas_match_the_model() -> None:
    for name, text in schema_texts().items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, f"{name} is stale: run `make schema`"


def test_every_field_has_a_description() -> None:
    for name, text in schema_texts().items():
        schema = json.loads(text)
        for definition in [schema, *schema.get("$defs", {}).values()]:
            for field, spec in definition.get("properties", {}).items():
                assert spec.get("description"), f"{name}: field '{field}' has no description"


def test_every_content_file_names_its_schema() -> None:
    content = ROOT / "content"
    expected = {
        content / "guide.yaml": "../builder/schema/guide.schema.json",
        content / "actors.yaml": "../builder/schema/actors.schema.json",
        content / "topics.yaml": "../builder/schema/topics.schema.json",
        content / "events.yaml": "../builder/schema/events.schema.json",
        content / "glossary.yaml": "../builder/schema/glossary.schema.json",
        content / "quiz.yaml": "../builder/schema/quiz.schema.json",
    }
    expected |= {path: "../../builder/schema/article.schema.json" for path in content.glob("articles/*.yaml")}
    assert len(SCHEMAS) == 7
    for path, schema in expected.items():
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == f"# yaml-language-server: $schema={schema}", path
        assert (path.parent / schema).resolve().is_file()
