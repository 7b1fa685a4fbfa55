"""graph.gexf loads with networkx: actors with their kind and page, co-occurrence weights."""

from __future__ import annotations

import networkx as nx
import pytest

from tests.opendata.conftest import SITES, Built


@pytest.mark.parametrize("name", SITES)
def test_graph_loads_with_networkx(built: Built, name: str) -> None:
    graph = nx.read_gexf(built(name) / "output" / "data" / "graph.gexf")
    assert not graph.is_directed()
    assert all(graph.nodes[n]["kind"] in ("person", "organization", "other") for n in graph)
    assert all(graph.edges[e]["kind"] == "co-occurrence" for e in graph.edges)


def test_nodes_and_weights_of_the_fixture(built: Built) -> None:
    graph = nx.read_gexf(built("opendata") / "output" / "data" / "graph.gexf")
    ada = graph.nodes["dossier-actor-ada-north"]
    assert ada["label"] == "Ada North"
    assert ada["kind"] == "person"
    assert ada["url"] == "https://example.org/od/actors/ada-north.html"
    assert ada["stories"] == 3
    assert ada["wikidata"] == "Q42"
    assert graph.nodes["dossier-actor-harbour-ministry"]["kind"] == "organization"
    weights = {
        tuple(sorted(e.removeprefix("dossier-actor-") for e in edge)): graph.edges[edge]["weight"]
        for edge in graph.edges
    }
    assert weights == {
        ("ada-north", "harbour-ministry"): 1,
        ("ada-north", "ben-south"): 2,
        ("ada-north", "dock-workers-union"): 2,
        ("ben-south", "dock-workers-union"): 2,
    }


def test_small_site_urls_are_site_relative(built: Built) -> None:
    graph = nx.read_gexf(built("small") / "output" / "data" / "graph.gexf")
    assert graph.nodes["dossier-actor-ben-south"]["url"] == "actors/ben-south.html"
