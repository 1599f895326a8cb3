"""`python -m builder new --refresh ID`: bring a draft's suggestions up to date with the guide as it is now.

`new` writes its suggestions (date phrases, claim stubs, known actors to add, unknown names, quoted phrases) as
comments between marker lines. After the editor adds actors and topics, refresh reads the stored raw text again,
plans the draft afresh against the current guide, and rewrites the builder's lines inside each marked block. The
rest of the file is the editor's and stays byte for byte: every YAML line and every comment outside the blocks,
and inside a block every line the builder did not write (YAML uncommented in place, an indented comment, a comment
of the editor's own), which is moved just above the block. The YAML is parsed before and after, and the file is
written only if its data is the same.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from builder.draft import plan_draft
from builder.draft_render import BLOCKS, PageMeta, end_marker, is_suggestion, start_marker, suggestions
from builder.load import parse_bytes
from builder.model import SLUG
from builder.pipeline import check
from builder.problems import ContentError, DraftError

__all__ = ["Refreshed", "refresh_draft"]

# The marker lines as draft_render writes them, with the block's name (and the article id) left open.
START = re.compile(
    re.escape(start_marker("BLOCKNAME", "ARTICLEID")).replace("BLOCKNAME", r"(\w+)").replace("ARTICLEID", r"\S+")
)
END = re.compile(re.escape(end_marker("BLOCKNAME")).replace("BLOCKNAME", r"(\w+)"))
STUB = re.compile(r"#   - topic: (\S+)")  # a claim stub the block offered
DRAFT_HEADER = "# DRAFT written by `python -m builder new`"


@dataclass(frozen=True)
class Block:
    """A marked block of suggestions: the indexes of its two marker lines."""

    name: str
    start: int
    end: int


@dataclass
class Refreshed:
    """What a refresh found and did, for the message."""

    path: Path
    changed: bool = False
    stubs: list[str] = field(default_factory=list)  # topic ids of the claim stubs
    new_stubs: list[str] = field(default_factory=list)  # of those, the ones the file did not offer before
    to_add: list[str] = field(default_factory=list)  # known actors the text names that actors: does not list
    unknown: int = 0
    people: int = 0
    dates: int = 0
    missing: list[str] = field(default_factory=list)  # blocks the editor deleted
    moved: dict[str, int] = field(default_factory=dict)  # block -> the editor's lines moved out of it

    def report(self) -> list[str]:
        """The lines to print: what the suggestions hold now, and anything the editor should know."""
        new = f" ({len(self.new_stubs)} new: {', '.join(self.new_stubs)})" if self.new_stubs else " (0 new)"
        adds = f" ({', '.join(self.to_add)})" if self.to_add else ""
        people = f" ({_count(self.people, 'person', 'people')})" if self.unknown else ""
        counts = (
            f"{_count(len(self.stubs), 'claim stub')}{new}, {_count(len(self.to_add), 'known actor')} to add{adds}, "
            f"{_count(self.unknown, 'unknown name')}{people}, {_count(self.dates, 'date phrase')}"
        )
        lines = [f"refreshed {self.path}: {counts}" if self.changed else f"{self.path} is up to date: {counts}"]
        for name, count in self.moved.items():
            lines.append(
                f"{self.path}: kept {count} line(s) of yours that were inside the {name} suggestions, "
                "now just above that block"
            )
        for name in self.missing:
            lines.append(
                f"{self.path}: the {name} suggestions block was deleted, so it is not written again; to have it "
                f"back, put its two marker lines where you want it: '{start_marker(name, self.path.stem)}' "
                f"and '{end_marker(name)}'"
            )
        return lines


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def refresh_draft(content: Path, article_id: str) -> Refreshed:
    """Rewrite the suggestion blocks of the draft `article_id` from a new plan over its raw text and the current
    guide; write the file only if it changes. Raise DraftError (or ContentError) with what to do."""
    path = _article_file(content, article_id)
    data = path.read_bytes()
    text = _decode(data, str(path))
    lines = text.splitlines(keepends=True)
    blocks = _blocks(lines, str(path))
    corpus = check(content)
    article = next(a for a in corpus.articles if a.id == article_id)
    # The editor's publication date stands where a saved page's own would: relative dates count from it.
    plan = plan_draft(corpus.raw[article_id], corpus, article_id, PageMeta(date=article.published))
    listed = frozenset(m.actor for m in article.actors)
    claimed = frozenset(c.topic for c in article.claims)
    reported = frozenset(e.event for e in article.events)
    fresh = suggestions(plan, listed, claimed, reported)
    newline = "\r\n" if "\r\n" in text else "\n"
    done = Refreshed(
        path=path,
        stubs=[s.topic.id for s in plan.stubs if s.topic.id not in claimed],
        to_add=[m.actor.id for m in plan.mentions if m.actor.id not in listed],
        unknown=len(plan.candidates),
        people=sum(c.person for c in plan.candidates),
        dates=len(plan.date_phrases),
        missing=[name for name in BLOCKS if name not in {b.name for b in blocks}],
    )
    offered = {m.group(1) for b in blocks for line in lines[b.start : b.end] if (m := STUB.match(line))}
    done.new_stubs = [tid for tid in done.stubs if tid not in offered]
    result = "".join(_rewrite(lines, blocks, fresh, newline, article_id, done))
    _same_yaml(data, result.encode("utf-8"), str(path))
    if result != text:
        path.write_bytes(result.encode("utf-8"))
        done.changed = True
    return done


def _article_file(content: Path, article_id: str) -> Path:
    if not re.fullmatch(SLUG, article_id):
        raise DraftError(f"--refresh {article_id!r}: an article id is lowercase letters and digits joined by hyphens")
    folder = content / "articles"
    path = folder / f"{article_id}.yaml"
    if path.is_file():
        return path
    if not folder.is_dir():
        raise DraftError(f"{folder} is missing: is --content {content} the guide's folder?")
    ids = sorted(p.stem for p in folder.glob("*.yaml"))
    close = difflib.get_close_matches(article_id, ids, n=5, cutoff=0.6)
    if close:
        hint = f"did you mean {', '.join(close)}?"
    elif ids and len(ids) <= 12:
        hint = f"the articles are: {', '.join(ids)}"
    else:
        hint = f"see the file names in {folder}"
    raise DraftError(f"no article '{article_id}': {path} does not exist; {hint}")


def _decode(data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        parse_bytes(data, shown)  # says where, with the content files' message
        raise  # pragma: no cover - parse_bytes raised first


def _blocks(lines: list[str], shown: str) -> list[Block]:
    """The marked blocks, in order; refuse a file without any, or with markers out of place."""
    blocks: list[Block] = []
    opened: tuple[str, int] | None = None
    for index, raw in enumerate(lines):
        line = raw.rstrip()
        if start := START.fullmatch(line):
            name = start.group(1)
            if opened:
                raise DraftError(
                    f"{shown}:{index + 1}: the {name} suggestions start inside the {opened[0]} suggestions (line "
                    f"{opened[1] + 1}): put the line '{end_marker(opened[0])}' back where that block ends"
                )
            if name not in BLOCKS or any(b.name == name for b in blocks):
                again = "a second" if name in BLOCKS else "an unknown"
                raise DraftError(f"{shown}:{index + 1}: {again} '{name}' block of suggestions: delete this line")
            opened = (name, index)
        elif end := END.fullmatch(line):
            if opened is None or end.group(1) != opened[0]:
                raise DraftError(
                    f"{shown}:{index + 1}: this line ends {end.group(1)} suggestions that have not started here: "
                    f"delete it, or put back the line '{start_marker(end.group(1), Path(shown).stem)}' above the block"
                )
            blocks.append(Block(opened[0], opened[1], index))
            opened = None
    if opened:
        raise DraftError(
            f"{shown}:{opened[1] + 1}: the {opened[0]} suggestions start here but never end: put the line "
            f"'{end_marker(opened[0])}' back where the block ends"
        )
    if not blocks:
        raise DraftError(_unmarked(lines, shown))
    return blocks


def _unmarked(lines: list[str], shown: str) -> str:
    rerun = (
        "to refresh it, draft it again into a new id (python -m builder new RAW_FILE --id NEW_ID), move your "
        "edits over, and delete this one"
    )
    if any(line.startswith(DRAFT_HEADER) for line in lines):
        return f"{shown}: this draft was written before `new --refresh` existed and has no marked suggestions; {rerun}"
    return f"{shown}: not a draft written by `python -m builder new` (it has no marked suggestions): nothing to refresh"


def _rewrite(
    lines: list[str], blocks: list[Block], fresh: dict[str, list[str]], newline: str, article_id: str, done: Refreshed
) -> list[str]:
    """The file's lines with each block's builder lines replaced by `fresh`; the editor's lines in a block are
    kept, in their order, just above it (comments do not change what the YAML says, so this moves nothing)."""
    out: list[str] = []
    after = 0
    for block in blocks:
        out.extend(lines[after : block.start])
        inside = lines[block.start + 1 : block.end]
        kept = [line for line in inside if not is_suggestion(line.rstrip("\r\n"))]
        if kept:
            done.moved[block.name] = len(kept)
            out.extend(kept)  # each ends with a newline: the end marker comes after them
        out.append(start_marker(block.name, article_id) + newline)
        out.extend(line + newline for line in fresh[block.name])
        out.append(lines[block.end])
        after = block.end + 1
    out.extend(lines[after:])
    return out


def _same_yaml(before: bytes, after: bytes, shown: str) -> None:
    """Refuse a rewrite that would change what the YAML says (a marker line inside a multi-line string would)."""
    try:
        same = parse_bytes(before, shown).data == parse_bytes(after, shown).data
    except ContentError:
        same = False
    if not same:
        raise DraftError(
            f"{shown}: refreshing would change the article's YAML, not only the suggestions (is a marker line "
            "inside a multi-line value?): nothing was written; keep the marker lines outside your YAML"
        )
