"""Markdown -> HTML with markdown-it-py: CommonMark plus tables, raw HTML off by default."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.markdown.found import Found, Quote, Reference, Resolve
from generator.markdown.mentions import mentions
from generator.markdown.quotes import quotes
from generator.markdown.trie import NameIndex
from generator.markdown.wikilinks import wikilinks
from generator.prose import Prose

SUMMARY_LENGTH = 280


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str | Prose  # a Prose once the build keeps it (see generator/prose.py)
    first_paragraph: str  # plain text, for summaries
    references: tuple[Reference, ...] = ()  # mentions and wiki links, in order
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Linking:
    """What the Markdown plugins need to know about the site."""

    index: NameIndex
    resolve: Resolve


def make_markdown(*, raw_html: bool = False, linking: Linking | None = None) -> MarkdownIt:
    """The site's Markdown parser. `js-default` is CommonMark with tables and raw HTML off.

    Links go through markdown-it-py's `validateLink`, which refuses `javascript:`,
    `vbscript:`, `file:` and non-image `data:` URLs. With `linking`, wiki links, mentions
    and attributed quotes are recognised (see `wikilinks`, `mentions` and `quotes`).
    """
    md = MarkdownIt("js-default", {"html": raw_html})
    md.disable("strikethrough")
    if linking is not None:
        wikilinks(md, linking.resolve)
        mentions(md, linking.index)
        quotes(md, linking.resolve)
    return md


def render_markdown(md: MarkdownIt, text: str, *, link_mentions: bool = True) -> Rendered:
    found = Found(link_mentions)
    env = {"dossier": found}
    tokens = md.parse(text, env)
    html = md.renderer.render(tokens, md.options, env)
    return Rendered(html, first_paragraph(tokens), tuple(found.references), tuple(found.quotes))


def first_paragraph(tokens: list[Token]) -> str:
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0:
            return plain_text(tokens[index + 1])
    return ""


def plain_text(inline: Token) -> str:
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline", "mention"):
            parts.append(child.content)
        elif child.type == "wikilink":
            parts.append(child.meta["label"])
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def shorten(text: str, limit: int = SUMMARY_LENGTH) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"
