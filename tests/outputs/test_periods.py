"""An event's own dates in its coverage chart: a band over exactly the days they allow."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup, Tag

from generator.outputs.coverage import coverage_chart
from generator.outputs.periods import Period, Stretch, stretches
from generator.when import parse_when

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2023-05-03", None, [(D(2023, 5, 3), D(2023, 5, 3), True)]),
        ("2023-05", None, [(D(2023, 5, 1), D(2023, 5, 31), False)]),
        ("2019", None, [(D(2019, 1, 1), D(2019, 12, 31), False)]),
        ("2023-05-03", "2023-05-05", [(D(2023, 5, 3), D(2023, 5, 5), True)]),
        (
            "2023-05",
            "2023-06-20",
            [(D(2023, 5, 1), D(2023, 5, 30), False), (D(2023, 5, 31), D(2023, 6, 20), True)],
        ),
        (
            "2023-05-03",
            "2023-06",
            [(D(2023, 5, 3), D(2023, 6, 1), True), (D(2023, 6, 2), D(2023, 6, 30), False)],
        ),
        ("2023-05", "2023-05-20", [(D(2023, 5, 1), D(2023, 5, 20), False)]),  # no day is sure
        ("2019", "2019", [(D(2019, 1, 1), D(2019, 12, 31), False)]),
    ],
)
def test_stretches_are_the_days_the_dates_allow(
    start: str, end: str | None, expected: list[tuple[D, D, bool]]
) -> None:
    found = stretches(parse_when(start), parse_when(end) if end else None)
    assert found == tuple(Stretch(*s) for s in expected)


def chart(dates: list[D], start: str, end: str | None = None, circa: bool = False) -> BeautifulSoup:
    first = parse_when(start).with_circa(circa)
    last = parse_when(end).with_circa(circa) if end else None
    svg = coverage_chart(dates, title="Stories about X", period=Period(first, last))
    return BeautifulSoup(svg, "html.parser")


def extent(svg: BeautifulSoup) -> tuple[float, float]:
    rects = svg.select("g.period rect")
    assert rects
    return float(rects[0]["x"]), float(rects[-1]["x"]) + float(rects[-1]["width"])


def plot(svg: BeautifulSoup) -> tuple[float, float]:
    grid = svg.select_one("line.grid")
    assert isinstance(grid, Tag)
    return float(grid["x1"]), float(grid["x2"])


def test_a_month_event_shades_the_whole_month_and_the_chart_spans_it() -> None:
    svg = chart([D(2023, 5, 4)], "2023-05")
    assert len(svg.select("g.bars rect")) == 1
    assert svg.select("text.axis-label")[2].get_text() == "1 May"  # the month's first day
    assert extent(svg) == plot(svg)  # the chart is the month: 31 days, all shaded
    assert [r["class"] for r in svg.select("g.period rect")] == [["maybe"]]


def test_the_band_starts_and_ends_with_its_days_between_stories() -> None:
    # 10 April to 30 June: counted per week, from the week of 10 April to that of 26 June
    svg = chart([D(2023, 4, 10), D(2023, 6, 30)], "2023-05")
    left, right = plot(svg)
    slot = (right - left) / 12
    x0, x1 = extent(svg)
    assert x0 == pytest.approx(left + slot * (3 + 0 / 7), abs=0.1)  # Monday 1 May
    assert x1 == pytest.approx(left + slot * (7 + 3 / 7), abs=0.1)  # Thursday 1 June


def test_a_day_event_is_a_narrow_band_of_its_day() -> None:
    svg = chart([D(2023, 5, 3), D(2023, 5, 10)], "2023-05-03")
    left, right = plot(svg)
    x0, x1 = extent(svg)
    assert (x0, x1) == pytest.approx((left, left + (right - left) / 8), abs=0.1)
    assert [r["class"] for r in svg.select("g.period rect")] == [["sure"]]


def test_a_day_among_years_is_still_drawn() -> None:
    svg = chart([D(2010, 1, 1), D(2023, 5, 3)], "2015-06-01")
    x0, x1 = extent(svg)
    assert x1 - x0 == pytest.approx(2.0, abs=0.1)


def test_the_text_alternative_names_the_span_and_approximate_edges_are_marked() -> None:
    svg = chart([D(2023, 5, 4)], "2023-05-03", "2023-05-05", circa=True)
    desc = svg.select_one("desc")
    assert isinstance(desc, Tag)
    assert desc.get_text() == (
        "1 story, all on 4 May 2023. "
        "The shaded band is the event itself: c. 3 May 2023 \u2013 c. 5 May 2023."
    )
    assert svg.select_one("g.period.circa") is not None
    assert len(svg.select("g.period line.bound")) == 2
