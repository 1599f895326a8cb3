"""Load stage: read every content file (`load`), and parse YAML into plain Python data, remembering where every
value came from (for the validate stage, which parses as it checks).

Only safe YAML is read. Scalars that YAML would turn into dates stay strings (a bare 2024-04-20 is the string
"2024-04-20"), anchors and aliases are refused (they are how "billion laughs" bombs work and content has no
use for them), and duplicate keys are errors rather than silent overwrites.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from builder.keys import digest
from builder.problems import ContentError, Problem

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "SHARED_FILES",
    "AnyDocument",
    "ContentFile",
    "ContentLoader",
    "Document",
    "Inputs",
    "LazyDocument",
    "RawText",
    "load",
    "load_document",
    "load_text",
    "parse_bytes",
    "parse_lazily",
    "read_file",
]

MAX_BYTES = 1_000_000
MAX_DEPTH = 20
SHARED_FILES = ("guide.yaml", "actors.yaml", "topics.yaml", "events.yaml", "glossary.yaml", "quiz.yaml")
OPTIONAL_FILES = {"quiz.yaml"}

# A faster parser was tried and left out (2026-11): rapidyaml (C++), with libyaml checking the syntax first
# (rapidyaml alone accepts YAML that PyYAML refuses, such as text after a closing quote), its JSON output read by
# json.loads, and PyYAML wherever YAML 1.1 and 1.2 read a file differently (yes, 012, tags, floats it rewrites...).
# It parsed 1000 synthetic articles in about 0.53 s of CPU against 0.75 s: 0.06-0.11 s off a 2.7 s build, for a
# compiled dependency and a redirected stderr around each parse (it prints its errors from C++ before raising).
try:  # libyaml's parser is several times faster when it is available
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class ContentLoader(_Loader):  # type: ignore[misc,valid-type]
    """The safe loader, made quicker where the composer calls back into Python for every node (about half the
    parsing time is spent in those calls):

    - `resolve` answers at once for the commonest scalars, those that can only be strings: quoted text, and plain
      text whose first character cannot start a null, bool, number or date (those are looked up by first
      character) or that is a word too long to be a bool or null; and it remembers the tags of short plain
      scalars, such as keys, which come again and again.
    - `descend_resolver` and `ascend_resolver` follow "path resolvers" (tags chosen by a node's place in the
      document), which this loader has none of (checked below): builtins that take the same arguments and do
      nothing that matters stand in for Python functions that do nothing, saving a fifth of the parsing time.
      Their results are ignored."""

    descend_resolver = staticmethod(slice)  # called as descend_resolver(parent, index)
    ascend_resolver = staticmethod(tuple)  # called as ascend_resolver()

    _first = frozenset(key for key in _Loader.yaml_implicit_resolvers if key)
    _any = None in _Loader.yaml_implicit_resolvers  # resolvers for any first character: no shortcut then
    # The words YAML 1.1 reads as a bool or a null (yes, No, TRUE, off, null, ...) are five letters at most, so
    # a longer plain scalar starting with a letter is a string too, if bools and nulls are all letters resolve to.
    _words = all(
        tag.endswith((":bool", ":null"))
        for key, found in _Loader.yaml_implicit_resolvers.items()
        if key and key.isalpha()
        for tag, _ in found
    )
    _known: ClassVar[dict[str, str]] = {}  # short plain scalar -> tag (which depends on its text alone)

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and not self._any:
            if not implicit[0]:  # quoted or a block: never read as anything but a string
                return _STR
            tag = self._known.get(value)
            if tag is not None:
                return tag
            first = value[:1]
            if first and (first not in self._first or (self._words and len(value) > 5 and first.isalpha())):
                return _STR
            tag = _Loader.resolve(self, kind, value, implicit)  # type: ignore[no-untyped-call]
            if len(value) <= _KNOWN_LENGTH and len(self._known) < _KNOWN_MAX:
                self._known[value] = tag
            return tag  # type: ignore[no-any-return]
        return _Loader.resolve(self, kind, value, implicit)  # type: ignore[no-any-return,no-untyped-call]


_STR = "tag:yaml.org,2002:str"
_KNOWN_LENGTH, _KNOWN_MAX = 16, 4096  # the plain scalars whose tags ContentLoader remembers, and how many
# The stand-ins for the path-resolver hooks above are right only for a loader without path resolvers.
assert not ContentLoader.yaml_path_resolvers, "ContentLoader's descend_resolver and ascend_resolver ignore them"


Path_ = tuple[str | int, ...]
_CONSTRUCT = yaml.SafeLoader("")
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null": _CONSTRUCT.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCT.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCT.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCT.construct_yaml_float,
}
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_COLLECTION_TAGS = {_MAP, _SEQ}
_STRING_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}


@dataclass(frozen=True)
class Document:
    """One content file: its data, and the (line, column) of every key and item, both 1-based."""

    path: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(repr=False)

    def where(self, loc: Path_) -> tuple[int, int]:
        """Position of `loc`, or of its nearest ancestor that has one (a missing key points at its parent)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return (1, 1)

    def problem(self, loc: Path_, message: str) -> Problem:
        line, col = self.where(loc)
        return Problem(self.path, line, col, message)


_MISSING = "file is missing: every guide needs it (python -m builder init NEW_FOLDER writes every file, with examples)"
_EMPTY = "the file is empty: it should hold YAML content (python -m builder init NEW_FOLDER shows what goes in each)"


def load_document(path: Path, shown_as: str) -> Document:
    """Read and parse one YAML file; raise ContentError naming `shown_as`:line:col on any problem."""
    return parse_bytes(read_file(path, shown_as), shown_as)


def read_file(path: Path, shown_as: str) -> bytes:
    """The bytes of one content file; raise ContentError if it is missing, not a file or over the size limit."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise ContentError([Problem(shown_as, 1, 1, f"cannot read the file: {err.strerror}")]) from err
    if not path.is_file():
        raise ContentError([Problem(shown_as, 1, 1, "is not a file: content files are plain YAML files")])
    if size > MAX_BYTES:
        message = f"file is {size:,} bytes; the limit is {MAX_BYTES:,}: split it into smaller files"
        raise ContentError([Problem(shown_as, 1, 1, message)])
    try:
        return path.read_bytes()
    except OSError as err:
        raise ContentError([Problem(shown_as, 1, 1, f"cannot read the file: {err.strerror}")]) from err


def parse_bytes(data: bytes, shown_as: str) -> Document:
    """Parse a content file's bytes (UTF-8, a byte-order mark allowed) into a Document."""
    return load_text(_decode(data, shown_as), shown_as)


def parse_lazily(data: bytes, shown_as: str) -> LazyDocument:
    """Parse a content file's bytes like parse_bytes, but leave out the positions until a message needs them
    (most files have no problem, and working out where every value is takes a third of the parsing time)."""
    text = _decode(data, shown_as)
    node = _compose(text, shown_as)
    try:
        value = _plain(node, 0, set() if "*" in text else None)  # an alias needs a '*'
    except _Refused:  # the careful walk says what is wrong, and where
        return LazyDocument(shown_as, data, _walk(node, shown_as).data)
    return LazyDocument(shown_as, data, value)


class LazyDocument:
    """A Document whose positions are worked out only if a problem must be reported in it (positions are only
    needed for messages): the file is parsed again then. `data` is the file's data, or None where only
    positions are wanted (a file whose model came from the build cache, or is already validated)."""

    def __init__(self, path: str, source: bytes, data: Any = None) -> None:
        self.path = path
        self.data = data
        self._source = source
        self._document: Document | None = None

    def where(self, loc: Path_) -> tuple[int, int]:
        if self._document is None:
            self._document = parse_bytes(self._source, self.path)
        return self._document.where(loc)

    def problem(self, loc: Path_, message: str) -> Problem:
        line, col = self.where(loc)
        return Problem(self.path, line, col, message)


AnyDocument = Document | LazyDocument


def _decode(data: bytes, shown_as: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        message = f"byte 0x{data[err.start]:02x} is not UTF-8: save the file as UTF-8"
        raise ContentError([Problem(shown_as, line, col, message)]) from None
    if text.startswith("\ufeff"):
        return text[1:]  # a byte-order mark is harmless; editors on Windows add it
    return text


def load_text(text: str, shown_as: str) -> Document:
    """Parse YAML text into a Document; raise ContentError on syntax errors, aliases, tags or duplicates."""
    return _walk(_compose(text, shown_as), shown_as)


def _compose(text: str, shown_as: str) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=ContentLoader)
    except yaml.MarkedYAMLError as err:
        raise ContentError([_syntax_problem(err, shown_as)]) from None
    except yaml.YAMLError as err:  # pragma: no cover - every PyYAML parse error is marked
        raise ContentError([Problem(shown_as, 1, 1, f"YAML error: {err}")]) from None
    if node is None:
        raise ContentError(
            [
                Problem(
                    shown_as,
                    1,
                    1,
                    _EMPTY,
                )
            ]
        )
    return node


def _walk(node: yaml.Node, shown_as: str) -> Document:
    builder = _Builder(shown_as)
    data = builder.value(node, (), 0)
    if builder.problems:
        raise ContentError(builder.problems)
    return Document(shown_as, data, builder.positions)


_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode


class _Refused(Exception):
    """The quick walk met something that _Builder must report."""


def _plain(node: yaml.Node, depth: int, seen: set[int] | None) -> Any:
    """The data of a composed node tree, as _Builder makes it but without positions; raises _Refused at anything
    _Builder would refuse. `seen`: the ids of the nodes met so far, to find aliases (None: the text has none)."""
    if seen is not None:
        if id(node) in seen:
            raise _Refused
        seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _Refused
    kind = type(node)
    if kind is _SCALAR:
        return _plain_scalar(node)  # type: ignore[arg-type]
    if kind is _MAPPING and node.tag == _MAP:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _plain_scalar(key_node) if type(key_node) is _SCALAR else None
            if type(key) is not str or key in result:
                raise _Refused
            if seen is None and type(value_node) is _SCALAR and value_node.tag in _STRING_TAGS:
                result[key] = value_node.value  # the commonest value, a string, without a call for it
            else:
                result[key] = _plain(value_node, depth + 1, seen)
        return result
    if kind is _SEQUENCE and node.tag == _SEQ:
        return [_plain(item, depth + 1, seen) for item in node.value]
    raise _Refused


def _plain_scalar(node: yaml.ScalarNode) -> Any:
    tag = node.tag
    if tag in _STRING_TAGS:
        return node.value
    construct = _SCALAR_TAGS.get(tag)
    if construct is None:
        raise _Refused
    return construct(node)


def _syntax_problem(err: yaml.MarkedYAMLError, shown_as: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = err.problem or "invalid YAML"
    if "\t" in what or "tab" in what:
        what += " (YAML indents with spaces, never tabs)"
    elif "mapping values are not allowed" in what:
        what += " (check this line's indentation, or quote a value that contains ': ')"
    if err.context:
        what = f"{what} ({err.context})"
    return Problem(shown_as, line, col, f"YAML syntax error: {what}")


class _Builder:
    """Turns a composed node tree into plain data, refusing what content YAML must not contain."""

    def __init__(self, shown_as: str) -> None:
        self.shown_as = shown_as
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def fail(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.shown_as, node.start_mark.line + 1, node.start_mark.column + 1, message))

    def value(self, node: yaml.Node, loc: Path_, depth: int) -> Any:
        self.positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if id(node) in self._seen:
            self.fail(node, "YAML anchors and aliases (&name, *name) are not allowed: write the value out")
            return None
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            self.fail(node, f"data is nested more than {MAX_DEPTH} levels deep: content never needs that")
            return None
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _COLLECTION_TAGS:
            self.fail(node, f"YAML tag {node.tag} is not allowed: use plain values")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node)  # type: ignore[arg-type]

    def mapping(self, node: yaml.MappingNode, loc: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.fail(key_node, "keys must be plain words such as `title`")
                continue
            if key in result:
                first = self.positions[(*loc, key)][0]
                self.fail(key_node, f"duplicate key '{key}' (first given on line {first}): keep one")
                continue
            self.positions[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.value(value_node, (*loc, key), depth + 1)
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag in _STRING_TAGS:
            return node.value
        if node.tag in _SCALAR_TAGS:
            return _SCALAR_TAGS[node.tag](node)
        self.fail(node, f"YAML tag {node.tag} is not allowed: use plain values")
        return None


@dataclass(frozen=True)
class ContentFile:
    """A content file as read: its name without '.yaml', its path as messages show it, its bytes and their digest."""

    stem: str
    shown: str
    data: bytes
    key: str


@dataclass(frozen=True)
class RawText:
    """A raw text as read: the text and the digest of its bytes, or `problem`, why it cannot be used."""

    text: str = ""
    key: str = ""
    problem: str = ""


@dataclass(frozen=True)
class Inputs:
    """Everything in a content folder, as read: the input of the validate stage."""

    folder: str  # the content folder as messages show paths ('content/articles/x.yaml'; see _shown)
    shared: dict[str, ContentFile]  # guide.yaml, actors.yaml ... by name: those that exist and could be read
    articles: list[ContentFile]  # articles/*.yaml, in name order
    raw: dict[str, RawText]  # every raw/*.txt, by its path under the folder ('raw/x.txt')
    problems: list[Problem] = field(default_factory=list)  # files missing or unreadable


def load(content: Path) -> Inputs:
    """Read every file of the content folder `content`: the shared files, the article files and the raw texts.
    A file that is missing or cannot be read is a problem (Inputs.problems), reported by validate with the rest;
    a raw text that cannot be read is reported where an article names it."""
    problems: list[Problem] = []
    shared = {}
    root = content.resolve()
    shown = _shown(content)
    for name in SHARED_FILES:
        path = content / name
        if not path.exists():
            if name not in OPTIONAL_FILES:
                problems.append(
                    Problem(
                        f"{shown}/{name}",
                        1,
                        1,
                        _MISSING,
                    )
                )
            continue
        found = _content_file(path, f"{shown}/{name}", problems, root)
        if found is not None:
            shared[name] = found
    folder = content / "articles"
    for path in sorted(folder.glob("*.yml")):
        message = f"article files must end in .yaml: rename it to {path.stem}.yaml"
        problems.append(Problem(f"{shown}/articles/{path.name}", 1, 1, message))
    articles = [
        _content_file(path, f"{shown}/articles/{path.name}", problems, root) for path in sorted(folder.glob("*.yaml"))
    ]
    raw = {f"raw/{path.name}": _raw_text(path, root) for path in sorted((content / "raw").glob("*.txt"))}
    return Inputs(shown, shared, [a for a in articles if a is not None], raw, problems)


def _shown(content: Path) -> str:
    """The content folder as messages name it: as the author gave it when it is relative to where they are
    ('guides/tram/quiz.yaml:16:9', a path an editor can open), else by its name ('content/quiz.yaml')."""
    return content.as_posix() if not content.is_absolute() else content.name


def _outside(path: Path, root: Path) -> str | None:
    """Where `path` really leads, if a symbolic link (of the file or of a folder on its way) takes it out of the
    content folder `root` (resolved): content is read only from inside it, so that a guide cannot publish a file
    from elsewhere on the machine of whoever builds it (a key, a password file)."""
    target = path.resolve()
    return None if target == root or root in target.parents else str(target)


def _content_file(path: Path, shown: str, problems: list[Problem], root: Path) -> ContentFile | None:
    if (target := _outside(path, root)) is not None:
        problems.append(Problem(shown, 1, 1, _LINK_OUT.format(target=target)))
        return None
    try:
        data = read_file(path, shown)
    except ContentError as err:
        problems.extend(err.problems)
        return None
    return ContentFile(path.stem, shown, data, digest(data))


_LINK_OUT = (
    "is a link to {target}, outside the content folder: the builder reads content only from inside it; "
    "copy the file into the content folder instead"
)


def _raw_text(path: Path, root: Path) -> RawText:
    if (target := _outside(path, root)) is not None:
        return RawText(problem=_LINK_OUT.format(target=target))
    try:
        data = path.read_bytes()
        return RawText(data.decode("utf-8"), digest(data))
    except IsADirectoryError:
        return RawText(problem="is a folder, not a text file")
    except UnicodeDecodeError:
        return RawText(problem="is not UTF-8: save it as UTF-8")
    except OSError as err:
        return RawText(problem=f"cannot be read: {err.strerror}")
