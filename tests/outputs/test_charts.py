"""Pictures: the coverage chart and the relation graphs, alone and on built sites."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from generator.outputs.coverage import buckets, coverage_chart, pick_unit
from generator.outputs.graph import Edge, Node, relation_graph, strongest_edges
from generator.outputs.svg import AXIS_FONT, CHAR_WIDTH, FONT, text_width
from tests.conftest import MakeSite
from tests.helpers import REPO, Run, article, first

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = """Tom & "Jerry" <b>O'Neil</b>"""


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def svgs_in(run: Run, page: str) -> dict[str, ET.Element]:
    """The page's inline SVGs, parsed as XML (so they are well formed), by id."""
    html = (run.output / page).read_text(encoding="utf-8")
    found = [parse(svg) for svg in re.findall(r"<svg .*?</svg>", html, re.S)]
    return {str(svg.get("id")): svg for svg in found}


def links(svg: ET.Element) -> list[str]:
    return [str(a.get("href")) for a in svg.iter(f"{SVG}a")]


def accessible(svg: ET.Element) -> None:
    """A role, and a title and description that the role's name points to."""
    assert svg.get("role") in ("img", None)
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert svg.get("viewBox", "").startswith("0 0 ")


def people(count: int) -> list[Node]:
    names = ["Anna Berg", "Ministry of Defence", "Otto", "Vyacheslav Volodin", "Kim Li"]
    return [Node(f"p{i}", f"{names[i % len(names)]} {i}", 1 + (i * 37) % 300) for i in range(count)]


def ties(nodes: list[Node]) -> list[Edge]:
    pairs = itertools.combinations(range(len(nodes)), 2)
    return [Edge(nodes[i].key, nodes[j].key, 1 + (i * j) % 40) for i, j in pairs if (i + j) % 3]


# -- the coverage chart ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_day", "last_day", "unit"),
    [
        ("2023-05-03", "2023-05-03", "day"),
        ("2023-05-01", "2023-06-01", "day"),  # 31 days
        ("2023-05-01", "2023-06-02", "week"),
        ("2023-01-01", "2023-07-02", "week"),  # 26 weeks
        ("2023-01-01", "2023-07-03", "month"),
        ("2016-01-01", "2023-12-31", "month"),  # 8 years
        ("2010-01-01", "2023-12-31", "year"),
    ],
)
def test_bucket_size_follows_the_span(first_day: str, last_day: str, unit: str) -> None:
    assert pick_unit(dt.date.fromisoformat(first_day), dt.date.fromisoformat(last_day)) == unit


def test_buckets_count_stories_and_keep_empty_ones() -> None:
    days = [dt.date(2023, 1, 31), dt.datetime(2023, 1, 2, 23, 30), dt.date(2023, 5, 9)]
    unit, found = buckets(days)
    assert unit == "week"
    assert [b.start.isoformat() for b in found][:2] == ["2023-01-02", "2023-01-09"]  # Mondays
    assert sum(b.count for b in found) == 3
    assert len(found) == 19  # 2 January to 8 May, the empty weeks included


def test_coverage_chart_is_accessible_svg_with_a_bar_per_busy_bucket() -> None:
    days = [dt.date(2023, 5, 3)] * 3 + [dt.date(2023, 5, 4), dt.date(2023, 5, 9)]
    svg = parse(coverage_chart(days, title="Stories about Kremlin drones"))
    accessible(svg)
    assert svg.get("role") == "img"
    bars = list(svg.iter(f"{SVG}rect"))
    assert [b.findtext(f"{SVG}title") for b in bars] == [
        "3 May 2023: 3 stories",
        "4 May 2023: 1 story",
        "9 May 2023: 1 story",
    ]
    desc = svg.findtext(f"{SVG}desc")
    assert desc == (
        "5 stories from 3 May 2023 to 9 May 2023, counted per day; the most, 3, on 3 May 2023."
    )


def test_coverage_chart_of_years_of_stories_labels_without_overlap() -> None:
    days = [dt.date(2016, 1, 1) + dt.timedelta(days=n * 11) for n in range(260)]
    svg = parse(coverage_chart(days, title="Eight years"))
    assert len(list(svg.iter(f"{SVG}rect"))) == 94  # months
    labels = [t for t in svg.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
    rows: dict[str, list[tuple[float, float]]] = {}
    for t in labels:
        half = len(t.text or "") * 14 * CHAR_WIDTH / 2  # 14: their size on a phone
        rows.setdefault(str(t.get("y")), []).append((float(t.get("x", 0)) - half, 2 * half))
    for row in rows.values():
        row.sort()
        assert all(a + w <= b for (a, w), (b, _) in itertools.pairwise(row))


def extent(text: ET.Element) -> tuple[float, float]:
    """Where a label's estimated width reaches, left and right, at the size phones give it."""
    width = text_width(text.text or "", AXIS_FONT)
    x = float(text.get("x", 0))
    anchor = text.get("text-anchor", "start")
    start = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return start, start + width


SPANS = (0, 1, 6, 30, 31, 45, 120, 182, 400, 2000, 2922, 4000)  # days, over every unit


@pytest.mark.parametrize(("span", "stories"), list(itertools.product(SPANS, (2, 7, 40))))
@pytest.mark.parametrize("first", [dt.date(2023, 1, 1), dt.date(2023, 5, 3), dt.date(2024, 12, 30)])
def test_every_label_of_a_coverage_chart_is_inside_it(
    span: int, stories: int, first: dt.date
) -> None:
    days = [first + dt.timedelta(days=span * k // max(stories - 1, 1)) for k in range(stories)]
    svg = parse(coverage_chart(days, title="T"))
    _, _, width, height = (float(v) for v in str(svg.get("viewBox")).split())
    texts = list(svg.iter(f"{SVG}text"))
    assert texts
    for text in texts:
        left, right = extent(text)
        assert left >= 0 and right <= width, (text.text, left, right, width)
        y = float(text.get("y", 0))
        assert AXIS_FONT <= y <= height - AXIS_FONT * 0.25, (text.text, y, height)
    rows: dict[str, list[tuple[float, float]]] = {}
    for text in texts:
        rows.setdefault(str(text.get("y")), []).append(extent(text))
    for row in rows.values():
        row.sort()
        assert all(a_right <= b_left for (_, a_right), (b_left, _) in itertools.pairwise(row))


def test_coverage_chart_of_nothing_or_one_story() -> None:
    accessible(parse(coverage_chart([], title="Nothing")))
    one = parse(coverage_chart([dt.date(2023, 5, 3)], title="One"))
    assert len(list(one.iter(f"{SVG}rect"))) == 1
    assert one.findtext(f"{SVG}desc") == "1 story, all on 3 May 2023."


def test_coverage_chart_escapes_its_title() -> None:
    svg = coverage_chart([dt.date(2023, 5, 3)], title=HOSTILE)
    assert "<b>" not in svg
    assert parse(svg).findtext(f"{SVG}title") == HOSTILE


# -- relation graphs ---------------------------------------------------------------------


def draw(nodes: list[Node], edges: list[Edge], center: str | None = None) -> str:
    return relation_graph(
        center, nodes, edges, lambda key: f"../actors/{key}.html", title="T", desc="D"
    )


def test_every_edge_joins_its_two_nodes_and_weighs_as_it_should() -> None:
    nodes = people(8)
    edges = ties(nodes)
    svg = parse(draw(nodes, edges))
    centre = {
        str(a.get("href")).rsplit("/", 1)[1].removesuffix(".html"): (c.get("cx"), c.get("cy"))
        for a in svg.iter(f"{SVG}a")
        for c in a.iter(f"{SVG}circle")
    }
    assert sorted(centre) == sorted(node.key for node in nodes)
    lines = {
        frozenset({(line.get("x1"), line.get("y1")), (line.get("x2"), line.get("y2"))}): float(
            line.get("stroke-width", 0)
        )
        for line in svg.iter(f"{SVG}line")
    }
    assert set(lines) == {frozenset({centre[e.a], centre[e.b]}) for e in edges}
    by_weight = sorted(edges, key=lambda e: e.weight)
    widths = [lines[frozenset({centre[e.a], centre[e.b]})] for e in by_weight]
    assert widths == sorted(widths) and widths[0] < widths[-1]  # heavier ties, thicker lines


def test_graph_does_not_depend_on_the_hash_seed() -> None:
    """A fresh interpreter with other string hashing draws the same picture as this one."""
    program = (
        "from tests.outputs.test_charts import draw, people, ties\n"
        "nodes = people(13)\n"
        "print(draw(nodes, ties(nodes), center='p0'), end='')\n"
    )
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    done = subprocess.run(
        [sys.executable, "-c", program],
        cwd=REPO,
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=True,
    )
    nodes = people(13)
    assert done.stdout == draw(nodes, ties(nodes), center="p0")


def test_thirty_nodes_neither_circles_nor_labels_overlap() -> None:
    nodes = people(30)
    svg = parse(draw(nodes, list(strongest_edges(ties(nodes), 4))))
    circles = [
        (float(c.get("cx", 0)), float(c.get("cy", 0)), float(c.get("r", 0)))
        for c in svg.iter(f"{SVG}circle")
    ]
    assert len(circles) == 30
    for (x1, y1, r1), (x2, y2, r2) in itertools.combinations(circles, 2):
        assert (x1 - x2) ** 2 + (y1 - y2) ** 2 > (r1 + r2) ** 2
    boxes = []
    for t in svg.iter(f"{SVG}text"):
        width = len(t.text or "") * FONT * CHAR_WIDTH
        x, y = float(t.get("x", 0)) - width / 2, float(t.get("y", 0)) - FONT
        boxes.append((x, y, x + width, y + FONT * 1.2))
    for a, b in itertools.combinations(boxes, 2):
        apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
        assert apart, (a, b)
    width, height = (float(v) for v in svg.get("viewBox", "").split()[2:])
    assert all(
        x - r >= 0 and x + r <= width and y - r >= 0 and y + r <= height for x, y, r in circles
    )


def test_graph_links_every_node_but_the_centre() -> None:
    nodes = people(5)
    svg = parse(draw(nodes, ties(nodes), center="p0"))
    accessible(svg)
    assert svg.get("role") is None  # links inside role="img" would be hidden
    assert links(svg) == [f"../actors/p{i}.html" for i in range(1, 5)]
    centre = [g for g in svg.iter(f"{SVG}g") if "center" in g.get("class", "")]
    assert [g.findtext(f"{SVG}text") for g in centre] == ["Anna Berg 0"]


def test_graph_escapes_names_and_links() -> None:
    nodes = [Node("a", HOSTILE, 3, note="<i>2 stories</i>"), Node("b&c", "B <c>", 1)]
    text = draw(nodes, [Edge("a", "b&c", 2)])
    assert "<b>" not in text and "<i>" not in text and "<c>" not in text
    svg = parse(text)
    assert [t.text for t in svg.iter(f"{SVG}text")] == [HOSTILE, "B <c>"]
    assert links(svg) == ["../actors/a.html", "../actors/b&c.html"]
    assert svg.find(f".//{SVG}a").get("aria-label") == f"{HOSTILE}: <i>2 stories</i>"  # type: ignore[union-attr]


def test_graph_of_one_node_or_none() -> None:
    alone = parse(draw([Node("a", "Alone", 1)], []))
    assert len(list(alone.iter(f"{SVG}circle"))) == 1
    accessible(parse(draw([], [])))


def test_strongest_edges_keeps_each_nodes_best() -> None:
    edges = [Edge("a", "b", 9), Edge("a", "c", 5), Edge("a", "d", 1), Edge("c", "d", 2)]
    # a's best, c's best (a-c), d's best (c-d); a-d is nobody's best
    assert strongest_edges(edges, 1) == (Edge("a", "b", 9), Edge("a", "c", 5), Edge("c", "d", 2))


# -- on a built site ---------------------------------------------------------------------


def stories(count: int) -> dict[str, str | bytes]:
    """Articles naming a few of eight actors, over two months."""
    names = ["Anna", "Boris", "Carla", "Dmitry", "Elena", "Farid", "Greta", HOSTILE]
    files: dict[str, str | bytes] = {}
    for n in range(count):
        named = sorted({names[n % 8], names[(n * 3 + 1) % 8], names[(n * 5 + 2) % 8]})
        quoted = ", ".join('"' + name.replace('"', '\\"') + '"' for name in named)
        date = (dt.date(2023, 4, 1) + dt.timedelta(days=n * 2)).isoformat()
        files[f"content/articles/s{n}.md"] = article(
            title=f"Story {n}", date=date, actors=f"[{quoted}]", events="[Harbour strike]"
        )
    return files


def test_pages_show_charts_whose_links_lead_to_pages(make_site: MakeSite) -> None:
    run = make_site(stories(30))
    assert run.code == 0, run.err
    graph = svgs_in(run, "graph.html")["site-graph"]
    accessible(graph)
    assert len(links(graph)) == 8
    for href in links(graph):
        assert href.startswith("actors/") and (run.output / href).is_file()
    actor = svgs_in(run, "actors/anna.html")
    for href in links(actor["network-graph"]):
        assert href.startswith("../actors/") and (run.output / "actors" / href).is_file()
    accessible(actor["coverage"])
    bars = svgs_in(run, "events/harbour-strike.html")["coverage"].iter(f"{SVG}rect")
    counts = [re.search(r": (\d+) stor", b.findtext(f"{SVG}title", "")) for b in bars]
    assert sum(int(found[1]) for found in counts if found) == 30


def test_hostile_actor_name_is_escaped_everywhere(make_site: MakeSite) -> None:
    run = make_site(stories(10))
    assert run.code == 0, run.err
    names = [t.text for t in svgs_in(run, "graph.html")["site-graph"].iter(f"{SVG}text")]
    assert HOSTILE in names
    page = next(p for p in (run.output / "actors").glob("tom*.html"))
    title = svgs_in(run, f"actors/{page.name}")["network-graph"].findtext(f"{SVG}title")
    assert title == f"Who is named with {HOSTILE}"


def test_site_with_no_articles_or_one_renders(make_site: MakeSite) -> None:
    empty = make_site()
    assert empty.code == 0, empty.err
    assert svgs_in(empty, "graph.html") == {}
    assert "No actors yet." in first(empty.page("graph.html"), "main").get_text()
    one = make_site({"content/articles/a.md": article(actors="[Anna]", events="[Strike]")})
    assert one.code == 0, one.err
    assert svgs_in(one, "actors/anna.html").keys() == {"coverage"}  # nobody to draw with her
    assert len(links(svgs_in(one, "graph.html")["site-graph"])) == 1


def test_graph_follows_a_new_story(make_site: MakeSite) -> None:
    """The page signature covers the pictures: a new co-mention redraws the actor's page."""
    one = make_site({"content/articles/a.md": article(actors="[Anna, Boris]")})
    assert links(svgs_in(one, "actors/anna.html")["network-graph"]) == ["../actors/boris.html"]
    two = make_site({"content/articles/b.md": article(actors="[Anna, Carla]", date="2023-05-04")})
    assert links(svgs_in(two, "actors/anna.html")["network-graph"]) == [
        "../actors/boris.html",
        "../actors/carla.html",
    ]
