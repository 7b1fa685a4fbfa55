"""A date as precise as its writer knew it: a year, a month, a day, or a moment of a day.

`2019` is the year 2019, not 1 January 2019: a `When` keeps the precision it was written
with (`precision`), and whether it is approximate (`circa`), so that pages show "2019",
"May 2023" or "c. 2019" and never a day nobody gave. It sorts by the earliest day it
could be (`first`) and covers every day up to `last`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Moment = dt.date | dt.datetime
Precision = Literal["year", "month", "day"]

_YEAR = re.compile(r"[0-9]{4}")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


@dataclass(frozen=True, slots=True)
class When:
    """`first` is the earliest day (or, at day precision, the date or date-time as
    written); `precision` says how much of it was given."""

    first: Moment
    precision: Precision = "day"
    circa: bool = False

    @property
    def day(self) -> dt.date:
        """The earliest day it could be: what sorting and charts use."""
        first = self.first
        return first.date() if isinstance(first, dt.datetime) else first

    @property
    def last(self) -> dt.date:
        """The latest day it could be."""
        day = self.day
        if self.precision == "year":
            return dt.date(day.year, 12, 31)
        if self.precision == "month":
            return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        return day

    def iso(self) -> str:
        """`2023`, `2023-05`, `2023-05-03` or the date-time: a valid HTML `datetime`
        value and what schema.org dates accept, at the precision given."""
        day = self.day
        if self.precision == "year":
            return f"{day.year:04d}"
        if self.precision == "month":
            return f"{day.year:04d}-{day.month:02d}"
        return self.first.isoformat()

    def with_circa(self, circa: bool) -> When:
        return When(self.first, self.precision, circa)

    def __str__(self) -> str:
        return ("c. " if self.circa else "") + self.iso()


def iso_date(value: Moment | When) -> str:
    """A date or date-time as ISO 8601 text, a `When` at the precision given (`2023`,
    `2023-05`): what `<time datetime>`, JSON-LD and the data files all write."""
    return value.iso() if isinstance(value, When) else value.isoformat()


def exactly(moment: Moment) -> When:
    """A date or date-time known to the day."""
    return When(moment, "day")


def parse_when(raw: str) -> When:
    """`2023`, `2023-05`, `2023-05-03` or an ISO date-time; ValueError says what is wrong."""
    text = raw.strip()
    if _YEAR.fullmatch(text):
        year = int(text)
        if year < 1:
            raise ValueError("there is no year 0")
        return When(dt.date(year, 1, 1), "year")
    month = _MONTH.fullmatch(text)
    if month:
        year, number = int(month[1]), int(month[2])
        if not 1 <= number <= 12:
            raise ValueError(f"month {number} is not between 01 and 12")
        if year < 1:
            raise ValueError("there is no year 0")
        return When(dt.date(year, number, 1), "month")
    if len(text) == 10:
        return When(dt.date.fromisoformat(text), "day")
    return When(dt.datetime.fromisoformat(text), "day")


def span_days(start: When, end: When | None) -> tuple[dt.date, dt.date]:
    """The days a span from `start` to `end` may cover: from the first day of the start
    to the last day of the end (or of the start, when there is no end)."""
    return start.day, (end or start).last
