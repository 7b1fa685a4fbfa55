"""markdown-it-py plugins that make a story know who and what it names.

- `wikilinks`: `[[Dmitry Peskov]]`, `[[Peskov|the spokesman]]`, `[[events/kremlin-drone-incident]]`
  become links to actor, event and article pages; a link to nothing is recorded as
  unresolved (the model reports it as a content error) and shown as plain text.
- `mentions`: a core rule over the inline tokens that links the first mention of each
  known actor or event by name or alias. It never touches code, links, headings or raw
  HTML. One index over all names serves every word: the cost per word does not grow with
  the number of names.
- `quotes`: a blockquote whose last paragraph starts with `—` or `--` and an actor's name
  becomes a `<figure>` with a `<figcaption>` attribution, and is recorded as their quote.

Rules never raise; what they find leaves through `env` (see `Found`). Every href they
write is relative to a page one folder deep (`articles/`, `actors/`, `events/`): the
only pages that show Markdown bodies.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from generator.pickling import pickled_by_fields
from generator.urls import from_a_folder, page_url

WORD = re.compile(r"\w+")
WORDS = re.compile(r"(\w+)")  # split() keeps the words, between the separators
SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)]*\s+")
SHORT = 5  # names shorter than this, or in capitals, must match case exactly
_TEXT_TYPES = ("text", "code_inline", "mention")  # inline tokens that hold their own text
ATTRIBUTION = re.compile(r"^\s*(?:—|--)\s*(?P<who>[^,(]+)")


@dataclass(frozen=True, slots=True)
class Target:
    kind: str  # "actor", "event" or "article"
    slug: str
    title: str

    @property
    def href(self) -> str:
        return from_a_folder(page_url(self.kind, self.slug))


@pickled_by_fields
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


@pickled_by_fields
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


class _Node:
    """One word of the name trie: the words that may follow, and the names ending here."""

    __slots__ = ("children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: list[tuple[str, bool, Target]] = []  # (key, exact case, target)


class NameIndex:
    """Every name and alias in a trie of words: matching costs the same per word of text
    whether the site knows fifty names or fifty thousand."""

    def __init__(self, names: Iterable[tuple[str, Target]]) -> None:
        claims: dict[tuple[str, bool], set[Target]] = {}
        for text, target in names:
            if not WORD.search(text):
                continue
            exact = len(text) < SHORT or text.isupper()
            key = " ".join(text.split())
            claims.setdefault((key if exact else key.casefold(), exact), set()).add(target)
        self._root = _Node()
        for (key, exact), targets in claims.items():
            if len(targets) != 1:
                continue  # shared by two: no guessing
            node = self._root
            for word in WORD.findall(key):
                node = node.children.setdefault(word.casefold(), _Node())
            node.ends.append((key, exact, next(iter(targets))))

    def find(self, text: str) -> list[tuple[int, int, Target]]:
        """Non-overlapping (start, end, target) matches, the longest name at each word."""
        folded = text.casefold()
        if len(folded) != len(text):  # "ß" -> "ss": positions would shift, fold word by word
            matches = list(WORD.finditer(text))
            spans = [bound for match in matches for bound in match.span()]
            return self._walk(text, [match[0].casefold() for match in matches], spans)
        parts = WORDS.split(folded)  # separator, word, separator, word, ..., separator
        words = parts[1::2]
        if self._root.children.keys().isdisjoint(words):
            return []  # the usual text: no word starts a name (each step here runs in C)
        bounds = list(accumulate(map(len, parts)))  # word i spans bounds[2i]..bounds[2i+1]
        return self._walk(text, words, bounds)

    def _walk(
        self, text: str, words: list[str], bounds: list[int]
    ) -> list[tuple[int, int, Target]]:
        """The trie walked from each word: `bounds` holds each word's start and end."""
        first = self._root.children
        found: list[tuple[int, int, Target]] = []
        index, count = 0, len(words)
        while index < count:
            node = first.get(words[index])
            if node is None:
                index += 1
                continue
            best: tuple[int, Target] | None = None
            start, last = bounds[2 * index], index
            while True:
                for key, exact, target in node.ends:
                    span = " ".join(text[start : bounds[2 * last + 1]].split())
                    if span == key if exact else span.casefold() == key:
                        best = (last, target)
                last += 1
                if last == count:
                    break
                child = node.children.get(words[last])
                if child is None:
                    break
                node = child
            if best is None:
                index += 1
                continue
            last, target = best
            found.append((start, bounds[2 * last + 1], target))
            index = last + 1
        return found


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds the span, in one line."""
    begin = 0
    for stop in SENTENCE_END.finditer(text):
        if stop.end() <= start:
            begin = stop.end()
        elif stop.start() >= end:
            return " ".join(text[begin : stop.start()].split())
    return " ".join(text[begin:].split())


def _plain(inline: Token) -> str:
    parts = []
    for child in inline.children or []:
        if child.type in _TEXT_TYPES:
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "wikilink":
            parts.append(child.meta["label"])
    return "".join(parts)


def _line_of(inline: Token, offset_text: str) -> int:
    return (inline.map[0] if inline.map else 0) + offset_text.count("\n")


def wikilinks(md: MarkdownIt, resolve: Resolve) -> None:
    """`[[target]]` and `[[target|label]]`."""

    def rule(state: StateInline, silent: bool) -> bool:
        src, pos = state.src, state.pos
        if not src.startswith("[[", pos):
            return False
        end = src.find("]]", pos + 2)
        inner = src[pos + 2 : end] if end > 0 else ""
        if not inner.strip() or "\n" in inner or "[" in inner:
            return False
        if not silent:
            target_text, _, label = inner.partition("|")
            target = resolve(target_text.strip())
            token = state.push("wikilink", "", 0)
            token.meta = {
                "target": target_text.strip(),
                "label": (label or (target.title if target else target_text)).strip(),
                "resolved": target,
                "offset": pos,
            }
        state.pos = end + 2
        return True

    md.inline.ruler.before("link", "wikilink", rule)
    md.add_render_rule("wikilink", _render_wikilink)


def _render_wikilink(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    meta = tokens[idx].meta
    label = _escape(meta["label"])
    target: Target | None = meta["resolved"]
    if target is None:
        return f'<span class="wikilink missing">{label}</span>'
    return f'<a class="wikilink" href="{_escape(target.href)}">{label}</a>'


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def mentions(md: MarkdownIt, index: NameIndex) -> None:
    """Link the first mention of each known actor or event; record every wiki link too."""

    def rule(state: StateCore) -> None:
        found: Found = state.env.setdefault("dossier", Found())
        linked: set[Target] = set()
        heading = False
        for token in state.tokens:
            if token.type in ("heading_open", "heading_close"):
                heading = token.type == "heading_open"
            if token.type != "inline" or not token.children:
                continue
            plain = _plain(token)
            _record_wikilinks(token, plain, found)
            raw_html = any(child.type == "html_inline" for child in token.children)
            if not heading and not raw_html:  # raw HTML may hold links of its own
                token.children = _link_mentions(token, plain, index, found, linked)

    md.core.ruler.push("mentions", rule)
    md.add_render_rule("mention", _render_mention)


def _render_mention(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """`<a class="mention" href="...">name</a>`, as a link's tokens would render it."""
    token = tokens[idx]
    return f'<a class="mention" href="{_escape(token.meta["href"])}">{_escape(token.content)}</a>'


def _record_wikilinks(inline: Token, plain: str, found: Found) -> None:
    position = 0
    for child in inline.children or []:
        if child.type == "wikilink":
            target: Target | None = child.meta["resolved"]
            label = child.meta["label"]
            at = plain.find(label, position)
            at = at if at >= 0 else position
            line = _line_of(inline, inline.content[: child.meta["offset"]])
            found.references.append(
                Reference(
                    child.meta["target"],
                    target.kind if target else None,
                    target.slug if target else None,
                    target.title if target else "",
                    line,
                    sentence_around(plain, at, at + len(label)),
                    explicit=True,
                )
            )
            position = at + len(label)


def _plain_length(child: Token) -> int:
    """How much of `_plain(inline)` this child stands for."""
    if child.type in _TEXT_TYPES:
        return len(child.content)
    if child.type in ("softbreak", "hardbreak"):
        return 1
    if child.type == "wikilink":
        return len(child.meta["label"])
    return 0


def _link_mentions(
    inline: Token, plain: str, index: NameIndex, found: Found, linked: set[Target]
) -> list[Token]:
    out: list[Token] = []
    in_link = 0
    offset = 0  # where each child starts within `plain`
    for child in inline.children or []:
        if child.type == "link_open":
            in_link += 1
        elif child.type == "link_close":
            in_link -= 1
        if child.type == "text" and not in_link:
            out.extend(_split_text(child, inline, plain, offset, index, found, linked))
        else:
            out.append(child)
        offset += _plain_length(child)
    return out


def _split_text(
    child: Token,
    inline: Token,
    plain: str,
    offset: int,
    index: NameIndex,
    found: Found,
    linked: set[Target],
) -> list[Token]:
    pieces: list[Token] = []
    text, cursor = child.content, 0
    for start, end, target in index.find(text):
        if target in linked:
            continue
        linked.add(target)
        line = _line_of(inline, inline.content[: inline.content.find(text[start:end])])
        context = sentence_around(plain, offset + start, offset + end)
        found.references.append(
            Reference(text[start:end], target.kind, target.slug, target.title, line, context, False)
        )
        if not found.link_mentions:
            continue
        pieces.append(_text(text[cursor:start]))
        mention = Token("mention", "a", 0)  # one token, not a link's three: many per body
        mention.content, mention.meta = text[start:end], {"href": target.href}
        pieces.append(mention)
        cursor = end
    if not pieces:
        return [child]
    pieces.append(_text(text[cursor:]))
    return [p for p in pieces if p.type != "text" or p.content]


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def quotes(md: MarkdownIt, resolve_actor: Resolve) -> None:
    """Attributed blockquotes become figures, and are recorded as their speaker's quotes."""

    def rule(state: StateCore) -> None:
        found: Found = state.env.setdefault("dossier", Found())
        index = 0
        while index < len(state.tokens):
            token = state.tokens[index]
            if token.type == "blockquote_open" and token.level == 0:
                close = _closing(state.tokens, index)
                if _attribute(md, state, index, close, resolve_actor, found):
                    index += 1  # past the <figure> opening, at the blockquote again
                    close = _closing(state.tokens, index)
                index = close
            index += 1

    md.core.ruler.push("quotes", rule)


def _closing(tokens: list[Token], start: int) -> int:
    depth = 0
    for index in range(start, len(tokens)):
        if tokens[index].type == "blockquote_open":
            depth += 1
        elif tokens[index].type == "blockquote_close":
            depth -= 1
            if depth == 0:
                return index
    return len(tokens) - 1


def _attribute(
    md: MarkdownIt,
    state: StateCore,
    start: int,
    close: int,
    resolve_actor: Resolve,
    found: Found,
) -> bool:
    tokens = state.tokens
    if close - start < 7 or tokens[close - 3].type != "paragraph_open":
        return False  # needs a quotation and an attribution paragraph
    inline = tokens[close - 2]
    match = ATTRIBUTION.match(_plain(inline))
    target = resolve_actor(match["who"].strip()) if match else None
    if match is None or target is None or target.kind != "actor":
        return False
    who = match["who"].strip()
    rest = _plain(inline)[match.end("who") :]
    quoted = tokens[start + 1 : close - 3]
    html = md.renderer.render(quoted, md.options, state.env)
    where = tokens[start].map
    line = where[0] if where else 0
    found.quotes.append(Quote(target.slug, html, line))
    opening = Token("html_block", "", 0)
    opening.content = '<figure class="quote">\n'
    caption = Token("html_block", "", 0)
    caption.content = (
        f'<figcaption>— <a class="quote-by" href="{_escape(target.href)}">{_escape(who)}</a>'
        f"{_escape(rest)}</figcaption>\n</figure>\n"
    )
    state.tokens = [
        *tokens[:start],
        opening,
        tokens[start],
        *quoted,
        tokens[close],
        caption,
        *tokens[close + 1 :],
    ]
    return True
