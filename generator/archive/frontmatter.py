"""A story's text, one of its sources (by line) and a snapshot → the same text with
`archived:` and `archived_on:` added to that source, every other byte kept; or why not.

Pure: text in, text out. Three forms are edited, the ones people write:

- a flow mapping on one line, `source: {name: X, url: Y}` or `  - {name: X, url: Y}`:
  `, archived: "S", archived_on: D` goes in before its `}`;
- a bare address on one line, `source: https://...` or `  - https://...`: it becomes
  `{url: https://..., archived: "S", archived_on: D}`;
- a block mapping, `source:` (or `- name: X`) with its keys on the lines below: two lines
  at the keys' indentation go in after its last line.

Anything else (a mapping over several lines in braces, a list in brackets, a quoted
address) is left alone, and so is any edit that would not read back as exactly the old
front matter plus the two keys: the caller says so and goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from generator.source.yamlsafe import load_mapping

FENCE = "---"
_KEY = re.compile(r"^(?P<indent>[ ]*)(?:source:|-)[ ]+")
_BLOCK_KEY = re.compile(r"^(?P<indent>[ ]*)source:[ ]*(?:#.*)?$")
_ITEM_KEY = re.compile(r"^(?P<indent>[ ]*-[ ]+)[A-Za-z_]+:")
_COMMENT = re.compile(r"[ ]+#.*$")


class Unusual(ValueError):
    """The source is written in a form this edit does not handle."""


def add_snapshot(text: str, line: int, url: str, snapshot: str, day: dt.date) -> str:
    """`text` (a whole story file) with the source written at file line `line` (1-based)
    given `archived: snapshot` and `archived_on: day`. Raises `Unusual`, saying why,
    when the source is not in one of the forms above or the edit would change more."""
    lines = text.splitlines(keepends=True)
    end = front_matter_end(lines)
    if not 2 <= line < end + 1:
        raise Unusual("the source is not in the front matter")
    index = line - 1
    quoted, day_text = json.dumps(snapshot), day.isoformat()
    edited = (
        _flow(lines, index, quoted, day_text)
        or _bare(lines, index, url, quoted, day_text)
        or _block(lines, index, end, quoted, day_text)
    )
    if edited is None:
        raise Unusual("its form is unusual (edit it by hand: add archived: and archived_on:)")
    new_text = "".join(edited)
    _verify(text, new_text, line, url, snapshot, day)
    return new_text


def front_matter_end(lines: list[str]) -> int:
    """The index of the closing `---` line."""
    if not lines or lines[0].rstrip("\r\n").lstrip("\ufeff").rstrip() != FENCE:
        raise Unusual("the file does not start with front matter")
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (FENCE, "..."):
            return index
    raise Unusual("the front matter is not closed")


def _split_eol(line: str) -> tuple[str, str]:
    stripped = line.rstrip("\r\n")
    return stripped, line[len(stripped) :]


def _flow(lines: list[str], index: int, quoted: str, day: str) -> list[str] | None:
    content, eol = _split_eol(lines[index])
    found = _KEY.match(content)
    if found is None:
        return None
    rest = content[found.end() :]
    comment = _COMMENT.search(rest) if "#" in rest else None
    value = rest[: comment.start()] if comment else rest
    trailing = value[len(value.rstrip()) :]
    value = value.rstrip()
    if not value.startswith("{") or not value.endswith("}") or value.count("}") != 1:
        return None
    inner = value[:-1].rstrip()
    gap = value[len(inner) : -1]
    addition = f"archived: {quoted}, archived_on: {day}"
    inner += addition if inner == "{" else f", {addition}"
    new = (
        content[: found.end()] + inner + gap + "}" + trailing + (comment.group() if comment else "")
    )
    return [*lines[:index], new + eol, *lines[index + 1 :]]


def _bare(lines: list[str], index: int, url: str, quoted: str, day: str) -> list[str] | None:
    content, eol = _split_eol(lines[index])
    found = _KEY.match(content)
    if found is None or content[found.end() :].strip() != url:
        return None
    new = f"{content[: found.end()]}{{url: {url}, archived: {quoted}, archived_on: {day}}}"
    return [*lines[:index], new + eol, *lines[index + 1 :]]


def _block(lines: list[str], index: int, end: int, quoted: str, day: str) -> list[str] | None:
    content = _split_eol(lines[index])[0]
    item = _ITEM_KEY.match(content)
    if item is not None:
        column, last = len(item.group("indent")), index
    elif _BLOCK_KEY.match(content):
        column, last = -1, index
    else:
        return None
    for below in range(index + 1, end):
        text = _split_eol(lines[below])[0]
        if not text.strip():
            break
        indent = len(text) - len(text.lstrip(" "))
        if column == -1:  # `source:` alone: its keys set the indentation
            if indent <= len(content) - len(content.lstrip(" ")):
                return None
            column = indent
        if indent < column:
            break
        last = below
    eol = _split_eol(lines[last])[1]
    if column == -1 or not eol:
        return None
    pad = " " * column
    added = [f"{pad}archived: {quoted}{eol}", f"{pad}archived_on: {day}{eol}"]
    return [*lines[: last + 1], *added, *lines[last + 1 :]]


def _front_matter(text: str) -> dict[str, Any]:
    lines = text.splitlines(keepends=True)
    end = front_matter_end(lines)
    fm, errors = load_mapping("".join(lines[1:end]), Path("story"), first_line=2)
    if fm is None or errors:
        raise Unusual("the edited front matter would not read back")
    return {"data": fm.data, "fm": fm}


def _verify(old_text: str, new_text: str, line: int, url: str, snapshot: str, day: dt.date) -> None:
    """The new front matter reads back as the old one, with the two keys added to the
    one source written at `line`."""
    old, new = _front_matter(old_text), _front_matter(new_text)
    expected = dict(old["data"])
    fm = old["fm"]
    if "source" in expected and fm.line("source") == line:
        expected["source"] = _with_snapshot(expected["source"], url, snapshot, day)
    elif isinstance(expected.get("sources"), list):
        items = list(expected["sources"])
        hits = [i for i in range(len(items)) if fm.item_line("sources", i) == line]
        if len(hits) != 1:
            raise Unusual("several sources share its line")
        items[hits[0]] = _with_snapshot(items[hits[0]], url, snapshot, day)
        expected["sources"] = items
    else:
        raise Unusual("no source starts at its line")
    if new["data"] != expected:
        raise Unusual("its form is unusual (edit it by hand: add archived: and archived_on:)")


def _with_snapshot(value: Any, url: str, snapshot: str, day: dt.date) -> dict[str, Any]:
    entry = {"url": value} if isinstance(value, str) else dict(value)
    if entry.get("url") != url:
        raise Unusual("the source at its line has another address")
    return {**entry, "archived": snapshot, "archived_on": day.isoformat()}
