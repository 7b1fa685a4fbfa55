"""An event's own dates as stretches of days: those it surely covers and those it may.

`3-5 May 2023` surely covers each of its three days. `May 2023` says only that the event
fell in May: every day of the month is possible and none is sure. From `May 2023` to
`20 June 2023` the event surely went on from 31 May to 20 June and may have begun on any
day of May. `circa` makes every edge approximate. An event's coverage chart shades these
stretches behind its bars (`band`); the events page draws them as bars
(`pages.spans`). Nothing here makes up a day: each stretch is the days a date allows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from generator.language import ENGLISH, N_, Language
from generator.outputs.svg import esc, num
from generator.when import When

ONE_DAY = dt.timedelta(days=1)
MIN_WIDTH = 2.0  # the narrowest band drawn (a day among years), in SVG units
BAND = N_("The shaded band is the event itself: %(dates)s.")


@dataclass(frozen=True, slots=True)
class Stretch:
    """Days from `first` to `last` (both included) that the event `sure`ly covers, or may."""

    first: dt.date
    last: dt.date
    sure: bool


@dataclass(frozen=True, slots=True)
class Period:
    """An event's dates, as an event's coverage chart is given them."""

    start: When
    end: When | None = None

    @property
    def first(self) -> dt.date:
        return self.start.day

    @property
    def last(self) -> dt.date:
        return (self.end or self.start).last

    @property
    def circa(self) -> bool:
        return self.start.circa or (self.end is not None and self.end.circa)

    def describe(self, language: Language = ENGLISH) -> str:
        """ "The shaded band is the event itself: May 2023." """
        return language.gettext(BAND) % {"dates": language.span(self.start, self.end)}


def stretches(start: When, end: When | None) -> tuple[Stretch, ...]:
    """The days from `start` to `end`, oldest first: a date known only to the month or year
    is a stretch the event may cover; what lies surely between the two ends is sure."""
    if end is None or end == start:
        return (Stretch(start.day, start.last, start.precision == "day"),)
    if start.last > end.day:  # `2023-05` to `2023-05-20`: no day is sure
        return (Stretch(start.day, end.last, False),)
    found = []
    if start.precision != "day":
        found.append(Stretch(start.day, start.last - ONE_DAY, False))
    found.append(Stretch(start.last, end.day, True))
    if end.precision != "day":
        found.append(Stretch(end.day + ONE_DAY, end.last, False))
    return tuple(s for s in found if s.first <= s.last)


def band(
    period: Period,
    x_of: Callable[[dt.date], float],
    top: float,
    height: float,
    language: Language = ENGLISH,
) -> str:
    """The period as shaded rectangles from `top` down `height`, `x_of(day)` the left edge of
    a day: sure days darker than possible ones, its outer edges as lines (dashed when
    approximate), its description as the tooltip. A band narrower than `MIN_WIDTH` is
    widened about its middle."""
    circa = " circa" if period.circa else ""
    parts = [f'<g class="period{circa}"><title>{esc(period.describe(language))}</title>']
    for s in stretches(period.start, period.end):
        x0, x1 = x_of(s.first), x_of(s.last + ONE_DAY)
        if x1 - x0 < MIN_WIDTH:
            x0, x1 = (x0 + x1 - MIN_WIDTH) / 2, (x0 + x1 + MIN_WIDTH) / 2
        kind = "sure" if s.sure else "maybe"
        parts.append(
            f'<rect class="{kind}" x="{num(x0)}" y="{num(top)}" width="{num(x1 - x0)}" '
            f'height="{num(height)}"/>'
        )
    left, right = x_of(period.first), x_of(period.last + ONE_DAY)
    for x in (left, right) if right - left >= MIN_WIDTH else ((left + right) / 2,):
        parts.append(
            f'<line class="bound" x1="{num(x)}" x2="{num(x)}" y1="{num(top)}" '
            f'y2="{num(top + height)}"/>'
        )
    parts.append("</g>")
    return "".join(parts)
