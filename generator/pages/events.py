"""Event pages: an event's dossier, with the older parts of a long timeline on pages of their own.

In: the `Site`, its `SiteIndex` and the `Limits`. Out: for each event, oldest first, the
`PageView` of `events/<slug>.html` (`event.html`: when and where, what it is part of and
includes, coverage, the newest part of its timeline, who claims what, mentions, the actors
involved, its open data), then those of its older parts (`part.html`).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model.site import Site
from generator.pages.feeds import dossier_feeds
from generator.pages.opendata import event_open_data
from generator.pages.paging import Limits, part_links
from generator.pages.records import PageView, event_view
from generator.pages.shared import SiteIndex
from generator.pages.timelines import coverage, part_pages, part_sections, timeline_parts
from generator.urls import event_url


def event_pages(site: Site, shared: SiteIndex, limits: Limits) -> Iterator[PageView]:
    language = shared.language
    for slug, event in site.events.items():
        url = event_url(slug)
        chart_title = language.gettext("Stories about %(name)s") % {"name": event.name}
        stories = site.event_articles.get(slug, ())
        parts = timeline_parts(shared, stories, limits.page_stories)
        context: dict[str, object] = {
            "event": event_view(event),
            "parts": part_links(url, parts),
            "feeds": dossier_feeds(site, shared, url, event.name),
            "parent": shared.event_link(event.parent) if event.parent else None,
            "sub_events": [shared.event_link(s) for s in site.sub_events.get(slug, ())],
            "actors": [shared.actor_link(s, n) for s, n in site.event_actors.get(slug, ())],
            "story_count": len(stories),
            "coverage_svg": coverage(site, stories, chart_title, language),
            "known_only_from_articles": event.path is None,
            "open_data": event_open_data(site, slug),
            **part_sections(shared, "event", slug, parts[0], whole=stories),
        }
        yield PageView(url, "event.html", context)
        yield from part_pages(shared, "event", slug, parts, event.name, url)
