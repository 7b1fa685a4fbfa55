"""A core rule over the inline tokens that links the first mention of each known actor or
event by name or alias. It never touches code, links, headings or raw HTML; one index
over all names (`trie`) serves every word. It also records each inline token's wiki
links (`wikilinks.record_wikilinks`), so that references keep the order of the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from generator.markdown.found import (
    TEXT_TYPES,
    Found,
    Reference,
    Target,
    escaped,
    line_of,
    plain_of,
    sentence_around,
)
from generator.markdown.trie import NameIndex
from generator.markdown.wikilinks import record_wikilinks


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
            plain = plain_of(token)
            record_wikilinks(token, plain, found)
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
    return f'<a class="mention" href="{escaped(token.meta["href"])}">{escaped(token.content)}</a>'


def _plain_length(child: Token) -> int:
    """How much of `plain_of(inline)` this child stands for."""
    if child.type in TEXT_TYPES:
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
        line = line_of(inline, inline.content[: inline.content.find(text[start:end])])
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
