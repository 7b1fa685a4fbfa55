"""The CSV files: one header row as data.html documents it, RFC 4180, no formulas."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.opendata.cells import Column, csv_text, neutralised
from generator.opendata.tables import TABLES
from tests.helpers import first, parse_html
from tests.opendata.conftest import SITES, Built, without_base_url


def rows(site: Path, name: str) -> list[list[str]]:
    data = (site / "output" / "data" / name).read_bytes()
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.mark.parametrize("name", SITES)
def test_headers_are_the_documented_columns(built: Built, name: str) -> None:
    site = built(name)
    page = parse_html(site / "output" / "data.html")
    for table in TABLES:
        header = rows(site, table.name)[0]
        assert header == [c.name for c in table.columns]
        link = first(page, f'a[href="data/{table.name}"]')
        section = link.find_parent("section")
        assert section is not None
        documented = [th.get_text() for th in section.select("tbody th")]
        assert documented == header, table.name


def test_rows_of_the_fixture(built: Built) -> None:
    site = built("opendata")
    actors = {row[1]: row for row in rows(site, "actors.csv")[1:]}
    assert actors["ada-north"][2:] == [
        "Ada North",
        "person",
        "North; -Minister North",
        "'=Minister of Harbours",
        "harbour-ministry; dock-workers-union",
        "Q42",
        "https://example.org/od/actors/ada-north.html",
        "3",
        "true",
    ]
    assert actors["dock-workers-union"][4] == "'@union"
    claims = rows(site, "claims.csv")[1:]
    assert [(c[0], c[3], c[7], c[8]) for c in claims] == [
        ("first-warning", "ada-north", "asserts", "'=1+1"),
        ("strike-begins", "ben-south", "denies", '\'=HYPERLINK("http://evil.example")'),
        (
            "strike-begins",
            "dock-workers-union",
            "asserts",
            '\'@SUM(A1:A2), with "quotes",\nand a second line',
        ),
    ]
    assert claims[0][1] == "'+First warning from the ministry"
    quotes = rows(site, "quotes.csv")[1:]
    assert [(q[0], q[3], q[5]) for q in quotes] == [
        ("first-warning", "ada-north", '"Trouble is coming, and it will be "long""'),
        ("strike-begins", "dock-workers-union", '"-2 is what they offered"'),
    ]


def cells(table: list[list[str]], *names: str) -> list[list[str]]:
    """These columns of every row, by their headers."""
    header = table[0]
    return [[row[header.index(name)] for name in names] for row in table[1:]]


def test_events_keep_the_precision_of_their_dates_and_say_circa(built: Built) -> None:
    table = rows(built("opendata"), "events.csv")
    columns = ("slug", "date", "end", "circa", "place", "parent", "wikidata", "stories")
    assert cells(table, *columns) == [  # oldest first: 2019 is before 2022-11-01
        ["harbour-plan", "2019", "2020-06", "true", "", "", "", "0"],  # circa: true
        ["harbour-crisis", "2022-11-01", "2023-06-30", "false", "Port Town", "", "Q2002", "2"],
        ["quiet-talks", "2023-05", "", "false", "", "", "", "0"],  # date: 2023-05
        ["harbour-strike", "2023-05-02", "", "false", "Port Town", "harbour-crisis", "", "2"],
    ]
    assert cells(table, "actors")[2] == [""]


def test_claims_carry_the_verdict_and_its_evidence(built: Built) -> None:
    table = rows(built("opendata"), "claims.csv")
    assert cells(table, "by", "status", "evidence") == [
        [  # status: false (a YAML boolean); a story and a web page as evidence
            "ada-north",
            "false",
            "https://example.org/od/articles/strike-ends.html; https://example.org/factcheck/1",
        ],
        ["ben-south", "unverified", ""],  # no status: unverified, and no evidence
        ["dock-workers-union", "confirmed", "https://example.org/od/articles/strike-ends.html"],
    ]
    assert cells(table, "url")[0] == ["https://example.org/od/articles/first-warning.html"]


def test_without_a_base_url_evidence_is_site_relative(tmp_path: Path) -> None:
    site = without_base_url(tmp_path)
    assert main(["export", str(site), "--format", "csv", "--output", str(tmp_path / "out")]) == 0
    text = (tmp_path / "out" / "claims.csv").read_text(encoding="utf-8")
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert cells(table, "evidence", "url")[0] == [
        "articles/strike-ends.html; https://example.org/factcheck/1",
        "articles/first-warning.html",
    ]


def test_relations_of_the_fixture(built: Built) -> None:
    """Every actor's `relations:`, in the order of their files, dates at their precision."""
    table = rows(built("opendata"), "relations.csv")
    assert table[0] == ["from", "from_name", "to", "to_name", "type", "since", "until", "source"]
    assert table[1:] == [
        ["ada-north", "Ada North", "ben-south", "Ben South", "family of", "", "", ""],
        [
            *("ada-north", "Ada North", "harbour-ministry", "Harbour Ministry", "member of"),
            *("2019-03", "2023-06-30", "https://example.org/od/articles/first-warning.html"),
        ],
        [  # to: Ministry (an alias); since: 2012, until: 2023-05; source: strike-ends
            *("ben-south", "Ben South", "harbour-ministry", "Harbour Ministry", "employed by"),
            *("2012", "2023-05", "https://example.org/od/articles/strike-ends.html"),
        ],
        [  # a type of its own that a spreadsheet would run; a web page as its source
            *("dock-workers-union", "Dock Workers Union", "harbour-ministry", "Harbour Ministry"),
            *("'+negotiates with", "2023-05-02", "", "https://example.org/wire/9"),
        ],
    ]


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+x", "'+x"),
        ("-x", "'-x"),
        ("@x", "'@x"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ('say "no",\nthen go', 'say "no",\nthen go'),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_injection_cases_round_trip_as_text(cell: str, written: str) -> None:
    assert neutralised(cell) == written
    text = csv_text([Column("a", ""), Column("b", "")], [[cell, "z"]])
    assert text.startswith("a,b\r\n")
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed == [["a", "b"], [written, "z"]]
    assert not parsed[1][0].startswith(("=", "+", "-", "@", "\t", "\r"))
