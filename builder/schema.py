"""JSON Schemas of the content files, for editors (yaml-language-server) to complete and check fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from builder.model import Actor, Article, Event, GlossaryTerm, Guide, Quiz, Topic

__all__ = ["SCHEMAS", "schema_texts", "write_schemas"]

SCHEMAS: dict[str, tuple[Any, str]] = {
    "guide.schema.json": (Guide, "content/guide.yaml"),
    "actors.schema.json": (list[Actor], "content/actors.yaml"),
    "topics.schema.json": (list[Topic], "content/topics.yaml"),
    "events.schema.json": (list[Event], "content/events.yaml"),
    "glossary.schema.json": (list[GlossaryTerm], "content/glossary.yaml"),
    "article.schema.json": (Article, "content/articles/<id>.yaml"),
    "quiz.schema.json": (Quiz, "content/quiz.yaml"),
}


def schema_texts() -> dict[str, str]:
    """File name -> JSON Schema text, deterministic."""
    texts = {}
    for name, (shape, target) in SCHEMAS.items():
        schema = TypeAdapter(shape).json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": target, **schema}
        texts[name] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return texts


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`, returning the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
