"""Relations in a graph: the dashed, labelled curves drawn over who is named with whom.

In: the relations between the nodes of a graph (`Tie`s) and where `outputs.graph` placed
each node. Out: each relation as a curve bowed away from the straight line of the stories
two actors share (`tie_curves`), its label put where it covers the fewest names, and the
SVG of them all (`draw_ties`), with an arrowhead at the actor a relation is to.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from generator.outputs.svg import esc, num, text_width

TIE_FONT = 11.0
TIE_GAP = 4.0  # around a label, as around a node (`graph.GAP`)


class Named(Protocol):
    @property
    def label(self) -> str: ...


class Spot(Protocol):
    """A placed node, as `graph.Placed` is: where it is, and what it takes up."""

    @property
    def node(self) -> Named: ...
    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def r(self) -> float: ...
    @property
    def half_width(self) -> float: ...
    @property
    def above(self) -> float: ...
    @property
    def below(self) -> float: ...


@dataclass(frozen=True, slots=True)
class Tie:
    """A relation: `a` is `label` `b` (`a`'s file states it)."""

    a: str
    b: str
    label: str  # its type, in the page's language


@dataclass(frozen=True, slots=True)
class Curve:
    """A relation's line: a curve from `a` bent through (`cx`, `cy`), its label at
    (`x`, `y`), the middle of the curve."""

    tie: Tie
    cx: float
    cy: float
    x: float
    y: float


BEND = 0.25  # how far a relation's curve bows out, as a share of its length


def tie_curves(ties: Sequence[Tie], where: Mapping[str, Spot]) -> list[Curve]:
    """Each relation as a curve, bowed to one side so that it is not drawn over the
    straight line of the stories two actors share; a second relation between the same two
    actors bows further. Its label goes where along the curve it covers the fewest names
    and labels, and never sticks out on the left or the top."""
    seen: Counter[frozenset[str]] = Counter()
    taken: list[Box] = [footprint(p) for p in where.values()]
    out = []
    for tie in ties:
        a, b = where[tie.a], where[tie.b]
        pair = frozenset((tie.a, tie.b))
        dx, dy = b.x - a.x, b.y - a.y
        length = math.hypot(dx, dy) or 1.0
        side = 1 if tie.a < tie.b else -1  # both ways between two actors: one bow each side
        bend = side * BEND * length * (1 + seen[pair])
        seen[pair] += 1
        nx, ny = -dy / length, dx / length
        cx, cy = (a.x + b.x) / 2 + nx * bend, (a.y + b.y) / 2 + ny * bend
        away = (nx, ny) if bend > 0 else (-nx, -ny)  # labels sit beyond the bow
        half = text_width(tie.label, TIE_FONT) / 2
        best: tuple[float, float, float] | None = None
        for t in LABEL_AT:
            u = 1 - t
            x = u * u * a.x + 2 * u * t * cx + t * t * b.x + away[0] * TIE_FONT * 0.8
            y = u * u * a.y + 2 * u * t * cy + t * t * b.y + away[1] * TIE_FONT * 0.8
            x, y = max(x, half + TIE_GAP), max(y + TIE_FONT / 3, TIE_FONT)
            cost = sum(overlap((x - half, y - TIE_FONT, x + half, y + 3), box) for box in taken)
            if best is None or cost < best[0]:
                best = (cost, x, y)
            if cost == 0:
                break
        assert best is not None
        _, x, y = best
        taken.append((x - half, y - TIE_FONT, x + half, y + 3))
        out.append(Curve(tie, cx, cy, x, y))
    return out


Box = tuple[float, float, float, float]  # left, top, right, bottom
LABEL_AT = (0.5, 0.38, 0.62, 0.28, 0.72)  # where along a curve its label may go, in turn


def footprint(p: Spot) -> Box:
    """A node's circle and name."""
    return (
        p.x - p.half_width + TIE_GAP,
        p.y - p.above,
        p.x + p.half_width - TIE_GAP,
        p.y + p.below,
    )


def overlap(one: Box, other: Box) -> float:
    width = min(one[2], other[2]) - max(one[0], other[0])
    height = min(one[3], other[3]) - max(one[1], other[1])
    return width * height if width > 0 and height > 0 else 0.0


def draw_ties(key: str, curves: Sequence[Curve], where: Mapping[str, Spot]) -> str:
    """Dashed curves with an arrowhead at the actor a relation is to, each with its type."""
    arrow = f"{esc(key)}-arrow"
    parts = [
        f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="6" markerHeight="6" orient="auto">'
        '<path class="tie-arrow" d="M0 0L10 5L0 10z"/></marker></defs><g class="ties">'
    ]
    for c in curves:
        a, b = where[c.tie.a], where[c.tie.b]
        reach = math.hypot(c.cx - b.x, c.cy - b.y) or 1.0
        stop = (b.r + 2) / reach  # the arrow ends at the circle's edge
        ex, ey = b.x + (c.cx - b.x) * stop, b.y + (c.cy - b.y) * stop
        said = f"{a.node.label} — {c.tie.label} — {b.node.label}"
        parts.append(
            f'<g class="tie"><title>{esc(said)}</title>'
            f'<path d="M{num(a.x)} {num(a.y)}Q{num(c.cx)} {num(c.cy)} {num(ex)} {num(ey)}" '
            f'marker-end="url(#{arrow})"/>'
            f'<text x="{num(c.x)}" y="{num(c.y)}" text-anchor="middle">{esc(c.tie.label)}</text>'
            "</g>"
        )
    parts.append("</g>")
    return "".join(parts)
