"""How much was written when: a bar chart of stories per day, week, month or year.

Coverage charts count stories per day when they span at most 31 days, per week
(Monday to Sunday) up to 26 weeks, per month up to 8 years, and per year beyond that,
so that a chart has between one and about a hundred bars. An event's chart also spans
the event's own dates, shaded behind the bars (`periods.band`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from generator.language import ENGLISH, N_, Language
from generator.outputs.periods import Period, band
from generator.outputs.svg import (
    AXIS_FONT,
    CHART_W,
    esc,
    heading,
    num,
    svg_open,
    text_width,
)

CHART_H = 150.0
PLOT_TOP, PLOT_BOTTOM, PLOT_RIGHT = 10.0, 38.0, 6.0
COUNTED = {
    "day": N_("counted per day"),
    "week": N_("counted per week"),
    "month": N_("counted per month"),
    "year": N_("counted per year"),
}
STEPS = {
    "day": (1, 2, 3, 7, 14),
    "week": (1, 2, 4, 8, 13),
    "month": (1, 2, 3, 6, 12, 24, 36),
    "year": (1, 2, 5, 10, 20, 50),
}


@dataclass(frozen=True, slots=True)
class Bucket:
    start: dt.date
    count: int


def pick_unit(first: dt.date, last: dt.date) -> str:
    """The bucket size for stories from `first` to `last` (see the module's docstring)."""
    span = (last - first).days
    if span <= 31:
        return "day"
    if span <= 26 * 7:
        return "week"
    if span <= 8 * 366:
        return "month"
    return "year"


def bucket_start(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return dt.date(day.year, 1, 1)
    return day


def next_start(start: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return start + dt.timedelta(days=1)
    if unit == "week":
        return start + dt.timedelta(days=7)
    if unit == "month":
        return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return dt.date(start.year + 1, 1, 1)


def as_date(moment: dt.date) -> dt.date:
    """The calendar date as written (a date-time keeps its own time zone's day)."""
    return moment.date() if isinstance(moment, dt.datetime) else moment


def buckets(
    dates: Iterable[dt.date], period: Period | None = None
) -> tuple[str, tuple[Bucket, ...]]:
    """Stories counted per bucket, empty buckets included, oldest first; from the first
    story, or the first day of `period` if earlier, to the last story or day of `period`."""
    days = sorted(as_date(d) for d in dates)
    if not days:
        return "day", ()
    first, last = days[0], days[-1]
    if period is not None:
        first, last = min(first, period.first), max(last, period.last)
    unit = pick_unit(first, last)
    counts = Counter(bucket_start(d, unit) for d in days)
    start, last = bucket_start(first, unit), bucket_start(last, unit)
    found = []
    while start <= last:
        found.append(Bucket(start, counts.get(start, 0)))
        start = next_start(start, unit)
    return unit, tuple(found)


def long_label(start: dt.date, unit: str, language: Language = ENGLISH) -> str:
    if unit == "year":
        return str(start.year)
    if unit == "month":
        return language.month(start.year, start.month)
    day = language.date(start)
    return language.gettext("week of %(date)s") % {"date": day} if unit == "week" else day


def when(start: dt.date, unit: str, language: Language = ENGLISH) -> str:
    """`long_label` with its preposition: "on 3 May 2023", "in May 2023"."""
    if unit == "day":
        return language.gettext("on %(date)s") % {"date": language.date(start)}
    if unit == "week":
        return language.gettext("in the week of %(date)s") % {"date": language.date(start)}
    return language.gettext("in %(period)s") % {"period": long_label(start, unit, language)}


def stories(count: int, language: Language) -> str:
    """`1 story`, `3 stories`."""
    return language.ngettext("%(count)s story", "%(count)s stories", count) % {"count": count}


def short_label(start: dt.date, unit: str, step: int, language: Language = ENGLISH) -> str:
    if unit == "year" or (unit == "month" and step >= 12):
        return str(start.year)
    if unit == "month":
        return language.short_month(start.month)
    return language.short_date(start)


def label_step(unit: str, slot: float, language: Language = ENGLISH) -> int:
    """Label every n-th bar, n as small as the labels' width allows."""
    sample = language.short_date(dt.date(2023, 5, 30)) if unit in ("day", "week") else "2023"
    widest = text_width(sample, AXIS_FONT) + 6
    return next((s for s in STEPS[unit] if s * slot >= widest), STEPS[unit][-1])


def labelled(index: int, start: dt.date, unit: str, step: int) -> bool:
    if unit == "month":
        return (
            (start.month - 1) % step == 0
            if step < 12
            else start.month == 1 and (start.year % (step // 12) == 0)
        )
    if unit == "year":
        return start.year % step == 0
    return index % step == 0


def nice_ceiling(value: int) -> int:
    """The axis top: the smallest of 1, 2, 4, 6, 8, 10, 20, 40, ... not below `value`."""
    scale = 1
    while True:
        for top in (1, 2, 4, 6, 8):
            if top * scale >= value:
                return top * scale
        scale *= 10


def day_x(
    bars: Sequence[Bucket], unit: str, left: float, slot: float
) -> Callable[[dt.date], float]:
    """Where a day begins on a chart of `bars`: its bucket's slot, and the share of the
    bucket's days before it."""
    starts = [b.start for b in bars]

    def x_of(day: dt.date) -> float:
        i = max(bisect_right(starts, day) - 1, 0)
        start = starts[i]
        share = (day - start).days / (next_start(start, unit) - start).days
        return left + slot * (i + min(max(share, 0.0), 1.0))

    return x_of


def coverage_chart(
    dates: Sequence[dt.date | dt.datetime],
    *,
    title: str,
    key: str = "coverage",
    language: Language = ENGLISH,
    period: Period | None = None,
) -> str:
    """A bar chart of how many of the stories fall in each day, week, month or year; an
    event's `period` shaded behind the bars."""
    unit, bars = buckets(dates, period)
    if not bars:
        none = esc(language.gettext("No stories yet."))
        return (
            svg_open(key, "coverage", CHART_W, 40)
            + heading(key, title, language.gettext("No stories yet."))
            + f'<text class="axis-label" x="0" y="24">{none}</text></svg>'
        )
    most = max(bars, key=lambda b: b.count)  # the first of the highest
    top = nice_ceiling(most.count)
    left = text_width(str(top), AXIS_FONT) + 8
    plot_w, plot_h = CHART_W - left - PLOT_RIGHT, CHART_H - PLOT_TOP - PLOT_BOTTOM
    slot = plot_w / len(bars)
    bar_w = min(slot * 0.8, 40.0)
    total = sum(b.count for b in bars)
    lang = language
    counted = [b for b in bars if b.count]  # an event's own dates may widen the chart
    if len(counted) == 1:
        desc = lang.gettext("%(stories)s, all %(when)s.") % {
            "stories": stories(total, lang),
            "when": when(counted[0].start, unit, lang),
        }
    else:
        desc = lang.gettext(
            "%(stories)s from %(first)s to %(last)s, %(counted)s; the most, %(most)s, %(when)s."
        ) % {
            "stories": stories(total, lang),
            "first": long_label(counted[0].start, unit, lang),
            "last": long_label(counted[-1].start, unit, lang),
            "counted": lang.gettext(COUNTED[unit]),
            "most": most.count,
            "when": when(most.start, unit, lang),
        }
    if period is not None:
        desc += " " + period.describe(lang)
    parts = [svg_open(key, "coverage", CHART_W, CHART_H), heading(key, title, desc)]
    base = PLOT_TOP + plot_h
    if period is not None:
        parts.append(band(period, day_x(bars, unit, left, slot), PLOT_TOP, plot_h, lang))
    for tick in sorted({0, top // 2, top}):
        y = base - plot_h * tick / top
        parts.append(
            f'<line class="grid" x1="{num(left)}" x2="{num(CHART_W - PLOT_RIGHT)}" '
            f'y1="{num(y)}" y2="{num(y)}"/>'
            f'<text class="axis-label" x="{num(left - 5)}" y="{num(y + 4)}" '
            f'text-anchor="end">{tick}</text>'
        )
    parts.append('<g class="bars">')
    for i, b in enumerate(bars):
        if b.count:
            h = max(plot_h * b.count / top, 1.0)
            x = left + i * slot + (slot - bar_w) / 2
            parts.append(
                f'<rect x="{num(x)}" y="{num(base - h)}" width="{num(bar_w)}" height="{num(h)}">'
                f"<title>{esc(long_label(b.start, unit, lang))}: "
                f"{esc(stories(b.count, lang))}</title></rect>"
            )
    parts.append("</g>")
    parts += axis_labels(bars, unit, left, slot, base, lang)
    parts.append("</svg>")
    return "".join(parts)


def axis_labels(
    bars: Sequence[Bucket],
    unit: str,
    left: float,
    slot: float,
    base: float,
    language: Language = ENGLISH,
) -> list[str]:
    """Ticks and labels under the bars; a second line gives the year where it changes."""
    step = label_step(unit, slot, language)
    ticks = [
        (left + (i + 0.5) * slot, short_label(b.start, unit, step, language), b.start.year)
        for i, b in enumerate(bars)
        if labelled(i, b.start, unit, step)
    ]
    years = unit in ("day", "week", "month") and step < 12
    parts = []
    year_shown = 0
    for x, label, year in spaced(ticks):
        parts.append(
            f'<line class="tick" x1="{num(x)}" x2="{num(x)}" y1="{num(base)}" '
            f'y2="{num(base + 4)}"/>'
            f'<text class="axis-label" x="{num(inside(x, label))}" y="{num(base + 17)}" '
            f'text-anchor="middle">{esc(label)}</text>'
        )
        if years and year != year_shown:
            year_shown = year
            parts.append(
                f'<text class="axis-label year" x="{num(inside(x, str(year)))}" '
                f'y="{num(base + 33)}" text-anchor="middle">{year}</text>'
            )
    return parts


def inside(x: float, label: str) -> float:
    """Where to centre `label` under a tick at `x` so that all of it is inside the chart:
    a label at either end moves in by what would be cut (at the largest size CSS gives)."""
    half = text_width(label, AXIS_FONT) / 2
    return min(max(x, half), CHART_W - half)


def spaced(ticks: list[tuple[float, str, int]]) -> list[tuple[float, str, int]]:
    """The ticks whose labels fit: `label_step` spaces them, but a label moved `inside` at
    either end may then run into its neighbour, which gives way (the last label stays)."""
    kept: list[tuple[float, str, int]] = []
    for n, tick in enumerate(ticks):
        if kept and _overlap(kept[-1], tick):
            if n < len(ticks) - 1:
                continue
            kept.pop()
        kept.append(tick)
    return kept


def _overlap(a: tuple[float, str, int], b: tuple[float, str, int]) -> bool:
    room = (text_width(a[1], AXIS_FONT) + text_width(b[1], AXIS_FONT)) / 2 + 4
    return abs(inside(b[0], b[1]) - inside(a[0], a[1])) < room


@dataclass(frozen=True, slots=True)
class Coverage:
    """A coverage chart, drawn only when a template shows it (`__html__`).

    Its fields are all it is drawn from, so a page's signature covers it without
    drawing it: an incremental build draws only the charts of pages it renders.
    """

    dates: tuple[dt.date | dt.datetime, ...]
    title: str
    language: Language = ENGLISH
    period: Period | None = None  # an event's own dates

    def __html__(self) -> str:
        return coverage_chart(
            self.dates, title=self.title, language=self.language, period=self.period
        )
