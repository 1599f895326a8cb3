"""`python -m builder init DIR`: a skeleton guide that builds at once.

Every content file, each opening with the schema line for editors and a comment on what it holds, with one example
of each kind: a side, an actor, a topic, an event, a glossary term, an article with its raw text (its claim, event
and actor tied to verbatim quotes) and a quiz question. `python -m builder --content DIR check` passes on it, and
the editor replaces the examples with the real story.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["SKELETON", "init_guide"]

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"

RAW = (
    "The city council approved the new tram line on Tuesday, council officials said.\n"
    'Mayor Ana Ruiz called the vote "a good day for the city".\n'
)

# file -> (schema name, what it holds, example content)
SKELETON: dict[str, tuple[str | None, str, str]] = {
    "guide.yaml": (
        "guide",
        "The guide as a whole: its title, a neutral summary of the story, and the sides actors belong to.",
        """title: "The tram line vote"
subtitle: "One council vote, told by several reports"
summary: >-
  Replace this with a short, neutral account of the story the guide compares: what happened, where and when,
  as far as the sources agree.
sides:
  - id: council
    label: City council
# How the quiz is run: a preset from builder/exams/ ("plain": +1 / 0 / 0, no written answers; "upsc": the UPSC
# civil services' marking, formats and mains answer practice), or `preset:` with some parts replaced, such as
#   exam: {preset: plain, marking: {right: 4, wrong: -1}, mock: {questions: 30, minutes_per_question: 1.5}}
exam: plain
""",
    ),
    "actors.yaml": (
        "actors",
        "People, offices, organisations, states and groups that appear in the story (one entry each).",
        """- id: ana-ruiz
  name: Ana Ruiz
  kind: person
  side: council
  description: "Mayor of the city, as the example report calls her."
""",
    ),
    "topics.yaml": (
        "topics",
        "The questions the sources answer, perhaps differently: one entry per question.",
        """- id: vote.outcome
  label: Outcome of the vote
  question: What did the council decide?
  exclusive: true
  describes: council-vote
""",
    ),
    "events.yaml": (
        "events",
        "Events the sources report, with a neutral title; each source dates them in its own article file.",
        """- id: council-vote
  title: Council vote on the tram line
""",
    ),
    "glossary.yaml": (
        "glossary",
        "Terms explained for readers; each gets a tooltip wherever it appears, and a quiz question.",
        """- id: tram
  term: tram
  definition: "A passenger vehicle that runs on rails laid in the street."
  category: "transport"
""",
    ),
    "quiz.yaml": (
        "quiz",
        "Questions you write for the quiz (optional): each cites the passage it rests on.",
        """questions:
  - id: tram-line-vote
    theme: timeline
    format: mcq
    stem: "What did the city council approve, according to the example report?"
    options:
      - "The new tram line"
      - "A new bus depot"
      - "A ban on cars in the centre"
      - "Nothing: the vote was postponed"
    answer: a
    explanation: "The report says that the city council approved the new tram line on Tuesday."
    sources:
      - article: example-report
        quote: "The city council approved the new tram line on Tuesday"
""",
    ),
    "articles/example-report.yaml": (
        "article",
        "One source article: a structured summary whose every claim, event and actor quotes the raw text verbatim. "
        "Add one file per article (python -m builder new TEXT writes a draft).",
        """id: example-report
title: "Council approves the tram line"
outlet: null
published: null
kind: news
raw: raw/example-report.txt
status: reviewed
added: "2026-01-01"
summary: "The city council approved the new tram line; the mayor welcomed the vote."
key_points:
  - "The council approved the tram line on Tuesday."
events:
  - event: council-vote
    date: null
    date_text: "on Tuesday"
    title: "The council approves the tram line"
    actors: [ana-ruiz]
    quote: "The city council approved the new tram line on Tuesday"
claims:
  - topic: vote.outcome
    value: "Approved"
    quote: "The city council approved the new tram line"
actors:
  - actor: ana-ruiz
    role: "Mayor who welcomed the vote"
    quotes: ["Mayor Ana Ruiz called the vote"]
""",
    ),
    "raw/example-report.txt": (None, "", RAW),
}


def init_guide(folder: Path) -> list[Path]:
    """Write the skeleton into `folder` (new, or empty); the files written. FileExistsError if it holds anything."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(f"{folder} already exists and is not empty: give a new folder for the guide")
    written = []
    for name, (schema, purpose, body) in SKELETON.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if schema is None:
            text = body
        else:
            relative = os.path.relpath(SCHEMA_DIR / f"{schema}.schema.json", path.parent.resolve())
            text = f"# yaml-language-server: $schema={Path(relative).as_posix()}\n# {purpose}\n{body}"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
