"""What templates see: small frozen views made from the Site, with site-relative URLs.

Templates never touch the model. Every URL here is relative to the site root
(`actors/dmitry-peskov.html`); the `rel` filter makes it relative to the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from generator.model import Actor, Article, Event, Site, sort_key
from generator.schema import Moment, Source

KIND_TITLES = {"person": "People", "organization": "Organisations", "other": "Others"}
KIND_LABELS = {"person": "Person", "organization": "Organisation", "other": "Other"}


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    text: str
    count: int = 0
    note: str = ""


@dataclass(frozen=True, slots=True)
class Card:
    """An article as listed on other pages."""

    url: str
    title: str
    date: Moment
    summary: str
    source: Source | None


@dataclass(frozen=True, slots=True)
class Group:
    """A heading and what stands under it: a month in a timeline, a letter in an index."""

    key: str
    label: str
    items: tuple[Card | Link, ...] = ()
    groups: tuple[Group, ...] = ()


def article_url(article: Article) -> str:
    return f"articles/{article.slug}.html"


def actor_url(slug: str) -> str:
    return f"actors/{slug}.html"


def event_url(slug: str) -> str:
    return f"events/{slug}.html"


def card(article: Article) -> Card:
    return Card(article_url(article), article.title, article.date, article.summary, article.source)


def actor_link(site: Site, slug: str, count: int = 0) -> Link:
    actor = site.actors[slug]
    return Link(actor_url(slug), actor.name, count, KIND_LABELS[actor.kind])


def event_link(site: Site, slug: str, count: int = 0) -> Link:
    return Link(event_url(slug), site.events[slug].name, count)


def articles_of(site: Site, indexes: Iterable[int]) -> list[Article]:
    return [site.articles[i] for i in indexes]


def timeline(articles: Sequence[Article]) -> tuple[Group, ...]:
    """Articles grouped by year, then month; newest first."""
    newest = sorted(articles, key=lambda a: sort_key(a.date), reverse=True)
    years = []
    for year, in_year in groupby(newest, key=lambda a: a.date.year):
        months = tuple(
            Group(f"{year}-{month:02d}", _month_label(year, month), tuple(card(a) for a in group))
            for month, group in groupby(in_year, key=lambda a: a.date.month)
        )
        years.append(Group(str(year), str(year), groups=months))
    return tuple(years)


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _month_label(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def by_initial(links: Iterable[Link]) -> tuple[Group, ...]:
    """Links under their first letter, A-Z."""
    ordered = sorted(links, key=lambda link: link.text.casefold())
    return tuple(
        Group(initial, initial, tuple(group))
        for initial, group in groupby(ordered, key=lambda link: _initial(link.text))
    )


def _initial(text: str) -> str:
    first = text.strip()[:1].upper()
    return first if first.isalpha() else "#"


def actor_index(site: Site) -> tuple[Group, ...]:
    """`actors.html`: a section per kind, each A-Z, with story counts."""
    sections = []
    for kind, title in KIND_TITLES.items():
        links = [
            actor_link(site, a.slug, len(site.actor_articles.get(a.slug, ())))
            for a in site.actors.values()
            if a.kind == kind
        ]
        if links:
            sections.append(Group(kind, title, groups=by_initial(links)))
    return tuple(sections)


def top_actors(site: Site, limit: int) -> list[Link]:
    counted = sorted(
        ((len(v), slug) for slug, v in site.actor_articles.items()),
        key=lambda pair: (-pair[0], site.actors[pair[1]].name.casefold()),
    )
    return [actor_link(site, slug, count) for count, slug in counted[:limit]]


def recent_events(site: Site, limit: int) -> list[Link]:
    dated = [e for e in site.events.values() if e.date is not None]
    newest = sorted(dated, key=lambda e: sort_key(e.date), reverse=True)[:limit]
    return [event_link(site, e.slug, len(site.event_articles.get(e.slug, ()))) for e in newest]


def actor_page(site: Site, actor: Actor) -> dict[str, object]:
    stories = articles_of(site, site.actor_articles.get(actor.slug, ()))
    return {
        "actor": actor,
        "kind_label": KIND_LABELS[actor.kind],
        "affiliations": [actor_link(site, s) for s in actor.affiliations],
        "members": [actor_link(site, s) for s in site.members.get(actor.slug, ())],
        "story_count": len(stories),
        "years": timeline(stories),
        "events": [event_link(site, s, n) for s, n in site.actor_events.get(actor.slug, ())],
        "co_actors": [actor_link(site, s, n) for s, n in site.co_actors.get(actor.slug, ())[:12]],
        "known_only_from_articles": actor.path is None,
    }


def event_page(site: Site, event: Event) -> dict[str, object]:
    stories = articles_of(site, site.event_articles.get(event.slug, ()))
    return {
        "event": event,
        "parent": event_link(site, event.parent) if event.parent else None,
        "sub_events": [event_link(site, s) for s in site.sub_events.get(event.slug, ())],
        "actors": [actor_link(site, s, n) for s, n in site.event_actors.get(event.slug, ())],
        "story_count": len(stories),
        "years": timeline(stories),
        "known_only_from_articles": event.path is None,
    }


def article_page(site: Site, index: int) -> dict[str, object]:
    article = site.articles[index]
    return {
        "article": article,
        "actors": [actor_link(site, s) for s in article.actors],
        "events": [event_link(site, s) for s in article.events],
        "previous": card(site.articles[index - 1]) if index > 0 else None,
        "next": card(site.articles[index + 1]) if index + 1 < len(site.articles) else None,
    }
