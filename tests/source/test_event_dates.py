"""An event's `date` and `end` at the precision written (2023, 2023-05, 2023-05-03), `circa`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.source.discover import SourceFile
from generator.source.parse import EventDoc, parse_source
from generator.when import When
from tests.conftest import MakeSite

E = "content/events/e.md"


def parse_event(front: str) -> tuple[EventDoc, list[str]]:
    text = f"---\nname: Summit\n{front}---\nAbout it.\n"
    doc, errors = parse_source(SourceFile("event", Path(E), text.encode()))
    assert isinstance(doc, EventDoc)
    return doc, [str(e) for e in errors]


@pytest.mark.parametrize(
    ("written", "first", "precision"),
    [
        ("2019", dt.date(2019, 1, 1), "year"),
        ('"2019"', dt.date(2019, 1, 1), "year"),
        ("2023-05", dt.date(2023, 5, 1), "month"),
        ("2023-05-03", dt.date(2023, 5, 3), "day"),
        ("2023-05-03T10:30", dt.datetime(2023, 5, 3, 10, 30), "day"),
    ],
)
def test_each_form_keeps_its_precision(written: str, first: dt.date, precision: str) -> None:
    doc, errors = parse_event(f"date: {written}\nend: {written}\n")
    assert errors == []
    assert doc.date == When(first, precision) == doc.end  # type: ignore[arg-type]


def test_circa_makes_both_ends_approximate() -> None:
    doc, errors = parse_event("date: 2019\nend: 2021\ncirca: true\n")
    assert errors == []
    assert doc.date == When(dt.date(2019, 1, 1), "year", circa=True)
    assert doc.end == When(dt.date(2021, 1, 1), "year", circa=True)
    doc, _ = parse_event("date: 2019\ncirca: false\n")
    assert doc.date.circa is False and doc.end is None


def test_circa_must_be_true_or_false() -> None:
    _, errors = parse_event("date: 2019\ncirca: maybe\n")
    assert errors == [f'{E}:4: "circa" must be true or false']


def test_a_month_that_does_not_exist_is_an_error_at_its_line() -> None:
    _, errors = parse_event("place: Oslo\ndate: 2023-13\n")
    assert errors == [
        f'{E}:4: "date: 2023-13" is not a valid date (month 13 is not between 01 and 12); '
        "use YYYY-MM-DD, YYYY-MM or YYYY"
    ]


@pytest.mark.parametrize(
    ("date", "end"),
    [("2023-05-03", "2023-04"), ("2023-05-03", "2023-05-02"), ("2023-05", "2022")],
)
def test_an_end_that_must_be_before_the_start_is_an_error(date: str, end: str) -> None:
    _, errors = parse_event(f"date: {date}\nend: {end}\n")
    assert errors == [
        f'{E}:4: "end" ({end}) is before "date" ({date}); give an end on or after the start'
    ]


@pytest.mark.parametrize(
    ("date", "end"),
    [
        ("2023-05-03", "2023-05"),
        ("2023-05", "2023-05-03"),
        ("2023", "2023-01"),
        ("2023-05", "2023"),
    ],
)
def test_an_end_that_may_be_after_the_start_is_fine(date: str, end: str) -> None:
    _, errors = parse_event(f"date: {date}\nend: {end}\n")
    assert errors == []


def test_every_date_mistake_of_a_site_in_one_run(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/events/a.md": "---\nname: A\ndate: 2023-13\n---\n",
            "content/events/b.md": "---\nname: B\ndate: 2023-05-03\nend: 2023-04\n---\n",
            "content/events/c.md": "---\nname: C\ndate: 2023-05-03\nend: 2023-05\n---\n",
        }
    )
    assert run.code == 1
    assert [line.replace(f"{run.site}/", "") for line in run.error_lines] == [
        'content/events/a.md:3: "date: 2023-13" is not a valid date '
        "(month 13 is not between 01 and 12); use YYYY-MM-DD, YYYY-MM or YYYY",
        'content/events/b.md:4: "end" (2023-04) is before "date" (2023-05-03); '
        "give an end on or after the start",
    ]
