"""The corrections page: every correction, update and clarification of the site's stories.

In: the `Site` and its `SiteIndex` (the stories' cards). Out: the `PageView`s of
`corrections.html` (`corrections.html` template), newest first and split by year when
long, and, when `site.yaml` sets `base_url`, of `corrections.xml`, the same entries as
an Atom feed (`feed.xml`).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model.site import Site, sort_key
from generator.outputs.feeds import EPOCH, FEED_ENTRIES, Feed, FeedLink
from generator.pages.feeds import feed_title
from generator.pages.paging import Level, Limits, paginate, part_links
from generator.pages.records import Card, CorrectionEntry, PageView, update_views
from generator.pages.shared import SiteIndex
from generator.pages.structured import ListSubject
from generator.urls import CORRECTIONS, CORRECTIONS_FEED


def correction_entries(site: Site, shared: SiteIndex) -> tuple[CorrectionEntry, ...]:
    """Every story's updates, newest first (of one date: the later story, the later entry
    first)."""
    found = [
        (sort_key(u.date), index, n, u)
        for index, article in enumerate(site.articles)
        for n, u in enumerate(update_views(article))
    ]
    found.sort(key=lambda row: row[:3], reverse=True)
    return tuple(
        CorrectionEntry(u, shared.card(index), f"{shared.card(index).url}#{u.anchor}")
        for _, index, _, u in found
    )


def corrections_pages(site: Site, shared: SiteIndex, limits: Limits) -> Iterator[PageView]:
    """`corrections.html`: every correction and update, newest first; a long list is
    split by year (`corrections.2022.html`), a too-full year in slices. Every part
    points feed readers at `corrections.xml` when there is one."""
    entries = correction_entries(site, shared)
    by_year: Level[CorrectionEntry] = Level(_year, lambda e: (str(_year(e)), str(_year(e))))
    parts = paginate(entries, limits.index_entries, (by_year,))
    links = part_links(CORRECTIONS, parts)
    feeds = shared.feeds
    if feeds:
        name = feed_title(site, shared.language.gettext("Corrections"))
        feeds = (FeedLink(CORRECTIONS_FEED, name), *feeds)
    title = shared.language.gettext("Corrections and updates")
    for part in parts:
        path = part.url(CORRECTIONS)
        context: dict[str, object] = {"feeds": feeds, "entries": part.items}
        context |= {"parts": links, "here": path, "part": part.label}
        context["subject"] = ListSubject(f"{title}, {part.label}" if part.label else title)
        yield PageView(path, "corrections.html", context)


def _year(entry: CorrectionEntry) -> int:
    return entry.update.date.year


def corrections_feed(site: Site, shared: SiteIndex) -> Iterator[PageView]:
    """`corrections.xml`: the newest corrections and updates as an Atom feed; each entry
    links to the update on its story's page."""
    lang = shared.language
    entries = [
        Card(
            e.url,
            f"{lang.gettext(e.update.label)}: {e.story.title}",
            e.update.date,
            e.update.text,
            None,
        )
        for e in correction_entries(site, shared)[:FEED_ENTRIES]
    ]
    title = feed_title(site, lang.gettext("Corrections"))
    head = Feed(CORRECTIONS_FEED, CORRECTIONS, title, entries[0].date if entries else EPOCH)
    yield PageView(CORRECTIONS_FEED, "feed.xml", {"feed": head, "entries": entries})
