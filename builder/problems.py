"""Content problems: what is wrong, where, and how they are reported together."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ContentError", "DraftError", "Problem"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at a file position (1-based line and column)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        """path:line:col: message, as editors and compilers print it; a message's further lines (an excerpt to
        compare, with a caret under a mark) are indented under the first."""
        message = self.message.replace("\n", "\n    ")
        return f"{self.path}:{self.line}:{self.col}: {message}"


class ContentError(Exception):
    """Raised with every problem found, so the author can fix them all in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class DraftError(Exception):
    """The input cannot become a draft; the message says why and what to do."""
