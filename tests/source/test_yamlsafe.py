"""The YAML guard's shortcut: a text it lets through without reading parser events
must hold nothing the event pass would refuse."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from generator.source.yamlsafe import MAX_DEPTH, _plainly_safe, load_mapping


def _tree(rng: random.Random, depth: int) -> Any:
    """Nested mappings and lists, `depth` levels deep along at least one branch."""
    if depth == 0:
        return rng.choice(["plain", "two words", 7, "a: colon", "x-y", None, "[not a list]"])
    width = rng.randint(1, 2)
    depths = [depth - 1, *(rng.randint(0, depth - 1) for _ in range(width - 1))]
    children = [_tree(rng, below) for below in depths]
    if rng.random() < 0.5:
        return children
    return {f"k{i}": child for i, child in enumerate(children)}


def _chain(pairs: int) -> str:
    """The deepest block YAML for its indentation: a mapping whose value is a sequence
    at the same column, whose item is a mapping one column further in, and so on."""
    lines = [f"{' ' * i}{part}" for i in range(pairs) for part in ("a:", "-")]
    return "\n".join([*lines, " " * pairs + "x"]) + "\n"


def _events(text: str) -> tuple[int, bool]:
    """The deepest nesting and whether any anchor, alias or tag occurs, as the parser sees."""
    depth = deepest = 0
    marked = False
    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        marked |= isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None
        marked |= getattr(event, "tag", None) not in (None, "!")
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return deepest, marked


def test_a_text_let_through_unread_never_nests_too_deep_or_holds_anchors() -> None:
    rng = random.Random(8)
    safe = deep = 0
    texts = [_chain(pairs) for pairs in range(1, 20)]
    for _ in range(1000):
        data = {"title": "t", "tags": _tree(rng, rng.randint(0, 22))}
        if rng.random() < 0.1:  # the same object twice: PyYAML writes an anchor and an alias
            data["again"] = data["tags"]
        style = rng.choice([False, None, True])
        texts.append(
            yaml.safe_dump(data, default_flow_style=style, indent=rng.randint(2, 4), width=1000)
        )
    for text in texts:
        depth, marked = _events(text)
        deep += depth > MAX_DEPTH
        if _plainly_safe(text):
            safe += 1
            assert depth <= MAX_DEPTH and not marked, text
    assert safe > 150 and deep > 100  # both sides of the line were tried


def test_shallow_block_yaml_is_let_through_and_deep_yaml_is_refused() -> None:
    """Four levels fit the bound and are let through unread; seventeen go through the
    event pass, which refuses them."""
    shallow = "".join(f"{'  ' * i}k{i}:\n" for i in range(3)) + "    - x\n"
    assert _plainly_safe(shallow)
    deep = "".join(f"{'  ' * i}k{i}:\n" for i in range(17)) + f"{'  ' * 17}x\n"
    assert not _plainly_safe(deep)
    mapping, errors = load_mapping(deep, Path("deep.md"))
    assert mapping is None and "nests deeper than 16 levels" in errors[0].message


def test_front_matter_with_marks_goes_through_the_event_pass() -> None:
    for text in ["title: AT&T\n", "title: !!str x\n", "a: &x 1\nb: *x\n", "title:\tx\n"]:
        assert not _plainly_safe(text)
    mapping, errors = load_mapping("title: Rock & roll *live*!\n", Path("a.md"))
    assert errors == [] and mapping is not None
    assert mapping.data == {"title": "Rock & roll *live*!"}


def test_line_breaks_other_than_newline_cannot_hide_depth() -> None:
    """YAML breaks lines at a lone CR, NEL, LS and PS too: such a text goes through the
    event pass, which counts its depth. CRLF line ends alone do not."""
    for br in ["\r", "\x85", "\u2028", "\u2029"]:
        deep = br.join(f"{'  ' * i}k{i}:" for i in range(20)) + br + "  " * 20 + "x" + br
        assert not _plainly_safe(deep)
        mapping, errors = load_mapping(deep, Path("deep.md"))
        assert mapping is None and "nests deeper than 16 levels" in errors[0].message
    assert _plainly_safe("title: t\r\nactors: [A, B]\r\n")
