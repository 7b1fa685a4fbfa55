"""What both pictures share: SVG openings and headings, escaping, text measures.

Pure functions from data to SVG text; the same input always gives the same bytes.
Colours come from CSS classes (`dossier.css`, "Charts and graphs"), so the pictures
follow the page's light or dark scheme; every text is XML-escaped.
"""

from __future__ import annotations

from markupsafe import escape

CHART_W = 480.0  # both pictures' width when there is nothing to draw; the coverage chart's
FONT = 12.0  # label size in SVG units


AXIS_FONT = 14.0  # the largest size CSS gives axis labels (on phones): spacing allows it
CHAR_WIDTH = 0.6  # a generous estimate of a sans-serif character's width, in ems


LABEL_MAX = 28  # longer names are cut with an ellipsis (the full name is in the tooltip)


def num(value: float) -> str:
    """A coordinate rounded to 0.1, written short: 12, 12.5, never -0."""
    text = f"{round(value, 1):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def esc(text: str) -> str:
    return str(escape(text))


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def svg_open(key: str, kind: str, width: float, height: float, role: str | None = "img") -> str:
    """The opening tag; without a role, an `<svg>` is a graphics document (SVG-AAM)."""
    role_attribute = f'role="{role}" ' if role else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" id="{esc(key)}" '
        f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" '
        f'{role_attribute}aria-labelledby="{esc(key)}-title {esc(key)}-desc">'
    )


def heading(key: str, title: str, desc: str) -> str:
    return (
        f'<title id="{esc(key)}-title">{esc(title)}</title>'
        f'<desc id="{esc(key)}-desc">{esc(desc)}</desc>'
    )


def text_width(text: str, size: float = FONT) -> float:
    return len(text) * size * CHAR_WIDTH


def shorten(text: str, limit: int = LABEL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
