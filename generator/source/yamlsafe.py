"""Safe YAML for front matter and site.yaml: guarded, line-aware, errors as values.

Hostile input must become a `ContentError`, never a crash or a hang. Before any
tree is built, the text is read as a stream of parser events (iterative, so it
cannot overflow the stack) and refused when it is too big, nests too deep, or
uses anchors, aliases or tags. Only then is it composed, with the C loader
when libyaml is there. Most front matter needs no event pass: a text with no
`&`, `*`, `!` or tab, whose depth is bounded by its indentation and brackets
(see `_plainly_safe`), cannot hold what the guard refuses. Timestamps are not
resolved by YAML: dates stay text, so `schema` can report an impossible date with
its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ContentError

MAX_BYTES = 64 * 1024
MAX_DEPTH = 16

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _without_timestamps(resolvers: dict[Any, list[Any]]) -> dict[Any, list[Any]]:
    return {first: [r for r in rs if r[0] != _TIMESTAMP] for first, rs in resolvers.items()}


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, minus implicit timestamps."""

    yaml_implicit_resolvers = _without_timestamps(_BaseLoader.yaml_implicit_resolvers)


_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_ANCHOR = "YAML anchors (&name) are not allowed here; write the value out"
_ALIAS = "YAML aliases (*name) are not allowed here; write the value out"
_TAG = "YAML tags (!tag) are not allowed here; remove the tag"
_TOO_DEEP = f"YAML nests deeper than {MAX_DEPTH} levels; flatten it"
# anchors, aliases and tags; tabs, and line breaks other than "\n" (YAML also breaks lines
# at a lone "\r", NEL, LS and PS), which would hide indentation from the bound below
_MARKED = re.compile("[&*!\t\x85\u2028\u2029]|\r(?!\n)")
_LEADING = re.compile(r"^[ ?:-]*", re.MULTILINE)  # indentation and block indicators


@dataclass(frozen=True, slots=True)
class YamlMapping:
    """A top-level YAML mapping with the file line of each key and list item, and of each
    key of a mapping in a list (a claim's `status:`) and the items of a list there."""

    path: Path
    data: dict[str, Any]
    key_lines: dict[str, int]
    item_lines: dict[str, tuple[int, ...]]
    first_line: int
    # key -> per list item: {its key: line, "key[0]": line of that key's first item, ...}
    inner_lines: dict[str, tuple[dict[str, int], ...]] = field(default_factory=dict)

    def line(self, key: str) -> int:
        return self.key_lines.get(key, self.first_line)

    def item_line(self, key: str, index: int) -> int:
        lines = self.item_lines.get(key, ())
        return lines[index] if index < len(lines) else self.line(key)

    def inner_line(self, key: str, index: int, inner: str) -> int:
        """The line of `inner` (`status`, or `evidence[1]` for an item of that list) in
        the mapping that is item `index` of the list `key`; else that item's line."""
        lines = self.inner_lines.get(key, ())
        found = lines[index].get(inner) if index < len(lines) else None
        return found if found is not None else self.item_line(key, index)


def _error(path: Path, first_line: int, exc: yaml.YAMLError) -> ContentError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = first_line + (mark.line if mark is not None else 0)
    problem = getattr(exc, "problem", None) or str(exc)
    return ContentError(path, line, f"YAML syntax error: {problem}; check quoting and indentation")


def _plainly_safe(text: str) -> bool:
    """True when `text` can hold no anchor, alias or tag and cannot nest deeper than
    MAX_DEPTH, as seen from its characters alone (C-speed searches, no parse).

    In block style a collection nested in another starts at a greater column, but for
    a sequence given as a mapping's value, which may share its key's column: at most
    two levels per column. Every block collection starts within its line's leading
    run of spaces and `-`, `?`, `:` indicators, so with W the longest such run, block
    depth is at most 2 * (W + 1). Each flow level needs a `[` or `{` of its own.
    """
    if _MARKED.search(text):
        return False
    widest = max(map(len, _LEADING.findall(text)), default=0)
    return 2 * (widest + 1) + text.count("[") + text.count("{") <= MAX_DEPTH


def _guard(text: str, path: Path, first_line: int) -> ContentError | None:
    """Refuse what must never reach a composer, reading parser events only.

    The event parsers (libyaml's and PyYAML's) are iterative, so this is safe on
    any input; composing a tree is what recurses and can crash on deep nesting.
    """
    if len(text.encode("utf-8")) > MAX_BYTES:
        return ContentError(
            path, first_line, f"front matter is larger than {MAX_BYTES // 1024} KiB; shorten it"
        )
    if _plainly_safe(text):
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            mark = event.start_mark
            line = first_line + (mark.line if mark is not None else 0)
            if isinstance(event, yaml.AliasEvent):
                return ContentError(path, line, _ALIAS)
            if getattr(event, "anchor", None) is not None:
                return ContentError(path, line, _ANCHOR)
            if getattr(event, "tag", None) not in (None, "!"):
                return ContentError(path, line, _TAG)
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    return ContentError(path, line, _TOO_DEEP)
            elif isinstance(event, _CLOSE):
                depth -= 1
    except yaml.YAMLError as exc:
        error = _error(path, first_line, exc)
        if "nesting depth" in str(exc):  # libyaml's own limit, reached while scanning ahead
            return ContentError(error.path, error.line, _TOO_DEEP)
        return error
    return None


def load_mapping(
    text: str, path: Path, first_line: int = 1
) -> tuple[YamlMapping | None, list[ContentError]]:
    """Parse `text` (which starts at file line `first_line`) as a mapping of settings."""
    refused = _guard(text, path, first_line)
    if refused:
        return None, [refused]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        return None, [_error(path, first_line, exc)]
    finally:
        loader.dispose()
    if not isinstance(data, dict) or not isinstance(node, (yaml.MappingNode, type(None))):
        return None, [ContentError(path, first_line, "expected `key: value` lines, one a key")]
    return _with_lines(path, first_line, data, node)


def _with_lines(
    path: Path, first_line: int, data: dict[Any, Any], node: yaml.MappingNode | None
) -> tuple[YamlMapping | None, list[ContentError]]:
    key_lines: dict[str, int] = {}
    item_lines: dict[str, tuple[int, ...]] = {}
    inner_lines: dict[str, tuple[dict[str, int], ...]] = {}
    errors: list[ContentError] = []
    for key_node, value_node in node.value if node is not None else []:
        line = first_line + key_node.start_mark.line
        key = key_node.value
        if not isinstance(key_node, yaml.ScalarNode) or not isinstance(key, str):
            errors.append(ContentError(path, line, "a key must be plain text"))
            continue
        if key in key_lines:
            errors.append(
                ContentError(
                    path, line, f"`{key}` is given twice (line {key_lines[key]}); keep one"
                )
            )
        key_lines[key] = line
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key] = tuple(first_line + n.start_mark.line for n in value_node.value)
            if any(isinstance(n, yaml.MappingNode) for n in value_node.value):
                inner_lines[key] = tuple(_inner_lines(n, first_line) for n in value_node.value)
    if errors:
        return None, errors
    data = {str(k): v for k, v in data.items()}
    return YamlMapping(path, data, key_lines, item_lines, first_line, inner_lines), []


def _inner_lines(node: yaml.Node, first_line: int) -> dict[str, int]:
    """The lines of the keys of a mapping in a list, and of the items of its lists."""
    lines: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key_node, value_node in node.value:
        key = str(key_node.value)
        lines.setdefault(key, first_line + key_node.start_mark.line)
        if isinstance(value_node, yaml.SequenceNode):
            for n, item in enumerate(value_node.value):
                lines[f"{key}[{n}]"] = first_line + item.start_mark.line
    return lines
