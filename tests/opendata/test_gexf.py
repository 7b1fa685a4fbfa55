"""graph.gexf loads with networkx: actors with their kind and page, co-occurrence weights,
and the actors' typed relations as edges of their own."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest

from tests.opendata.conftest import SITES, Built

Edge = tuple[str, str, dict[str, object]]
SHORT = "dossier-actor-"
GEXF = "http://www.gexf.net/1.2draft"


def graph(site: Path) -> nx.Graph:
    return nx.read_gexf(site / "output" / "data" / "graph.gexf")


def edges(loaded: nx.Graph, kind: str) -> list[Edge]:
    """The edges of one kind, ends without the `dossier-actor-` of their ids; a relation
    parallel to a co-occurrence makes the graph a MultiGraph, whose edges have keys."""
    return [
        (u.removeprefix(SHORT), v.removeprefix(SHORT), data)
        for u, v, data in loaded.edges(data=True)
        if data["kind"] == kind
    ]


@pytest.mark.parametrize("name", SITES)
def test_graph_loads_with_networkx(built: Built, name: str) -> None:
    loaded = graph(built(name))
    assert not loaded.is_directed()
    assert all(loaded.nodes[n]["kind"] in ("person", "organization", "other") for n in loaded)
    kinds = {data["kind"] for _, _, data in loaded.edges(data=True)}
    assert kinds == ({"co-occurrence", "relation"} if name == "opendata" else {"co-occurrence"})


def test_nodes_and_weights_of_the_fixture(built: Built) -> None:
    loaded = graph(built("opendata"))
    ada = loaded.nodes["dossier-actor-ada-north"]
    assert ada["label"] == "Ada North"
    assert ada["kind"] == "person"
    assert ada["url"] == "https://example.org/od/actors/ada-north.html"
    assert ada["stories"] == 3
    assert ada["wikidata"] == "Q42"
    assert loaded.nodes["dossier-actor-harbour-ministry"]["kind"] == "organization"
    weights = {
        tuple(sorted((u, v))): data["weight"] for u, v, data in edges(loaded, "co-occurrence")
    }
    assert weights == {
        ("ada-north", "harbour-ministry"): 1,
        ("ada-north", "ben-south"): 2,
        ("ada-north", "dock-workers-union"): 2,
        ("ben-south", "dock-workers-union"): 2,
    }
    assert all(
        set(data) <= {"kind", "weight", "id"} for _, _, data in edges(loaded, "co-occurrence")
    )


def test_relation_edges_of_the_fixture(built: Built) -> None:
    """One edge per relation with its type and its dates at their precision, beside the
    co-occurrence edge of the same two actors; in the file, from the actor whose file
    states it (networkx reads the graph as undirected)."""
    site = built("opendata")
    loaded = graph(site)
    assert loaded.is_multigraph()  # Ada and Ben: named together, and family
    relations = {
        frozenset((u, v)): (data["type"], data.get("since", ""), data.get("until", ""))
        for u, v, data in edges(loaded, "relation")
    }
    assert relations == {
        frozenset(("ada-north", "ben-south")): ("family of", "", ""),
        frozenset(("ada-north", "harbour-ministry")): ("member of", "2019-03", "2023-06-30"),
        frozenset(("ben-south", "harbour-ministry")): ("employed by", "2012", "2023-05"),
        frozenset(("dock-workers-union", "harbour-ministry")): (
            "+negotiates with",
            "2023-05-02",
            "",
        ),
    }
    pair = loaded.get_edge_data("dossier-actor-ada-north", "dossier-actor-ben-south")
    assert sorted(data["kind"] for data in pair.values()) == ["co-occurrence", "relation"]
    ids = [key for _, _, key in loaded.edges(keys=True)]
    assert len(ids) == len(set(ids)) == 8
    root = ElementTree.parse(site / "output" / "data" / "graph.gexf").getroot()
    directed = [
        (edge.get("source", "")[len(SHORT) :], edge.get("target", "")[len(SHORT) :])
        for edge in root.iter(f"{{{GEXF}}}edge")
        if edge.find(f"{{{GEXF}}}attvalues/{{{GEXF}}}attvalue[@value='relation']") is not None
    ]
    assert directed == [
        ("ada-north", "ben-south"),
        ("ada-north", "harbour-ministry"),
        ("ben-south", "harbour-ministry"),
        ("dock-workers-union", "harbour-ministry"),
    ]


def test_small_site_urls_are_site_relative(built: Built) -> None:
    loaded = graph(built("small"))
    assert loaded.nodes["dossier-actor-ben-south"]["url"] == "actors/ben-south.html"
