"""Exports of the question bank: an Anki package, Anki and Quizlet text files, and JSON.

Every export holds the whole bank (authored and generated questions), in bank order, and is built from content
alone: the same content always gives byte-identical files (see `anki_package` for how), so rebuilding the site
leaves them untouched. The site offers them under `downloads/` (see `downloads`); `python -m builder export
FORMAT` writes one of them (see `EXPORT_FORMATS`).

- `anki` (.apkg): one deck named after the guide, one note type "Story guide question" with the fields
  Question (stem, numbered statements, the ask and the options (a), (b), ... as HTML), Answer (the key, the
  explanation and each source's words) and Id (the question id). Each note's GUID is `genanki.guid_for(id)`,
  so importing a newer file updates the notes already in Anki instead of adding copies. Tags: `theme::<theme>`
  and `kind::<kind>`.
- `anki-tsv`: the same notes as Anki plain text (`#separator:tab`, `#html:true`, with the columns Front,
  Back, Tags, Deck and GUID named in the file header), for the Basic note type.
- `quizlet`: `term<TAB>definition` per line, plain text: the question with its options inline, then the
  answer, the explanation and the sources' words. Fields never contain a tab or a line break.
- `json`: `{"format": "storyguide-questions", "version": 1, "guide": <title>, "questions": [...]}`; each
  question has id, version, theme, kind, stem, statements, ask (or null), options, answer (0-based index),
  answer_letter, explanation, glossary (term id or null) and citations, each with source (article id),
  source_title, source_label, quote, topic and event (ids or null). Keys sorted, indented, UTF-8, newline at
  the end. `version` changes whenever what the reader sees or the key changes.

User text is HTML-escaped wherever the output is HTML, and it is never Markdown-rendered: exports are plain.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import json
import re
import sqlite3
import zipfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from builder.analyse import analyse
from builder.dates import bounds
from builder.model import LETTERS
from builder.questions import Question, build_bank
from builder.validate import Corpus

__all__ = [
    "EXPORT_FORMATS",
    "anki_package",
    "anki_text",
    "deck_id",
    "deck_name",
    "download_writers",
    "downloads",
    "export_bank",
    "guid",
    "questions_json",
    "quizlet_text",
]

EXPORT_FORMATS: dict[str, str] = {
    "anki": "quiz.apkg",
    "anki-tsv": "quiz-anki.tsv",
    "quizlet": "quiz-quizlet.tsv",
    "json": "questions.json",
}
DOWNLOADS = "downloads"  # folder of the site the files are published in
JSON_FORMAT = "storyguide-questions"
JSON_VERSION = 1
MODEL_NAME = "Story guide question"
# Fixed, not derived from the guide: the note type is the same for every guide, and a new id after a title
# edit would make Anki refuse to update the notes already imported (their note type would no longer match).
MODEL_ID = (1 << 30) + int.from_bytes(hashlib.sha256(b"storyguide/model/v1").digest()[:4], "big") % (1 << 30)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip file can hold: members carry no build time
FALLBACK_TIMESTAMP = 946_684_800  # 2000-01-01 UTC, for a guide without articles

CSS = """\
.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.45; text-align: left;
  color: #1b1b1b; background: #fff; max-width: 42em; margin: 0 auto; padding: 0 .5em; }
.nightMode .card, .card.nightMode { color: #eee; background: #2f2f31; }
.statements, .options, .sources { margin: .6em 0; }
.statement, .option { margin: .25em 0; }
.ask { margin: .6em 0; font-weight: 600; }
.key { font-weight: 700; margin: .4em 0; }
.explanation { margin: .4em 0; }
.source { margin: .35em 0; font-size: 90%; }
.id { margin-top: 1em; font-size: 70%; opacity: .6; }
"""
ANSWER_TEMPLATE = "{{FrontSide}}<hr id=answer>{{Answer}}<div class=id>{{Id}}</div>"


# --- text helpers ---------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    """Whitespace (tabs and line breaks included) collapsed to single spaces."""
    return " ".join(text.split())


def _html(text: str) -> str:
    """User text as HTML on one line: escaped (quotes too), paragraphs kept as line breaks."""
    if "\n" not in text:  # one paragraph, as most are
        return html.escape(_one_line(text), quote=True)
    paragraphs = [_one_line(p) for p in re.split(r"\n\s*\n", text)]
    return "<br><br>".join(html.escape(p, quote=True) for p in paragraphs if p)


def _option(q: Question, index: int) -> str:
    return f"({LETTERS[index]}) {q.options[index]}"


def guid(q: Question) -> str:
    """The Anki note GUID of a question: stable as long as its id is, whatever its text."""
    import genanki  # type: ignore[import-untyped]  # only exports need it: imported when used

    return str(genanki.guid_for(q.id))


def _tags(q: Question) -> list[str]:
    return [f"theme::{q.theme}", f"kind::{q.kind}"]


def deck_name(corpus: Corpus) -> str:
    """The guide title, on one line; '::' would make Anki nest decks and '"' would need quoting in the TSV."""
    return _one_line(corpus.guide.title).replace("::", ": ").replace('"', "'")


def deck_id(corpus: Corpus) -> int:
    """A fixed id from the guide title: SHA-256 of 'storyguide/deck/<title>', first 4 bytes, into [2^30, 2^31).

    The same title always gives the same deck, so a newer file fills the deck imported before.
    """
    digest = hashlib.sha256(f"storyguide/deck/{corpus.guide.title}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def timestamp(corpus: Corpus) -> int:
    """The modification time written into the Anki package: midnight UTC of the latest day an article was added.

    It comes from the content, not the clock, so builds are reproducible; and it grows as articles are added,
    so Anki (which by default only updates notes from a newer file) takes the new version of changed notes. A
    change that adds no article (a reworded question) keeps the time: Anki then updates those notes only when
    the reader chooses to always update on import (a text import, which matches by GUID, always can).
    """
    days = [bounds(article.added)[1] for article in corpus.articles]
    if not days:
        return FALLBACK_TIMESTAMP
    return int(datetime.fromisoformat(max(days)).replace(tzinfo=UTC).timestamp())


# --- Anki -----------------------------------------------------------------------------------------------


def question_html(q: Question) -> str:
    """The front of a card: stem, numbered statements, the ask, the options (a), (b), ..."""
    parts = [f"<div class=stem>{_html(q.stem)}</div>"]
    if q.statements:
        rows = "".join(f"<div class=statement>{n}. {_html(s)}</div>" for n, s in enumerate(q.statements, 1))
        parts.append(f"<div class=statements>{rows}</div>")
    if q.ask:
        parts.append(f"<div class=ask>{_html(q.ask)}</div>")
    options = "".join(f"<div class=option>{_html(_option(q, i))}</div>" for i in range(len(q.options)))
    parts.append(f"<div class=options>{options}</div>")
    return "".join(parts)


def answer_html(q: Question) -> str:
    """The back of a card: the key, the explanation and each cited source's own words."""
    parts = [
        f"<div class=key>Answer: {_html(_option(q, q.answer))}</div>",
        f"<div class=explanation>{_html(q.explanation)}</div>",
    ]
    if q.citations:
        sources = "".join(
            f"<div class=source><b>{_html(c.article.label)}</b>: “{_html(c.quote)}”</div>" for c in q.citations
        )
        parts.append(f"<div class=sources>{sources}</div>")
    return "".join(parts)


_cards_made: list[tuple[Sequence[Question], list[tuple[str, str]]]] = []  # the last bank's cards, kept by cards()


def cards(bank: Sequence[Question]) -> list[tuple[str, str]]:
    """The front and back (question_html, answer_html) of each question of `bank`: made once for the .apkg and
    the Anki text file, which hold the same cards (the last bank's are kept, and known by identity)."""
    if not _cards_made or _cards_made[0][0] is not bank:
        _cards_made[:] = [(bank, [(question_html(q), answer_html(q)) for q in bank])]
    return _cards_made[0][1]


def _model() -> Any:
    import genanki

    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Id"}],
        templates=[{"name": "Question", "qfmt": "{{Question}}", "afmt": ANSWER_TEMPLATE}],
        css=CSS,
    )


def _zip_member(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever system builds it
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)  # zlib's default level: 9 made the package 1.5% smaller in 2.5 times the time


def anki_package(corpus: Corpus, bank: Sequence[Question]) -> bytes:
    """The bank as an Anki package (.apkg), byte-identical for the same content.

    genanki's `Package.write_to_file` stamps the current time on the notes, cards and note type, numbers notes
    and cards from it, zips the collection with the temporary file's modification date and leaves that file
    behind. So this calls `Package.write_to_db` (which `write_to_file` wraps) with a timestamp taken from the
    content (`timestamp`), on a database in memory whose image (the bytes a file of it would hold) is zipped
    with a fixed date. The collection row itself is a constant in genanki, and nothing else in it is random. The bytes
    are therefore fixed for a given content and set of libraries; another SQLite or zlib release may lay the
    bytes out differently (SQLite writes its version number into the database header).
    """
    import genanki

    model = _model()
    deck = genanki.Deck(
        deck_id(corpus),
        deck_name(corpus),
        description=_html(corpus.guide.subtitle or corpus.guide.title),
    )
    for q, (front, back) in zip(bank, cards(bank), strict=True):
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[front, back, html.escape(q.id)],
                tags=_tags(q),
                guid=guid(q),
            )
        )
    stamp = timestamp(corpus)
    connection = sqlite3.connect(":memory:")  # its image is the file's bytes: no file to write, sync and read
    try:
        genanki.Package(deck).write_to_db(connection.cursor(), stamp, itertools.count(stamp * 1000))
        connection.commit()
        collection = connection.serialize()
    finally:
        connection.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _zip_member(archive, "collection.anki2", collection)
        _zip_member(archive, "media", b"{}")  # no media files
    return buffer.getvalue()


ANKI_COLUMNS = ("Front", "Back", "Tags", "Deck", "GUID")


def anki_text(corpus: Corpus, bank: Sequence[Question]) -> bytes:
    """The bank as an Anki plain-text import (File > Import) for the Basic note type.

    Anki reads the `#` header lines (separator, HTML, which columns hold tags, deck and GUID). The deck comes
    from a column because the `#deck:` header only selects a deck that already exists, while a deck column
    creates it. The GUID is the last column because a line starting with `#` is a comment to Anki, and GUIDs
    may start with `#`. Fields are HTML on one line with every `"` escaped, so no field needs CSV quoting.
    """
    deck = deck_name(corpus)  # a name, not a field: Anki takes it literally
    header = [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        "#columns:" + "\t".join(ANKI_COLUMNS),
        f"#tags column:{ANKI_COLUMNS.index('Tags') + 1}",
        f"#deck column:{ANKI_COLUMNS.index('Deck') + 1}",
        f"#guid column:{ANKI_COLUMNS.index('GUID') + 1}",
    ]
    rows = ["\t".join([*card, " ".join(_tags(q)), deck, guid(q)]) for q, card in zip(bank, cards(bank), strict=True)]
    return "".join(f"{line}\n" for line in [*header, *rows]).encode("utf-8")


# --- Quizlet and JSON -----------------------------------------------------------------------------------


def quizlet_term(q: Question) -> str:
    """The question on one line: stem, numbered statements, the ask, then the options."""
    parts = [q.stem, *(f"{n}. {s}" for n, s in enumerate(q.statements, 1))]
    if q.ask:
        parts.append(q.ask)
    parts += [_option(q, i) for i in range(len(q.options))]
    return _one_line(" ".join(parts))


def quizlet_definition(q: Question) -> str:
    """The key, the explanation, and each cited source's own words, on one line."""
    key = _option(q, q.answer)
    parts = [key if key.endswith((".", "?", "!")) else key + ".", q.explanation]
    if q.citations:
        parts.append("Sources: " + "; ".join(f"{c.article.label}: “{c.quote}”" for c in q.citations) + ".")
    return _one_line(" ".join(parts))


def quizlet_text(corpus: Corpus, bank: Sequence[Question]) -> bytes:
    """The bank for Quizlet's import (between term and definition: Tab; between rows: New line)."""
    del corpus  # the same for every guide
    return "".join(f"{quizlet_term(q)}\t{quizlet_definition(q)}\n" for q in bank).encode("utf-8")


def question_record(q: Question) -> dict[str, Any]:
    """One question as plain data, for the JSON export."""
    return {
        "id": q.id,
        "version": q.version,
        "theme": q.theme,
        "kind": q.kind,
        "stem": q.stem,
        "statements": list(q.statements),
        "ask": q.ask,
        "options": list(q.options),
        "answer": q.answer,
        "answer_letter": q.letter,
        "explanation": q.explanation,
        "glossary": q.glossary,
        "citations": [
            {
                "source": c.article.id,
                "source_title": c.article.title,
                "source_label": c.article.label,
                "quote": c.quote,
                "topic": c.topic,
                "event": c.event,
            }
            for c in q.citations
        ],
    }


def questions_json(corpus: Corpus, bank: Sequence[Question]) -> bytes:
    """The bank as documented JSON (see the module docstring), stable for diffs."""
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "guide": corpus.guide.title,
        "questions": [question_record(q) for q in bank],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


# --- entry points ---------------------------------------------------------------------------------------

WRITERS: dict[str, Callable[[Corpus, Sequence[Question]], bytes]] = {
    "anki": anki_package,
    "anki-tsv": anki_text,
    "quizlet": quizlet_text,
    "json": questions_json,
}


def export_bank(fmt: str, corpus: Corpus) -> bytes:
    """The whole question bank of `corpus` in one format (a key of EXPORT_FORMATS)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(sorted(WRITERS))}")
    return WRITERS[fmt](corpus, build_bank(corpus, analyse(corpus)))


def downloads(corpus: Corpus, bank: Sequence[Question]) -> dict[str, bytes]:
    """Every export, keyed by its path in the docs folder: downloads/<file name>."""
    return {path: write() for path, write in download_writers(corpus, lambda: bank).items()}


def download_writers(corpus: Corpus, bank: Callable[[], Sequence[Question]]) -> dict[str, Callable[[], bytes]]:
    """A function writing each export, keyed by its path in the docs folder, so that they can be written in
    parallel with the pages. `bank` gives the question bank, made only when a file is written."""
    return {f"{DOWNLOADS}/{EXPORT_FORMATS[fmt]}": _writer(write, corpus, bank) for fmt, write in WRITERS.items()}


def _writer(
    write: Callable[[Corpus, Sequence[Question]], bytes], corpus: Corpus, bank: Callable[[], Sequence[Question]]
) -> Callable[[], bytes]:
    return lambda: write(corpus, bank())
