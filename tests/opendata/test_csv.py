"""The CSV files: one header row as data.html documents it, RFC 4180, no formulas."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from generator.opendata.cells import Column, csv_text, neutralised
from generator.opendata.tables import TABLES
from tests.helpers import first, parse_html
from tests.opendata.conftest import SITES, Built


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


def test_relations_csv_is_a_header_alone(built: Built) -> None:
    assert rows(built("opendata"), "relations.csv") == [
        ["from", "from_name", "to", "to_name", "type", "since", "until", "source"]
    ]


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
    events = {row[1]: row for row in rows(site, "events.csv")[1:]}
    assert events["harbour-strike"][3:8] == ["2023-05-02", "", "Port Town", "harbour-crisis", ""]
    assert events["quiet-talks"][9:] == ["0", ""]
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
