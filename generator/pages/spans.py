"""The events page's timeline: each event's dates as a bar under its line of the list.

In: the events one page of `events.html` lists, and the reader's language. Out: for each
dated event, its bars (`SpanRow`: the stretches of `outputs.periods.stretches`, darker
where the event surely went on, lighter where its date is known only to the month or
year, outlined dashed when approximate), placed as shares of the page's time range; and
the axis above the list (`SpanAxis`: years, months or days, at most `MAX_TICKS`). The
bars and the axis are pictures of the dates each line already writes out in `<time>`,
so they are hidden from screen readers; a page of 1,000 events costs a few thousand
short strings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.language import Language
from generator.model.site import Event
from generator.outputs.periods import ONE_DAY, stretches
from generator.when import When

MAX_TICKS = 6
YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500)
MONTH_STEPS = (1, 2, 3, 6)
DAY_STEPS = (1, 2, 7, 14)


@dataclass(frozen=True, slots=True)
class Bar:
    """One stretch of an event's dates: `sure` or `maybe`, its place as CSS percentages."""

    kind: str
    left: str
    width: str


@dataclass(frozen=True, slots=True)
class SpanRow:
    bars: tuple[Bar, ...]
    circa: bool = False


@dataclass(frozen=True, slots=True)
class Tick:
    left: str  # a CSS percentage
    label: str
    align: str  # "start", "middle" or "end": a label at either end stays inside


@dataclass(frozen=True, slots=True)
class SpanAxis:
    ticks: tuple[Tick, ...]


def event_spans(
    events: Iterable[Event], language: Language
) -> tuple[dict[str, SpanRow], SpanAxis | None]:
    """Each dated event's bars, by slug, and the axis they share; no axis without dates."""
    dated = [(e.slug, e.date, e.end) for e in events if e.date is not None]
    if not dated:
        return {}, None
    first = min(start.day for _, start, _ in dated)
    after = max((end or start).last for _, start, end in dated) + ONE_DAY
    total = (after - first).days
    rows = {
        slug: SpanRow(_bars(start, end, first, total), start.circa or bool(end and end.circa))
        for slug, start, end in dated
    }
    return rows, SpanAxis(tuple(_ticks(first, after, language)))


def _bars(start: When, end: When | None, origin: dt.date, total: int) -> tuple[Bar, ...]:
    return tuple(
        Bar(
            "sure" if s.sure else "maybe",
            _share((s.first - origin).days, total),
            _share((s.last - s.first).days + 1, total),
        )
        for s in stretches(start, end)
    )


def _share(days: int, total: int) -> str:
    return f"{100 * days / total:.2f}%"


def _ticks(first: dt.date, after: dt.date, language: Language) -> Iterator[Tick]:
    """Ticks at the starts of years, months or days within [first, after]."""
    total = (after - first).days
    for day, label in _marks(first, after, language):
        share = (day - first).days / total
        align = "start" if share < 0.08 else "end" if share > 0.92 else "middle"
        yield Tick(_share((day - first).days, total), label, align)


def _marks(first: dt.date, after: dt.date, language: Language) -> list[tuple[dt.date, str]]:
    total, short = (after - first).days, language.short_month
    if total > 2 * 366:
        years = [dt.date(y, 1, 1) for y in range(first.year, after.year + 1)]
        found = [d for d in years if first <= d <= after]
        step = _step(len(found), YEAR_STEPS)
        return [(d, str(d.year)) for d in found if d.year % step == 0]
    if total > 62:
        months = [_month(first.year, first.month + n) for n in range(total // 28 + 2)]
        found = [d for d in months if first <= d <= after]
        step = _step(len(found), MONTH_STEPS)
        kept = [d for d in found if (d.month - 1) % step == 0]
        return [  # the year with the first month and each January
            (d, language.month(d.year, d.month) if not n or d.month == 1 else short(d.month))
            for n, d in enumerate(kept)
        ]
    step = _step(total + 1, DAY_STEPS)
    days = (first + dt.timedelta(days=n) for n in range(0, total + 1, step))
    return [(d, language.short_date(d)) for d in days]


def _month(year: int, month: int) -> dt.date:
    return dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def _step(count: int, steps: tuple[int, ...]) -> int:
    return next((s for s in steps if -(-count // s) <= MAX_TICKS), steps[-1])
