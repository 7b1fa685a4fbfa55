"""Event pages: an event's dossier, with the older parts of a long timeline on pages of their own.

In: the `Site`, its `SiteIndex` and the `Limits`. Out: for each event, oldest first, the
`PageView` of `events/<slug>.html` (`event.html`: when and where, what it is part of and
includes, coverage, the newest part of its timeline, who claims what, mentions, the actors
involved, its open data), then those of its older parts (`part.html`).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model.site import Site
from generator.outputs.periods import Period
from generator.pages.feeds import dossier_feeds
from generator.pages.opendata import event_open_data
from generator.pages.paging import Limits, part_links
from generator.pages.records import ClaimView, PageView, event_view
from generator.pages.shared import SiteIndex
from generator.pages.structured import EventSubject
from generator.pages.timelines import coverage, part_pages, part_sections, timeline_parts
from generator.urls import event_url


def event_pages(site: Site, shared: SiteIndex, limits: Limits) -> Iterator[PageView]:
    language = shared.language
    for slug, event in site.events.items():
        url = event_url(slug)
        chart_title = language.gettext("Stories about %(name)s") % {"name": event.name}
        stories = site.event_articles.get(slug, ())
        parts = timeline_parts(shared, stories, limits.page_stories)
        view = event_view(event)
        parent = shared.event_link(event.parent) if event.parent else None
        sub_events = tuple(shared.event_link(s) for s in site.sub_events.get(slug, ()))
        claims = every_claim(shared, slug)
        period = Period(event.date, event.end) if event.date is not None else None
        context: dict[str, object] = {
            "event": view,
            "subject": EventSubject(view, parent, sub_events, claims),
            "parts": part_links(url, parts),
            "feeds": dossier_feeds(site, shared, url, event.name),
            "parent": parent,
            "sub_events": list(sub_events),
            "actors": [shared.actor_link(s, n) for s, n in site.event_actors.get(slug, ())],
            "story_count": len(stories),
            "coverage_svg": coverage(site, stories, chart_title, language, period),
            "coverage_note": period.describe(language) if period and stories else "",
            "known_only_from_articles": event.path is None,
            "open_data": event_open_data(site, slug),
            **part_sections(shared, "event", slug, parts[0], whole=stories),
        }
        yield PageView(url, "event.html", context)
        yield from part_pages(shared, "event", slug, parts, event.name, url, f"{url}#event")


def every_claim(shared: SiteIndex, slug: str) -> tuple[ClaimView, ...]:
    """Every claim about the event, oldest story first (its page shows only the newest
    part's; its JSON-LD has them all)."""
    by_story = shared.bucket("event", slug).by_story
    return tuple(
        said
        for index in sorted(by_story)
        for _, said in by_story[index]
        if isinstance(said, ClaimView)
    )
