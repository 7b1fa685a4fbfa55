"""Pictures as inline SVG: how much was written when, and who is named with whom.

Pure functions from data to SVG text; the same input always gives the same bytes.
Colours come from CSS classes (`dossier.css`, "Charts and graphs"), so the pictures
follow the page's light or dark scheme; every text is XML-escaped.

Coverage charts count stories per day when they span at most 31 days, per week
(Monday to Sunday) up to 26 weeks, per month up to 8 years, and per year beyond that,
so that a chart has between one and about a hundred bars.

Relation graphs are laid out by networkx's spring layout (Fruchterman-Reingold) with a
fixed seed, stronger ties pulling harder; then nodes whose circle or label would overlap
another's are pushed apart, and coordinates are rounded to 0.1 so that the bytes do not
depend on the last bits of floating point arithmetic.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from markupsafe import escape

from generator.source.schema import MONTH_NAMES
from generator.urls import actor_url

SEED = 20230503
FONT = 12.0  # label size in SVG units
AXIS_FONT = 14.0  # the largest size CSS gives axis labels (on phones): spacing allows it
CHAR_WIDTH = 0.6  # a generous estimate of a sans-serif character's width, in ems
LABEL_MAX = 28  # longer names are cut with an ellipsis (the full name is in the tooltip)
GAP = 4.0  # between a circle and its label, and around every node's footprint
R_MIN, R_MAX, R_CENTER = 5.0, 15.0, 11.0
EDGE_MIN, EDGE_MAX, SIDE_MAX = 1.0, 7.0, 3.5  # line widths; SIDE: not at the centre
SIDE_PULL = 0.15
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
STEPS = {
    "day": (1, 2, 3, 7, 14),
    "week": (1, 2, 4, 8, 13),
    "month": (1, 2, 3, 6, 12, 24, 36),
    "year": (1, 2, 5, 10, 20, 50),
}


# -- helpers shared by both pictures ---------------------------------------------------


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


# -- coverage: stories per day, week, month or year ------------------------------------


@dataclass(frozen=True, slots=True)
class Bucket:
    start: dt.date
    count: int


def pick_unit(first: dt.date, last: dt.date) -> str:
    """The bucket size for stories from `first` to `last` (see the module's docstring)."""
    span = (last - first).days
    if span <= 31:
        return "day"
    if span <= 26 * 7:
        return "week"
    if span <= 8 * 366:
        return "month"
    return "year"


def bucket_start(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return dt.date(day.year, 1, 1)
    return day


def next_start(start: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return start + dt.timedelta(days=1)
    if unit == "week":
        return start + dt.timedelta(days=7)
    if unit == "month":
        return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return dt.date(start.year + 1, 1, 1)


def as_date(moment: dt.date) -> dt.date:
    """The calendar date as written (a date-time keeps its own time zone's day)."""
    return moment.date() if isinstance(moment, dt.datetime) else moment


def buckets(dates: Iterable[dt.date]) -> tuple[str, tuple[Bucket, ...]]:
    """Stories counted per bucket, empty buckets included, oldest first."""
    days = sorted(as_date(d) for d in dates)
    if not days:
        return "day", ()
    unit = pick_unit(days[0], days[-1])
    counts = Counter(bucket_start(d, unit) for d in days)
    start, last = bucket_start(days[0], unit), bucket_start(days[-1], unit)
    found = []
    while start <= last:
        found.append(Bucket(start, counts.get(start, 0)))
        start = next_start(start, unit)
    return unit, tuple(found)


def long_label(start: dt.date, unit: str) -> str:
    if unit == "year":
        return str(start.year)
    if unit == "month":
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    day = f"{start.day} {MONTH_NAMES[start.month - 1]} {start.year}"
    return f"week of {day}" if unit == "week" else day


def when(start: dt.date, unit: str) -> str:
    """`long_label` with its preposition: "on 3 May 2023", "in May 2023"."""
    return ("on " if unit == "day" else "in the " if unit == "week" else "in ") + long_label(
        start, unit
    )


def short_label(start: dt.date, unit: str, step: int) -> str:
    if unit == "year" or (unit == "month" and step >= 12):
        return str(start.year)
    if unit == "month":
        return MONTHS[start.month - 1]
    return f"{start.day} {MONTHS[start.month - 1]}"


def label_step(unit: str, slot: float) -> int:
    """Label every n-th bar, n as small as the labels' width allows."""
    widest = text_width("30 May" if unit in ("day", "week") else "2023", AXIS_FONT) + 6
    return next((s for s in STEPS[unit] if s * slot >= widest), STEPS[unit][-1])


def labelled(index: int, start: dt.date, unit: str, step: int) -> bool:
    if unit == "month":
        return (
            (start.month - 1) % step == 0
            if step < 12
            else start.month == 1 and (start.year % (step // 12) == 0)
        )
    if unit == "year":
        return start.year % step == 0
    return index % step == 0


def nice_ceiling(value: int) -> int:
    """The axis top: the smallest of 1, 2, 4, 6, 8, 10, 20, 40, ... not below `value`."""
    scale = 1
    while True:
        for top in (1, 2, 4, 6, 8):
            if top * scale >= value:
                return top * scale
        scale *= 10


CHART_W, CHART_H = 480.0, 150.0
PLOT_TOP, PLOT_BOTTOM, PLOT_RIGHT = 10.0, 38.0, 6.0


def coverage_chart(
    dates: Sequence[dt.date | dt.datetime], *, title: str, key: str = "coverage"
) -> str:
    """A bar chart of how many of the stories fall in each day, week, month or year."""
    unit, bars = buckets(dates)
    if not bars:
        return (
            svg_open(key, "coverage", CHART_W, 40)
            + heading(key, title, "No stories yet.")
            + '<text class="axis-label" x="0" y="24">No stories yet.</text></svg>'
        )
    most = max(bars, key=lambda b: b.count)  # the first of the highest
    top = nice_ceiling(most.count)
    left = text_width(str(top), AXIS_FONT) + 8
    plot_w, plot_h = CHART_W - left - PLOT_RIGHT, CHART_H - PLOT_TOP - PLOT_BOTTOM
    slot = plot_w / len(bars)
    bar_w = min(slot * 0.8, 40.0)
    total = sum(b.count for b in bars)
    if len(bars) == 1:
        desc = f"{plural(total, 'story', 'stories')}, all {when(bars[0].start, unit)}."
    else:
        desc = (
            f"{plural(total, 'story', 'stories')} from {long_label(bars[0].start, unit)} "
            f"to {long_label(bars[-1].start, unit)}, counted per {unit}; the most, "
            f"{most.count}, {when(most.start, unit)}."
        )
    parts = [svg_open(key, "coverage", CHART_W, CHART_H), heading(key, title, desc)]
    base = PLOT_TOP + plot_h
    for tick in sorted({0, top // 2, top}):
        y = base - plot_h * tick / top
        parts.append(
            f'<line class="grid" x1="{num(left)}" x2="{num(CHART_W - PLOT_RIGHT)}" '
            f'y1="{num(y)}" y2="{num(y)}"/>'
            f'<text class="axis-label" x="{num(left - 5)}" y="{num(y + 4)}" '
            f'text-anchor="end">{tick}</text>'
        )
    parts.append('<g class="bars">')
    for i, b in enumerate(bars):
        if b.count:
            h = max(plot_h * b.count / top, 1.0)
            x = left + i * slot + (slot - bar_w) / 2
            parts.append(
                f'<rect x="{num(x)}" y="{num(base - h)}" width="{num(bar_w)}" height="{num(h)}">'
                f"<title>{esc(long_label(b.start, unit))}: "
                f"{plural(b.count, 'story', 'stories')}</title></rect>"
            )
    parts.append("</g>")
    parts += axis_labels(bars, unit, left, slot, base)
    parts.append("</svg>")
    return "".join(parts)


def axis_labels(
    bars: Sequence[Bucket], unit: str, left: float, slot: float, base: float
) -> list[str]:
    """Ticks and labels under the bars; a second line gives the year where it changes."""
    step = label_step(unit, slot)
    parts = []
    year_shown = 0
    for i, b in enumerate(bars):
        if not labelled(i, b.start, unit, step):
            continue
        x = left + (i + 0.5) * slot
        parts.append(
            f'<line class="tick" x1="{num(x)}" x2="{num(x)}" y1="{num(base)}" '
            f'y2="{num(base + 4)}"/>'
            f'<text class="axis-label" x="{num(x)}" y="{num(base + 17)}" text-anchor="middle">'
            f"{esc(short_label(b.start, unit, step))}</text>"
        )
        if unit in ("day", "week", "month") and step < 12 and b.start.year != year_shown:
            year_shown = b.start.year
            parts.append(
                f'<text class="axis-label year" x="{num(x)}" y="{num(base + 33)}" '
                f'text-anchor="middle">{b.start.year}</text>'
            )
    return parts


# -- relation graphs ---------------------------------------------------------------------


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
    placed = place(center, nodes, edges, spread)
    where = {p.node.key: p for p in placed}
    width = max(p.x + p.half_width for p in placed) + GAP
    height = max(p.y + p.below for p in placed) + GAP
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
    parts.append('</g><g class="nodes">')
    parts += (draw_node(p, p.node.key == center, url_for) for p in placed)
    parts.append("</g></svg>")
    return "".join(parts)


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
class Coverage:
    """A coverage chart, drawn only when a template shows it (`__html__`).

    Its fields are all it is drawn from, so a page's signature covers it without
    drawing it: an incremental build draws only the charts of pages it renders.
    """

    dates: tuple[dt.date | dt.datetime, ...]
    title: str

    def __html__(self) -> str:
        return coverage_chart(self.dates, title=self.title)


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
        )
