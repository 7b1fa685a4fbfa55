"""Long lists in page-sized parts: one way to split a timeline or an index.

In: a list's items in page order, how many fit on a page, and the ways to group them
(`Level`: by year, then month; by initial; by year). Out: `Part`s, the first of which is
the list's own page (its key is ""), and the `Link`s between them. A list that fits is
one part; else a part per group, a group still too full split by the next level, and
one too full at the last level in equal slices (`2023-05-1`, `2023-05-2`, ...).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Generic, TypeVar

from generator.pages.records import Link
from generator.urls import part_url

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Limits:
    """How long a list may grow before it is split (the tests make them small)."""

    page_stories: int = 500  # stories one page lists; a longer timeline is split
    index_entries: int = 1000  # actors or events one index page lists
    sitemap_urls: int = 50_000  # the most one sitemap may list (sitemaps.org)


LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Part(Generic[T]):
    """One page's share of a long list: a group (`2022`, `2023-05`, `b`) or a slice of one."""

    key: str  # "" for the first part: the list's own page
    label: str
    items: tuple[T, ...]

    def url(self, base: str) -> str:
        """`actors/x.html` for the first part, `actors/x.2022.html` for the others."""
        return part_url(base, self.key)


@dataclass(frozen=True, slots=True)
class Level(Generic[T]):
    """One way of grouping a list: items of a group stand together (the list is sorted so)."""

    group: Callable[[T], Hashable]  # an item's group, called for every item
    name: Callable[[T], tuple[str, str]]  # a group's key and label, from its first item


def paginate(items: Sequence[T], limit: int, levels: Sequence[Level[T]]) -> list[Part[T]]:
    """`items` in parts of at most `limit`, grouped by `levels`, coarsest first."""
    if len(items) <= limit:
        return [Part("", "", tuple(items))]
    first, *rest = _split(tuple(items), limit, levels)
    return [Part("", first.label, first.items), *rest]


def _split(items: tuple[T, ...], limit: int, levels: Sequence[Level[T]]) -> Iterator[Part[T]]:
    level, finer = levels[0], levels[1:]
    for _, run in groupby(items, key=level.group):
        members = tuple(run)
        key, label = level.name(members[0])
        if len(members) <= limit:
            yield Part(key, label, members)
        elif finer:
            yield from _split(members, limit, finer)
        else:
            count = -(-len(members) // limit)  # equal slices
            for n in range(count):
                piece = members[n * limit : (n + 1) * limit]
                yield Part(f"{key}-{n + 1}", f"{label} ({n + 1}/{count})", piece)


def part_links(base: str, parts: Sequence[Part[T]]) -> list[Link]:
    """The navigation between the parts of the list whose page is `base`; none for one."""
    if len(parts) < 2:
        return []
    return [Link(part.url(base), part.label, len(part.items)) for part in parts]
