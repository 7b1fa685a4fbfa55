"""An actor file's text, with aliases and a Wikidata id added and every other byte kept.

Pure: text in, text out, for `dossier import --ftm` when an entity is an actor the site
has already. The forms edited are the ones people write: `aliases: [A, B]` on one line
(new names go in before its `]`), `aliases:` followed by `- A` lines (new lines go after
the last), no `aliases:` at all (a line goes in after `name:`); `wikidata:` is added as a
line before the closing `---` when the file has none. The result must read back as
exactly the old front matter with those values added, or `Unusual` says why not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.archive.frontmatter import Unusual, front_matter_end
from generator.authoring.importer import yaml_list, yaml_string
from generator.source.yamlsafe import load_mapping

__all__ = ["Unusual", "merge_actor"]

_FLOW = re.compile(r"^aliases:[ ]*\[(?P<inner>[^\[\]#]*)\](?P<tail>[ ]*(?:#.*)?)$")
_BLOCK = re.compile(r"^aliases:[ ]*(?:#.*)?$")
_ITEM = re.compile(r"^(?P<indent>[ ]*)-[ ]")
_NAME = re.compile(r"^name:")


def merge_actor(text: str, aliases: Sequence[str], wikidata: str | None) -> str:
    """`text` (an actor file) with `aliases` appended to its aliases and `wikidata:` set
    (only where it has none). Raises `Unusual` for a form it does not edit."""
    lines = text.splitlines(keepends=True)
    end = front_matter_end(lines)
    eol = _eol(lines[0]) or "\n"
    if aliases:
        lines = _with_aliases(lines, end, list(aliases), eol)
        end = front_matter_end(lines)
    if wikidata:
        lines = [*lines[:end], f"wikidata: {wikidata}{eol}", *lines[end:]]
    new_text = "".join(lines)
    _verify(text, new_text, aliases, wikidata)
    return new_text


def _eol(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def _with_aliases(lines: list[str], end: int, aliases: list[str], eol: str) -> list[str]:
    for index in range(1, end):
        content = lines[index].rstrip("\r\n")
        flow = _FLOW.match(content)
        if flow is not None:
            inner = flow.group("inner").rstrip()
            added = yaml_list(aliases)[1:-1]
            inner = f"{inner}, {added}" if inner.strip() else added
            new = f"aliases: [{inner}]{flow.group('tail')}{_eol(lines[index])}"
            return [*lines[:index], new, *lines[index + 1 :]]
        if _BLOCK.match(content):
            return _after_items(lines, index, end, aliases)
    for index in range(1, end):
        if _NAME.match(lines[index]):
            added = f"aliases: {yaml_list(aliases)}{_eol(lines[index]) or eol}"
            return [*lines[: index + 1], added, *lines[index + 1 :]]
    raise Unusual("it has no name: line")


def _after_items(lines: list[str], index: int, end: int, aliases: list[str]) -> list[str]:
    last, indent = index, None
    for below in range(index + 1, end):
        item = _ITEM.match(lines[below])
        if item is None:
            break
        last, indent = below, item.group("indent")
    if indent is None or not _eol(lines[last]):
        raise Unusual("its aliases are in a form this edit does not handle")
    eol = _eol(lines[last])
    added = [f"{indent}- {yaml_string(alias)}{eol}" for alias in aliases]
    return [*lines[: last + 1], *added, *lines[last + 1 :]]


def _front(text: str) -> dict[str, Any]:
    lines = text.splitlines(keepends=True)
    fm, errors = load_mapping(
        "".join(lines[1 : front_matter_end(lines)]), Path("actor"), first_line=2
    )
    if fm is None or errors:
        raise Unusual("the edited front matter would not read back")
    return dict(fm.data)


def _body(text: str) -> str:
    """The closing fence and all that follows it."""
    lines = text.splitlines(keepends=True)
    return "".join(lines[front_matter_end(lines) :])


def _verify(old_text: str, new_text: str, aliases: Sequence[str], wikidata: str | None) -> None:
    old, new = _front(old_text), _front(new_text)
    expected = dict(old)
    if aliases:
        before = old.get("aliases") or []
        if not isinstance(before, list):
            raise Unusual("its aliases are not a list")
        expected["aliases"] = [*before, *aliases]
    if wikidata:
        expected["wikidata"] = wikidata
    if new != expected or _body(new_text) != _body(old_text):
        raise Unusual("its front matter is in a form this edit does not handle")
