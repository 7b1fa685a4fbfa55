"""What templates see: small frozen views made from the Site, with site-relative URLs.

Templates never touch the model. Every URL here is relative to the site root
(`actors/dmitry-peskov.html`); the `rel` filter makes it relative to the page.
A `Views` object lives for one build and makes each card and link once, so
that pages share them (and fingerprints of them are computed once).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from generator.model import Article, Site, sort_key
from generator.schema import Moment, Source

KIND_TITLES = {"person": "People", "organization": "Organisations", "other": "Others"}
KIND_LABELS = {"person": "Person", "organization": "Organisation", "other": "Other"}
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
HOME_STORIES, HOME_ACTORS, HOME_EVENTS, CO_ACTORS = 10, 12, 8, 12


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


@dataclass(frozen=True, slots=True)
class PageView:
    """One page to write: where, with which template, and what the template sees."""

    path: str
    template: str
    context: dict[str, object]


def article_url(article: Article) -> str:
    return f"articles/{article.slug}.html"


def actor_url(slug: str) -> str:
    return f"actors/{slug}.html"


def event_url(slug: str) -> str:
    return f"events/{slug}.html"


def month_label(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


@dataclass
class Views:
    site: Site
    _cards: dict[int, Card] = field(default_factory=dict)
    _links: dict[tuple[str, str, int], Link] = field(default_factory=dict)

    def card(self, index: int) -> Card:
        found = self._cards.get(index)
        if found is None:
            a = self.site.articles[index]
            found = self._cards[index] = Card(article_url(a), a.title, a.date, a.summary, a.source)
        return found

    def actor_link(self, slug: str, count: int = 0) -> Link:
        found = self._links.get(("actor", slug, count))
        if found is None:
            actor = self.site.actors[slug]
            found = Link(actor_url(slug), actor.name, count, KIND_LABELS[actor.kind])
            self._links["actor", slug, count] = found
        return found

    def event_link(self, slug: str, count: int = 0) -> Link:
        found = self._links.get(("event", slug, count))
        if found is None:
            found = Link(event_url(slug), self.site.events[slug].name, count)
            self._links["event", slug, count] = found
        return found

    def timeline(self, indexes: Sequence[int]) -> tuple[Group, ...]:
        """Articles grouped by year, then month; newest first."""
        newest = sorted(indexes, reverse=True)  # articles are in date order already
        articles = self.site.articles
        years = []
        for year, in_year in groupby(newest, key=lambda i: articles[i].date.year):
            months = tuple(
                Group(
                    f"{year}-{month:02d}",
                    month_label(year, month),
                    tuple(self.card(i) for i in in_month),
                )
                for month, in_month in groupby(in_year, key=lambda i: articles[i].date.month)
            )
            years.append(Group(str(year), str(year), groups=months))
        return tuple(years)

    def pages(self) -> Iterator[PageView]:
        site = self.site
        yield PageView("index.html", "index.html", self.home())
        yield PageView("timeline.html", "timeline.html", self.all_stories())
        yield PageView("actors.html", "actors.html", {"sections": self.actor_index()})
        yield PageView("events.html", "events.html", self.event_index())
        for index, article in enumerate(site.articles):
            yield PageView(article_url(article), "article.html", self.article_page(index))
        for slug in site.actors:
            yield PageView(actor_url(slug), "actor.html", self.actor_page(slug))
        for slug in site.events:
            yield PageView(event_url(slug), "event.html", self.event_page(slug))

    def home(self) -> dict[str, object]:
        site = self.site
        latest = range(len(site.articles) - 1, max(-1, len(site.articles) - 1 - HOME_STORIES), -1)
        counted = sorted(
            ((len(v), slug) for slug, v in site.actor_articles.items()),
            key=lambda pair: (-pair[0], site.actors[pair[1]].name.casefold()),
        )
        dated = [e for e in site.events.values() if e.date is not None]
        recent = sorted(dated, key=lambda e: sort_key(e.date), reverse=True)[:HOME_EVENTS]
        return {
            "latest": [self.card(i) for i in latest],
            "top_actors": [self.actor_link(s, n) for n, s in counted[:HOME_ACTORS]],
            "recent_events": [
                self.event_link(e.slug, len(site.event_articles.get(e.slug, ()))) for e in recent
            ],
        }

    def all_stories(self) -> dict[str, object]:
        count = len(self.site.articles)
        return {"years": self.timeline(range(count)), "story_count": count}

    def actor_index(self) -> tuple[Group, ...]:
        """`actors.html`: a section per kind, each A-Z, with story counts."""
        sections = []
        for kind, title in KIND_TITLES.items():
            links = [
                self.actor_link(a.slug, len(self.site.actor_articles.get(a.slug, ())))
                for a in self.site.actors.values()
                if a.kind == kind
            ]
            if links:
                sections.append(Group(kind, title, groups=by_initial(links)))
        return tuple(sections)

    def event_index(self) -> dict[str, object]:
        site = self.site
        events = [
            self.event_link(e.slug, len(site.event_articles.get(e.slug, ())))
            for e in site.events.values()
        ]
        return {"events": events, "dates": {event_url(s): e.date for s, e in site.events.items()}}

    def article_page(self, index: int) -> dict[str, object]:
        articles = self.site.articles
        article = articles[index]
        return {
            "article": article,
            "actors": [self.actor_link(s) for s in article.actors],
            "events": [self.event_link(s) for s in article.events],
            "previous": self.card(index - 1) if index > 0 else None,
            "next": self.card(index + 1) if index + 1 < len(articles) else None,
        }

    def actor_page(self, slug: str) -> dict[str, object]:
        site = self.site
        actor = site.actors[slug]
        stories = site.actor_articles.get(slug, ())
        return {
            "actor": actor,
            "kind_label": KIND_LABELS[actor.kind],
            "affiliations": [self.actor_link(s) for s in actor.affiliations],
            "members": [self.actor_link(s) for s in site.members.get(slug, ())],
            "story_count": len(stories),
            "years": self.timeline(stories),
            "events": [self.event_link(s, n) for s, n in site.actor_events.get(slug, ())],
            "co_actors": [
                self.actor_link(s, n) for s, n in site.co_actors.get(slug, ())[:CO_ACTORS]
            ],
            "known_only_from_articles": actor.path is None,
        }

    def event_page(self, slug: str) -> dict[str, object]:
        site = self.site
        event = site.events[slug]
        stories = site.event_articles.get(slug, ())
        return {
            "event": event,
            "parent": self.event_link(event.parent) if event.parent else None,
            "sub_events": [self.event_link(s) for s in site.sub_events.get(slug, ())],
            "actors": [self.actor_link(s, n) for s, n in site.event_actors.get(slug, ())],
            "story_count": len(stories),
            "years": self.timeline(stories),
            "known_only_from_articles": event.path is None,
        }


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
