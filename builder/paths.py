"""Where content's ids put pages: one place, so that the validator can refuse an id whose page would take the path
of another page (render.py builds the pages at these paths)."""

from __future__ import annotations

__all__ = ["RESERVED", "actor_path", "reserved_for", "source_path"]

# Pages whose paths an id could also produce, and what they are.
RESERVED = {
    "sources/index.md": "the list of sources",
    "actors/index.md": "the list of actors",
}


def source_path(article_id: str) -> str:
    return f"sources/{article_id}.md"


def actor_path(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def reserved_for(kind: str, item_id: str) -> str | None:
    """What already has the page an article's or actor's id would make (None: the path is free)."""
    path = source_path(item_id) if kind == "article" else actor_path(item_id)
    return f"{path}, {RESERVED[path]}" if path in RESERVED else None
