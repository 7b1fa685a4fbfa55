"""Timelines: stories by year and month, split into parts when long, and what each part shows.

In: the `Site`, its `SiteIndex`, and the stories of one timeline (an actor's, an event's,
or the whole site's, as article indexes). Out: the timeline as `Group`s of cards
(`timeline`), its parts (`timeline_parts`: by year, a too-full year by month, a too-full
month in slices), what a part shows of its period (`part_sections`: stories, quotes,
claims, on an event's pages grouped by verdict, mentions), the pages of the older parts
(`part_pages`, `part.html`) and the coverage chart. Shared by the actor and event pages
and the site's own timeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter

from generator.language import ENGLISH, Language
from generator.model.site import Site
from generator.outputs.coverage import Coverage
from generator.outputs.periods import Period
from generator.pages.paging import Level, Part, paginate, part_links
from generator.pages.records import (
    VERDICT_LABELS,
    ClaimView,
    Group,
    Mentioned,
    PageView,
    QuoteView,
    claim_groups,
)
from generator.pages.shared import SiteIndex
from generator.pages.structured import ListSubject

STANCE_ORDER = {"asserts": 0, "confirms": 1, "disputes": 2, "denies": 3}
VERDICT_ORDER = {status: n for n, status in enumerate(VERDICT_LABELS)}


def timeline(shared: SiteIndex, indexes: Sequence[int]) -> tuple[Group, ...]:
    """Articles grouped by year, then month; newest first."""
    newest = sorted(indexes, reverse=True)  # articles are in date order already
    cards, years, months = shared.cards, shared.years, shared.months
    grouped = []
    for year, in_year in groupby(newest, key=years.__getitem__):
        groups = tuple(
            Group(
                f"{year}-{month:02d}",
                shared.language.month(year, month),
                tuple(map(cards.__getitem__, in_month)),
            )
            for month, in_month in groupby(in_year, key=months.__getitem__)
        )
        grouped.append(Group(str(year), str(year), groups=groups))
    return tuple(grouped)


def timeline_parts(shared: SiteIndex, indexes: Sequence[int], limit: int) -> list[Part[int]]:
    """A timeline in page-sized parts, newest first (see `paging.paginate`)."""
    newest = sorted(indexes, reverse=True)
    if len(newest) <= limit:
        return [Part("", "", tuple(newest))]
    years, months = shared.years, shared.months
    by_year: Level[int] = Level(years.__getitem__, lambda i: (str(years[i]), str(years[i])))
    by_month: Level[int] = Level(
        months.__getitem__,
        lambda i: (f"{years[i]}-{months[i]:02d}", shared.language.month(years[i], months[i])),
    )
    return paginate(newest, limit, (by_year, by_month))


def part_sections(
    shared: SiteIndex, kind: str, slug: str, part: Part[int], whole: Iterable[int] | None = None
) -> dict[str, object]:
    """What a part of a dossier shows about its period: stories, quotes, claims, mentions.

    `whole`: for the first part, all the stories of the timeline; the first part also
    takes what speaks of this page from outside them (a quote or claim in a story that
    does not name the actor or event, a mention from an actor's or event's page)."""
    bucket = shared.bucket(kind, slug)
    chosen = list(part.items)
    if whole is not None:
        own = set(whole)
        chosen += [i for i in bucket.by_story if i not in own]
    found = sorted(
        (item for i in chosen for item in bucket.by_story.get(i, ())),
        key=itemgetter(0),
    )
    if whole is not None:
        found += bucket.elsewhere
    quotes = [v for _, v in found if isinstance(v, QuoteView)]
    claims = [v for _, v in found if isinstance(v, ClaimView)]
    if kind == "event":  # by verdict, then by stance; the newest story first in each
        claims.sort(key=lambda c: (VERDICT_ORDER[c.status], STANCE_ORDER[c.stance]))
    backlinks = [v for _, v in found if isinstance(v, Mentioned)]
    return {
        "years": timeline(shared, part.items),
        "quotes": quotes,
        "claims": claims if kind != "timeline" else [],
        "claim_groups": claim_groups(claims) if kind == "event" else (),
        "backlinks": backlinks if kind != "timeline" else [],
    }


def part_pages(
    shared: SiteIndex,
    kind: str,
    slug: str,
    parts: list[Part[int]],
    name: str,
    base: str,
    about: str = "",
) -> Iterator[PageView]:
    """The pages that carry the older parts of a long timeline: the one called `name`,
    whose own page is at `base`, of the entity `about` (`actors/x.html#actor`) if any."""
    if len(parts) < 2:
        return
    links = part_links(base, parts)
    for part in parts[1:]:
        context: dict[str, object] = {
            "subject": ListSubject(f"{name}, {part.label}", about),
            "name": name,
            "home": base,
            "part": part.label,
            "parts": links,
            "here": part.url(base),
            "story_count": len(part.items),
            "feeds": shared.feeds,
            **part_sections(shared, kind, slug, part),
        }
        yield PageView(part.url(base), "part.html", context)


def coverage(
    site: Site,
    indexes: Sequence[int],
    title: str,
    language: Language = ENGLISH,
    period: Period | None = None,
) -> Coverage | None:
    """A chart of when the stories appeared (and of an event's own `period`); None when
    there are no stories."""
    if not indexes:
        return None
    articles = site.articles
    return Coverage(tuple(articles[i].date for i in indexes), title, language, period)
