"""A news story's dateline: "KYIV, Ukraine —", "WASHINGTON (AP) —", "LONDON (Reuters) -".

The place a story was filed from, in capitals at the start of its text, perhaps with its
country or a date after a comma and the news agency in brackets, then a dash. The place
is never an actor; the agency is an organisation (the labelling guideline tags it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATELINE = re.compile(
    r"""\s*(?P<place>[^\W\d_][^\n,(\u2014\u2013]{1,40}?)
    (?:,[^\n(\u2014\u2013]{1,40}?)?
    \s*(?:\((?P<agency>[^()\n]{2,30})\))?
    \s*(?:\u2014|\u2013|--|-)\s""",
    re.X,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int  # where the dash ends: nothing before it names an actor
    agency: tuple[int, int] | None  # where the agency's name is


def dateline(text: str, at: int = 0) -> Dateline | None:
    """The dateline at `at` in `text` (the start of a story's text), if there is one."""
    match = _DATELINE.match(text, at)
    if match is None:
        return None
    place = match.group("place").strip()
    if place.upper() != place or not any(c.isalpha() for c in place):
        return None
    agency = match.group("agency")
    found = None
    if agency is not None and agency.strip()[:1].isupper():
        found = (match.start("agency"), match.end("agency"))
    return Dateline(match.start(), match.end(), found)
