"""The load stage: safe YAML with positions, dates kept as strings."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.load import ContentLoader, load_text, parse_lazily
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


TRICKY = [
    "a: yes\nb: No\nc: ~\nd: null\ne: ''\nf: 0x1F\ng: -1.5e3\nh: .inf\ni: 2024-04-20\nj: 2024-04-20T10:00:00Z\n",
    "k: '<<'\nm: \"quoted: yes\"\nn: |\n  block\n  text\no: >-\n  folded\np: [1, two, 3.0, true]\n",
    "q: !!str 12\nr: !!int '7'\ns: R&D and *emphasis*\nt: {nested: {deeper: [a, {b: c}]}}\n",
    "- first\n- second: with value\n- [x, y]\n",
    "just a string\n",
    "!!seq {a: 1}\n",  # an odd but harmless tag on a collection: both walks accept it
    "[yes, Yes, YES, no, NO, true, True, false, FALSE, on, ON, off, Off, OFF, null, Null, NULL, n, y, Y, N]\n",
    "[yesterday, Nonetheless, falsehood, nullable, offset, onward, trueish, Offside, Nothing, y-axis, n/a]\n",
    "a: 'yes'\nb: \"12\"\nc: '2024-01-02'\nd: \"null\"\ne: ''\nf: ~\ng: |\n  yes\nh: >\n  12\n",
]
REFUSED = [
    "a: &x [1, 2]\nb: *x\n",
    "a: 1\na: 2\n",
    "a: !!python/object:os.system ls\n",
    "? [a, b]\n: c\n",
    "a: " + "[" * 50 + "]" * 50 + "\n",
    "<<: {a: 1}\n",
    "l: =\n",  # YAML's 'value' tag, looked up by its first character like the merge key above
    "",
    "a: [unclosed\n",
]


def _content_files() -> list[Path]:
    root = Path(__file__).parent.parent
    return sorted([*root.glob("content/**/*.yaml"), *root.glob("tests/fixtures/**/*.yaml")])


@pytest.mark.parametrize("text", TRICKY + [path.read_text("utf-8") for path in _content_files()])
def test_the_quick_walk_gives_the_same_data_and_positions(text: str) -> None:
    careful = load_text(text, "x.yaml")
    quick = parse_lazily(text.encode("utf-8"), "x.yaml")
    assert quick.data == careful.data
    assert type(quick.data) is type(careful.data)
    for loc in careful.positions:
        assert quick.where(loc) == careful.where(loc)


@pytest.mark.parametrize("text", REFUSED)
def test_the_quick_walk_refuses_what_the_careful_walk_refuses(text: str) -> None:
    with pytest.raises(ContentError) as careful:
        load_text(text, "x.yaml")
    with pytest.raises(ContentError) as quick:
        parse_lazily(text.encode("utf-8"), "x.yaml")
    assert [str(p) for p in quick.value.problems] == [str(p) for p in careful.value.problems]


def _tags(node: yaml.Node) -> list[tuple[str, str]]:
    if isinstance(node, yaml.ScalarNode):
        return [(node.tag, node.value)]
    items = node.value if isinstance(node, yaml.SequenceNode) else [part for pair in node.value for part in pair]
    return [(node.tag, ""), *(tag for item in items for tag in _tags(item))]


@pytest.mark.parametrize("text", TRICKY + REFUSED[1:-1] + [path.read_text("utf-8") for path in _content_files()])
def test_the_resolver_shortcut_gives_every_scalar_the_tag_yaml_gives_it(text: str) -> None:
    standard = yaml.compose(text, Loader=yaml.SafeLoader)
    ours = yaml.compose(text, Loader=ContentLoader)
    assert (standard is None) == (ours is None)
    if standard is not None:
        assert _tags(ours) == _tags(standard)


def test_the_loader_remembers_tags_of_short_plain_scalars_without_changing_them() -> None:
    text = "- [yes, 'yes', no, 1, '1', ~, null, 2024-01-02, title, 0o7, .5, x]\n" * 2  # line 2 from memory
    for _ in range(2):
        ours, standard = yaml.compose(text, Loader=ContentLoader), yaml.compose(text, Loader=yaml.SafeLoader)
        assert _tags(ours) == _tags(standard)
    assert ContentLoader._known["yes"] == "tag:yaml.org,2002:bool"  # and the quoted 'yes' stayed a string


def test_the_loader_has_no_path_resolvers_for_its_hooks_to_skip() -> None:
    assert not ContentLoader.yaml_path_resolvers
    loader = ContentLoader("")
    loader.descend_resolver(None, None)  # the stand-ins take the hooks' arguments
    loader.ascend_resolver()
