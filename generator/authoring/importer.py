"""Plain-text stories -> article and actor files, as text. Pure: bytes in, strings out.

A story is `date YYYY-MM-DD Title` on its first line (white space and blank lines
before it are allowed) and plain paragraphs separated by blank lines after it.
Each paragraph becomes a Markdown paragraph that renders to the same text: only
characters that Markdown would read as syntax are escaped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import ContentError
from generator.slugs import make_slug
from generator.source import placeholders
from generator.source.parse import decode

FORMAT_HINT = 'the first line must be "date YYYY-MM-DD Title"'
_DATE_LINE = re.compile(r"(?i:date)\s+(\S+)(?:\s+(.*))?")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters YAML would refuse, or read as line breaks, inside a double-quoted string.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
# Inline syntax: escapes, code, emphasis, links, autolinks/HTML, entities, strikethrough.
_INLINE = re.compile(r"[\\`*\[\]<]|_|&(?=#?[A-Za-z0-9]+;)|~(?=~)|(?<=~)~")
_ORDERED = re.compile(r"(\d{1,9})([.)])(?=\s|$)")
_RULE = re.compile(r"[-=+][-=+\s]*")  # a setext underline or a thematic break
_TABLE_RULE = re.compile(r"(?=.*-)[|:-][|:\s-]*")


@dataclass(frozen=True, slots=True)
class Story:
    path: Path  # where it was read from, for messages
    date: dt.date
    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        """The story's words as one text, for detection."""
        return "\n\n".join(self.paragraphs)


def parse_story(data: bytes, path: Path) -> Story | ContentError:
    """Read a plain-text story; a file not in the format is one error at its line."""
    text, errors, _ = decode(data, path)  # the control characters it drops go unsaid
    if text is None:
        return errors[0]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return ContentError(path, 1, f"the story is empty; {FORMAT_HINT}")
    head = _parse_date_line(lines[first].strip())
    if isinstance(head, str):
        return ContentError(path, first + 1, head)
    day, title = head
    paragraphs = split_paragraphs(lines[first + 1 :])
    if not paragraphs:
        message = "no story text after the first line; add paragraphs separated by blank lines"
        return ContentError(path, first + 1, message)
    return Story(path, day, title, paragraphs)


def _parse_date_line(line: str) -> tuple[dt.date, str] | str:
    match = _DATE_LINE.fullmatch(line)
    if match is None:
        shown = line if len(line) <= 40 else line[:40] + "…"
        return f'not a story: {FORMAT_HINT}, not "{shown}"'
    raw, title = match.group(1), " ".join((match.group(2) or "").split())
    if not _ISO_DAY.fullmatch(raw):
        return f'"{raw}" is not a date like 2023-05-04; {FORMAT_HINT}'
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError as exc:
        return f'"{raw}" is not a valid date ({exc}); use YYYY-MM-DD'
    if not title:
        return f"the first line has no title after the date; {FORMAT_HINT}"
    return day, title


def split_paragraphs(lines: Sequence[str]) -> tuple[str, ...]:
    """Blank lines separate paragraphs; each line loses the white space around it."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return tuple(paragraphs)


def escape_markdown(paragraph: str) -> str:
    """Markdown source that renders as one paragraph of exactly this text."""
    return "\n".join(_escape_line(line) for line in paragraph.split("\n"))


def _escape_line(line: str) -> str:
    return _escape_line_start(_INLINE.sub(lambda m: _escape_inline(m, line), line))


def _escape_inline(match: re.Match[str], line: str) -> str:
    char, at = match.group(), match.start()
    if char == "_":
        before = line[at - 1] if at > 0 else " "
        after = line[at + 1] if at + 1 < len(line) else " "
        if before.isalnum() and after.isalnum():  # snake_case cannot open emphasis
            return char
    return "\\" + char


def _escape_line_start(line: str) -> str:
    """Block syntax: headings, quotes, list items, rules, underlines, table delimiter rows."""
    if not line:
        return line
    if line[0] in "#>":
        return "\\" + line
    if line[0] in "-+=" and (len(line) == 1 or line[1].isspace() or _RULE.fullmatch(line)):
        return "\\" + line
    if _TABLE_RULE.fullmatch(line):  # a table's delimiter row, `|---|` or `:--`
        return "\\" + line
    ordered = _ORDERED.match(line)
    if ordered:
        return f"{ordered.group(1)}\\{ordered.group(2)}{line[ordered.end() :]}"
    return line


def yaml_string(text: str) -> str:
    """A double-quoted YAML string: JSON quoting plus what YAML reads differently."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def yaml_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(yaml_string(item) for item in items) + "]"


def article_path(story: Story) -> PurePosixPath:
    """content/articles/YYYY/YYYY-MM-DD-slug.md, relative to the site."""
    name = f"{story.date.isoformat()}-{make_slug(story.title)}.md"
    return PurePosixPath("content", "articles", f"{story.date:%Y}", name)


def article_text(
    story: Story, actors: Sequence[str], events: Sequence[str], *, draft: bool = True
) -> str:
    """The article for a story; a draft (`draft: true`) for a person to review, unless
    `draft` is False (`import --publish`)."""
    front = [
        "---",
        f"title: {yaml_string(story.title)}",
        f"date: {story.date.isoformat()}",
        f"actors: {yaml_list(actors)}",
        f"events: {yaml_list(events)}",
        *(["draft: true"] if draft else []),
        "---",
    ]
    body = "\n\n".join(escape_markdown(p) for p in story.paragraphs)
    return "\n".join(front) + "\n\n" + body + "\n"


def actor_path(name: str) -> PurePosixPath:
    return PurePosixPath("content", "actors", f"{make_slug(name)}.md")


def actor_text(name: str, kind: str, aliases: Sequence[str], role: str | None, origin: str) -> str:
    """A proposed actor, for a person to review: where it came from is said in the body."""
    front = ["---", f"name: {yaml_string(name)}", f"aliases: {yaml_list(aliases)}", f"kind: {kind}"]
    if role:
        front.append(f"role: {yaml_string(role)}")
    front += ["affiliations: []", "---"]
    start, end = placeholders.IMPORTED  # never published: see source/placeholders.py
    note = f"{start}{escape_markdown(origin)}{end}"
    return "\n".join(front) + "\n\n" + note + "\n"
