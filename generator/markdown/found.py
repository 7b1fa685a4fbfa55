"""What the Markdown plugins find in a body, and the helpers they share.

Rules never raise; what they find leaves through markdown-it's `env` as a `Found`:
the references (mentions and wiki links, with the sentence around each) and the
attributed quotes. Every href a plugin writes is relative to a page one folder deep
(`articles/`, `actors/`, `events/`): the only pages that show Markdown bodies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it.token import Token

from generator.urls import from_a_folder, page_url

SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)]*\s+")
WHITESPACE = re.compile(r"\s+")
LAST_WORD_END = re.compile(r".*\s", re.DOTALL)  # up to the last space: the words before it
CONTEXT_CHARS = 300  # about how much of its sentence a backlink shows around a mention


TEXT_TYPES = ("text", "code_inline", "mention")  # inline tokens that hold their own text


@dataclass(frozen=True, slots=True)
class Target:
    kind: str  # "actor", "event" or "article"
    slug: str
    title: str

    @property
    def href(self) -> str:
        return from_a_folder(page_url(self.kind, self.slug))


@dataclass(frozen=True, slots=True)
class Reference:
    """A mention or wiki link in a body: what it names, where, and the sentence around it."""

    target: str  # as written
    kind: str | None  # None: a wiki link to nothing
    slug: str | None
    title: str  # the target's name or title when the body was rendered
    line: int  # 0-based, within the body
    context: str
    explicit: bool  # a wiki link, not an automatic mention


@dataclass(frozen=True, slots=True)
class Quote:
    actor: str  # slug
    html: str  # the quotation, rendered
    line: int


@dataclass
class Found:
    """What the rules saw in one body. Passed to markdown-it as `env`."""

    link_mentions: bool = True
    references: list[Reference] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


Resolve = Callable[[str], Target | None]


def sentence_around(text: str, start: int, end: int, limit: int = CONTEXT_CHARS) -> str:
    """The sentence of `text` that holds the span, in one line, cut on word boundaries to
    about `limit` characters around the span, with "…" where it is cut.

    Only `limit` characters either side of the span are read, so a mention costs the same
    in a paragraph of a million characters, with or without full stops, as in a short one.
    """
    low, high = max(0, start - limit), min(len(text), end + limit)
    begin, stop = low, high
    left_open, right_open = low > 0, high < len(text)  # the sentence may go on past these
    for match in SENTENCE_END.finditer(text, low, high):
        if match.end() <= start:
            begin, left_open = match.end(), False
        elif match.start() >= end:
            stop, right_open = match.start(), False
            break
    room = max(0, limit - (end - start))
    left = min(start - begin, max(room // 2, room - (stop - end)))
    right = min(stop - end, room - left)
    first, last = start - left, end + right
    head = tail = ""
    if first > begin or left_open:
        space = WHITESPACE.search(text, max(first - 1, 0), start)
        first, head = (space.end() if space else start), "…"
    if last < stop or right_open:
        words = LAST_WORD_END.match(text, end, min(last + 1, len(text)))
        last, tail = (words.end() - 1 if words else end), "…"
    cut = " ".join(text[first:last].split())
    return head + (cut.rstrip(",;:") if tail else cut) + tail


def plain_of(inline: Token) -> str:
    parts = []
    for child in inline.children or []:
        if child.type in TEXT_TYPES:
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "wikilink":
            parts.append(child.meta["label"])
    return "".join(parts)


def line_of(inline: Token, offset_text: str) -> int:
    return (inline.map[0] if inline.map else 0) + offset_text.count("\n")


def escaped(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
