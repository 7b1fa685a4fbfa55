"""Where a story comes from: `source:` (one) or `sources:` (several), each a name, an
address, and the address and day of a copy a web archive saved.

In: an article's front matter, through its `FieldReader`. Out: `Source`s, each with the
line it was written at; an error at that line for each mistake (an address that is not
http(s), a bad day, a list that is not one, both fields at once).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from generator.source.schema import CONTROL, FieldReader, is_web_url


@dataclass(frozen=True, slots=True)
class Source:
    """Where a story comes from: `name`, `url` and, when the page was saved by a web
    archive, the snapshot's address (`archived`) and the day it was taken (`archived_on`);
    `line` is the front matter line it was written at (for `check --sources`)."""

    name: str
    url: str | None
    archived: str | None = None
    archived_on: dt.date | None = None
    line: int = 0


SOURCE_KEYS = ("name", "url", "archived", "archived_on")
SNAPSHOT = re.compile(r"/web/(\d{4})(\d{2})(\d{2})\d*(?:[a-z]{2}_)?/")


def snapshot_day(url: str | None) -> dt.date | None:
    """The day in a Wayback Machine snapshot's address (`/web/20230504120000/...`)."""
    found = SNAPSHOT.search(url or "")
    if found is None:
        return None
    try:
        return dt.date(*map(int, found.groups()))
    except ValueError:
        return None


def read_source(f: FieldReader, key: str) -> Source | None:
    value = f.fm.data.get(key)
    if value is None:
        return None
    return _source(f, key, value, f.fm.line(key))


def read_sources(f: FieldReader, key: str, one: str) -> tuple[Source, ...]:
    """Every source of a story: `one` (`source:`) or the list `key` (`sources:`), not
    both."""
    if key not in f.fm.data:
        found = read_source(f, one)
        return () if found is None else (found,)
    if one in f.fm.data:
        f.fail(key, f'"{one}" and "{key}" are both given; put every source in "{key}"')

    def read(index: int, item: Any, line: int) -> Source | None:
        return None if item is None else _source(f, f"{key}[{index}]", item, line)

    return f.entries(key, "a list like [{name: Wire, url: https://...}]", read)


def _source(f: FieldReader, key: str, value: Any, line: int) -> Source | None:
    def fail(message: str) -> None:
        f.fail(key, message, line)

    if isinstance(value, str):
        if not value.strip():
            return None  # `source: ""`: no source given
        value = {"url": value} if "://" in value or ":" in value.split()[0] else {"name": value}
    if not isinstance(value, dict) or set(value) - set(SOURCE_KEYS):
        fail(f'"{key}" must look like {{name: Wire, url: https://...}}')
        return None
    name, url, archived, day = (
        CONTROL.sub("", v) if isinstance(v := value.get(k), str) else v for k in SOURCE_KEYS
    )
    if url is not None and (not isinstance(url, str) or not is_web_url(url)):
        fail(f'"{key}.url" must be an http:// or https:// address, not {url!r}')
        url = None
    if archived is not None and (not isinstance(archived, str) or not is_web_url(archived)):
        fail(f'"{key}.archived" must be an http:// or https:// address, not {archived!r}')
        archived = None
    archived_on = None
    if day is not None:
        try:
            archived_on = dt.date.fromisoformat(str(day).strip())
        except ValueError:
            fail(f'"{key}.archived_on: {day}" is not a valid date; use YYYY-MM-DD')
    if name is not None and not isinstance(name, str):
        fail(f'"{key}.name" must be text')
        name = None
    if not name and not url:
        if archived:
            fail(f'"{key}" has an archived copy but no url or name; add the url it saves')
        return None
    return Source(
        name=(name or urlsplit(str(url)).netloc).strip(),
        url=url and url.strip(),
        archived=archived and archived.strip(),
        archived_on=archived_on or snapshot_day(archived),
        line=line,
    )
