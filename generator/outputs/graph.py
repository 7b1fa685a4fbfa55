"""Who is named with whom, and who is tied to whom: relationship graphs as inline SVG.

Two kinds of line: who is named with whom (`Edge`, straight and solid, as wide as the
stories two actors share) and the relations actors' files state (`Tie`, a dashed curve
with an arrow from the actor whose file states it, its type written along it), so that no
line is told from the other by colour alone.

Relation graphs are laid out by networkx's spring layout (Fruchterman-Reingold) with a
fixed seed, stronger ties pulling harder; then nodes whose circle or label would overlap
another's are pushed apart, and coordinates are rounded to 0.1 so that the bytes do not
depend on the last bits of floating point arithmetic.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from generator.outputs.svg import (
    CHART_W,
    FONT,
    esc,
    heading,
    num,
    shorten,
    svg_open,
    text_width,
)
from generator.outputs.ties import TIE_FONT, Tie, draw_ties, tie_curves
from generator.urls import actor_url

SEED = 20230503
GAP = 4.0  # between a circle and its label, and around every node's footprint
R_MIN, R_MAX, R_CENTER = 5.0, 15.0, 11.0
EDGE_MIN, EDGE_MAX, SIDE_MAX = 1.0, 7.0, 3.5  # line widths; SIDE: not at the centre
SIDE_PULL = 0.15


@dataclass(frozen=True, slots=True)
class Node:
    key: str  # the actor's slug
    label: str  # the actor's name
    size: int  # stories: sets the circle's area
    note: str = ""  # said after the name on hover and to screen readers


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    weight: int  # stories that name both


@dataclass(frozen=True, slots=True)
class Placed:
    node: Node
    x: float
    y: float
    r: float
    label: str

    @property
    def half_width(self) -> float:
        return max(self.r, text_width(self.label) / 2) + GAP

    @property
    def above(self) -> float:
        return self.r + GAP / 2

    @property
    def below(self) -> float:
        return self.r + GAP + FONT * 1.1 + GAP / 2


def strongest_edges(edges: Iterable[Edge], per_node: int) -> tuple[Edge, ...]:
    """Keep each node's `per_node` strongest edges (an edge kept by either end stays)."""
    ordered = sorted(edges, key=lambda e: (-e.weight, e.a, e.b))
    kept: set[tuple[str, str]] = set()
    seen: Counter[str] = Counter()
    for e in ordered:
        if seen[e.a] < per_node or seen[e.b] < per_node:
            kept.add((e.a, e.b))
        seen[e.a] += 1
        seen[e.b] += 1
    return tuple(e for e in ordered if (e.a, e.b) in kept)


def canvas(count: int, spread: float = 1.0) -> tuple[float, float]:
    """The area the spring layout is stretched over, before labels push nodes apart.

    Kept small: a phone shrinks the picture to its width, and the labels with it.
    """
    width = min(max(105.0 * math.sqrt(count), 330.0), 900.0) * spread
    return width, round(width * 0.8)


def heaviest_by_kind(center: str | None, edges: Iterable[Edge]) -> dict[bool, int]:
    """The heaviest edge at the centre (True) and between other nodes (False).

    Each kind is scaled on its own: on a minor actor's page, the ties between two
    major actors would otherwise dwarf the actor's own.
    """
    heaviest = {True: 1, False: 1}
    for e in edges:
        spoke = center is None or center in (e.a, e.b)
        heaviest[spoke] = max(heaviest[spoke], e.weight)
    return heaviest


def spring(
    center: str | None, nodes: Sequence[Node], edges: Sequence[Edge]
) -> dict[str, tuple[float, float]]:
    """networkx's spring layout, seeded; nodes and edges are added in the order given.

    Around a centre node, ties between the other nodes pull only a little
    (`SIDE_PULL`): enough to put related nodes side by side, not enough to pile them
    up on one side of the centre.
    """
    import networkx as nx  # here, not at the top: with numpy it takes 0.15 s to import

    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(n.key for n in nodes)
    heaviest = heaviest_by_kind(center, edges)
    for e in edges:
        spoke = center is None or center in (e.a, e.b)
        pull = 0.2 + 0.8 * e.weight / heaviest[spoke]
        graph.add_edge(e.a, e.b, weight=pull if spoke else pull * SIDE_PULL)
    fixed: list[str] | None = None
    start: dict[str, tuple[float, float]] | None = None
    if center is not None and center in graph:
        fixed, start = [center], {center: (0.0, 0.0)}
    pos = nx.spring_layout(graph, pos=start, fixed=fixed, seed=SEED, weight="weight")
    return {key: (float(xy[0]), float(xy[1])) for key, xy in pos.items()}


def place(
    center: str | None, nodes: Sequence[Node], edges: Sequence[Edge], spread: float = 1.0
) -> list[Placed]:
    """Nodes on the canvas, circles sized by stories, none overlapping another's label.

    The layout is stretched around the centre node (or the nodes' mean), so that the
    centre node stays in the middle of the picture.
    """
    pos = spring(center, nodes, edges)
    width, height = canvas(len(nodes), spread)
    points = [pos[n.key] for n in nodes]
    if center is not None and center in pos:
        ox, oy = pos[center]
    else:
        ox, oy = sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points)
    reach_x = max(abs(x - ox) for x, _ in points) or 1.0
    reach_y = max(abs(y - oy) for _, y in points) or 1.0
    biggest = max(n.size for n in nodes) or 1
    placed = []
    for n, (x, y) in zip(nodes, points, strict=True):
        r = R_MIN + (R_MAX - R_MIN) * math.sqrt(max(n.size, 0) / biggest)
        placed.append(
            Placed(
                n,
                (x - ox) / reach_x * width / 2,
                (y - oy) / reach_y * height / 2,
                max(r + 2.0, R_CENTER) if n.key == center else r,
                shorten(n.label),
            )
        )
    return separate(placed)


def separate(placed: list[Placed], rounds: int = 400) -> list[Placed]:
    """Push apart nodes whose footprints (circle and label) overlap, along the shorter way."""
    xs, ys = [p.x for p in placed], [p.y for p in placed]
    for _ in range(rounds):
        moved = False
        for i in range(len(placed)):
            for j in range(i + 1, len(placed)):
                a, b = placed[i], placed[j]
                dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                over_x = a.half_width + b.half_width - abs(dx)
                over_y = min(ys[i] + a.below, ys[j] + b.below) - max(
                    ys[i] - a.above, ys[j] - b.above
                )
                if over_x <= 0 or over_y <= 0:
                    continue
                moved = True
                if over_x * 0.6 < over_y:  # a little wider than tall: labels are wide
                    push = (over_x / 2 + 0.5) * (1 if dx >= 0 else -1)
                    xs[i] -= push
                    xs[j] += push
                else:
                    push = (over_y / 2 + 0.5) * (1 if dy >= 0 else -1)
                    ys[i] -= push
                    ys[j] += push
        if not moved:
            break
    left = min(x - p.half_width for x, p in zip(xs, placed, strict=True))
    top = min(y - p.above for y, p in zip(ys, placed, strict=True))
    return [
        Placed(p.node, round(x - left + GAP, 1), round(y - top + GAP, 1), round(p.r, 1), p.label)
        for x, y, p in zip(xs, ys, placed, strict=True)
    ]


def relation_graph(
    center: str | None,
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    url_for: Callable[[str], str],
    *,
    title: str,
    desc: str,
    key: str = "graph",
    spread: float = 1.0,
    ties: Sequence[Tie] = (),
) -> str:
    """Nodes linked to their pages, edges as wide as the stories two nodes share.

    `center` (if any) is drawn in the middle, highlighted and not linked: it is the page
    the graph is on. `url_for(key)` gives each other node's link, relative to the page.
    `spread` > 1 stretches the layout over a larger area (for a graph with a page of its own).
    The picture has no role: an `<svg>` is then a graphics document whose links screen
    readers can reach; role "img" would hide them (axe: nested-interactive), and the
    HTML checker allows no other role that fits ("group" and "figure" are refused).
    """
    if not nodes:
        return (
            svg_open(key, "graph", CHART_W, 40, role=None)
            + heading(key, title, desc)
            + '<text class="axis-label" x="0" y="24">Nobody to show yet.</text></svg>'
        )
    keys = {n.key for n in nodes}
    edges = [e for e in edges if e.a in keys and e.b in keys and e.a != e.b]
    ties = [t for t in ties if t.a in keys and t.b in keys and t.a != t.b]
    placed = place(center, nodes, [*edges, *pulls(edges, ties)], spread)
    where = {p.node.key: p for p in placed}
    width = max(p.x + p.half_width for p in placed) + GAP
    height = max(p.y + p.below for p in placed) + GAP
    curves = tie_curves(ties, where)
    width = max([width, *(c.x + text_width(c.tie.label, TIE_FONT) / 2 + GAP for c in curves)])
    height = max([height, *(c.y + GAP for c in curves)])
    heaviest = heaviest_by_kind(center, edges)
    parts = [svg_open(key, "graph", width, height, role=None), heading(key, title, desc)]
    parts.append('<g class="edges">')
    for spoke, e in sorted(
        ((center is None or center in (e.a, e.b), e) for e in edges),
        key=lambda se: (se[0], se[1].weight, se[1].a, se[1].b),
    ):  # the centre's edges on top, and the heavier over the lighter
        a, b = where[e.a], where[e.b]
        widest = EDGE_MAX if spoke else SIDE_MAX
        stroke = EDGE_MIN + (widest - EDGE_MIN) * e.weight / heaviest[spoke]
        kind = "edge spoke" if spoke and center is not None else "edge"
        parts.append(
            f'<line class="{kind}" x1="{num(a.x)}" y1="{num(a.y)}" x2="{num(b.x)}" '
            f'y2="{num(b.y)}" stroke-width="{num(stroke)}"/>'
        )
    parts.append("</g>")
    if ties:
        parts.append(draw_ties(key, curves, where))
    parts.append('<g class="nodes">')
    parts += (draw_node(p, p.node.key == center, url_for) for p in placed)
    parts.append("</g></svg>")
    return "".join(parts)


def pulls(edges: Sequence[Edge], ties: Sequence[Tie]) -> list[Edge]:
    """For the layout: a light pull between two actors a relation ties and no story names
    together, so that they are drawn near each other."""
    named = {(e.a, e.b) for e in edges} | {(e.b, e.a) for e in edges}
    pairs = dict.fromkeys((t.a, t.b) for t in ties if (t.a, t.b) not in named)
    return [Edge(a, b, 1) for a, b in pairs if (b, a) not in pairs or a < b]


def draw_node(p: Placed, is_center: bool, url_for: Callable[[str], str]) -> str:
    name = f"{p.node.label}: {p.node.note}" if p.node.note else p.node.label
    shape = (
        f"<title>{esc(name)}</title>"
        f'<circle cx="{num(p.x)}" cy="{num(p.y)}" r="{num(p.r)}"/>'
        f'<text x="{num(p.x)}" y="{num(p.y + p.r + GAP + FONT * 0.8)}" '
        f'text-anchor="middle">{esc(p.label)}</text>'
    )
    if is_center:
        return f'<g class="node center">{shape}</g>'
    return f'<a class="node" href="{esc(url_for(p.node.key))}" aria-label="{esc(name)}">{shape}</a>'


@dataclass(frozen=True, slots=True)
class Graph:
    """A relationship graph, drawn only when a template shows it (see `Coverage`)."""

    center: str | None
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    link_prefix: str  # prepended to `actors/SLUG.html`: "" or "../"
    title: str
    desc: str
    key: str
    spread: float = 1.0
    ties: tuple[Tie, ...] = ()  # relations, drawn dashed and labelled

    def __html__(self) -> str:
        return relation_graph(
            self.center,
            self.nodes,
            self.edges,
            lambda slug: self.link_prefix + actor_url(slug),
            title=self.title,
            desc=self.desc,
            key=self.key,
            spread=self.spread,
            ties=self.ties,
        )
