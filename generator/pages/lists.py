"""The site's lists: the home page, every story by date, actors A-Z and events by date.

In: the `Site`, its `SiteIndex` and the `Limits`. Out: the `PageView`s of `index.html`,
`timeline.html` (and the older parts of a long timeline, `part.html`), `actors.html`
(a section per kind, each A-Z; past `Limits.index_entries` actors, a page per initial:
`actors.b.html`) and `events.html` (oldest first, undated last; past the limit, a page
per year: `events.2023.html`; each event's dates drawn as bars too, `spans`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from generator.language import N_
from generator.model.site import Site, sort_key
from generator.pages.paging import Level, Limits, paginate, part_links
from generator.pages.records import Group, Link, PageView
from generator.pages.shared import SiteIndex
from generator.pages.spans import event_spans
from generator.pages.structured import ListSubject
from generator.pages.timelines import part_pages, timeline, timeline_parts
from generator.urls import event_url

KIND_TITLES = {"person": N_("People"), "organization": N_("Organisations"), "other": N_("Others")}
HOME_STORIES, HOME_ACTORS, HOME_EVENTS = 10, 12, 8


def home_page(site: Site, shared: SiteIndex) -> PageView:
    count = len(site.articles)
    latest = range(count - 1, max(-1, count - 1 - HOME_STORIES), -1)
    counted = sorted(
        ((len(v), slug) for slug, v in site.actor_articles.items()),
        key=lambda pair: (-pair[0], site.actors[pair[1]].name.casefold()),
    )
    dated = [e for e in site.events.values() if e.date is not None]
    recent = sorted(dated, key=lambda e: sort_key(e.date), reverse=True)[:HOME_EVENTS]
    context: dict[str, object] = {
        "subject": ListSubject(site.config.title, home=True),
        "feeds": shared.feeds,
        "latest": [shared.cards[i] for i in latest],
        "top_actors": [shared.actor_link(s, n) for n, s in counted[:HOME_ACTORS]],
        "recent_events": [
            shared.event_link(e.slug, len(site.event_articles.get(e.slug, ()))) for e in recent
        ],
    }
    return PageView("index.html", "index.html", context)


def all_stories_pages(site: Site, shared: SiteIndex, limits: Limits) -> Iterator[PageView]:
    """`timeline.html`, every story by date, and the pages of its older parts."""
    count = len(site.articles)
    parts = timeline_parts(shared, range(count), limits.page_stories)
    context: dict[str, object] = {
        "subject": ListSubject(shared.language.gettext("Timeline")),
        "years": timeline(shared, parts[0].items),
        "parts": part_links("timeline.html", parts),
        "story_count": count,
        "feeds": shared.feeds,
    }
    yield PageView("timeline.html", "timeline.html", context)
    yield from part_pages(
        shared, "timeline", "", parts, shared.language.gettext("All stories"), "timeline.html"
    )


def actor_index_pages(site: Site, shared: SiteIndex, limits: Limits) -> Iterator[PageView]:
    """`actors.html`: a section per kind, each A-Z, with story counts."""
    kinds = {kind: n for n, kind in enumerate(KIND_TITLES)}
    entries = sorted(
        (_initial(a.name), kinds.get(a.kind, len(kinds)), a.name.casefold(), a.slug)
        for a in site.actors.values()
    )
    by_initial: Level[tuple[str, int, str, str]] = Level(
        itemgetter(0), lambda entry: (_file_key(entry[0]), entry[0])
    )
    parts = paginate(entries, limits.index_entries, (by_initial,))
    links = part_links("actors.html", parts)
    listed = shared.language.gettext("Actors")
    for part in parts:
        sections = []
        for kind, title in KIND_TITLES.items():
            found = [
                shared.actor_link(slug, len(site.actor_articles.get(slug, ())))
                for _, _, _, slug in part.items
                if site.actors[slug].kind == kind
            ]
            if found:
                sections.append(Group(kind, shared.language.gettext(title), groups=initials(found)))
        path = part.url("actors.html")
        context: dict[str, object] = {"sections": tuple(sections)}
        context["subject"] = _named(listed, part.label)
        context |= {"feeds": shared.feeds, "parts": links, "here": path, "part": part.label}
        yield PageView(path, "actors.html", context)


def event_index_pages(site: Site, shared: SiteIndex, limits: Limits) -> Iterator[PageView]:
    """`events.html`: every event, in the model's order (oldest first, undated last)."""
    dated = [(str(e.date.day.year) if e.date else "", slug) for slug, e in site.events.items()]
    undated = shared.language.gettext("Date unknown")
    by_year: Level[tuple[str, str]] = Level(
        itemgetter(0), lambda entry: (_file_key(entry[0]), entry[0] or undated)
    )
    parts = paginate(dated, limits.index_entries, (by_year,))
    links = part_links("events.html", parts)
    listed = shared.language.gettext("Events")
    for part in parts:
        chosen = [slug for _, slug in part.items]
        events = [shared.event_link(s, len(site.event_articles.get(s, ()))) for s in chosen]
        dates = {event_url(s): site.events[s].date for s in chosen}
        ends = {event_url(s): site.events[s].end for s in chosen}
        rows, axis = event_spans((site.events[s] for s in chosen), shared.language)
        spans = {event_url(s): row for s, row in rows.items()}
        path = part.url("events.html")
        context: dict[str, object] = {"events": events, "dates": dates, "ends": ends}
        context |= {"spans": spans, "axis": axis, "subject": _named(listed, part.label)}
        context |= {"feeds": shared.feeds, "parts": links, "here": path, "part": part.label}
        yield PageView(path, "events.html", context)


def _named(title: str, part: str) -> ListSubject:
    """A list page's subject: `Actors`, or `Actors, B` for one part of a long list."""
    return ListSubject(f"{title}, {part}" if part else title)


def _file_key(group: str) -> str:
    """A group as a file name part: `2023`, `a`; `#` and "" (undated) get words."""
    if group == "":
        return "undated"
    return "other" if group == "#" else group.casefold()


def initials(links: Iterable[Link]) -> tuple[Group, ...]:
    """Links under their first letter, A-Z."""
    ordered = sorted(links, key=lambda link: link.text.casefold())
    return tuple(
        Group(initial, initial, tuple(group))
        for initial, group in groupby(ordered, key=lambda link: _initial(link.text))
    )


def _initial(text: str) -> str:
    first = text.strip()[:1].upper()
    return first if first.isalpha() else "#"
