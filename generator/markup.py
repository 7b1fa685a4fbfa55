"""Markdown -> HTML with markdown-it-py: CommonMark plus tables, raw HTML off by default."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

SUMMARY_LENGTH = 280


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str
    first_paragraph: str  # plain text, for summaries


def make_markdown(*, raw_html: bool = False) -> MarkdownIt:
    """The site's Markdown parser. `js-default` is CommonMark with tables and raw HTML off.

    Links go through markdown-it-py's `validateLink`, which refuses `javascript:`,
    `vbscript:`, `file:` and non-image `data:` URLs.
    """
    md = MarkdownIt("js-default", {"html": raw_html})
    md.disable("strikethrough")
    return md


def render_markdown(md: MarkdownIt, text: str) -> Rendered:
    tokens = md.parse(text)
    return Rendered(md.renderer.render(tokens, md.options, {}), first_paragraph(tokens))


def first_paragraph(tokens: list[Token]) -> str:
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0:
            return plain_text(tokens[index + 1])
    return ""


def plain_text(inline: Token) -> str:
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def shorten(text: str, limit: int = SUMMARY_LENGTH) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"
