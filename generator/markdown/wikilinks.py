"""`[[Dmitry Peskov]]`, `[[Peskov|the spokesman]]`, `[[events/kremlin-drone-incident]]`:
an inline rule that makes links to actor, event and article pages. A link to nothing is
shown as plain text and recorded as unresolved (the model reports it as an error).

The references are recorded by `record_wikilinks`, which the mention rule calls for each
inline token (see `mentions`): mentions and wiki links keep one order in a body.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from generator.markdown.found import (
    Found,
    Reference,
    Resolve,
    Target,
    escaped,
    line_of,
    sentence_around,
)


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
    label = escaped(meta["label"])
    target: Target | None = meta["resolved"]
    if target is None:
        return f'<span class="wikilink missing">{label}</span>'
    return f'<a class="wikilink" href="{escaped(target.href)}">{label}</a>'


def record_wikilinks(inline: Token, plain: str, found: Found) -> None:
    position = 0
    for child in inline.children or []:
        if child.type == "wikilink":
            target: Target | None = child.meta["resolved"]
            label = child.meta["label"]
            at = plain.find(label, position)
            at = at if at >= 0 else position
            line = line_of(inline, inline.content[: child.meta["offset"]])
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
