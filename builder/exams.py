"""Exam profiles: how a guide's quiz is run (marking, mock test, formats, practice sets, written answers).

The shipped presets are data, not code: builder/exams/<name>.yaml, one per exam or kind of quiz, each a complete
`ExamProfile`. A guide names one in guide.yaml (`exam: upsc`) and may replace any of its parts
(`ExamSettings.profile`); templates and browser code take every exam-specific word and number from the profile.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from builder.model import PRESETS, ExamProfile

__all__ = ["PRESET_DIR", "fraction_text", "preset"]

PRESET_DIR = Path(__file__).resolve().parent / "exams"


@functools.cache
def preset(name: str) -> ExamProfile:
    """The shipped profile `name` (one of PRESETS), checked as a whole."""
    if name not in PRESETS:
        raise ValueError(f"unknown exam preset {name!r}: use one of {', '.join(PRESETS)}")
    data = yaml.safe_load((PRESET_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    return ExamProfile.model_validate(data)


_FRACTIONS = {1: "all", 1 / 2: "half", 1 / 3: "a third", 1 / 4: "a quarter", 1 / 5: "a fifth"}


def fraction_text(part: float, whole: float) -> str:
    """`part` of `whole` in words when it is a simple fraction ("a third" for 0.66 of 2), else a percentage."""
    ratio = part / whole
    for value, words in _FRACTIONS.items():
        if abs(ratio - value) < 0.01:
            return words
    return f"{round(ratio * 100)}%"
