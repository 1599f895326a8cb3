"""The load stage: safe YAML with positions, dates kept as strings."""

from __future__ import annotations

import pytest

from builder.load import load_text
from builder.problems import ContentError


def test_dates_stay_strings_and_positions_are_kept() -> None:
    doc = load_text("title: T\npublished: 2024-04-20\nitems:\n  - a: 1\n    b: yes\n", "x.yaml")
    assert doc.data == {"title": "T", "published": "2024-04-20", "items": [{"a": 1, "b": True}]}
    assert doc.where(("published",)) == (2, 1)
    assert doc.where(("items", 0, "b")) == (5, 5)
    assert doc.where(("items", 0, "missing")) == (4, 5)  # the mapping that lacks the key


def test_aliases_are_refused() -> None:
    with pytest.raises(ContentError) as err:
        load_text("a: &x [1, 2]\nb: *x\n", "x.yaml")
    assert [str(p) for p in err.value.problems] == [
        "x.yaml:1:4: YAML anchors and aliases (&name, *name) are not allowed: write the value out"
    ]


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(ContentError) as err:
        load_text("a: " + "[" * 50 + "]" * 50 + "\n", "x.yaml")
    assert "nested more than" in str(err.value)
