"""entities.ftm.json: every line a valid FollowTheMoney entity, every reference in the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from followthemoney import model
from followthemoney.types import registry

from generator.model.site import Site
from generator.opendata.ftm import entities as ftm_entities
from generator.opendata.ftm import ftm_text, relation_entity
from generator.opendata.relations import Tie, schema_for
from tests.opendata.conftest import SITES, Built


def entities(site: Path) -> list[dict[str, object]]:
    text = (site / "output" / "data" / "entities.ftm.json").read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def assert_valid(data: dict[str, object]) -> None:
    """Loaded with every value cleaned again (`cleaned=False`): nothing dropped or changed."""
    proxy = model.get_proxy(data, cleaned=False)
    assert proxy.schema.name == data["schema"]
    assert not proxy.schema.abstract
    assert proxy.to_dict()["properties"] == data["properties"], data
    assert proxy.id == data["id"]


@pytest.mark.parametrize("name", SITES)
def test_every_line_is_a_valid_entity_and_references_resolve(built: Built, name: str) -> None:
    lines = entities(built(name))
    ids = [line["id"] for line in lines]
    assert len(ids) == len(set(ids))
    for data in lines:
        assert_valid(data)
        proxy = model.get_proxy(data, cleaned=False)
        for prop, value in proxy.itervalues():
            if prop.type == registry.entity:
                assert value in ids, (data["id"], prop.name, value)


def test_schemata_and_properties(built: Built) -> None:
    lines = {line["id"]: line for line in entities(built("opendata"))}
    ada = lines["dossier-actor-ada-north"]
    assert ada["schema"] == "Person"
    assert ada["properties"] == {
        "name": ["Ada North"],
        "alias": ["North", "-Minister North"],
        "wikidataId": ["Q42"],
        "position": ["=Minister of Harbours"],
        "sourceUrl": ["https://example.org/od/actors/ada-north.html"],
    }
    assert lines["dossier-actor-harbour-ministry"]["schema"] == "Organization"
    assert lines["dossier-actor-dock-workers-union"]["schema"] == "LegalEntity"
    strike = lines["dossier-event-harbour-strike"]["properties"]
    assert strike["involved"] == [
        "dossier-actor-ada-north",
        "dossier-actor-ben-south",
        "dossier-actor-dock-workers-union",
    ]
    assert strike["startDate"] == ["2023-05-02"]
    article = lines["dossier-article-strike-ends"]["properties"]
    assert article["sourceUrl"] == ["https://example.org/wire/9", "https://example.org/radio/3"]
    named = [
        line["properties"]["entity"]
        for line in lines.values()
        if line["schema"] == "Documentation"
        and line["properties"]["document"] == ["dossier-article-strike-ends"]
    ]
    assert sorted(named) == [
        ["dossier-actor-ada-north"],
        ["dossier-actor-ben-south"],
        ["dossier-actor-dock-workers-union"],
        ["dossier-event-harbour-strike"],
    ]
    memberships = {
        (line["schema"], line["properties"].get("member", line["properties"].get("subject"))[0])
        for line in lines.values()
        if line["schema"] in ("Membership", "UnknownLink") and "part of" not in str(line)
    }
    assert memberships == {
        ("Membership", "dossier-actor-ada-north"),  # Harbour Ministry: an organisation
        ("UnknownLink", "dossier-actor-ada-north"),  # Dock Workers Union: kind other
        ("Membership", "dossier-actor-ben-south"),
    }


@pytest.mark.parametrize(
    ("kind", "source", "target", "schema"),
    [
        ("member of", "person", "organization", "Membership"),
        ("spokesperson of", "person", "organization", "Employment"),
        ("spokesperson of", "organization", "organization", "UnknownLink"),
        ("chairman of the board of", "person", "organization", "Directorship"),
        ("son of", "person", "person", "Family"),
        ("personal assistant to", "person", "person", "UnknownLink"),
        ("member of", "person", "person", "UnknownLink"),
        ("rival of", "person", "organization", "UnknownLink"),
    ],
)
def test_relation_schemata(kind: str, source: str, target: str, schema: str) -> None:
    assert schema_for(kind, source, target)[0] == schema


def test_relation_entities_are_valid(built: Built) -> None:
    """The entities the coming `relations:` will make, from ties made here by hand."""
    from generator.build import Builder

    result = Builder(built("opendata"), None).model()
    site: Site | None = result.site
    assert site is not None
    ties = [
        Tie(
            "ben-south", "harbour-ministry", "spokesperson of", "2012", "2023-05", "https://x.org/a"
        ),
        Tie("ada-north", "ben-south", "sister of"),
        Tie("ada-north", "dock-workers-union", "member of", since="2020-01-02"),
    ]
    made = [relation_entity(site, tie, n) for n, tie in enumerate(ties, start=1)]
    assert [m["schema"] for m in made] == ["Employment", "Family", "UnknownLink"]
    for data in made:
        assert_valid(data)
    assert made[0]["properties"]["startDate"] == ["2012"]
    assert made[0]["properties"]["endDate"] == ["2023-05"]


@pytest.mark.parametrize("name", SITES)
def test_lines_made_by_hand_are_what_the_json_encoder_writes(built: Built, name: str) -> None:
    from generator.build import Builder

    site = Builder(built(name), None).model().site
    assert site is not None
    dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
    assert ftm_text(site) == "".join(dump(item) + "\n" for item in ftm_entities(site))
