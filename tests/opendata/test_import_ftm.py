"""`dossier import --ftm`: a FollowTheMoney file's people and organisations as actors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.model.resolver import name_key
from generator.source.discover import discover
from generator.source.parse import ActorDoc, parse_all
from tests.helpers import FIXTURES, write_files


def actors(site: Path) -> dict[str, tuple[str, str, tuple[str, ...], str | None]]:
    docs, errors = parse_all(discover(site).content)
    assert errors == []
    return {
        d.slug: (d.name, d.kind, tuple(a.text for a in d.aliases), d.wikidata and d.wikidata.text)
        for d in docs
        if isinstance(d, ActorDoc)
    }


def exported(tmp_path: Path) -> Path:
    """The `opendata` fixture's FollowTheMoney file, made by `dossier export`."""
    site = tmp_path / "from"
    shutil.copytree(FIXTURES / "opendata", site)
    out = tmp_path / "ftm"
    assert main(["export", str(site), "--format", "ftm", "--output", str(out)]) == 0
    return out / "entities.ftm.json"


def test_round_trip_into_an_empty_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ftm = exported(tmp_path)
    empty = tmp_path / "new"
    assert main(["init", str(empty)]) == 0
    before = actors(empty)
    assert main(["import", "--ftm", str(ftm), "--site", str(empty)]) == 0
    out = capsys.readouterr().out
    assert "create 4" in out and "passed over" in out
    now = actors(empty)
    original = actors(FIXTURES / "opendata")
    assert {k: v for k, v in now.items() if k not in before} == original
    assert main(["build", str(empty), "-q", "--jobs", "1"]) == 0
    assert main(["import", "--ftm", str(ftm), "--site", str(empty)]) == 0  # again: no change
    assert "4 unchanged" in capsys.readouterr().out
    assert actors(empty) == now


def test_an_actor_the_site_has_is_merged_not_duplicated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ftm = exported(tmp_path)
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", site)
    ada = site / "content" / "actors" / "ada-north.md"
    body_before = ada.read_text(encoding="utf-8").split("---", 2)[2]
    assert main(["import", "--ftm", str(ftm), "--site", str(site)]) == 0
    out = capsys.readouterr().out
    assert f"merged line 1 into {ada}" in out
    found = actors(site)
    # "-Minister North" is "Minister North" to the name resolver: not added again
    assert found["ada-north"] == ("Ada North", "person", ("North", "Minister North"), "Q42")
    assert found["harbour-ministry"][3] == "Q1001"  # by name
    assert found["dock-workers-union"] == ("Dock Workers Union", "other", ("@union",), None)
    assert sorted(found) == ["ada-north", "ben-south", "dock-workers-union", "harbour-ministry"]
    assert ada.read_text(encoding="utf-8").split("---", 2)[2] == body_before
    keys = [name_key(n) for name, _, aliases, _ in found.values() for n in (name, *aliases)]
    assert len(keys) == len(set(keys))  # no name given to two actors
    assert main(["build", str(site), "-q", "--jobs", "1"]) == 0


def line(schema: str, id_: str, **properties: list[str]) -> str:
    return json.dumps({"id": id_, "schema": schema, "properties": properties})


def test_identity_rules_and_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", site)
    write_files(
        site,
        {
            "content/actors/harbour-ministry.md": "---\nname: Harbour Ministry\n"
            "aliases: [Ministry]\nkind: organization\nwikidata: Q7\n---\n"
        },
    )
    ftm = tmp_path / "in.ftm.json"
    ftm.write_text(
        "\n".join(
            [
                line("Person", "x1", name=["Ada Nort"], alias=["ADA NORTH"]),  # by an alias
                line("Company", "x2", name=["Harbour Ministry"], wikidataId=["Q8"]),  # another Q
                line("Organization", "x3", name=["Harbour Authority"], wikidataId=["Q7"]),
                line("Person", "x4", name=["Ada North"], alias=["Ben South"]),  # Ben's name
                line("Vessel", "x5", name=["Sea Star"]),
                "{not json",
                line(
                    "Person",
                    "x6",
                    name=["Cy West"],
                    wikidataId=["https://www.wikidata.org/wiki/Q9"],
                ),
                line("Person", "x7", name=["C. West"], wikidataId=["Q9"]),  # the new one, by Q9
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    assert main(["import", "--ftm", str(ftm), "--site", str(site), "--dry-run"]) == 1
    assert actors(site)["ada-north"][2] == ("North", "Minister North")  # dry run: nothing
    capsys.readouterr()
    assert main(["import", "--ftm", str(ftm), "--site", str(site)]) == 1
    captured = capsys.readouterr()
    errors = [e.split(": ", 1)[0].rsplit(":", 1)[1] for e in captured.err.splitlines()]
    assert errors == ["2", "6"]  # another Wikidata id; a line that is not JSON
    found = actors(site)
    assert found["ada-north"][2] == ("North", "Minister North", "Ada Nort")
    assert found["harbour-ministry"][2] == ("Ministry", "Harbour Authority")
    assert found["cy-west"] == ("Cy West", "person", ("C. West",), "Q9")
    assert 'left out the alias "Ben South"' in captured.out
    assert "1 other entities passed over" in captured.out


def test_usage(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", site)
    assert main(["import", "--site", str(site)]) == 2  # neither stories nor --ftm
    assert main(["import", "--ftm", str(tmp_path / "missing.json"), "--site", str(site)]) == 2
