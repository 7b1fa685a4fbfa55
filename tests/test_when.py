"""Dates at the precision they were given: read, bounded, written (`generator.when`)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.language import ENGLISH, Language
from generator.when import parse_when, span_days


@pytest.mark.parametrize(
    ("raw", "precision", "first", "last", "iso"),
    [
        ("2019", "year", dt.date(2019, 1, 1), dt.date(2019, 12, 31), "2019"),
        ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "2024-02"),
        ("2023-02", "month", dt.date(2023, 2, 1), dt.date(2023, 2, 28), "2023-02"),
        ("2023-05-03", "day", dt.date(2023, 5, 3), dt.date(2023, 5, 3), "2023-05-03"),
        (
            " 2023-05-03T10:30 ",
            "day",
            dt.date(2023, 5, 3),
            dt.date(2023, 5, 3),
            "2023-05-03T10:30:00",
        ),
    ],
)
def test_each_form_keeps_its_precision(
    raw: str, precision: str, first: dt.date, last: dt.date, iso: str
) -> None:
    when = parse_when(raw)
    assert (when.precision, when.day, when.last, when.iso()) == (precision, first, last, iso)


@pytest.mark.parametrize("raw", ["2023-13", "2023-00", "0000", "2023-02-30", "May 2023", "23", ""])
def test_impossible_or_unknown_forms_are_refused(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_when(raw)


def test_a_span_covers_the_whole_of_its_imprecise_ends() -> None:
    assert span_days(parse_when("2023-05"), parse_when("2023-07")) == (
        dt.date(2023, 5, 1),
        dt.date(2023, 7, 31),
    )
    assert span_days(parse_when("2019"), None) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


@pytest.mark.parametrize(
    ("start", "end", "english", "french"),
    [
        ("2019", None, "2019", "2019"),
        ("2023-05", None, "May 2023", "mai 2023"),
        ("2023-05-03", "2023-05-05", "3\u20135 May 2023", "3\u20135 mai 2023"),
        ("2023-05", "2023-06", "May\u2013June 2023", "mai\u2009\u2013\u2009juin 2023"),
        ("2019", "2021", "2019\u20132021", "2019\u20132021"),
        ("2023-05", "2023-05-20", "May 2023 \u2013 20 May 2023", "mai 2023 \u2013 20 mai 2023"),
    ],
)
def test_the_precision_given_is_the_precision_shown(
    start: str, end: str | None, english: str, french: str
) -> None:
    first, last = parse_when(start), (parse_when(end) if end else None)
    assert ENGLISH.span(first, last) == english
    assert Language("fr").span(first, last) == french


def test_an_approximate_date_says_so_and_never_shows_an_invented_day() -> None:
    circa = parse_when("2019").with_circa(True)
    shown = ENGLISH.when(circa)
    assert shown == "c. 2019"
    assert "January" not in shown and "1" not in shown.replace("2019", "")
