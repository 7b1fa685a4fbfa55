"""A blockquote whose last paragraph starts with `—` or `--` and an actor's name becomes a
`<figure>` with a `<figcaption>` attribution, and is recorded as their quote."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from generator.markdown.found import Found, Quote, Resolve, escaped, plain_of

ATTRIBUTION = re.compile(r"^\s*(?:—|--)\s*(?P<who>[^,(]+)")


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
    match = ATTRIBUTION.match(plain_of(inline))
    target = resolve_actor(match["who"].strip()) if match else None
    if match is None or target is None or target.kind != "actor":
        return False
    who = match["who"].strip()
    rest = plain_of(inline)[match.end("who") :]
    quoted = tokens[start + 1 : close - 3]
    html = md.renderer.render(quoted, md.options, state.env)
    where = tokens[start].map
    line = where[0] if where else 0
    found.quotes.append(Quote(target.slug, html, line))
    opening = Token("html_block", "", 0)
    opening.content = '<figure class="quote">\n'
    caption = Token("html_block", "", 0)
    caption.content = (
        f'<figcaption>— <a class="quote-by" href="{escaped(target.href)}">{escaped(who)}</a>'
        f"{escaped(rest)}</figcaption>\n</figure>\n"
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
