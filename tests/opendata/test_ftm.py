"""entities.ftm.json: every line a valid FollowTheMoney entity, every reference in the file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from followthemoney import model
from followthemoney.types import registry

from generator.cli.main import main
from generator.opendata.ftm import entities as ftm_entities
from generator.opendata.ftm import ftm_text
from generator.opendata.relations import schema_for
from tests.helpers import FIXTURES
from tests.opendata.conftest import SITES, Built, without_base_url


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
        for id_, line in lines.items()
        if id_.startswith("dossier-affiliation-")
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
        ("leads", "person", "organization", "Directorship"),
        ("leads", "person", "person", "UnknownLink"),
        ("son of", "person", "person", "Family"),
        ("family of", "person", "person", "Family"),
        ("family of", "person", "organization", "UnknownLink"),
        ("employed by", "person", "organization", "Employment"),
        ("employed by", "other", "organization", "UnknownLink"),
        ("personal assistant to", "person", "person", "UnknownLink"),
        ("member of", "person", "person", "UnknownLink"),
        ("rival of", "person", "organization", "UnknownLink"),
    ],
)
def test_relation_schemata(kind: str, source: str, target: str, schema: str) -> None:
    assert schema_for(kind, source, target)[0] == schema


def test_relation_entities_of_the_fixture(built: Built) -> None:
    """The actors' `relations:` as interval entities: the schema their type and the
    actors' kinds allow, both ends actors of the file, dates at the precision written,
    the source as sourceUrl (a story's page under base_url, or the web page)."""
    lines = entities(built("opendata"))
    ids = {line["id"] for line in lines}
    relations = {
        line["id"].removeprefix("dossier-relation-"): line
        for line in lines
        if line["id"].startswith("dossier-relation-")
    }
    assert {id_: line["schema"] for id_, line in relations.items()} == {
        "1-ada-north--ben-south": "Family",
        "1-ada-north--harbour-ministry": "Membership",
        "1-ben-south--harbour-ministry": "Employment",
        "1-dock-workers-union--harbour-ministry": "UnknownLink",  # a type of its own
    }
    for line in relations.values():
        assert_valid(line)
        proxy = model.get_proxy(line, cleaned=False)
        ends = [v for prop, v in proxy.itervalues() if prop.type == registry.entity]
        assert len(ends) == 2 and set(ends) <= ids
        assert all(model.get_proxy(_by_id(lines, end)).schema.is_a("LegalEntity") for end in ends)
    properties = {id_: line["properties"] for id_, line in relations.items()}
    assert properties["1-ada-north--ben-south"] == {
        "person": ["dossier-actor-ada-north"],
        "relative": ["dossier-actor-ben-south"],
        "relationship": ["family of"],
    }
    assert properties["1-ada-north--harbour-ministry"] == {
        "member": ["dossier-actor-ada-north"],
        "organization": ["dossier-actor-harbour-ministry"],
        "role": ["member of"],
        "startDate": ["2019-03"],
        "endDate": ["2023-06-30"],
        "sourceUrl": ["https://example.org/od/articles/first-warning.html"],
    }
    assert properties["1-ben-south--harbour-ministry"] == {
        "employee": ["dossier-actor-ben-south"],
        "employer": ["dossier-actor-harbour-ministry"],
        "role": ["employed by"],
        "startDate": ["2012"],
        "endDate": ["2023-05"],
        "sourceUrl": ["https://example.org/od/articles/strike-ends.html"],
    }
    assert properties["1-dock-workers-union--harbour-ministry"] == {
        "subject": ["dossier-actor-dock-workers-union"],
        "object": ["dossier-actor-harbour-ministry"],
        "role": ["+negotiates with"],
        "startDate": ["2023-05-02"],
        "sourceUrl": ["https://example.org/wire/9"],
    }
    plan = _by_id(lines, "dossier-event-harbour-plan")["properties"]
    assert (plan["startDate"], plan["endDate"]) == (["2019"], ["2020-06"])
    talks = _by_id(lines, "dossier-event-quiet-talks")["properties"]
    assert talks["startDate"] == ["2023-05"]


def _by_id(lines: list[dict[str, object]], id_: str) -> dict[str, object]:
    return next(line for line in lines if line["id"] == id_)


def test_a_relation_id_changes_only_with_the_relations_between_its_two_actors(
    tmp_path: Path,
) -> None:
    """Ids count the relations from one actor to the same other: a relation added in one
    file renames no entity of another, and two relations of one pair have two ids."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "opendata", site)
    before = {line["id"] for line in _exported(site, tmp_path / "before")}
    ada = site / "content" / "actors" / "ada-north.md"
    cited = "    source: articles/first-warning\n"
    edit(ada, cited, cited + "  - {to: Ben South, type: ally of}\n")  # a second of a pair
    ben = site / "content" / "actors" / "ben-south.md"
    edit(ben, "relations:\n", "relations:\n  - {to: Ada North, type: family of}\n")
    after = {line["id"]: line for line in _exported(site, tmp_path / "after")}
    assert set(after) - before == {
        "dossier-relation-2-ada-north--ben-south",
        "dossier-relation-1-ben-south--ada-north",
    }
    assert before <= set(after)
    assert after["dossier-relation-1-ada-north--ben-south"]["schema"] == "Family"
    assert after["dossier-relation-2-ada-north--ben-south"]["schema"] == "UnknownLink"
    assert after["dossier-relation-1-ben-south--ada-north"]["schema"] == "Family"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_without_a_base_url_a_story_source_gives_no_source_url(tmp_path: Path) -> None:
    """A story's page is site-relative then, and FollowTheMoney's sourceUrl is a URL."""
    site = without_base_url(tmp_path)
    lines = {line["id"]: line for line in _exported(site, tmp_path / "out")}
    for line in lines.values():
        assert_valid(line)
    relation = "dossier-relation-1-{}--harbour-ministry"
    assert "sourceUrl" not in lines[relation.format("ben-south")]["properties"]
    assert lines[relation.format("dock-workers-union")]["properties"]["sourceUrl"] == [
        "https://example.org/wire/9"
    ]


def _exported(site: Path, out: Path) -> list[dict[str, object]]:
    assert main(["export", str(site), "--format", "ftm", "--output", str(out)]) == 0
    text = (out / "entities.ftm.json").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize("name", SITES)
def test_lines_made_by_hand_are_what_the_json_encoder_writes(built: Built, name: str) -> None:
    from generator.build import Builder

    site = Builder(built(name), None).model().site
    assert site is not None
    dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
    assert ftm_text(site) == "".join(dump(item) + "\n" for item in ftm_entities(site))
