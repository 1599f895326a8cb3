"""The coverage picture: an accessible SVG of which source answers which topic, and how."""

from __future__ import annotations

from html import escape as _html_escape

from builder.analyse import STATUS_LABELS, Analysis
from builder.validate import Corpus


def escape(text: str) -> str:
    """&, < and > as entities (as xml.sax.saxutils.escape does; attribute values here are never user text)."""
    return _html_escape(text, quote=False)


__all__ = ["coverage_svg"]

CELL_W, CELL_H, LABEL_W, HEAD_H = 120, 30, 260, 60
MAX_COLUMNS = 30  # sources drawn; beyond this the picture would be too wide to read (the table has them all)
# Distinct answers get distinct fills *and* letters, so nothing relies on colour alone.
FILLS = ["#3f51b5", "#e65100", "#2e7d32", "#ad1457", "#00838f", "#6d4c41"]


def coverage_svg(corpus: Corpus, analysis: Analysis) -> str:
    """Topics as rows, sources as columns; each cell shows which answer (A, B, ...) a source gives."""
    reviewed = [a for a in corpus.articles if a.status == "reviewed"]
    sources = reviewed[-MAX_COLUMNS:]  # the most recently added sources, when there are more than fit
    width = LABEL_W + CELL_W * len(sources) + 140
    height = HEAD_H + CELL_H * len(analysis.findings) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="coverage-title coverage-desc" '
        'font-family="sans-serif" font-size="13">',
        '<title id="coverage-title">Coverage: which source answers which topic</title>',
        f'<desc id="coverage-desc">{escape(_description(analysis, len(sources), len(reviewed)))}</desc>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    for col, source in enumerate(sources):
        x = LABEL_W + col * CELL_W + CELL_W / 2
        parts.append(f'<text x="{x}" y="{HEAD_H - 12}" text-anchor="middle">{escape(_cut(source.label, 16))}</text>')
    for row, finding in enumerate(analysis.findings):
        y = HEAD_H + row * CELL_H
        parts.append(f'<text x="8" y="{y + 20}">{escape(_cut(finding.topic.label, 34))}</text>')
        answer_of: dict[str, int] = {}  # source id -> the first answer it gives
        for index, answer in enumerate(finding.answers):
            for given_by in answer.sources:
                answer_of.setdefault(given_by.id, index)
        for col, source in enumerate(sources):
            parts.append(_cell(LABEL_W + col * CELL_W, y, answer_of.get(source.id)))
        status = STATUS_LABELS[finding.status]
        parts.append(f'<text x="{LABEL_W + CELL_W * len(sources) + 10}" y="{y + 20}">{escape(status)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _cell(x: int, y: int, index: int | None) -> str:
    """A source's cell: the letter of the answer it gives (`index`), or "silent" if None."""
    box = f'x="{x + 4}" y="{y + 3}" width="{CELL_W - 8}" height="{CELL_H - 6}" rx="4"'
    if index is None:
        return (
            f'<rect {box} fill="none" stroke="#9e9e9e" stroke-dasharray="4 3"/>'
            f'<text x="{x + CELL_W / 2}" y="{y + 20}" text-anchor="middle" fill="#616161">silent</text>'
        )
    letter = chr(ord("A") + index) if index < 26 else "+"
    fill = FILLS[index % len(FILLS)]
    return (
        f'<rect {box} fill="{fill}"/>'
        f'<text x="{x + CELL_W / 2}" y="{y + 20}" text-anchor="middle" fill="#ffffff" '
        f'font-weight="bold">{letter}</text>'
    )


def _description(analysis: Analysis, sources: int, reviewed: int) -> str:
    rows = []
    for finding in analysis.findings:
        answers = "; ".join(
            f"{chr(ord('A') + i) if i < 26 else '+'}: {a.value} ({len(a.claims)})"
            for i, a in enumerate(finding.answers)
        )
        rows.append(f"{finding.topic.label}: {STATUS_LABELS[finding.status]}" + (f", {answers}" if answers else ""))
    shown = f"{sources} sources" if sources == reviewed else f"the {sources} latest of {reviewed} sources"
    return f"{len(analysis.findings)} topics across {shown}. " + ". ".join(rows) + "."


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
