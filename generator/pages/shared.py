"""What the page families share, derived from the Site once, up front, as frozen data.

In: a `Site`. Out: a `SiteIndex` (`index_site`) holding one card per article, and one
link per actor and event and per count a page shows beside it, so that pages share them
and a page's signature digests each once; the pages that mention each article, actor and
event; what speaks of each actor and event (quotes, claims, mentions), by the position
of the story it comes from; the year and month of each article, by which long timelines
are split; and how many stories name each pair of actors. A full build reads all of it.
One article's page alone (a prose-only edit) needs none of it and does not make it: see
`articles.article_page_view`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from markupsafe import Markup

from generator.language import ENGLISH, Language
from generator.markdown.found import Quote
from generator.model.site import Site
from generator.outputs.feeds import SITE_FEED, FeedLink
from generator.pages.records import (
    Card,
    ClaimView,
    Link,
    Mentioned,
    QuoteView,
    actor_link,
    card,
    event_link,
    evidence_link,
    mentioned,
)
from generator.source.config import Config

Said = QuoteView | ClaimView | Mentioned
Placed = tuple[int, Said]  # with its place in the page's order: quotes, claims, mentions


@dataclass(frozen=True, slots=True)
class Bucket:
    """What other pages say of one actor or event, for sharing among its timeline's parts."""

    by_story: Mapping[int, tuple[Placed, ...]]  # by the index of the story that says it
    elsewhere: tuple[Placed, ...]  # mentions from actors' and events' pages


EMPTY = Bucket({}, ())


@dataclass(frozen=True, slots=True)
class SiteIndex:
    """The site's records and indexes that more than one page family reads."""

    feeds: tuple[FeedLink, ...]  # every page's `<link rel="alternate">` to the site's feed
    cards: tuple[Card, ...]  # by article index
    links: Mapping[tuple[str, str, int], Link]  # (kind, slug, count) -> Link
    backlinks: Mapping[tuple[str, str], tuple[Mentioned, ...]]  # (kind, slug) -> who links
    buckets: Mapping[tuple[str, str], Bucket]  # ("actor" or "event", slug)
    years: tuple[int, ...]  # of each article, by index
    months: tuple[int, ...]
    co_counts: Mapping[str, Mapping[str, int]]  # actor -> actor -> stories naming both
    language: Language = ENGLISH  # what the pages are written in

    def card(self, index: int) -> Card:
        return self.cards[index]

    def actor_link(self, slug: str, count: int = 0) -> Link:
        found = self.links.get(("actor", slug, count))
        return found if found is not None else self._another("actor", slug, count)

    def event_link(self, slug: str, count: int = 0) -> Link:
        found = self.links.get(("event", slug, count))
        return found if found is not None else self._another("event", slug, count)

    def _another(self, kind: str, slug: str, count: int) -> Link:
        """A link with a count that `index_site` did not foresee: one of its own."""
        return replace(self.links[kind, slug, 0], count=count)

    def mentions(self, kind: str, slug: str) -> tuple[Mentioned, ...]:
        """Pages that link here or mention this page, with the sentence that does."""
        return self.backlinks.get((kind, slug), ())

    def bucket(self, kind: str, slug: str) -> Bucket:
        return self.buckets.get((kind, slug), EMPTY)

    def co_count(self, a: str, b: str) -> int:
        """How many stories name both actors."""
        counts = self.co_counts.get(a)
        return 0 if counts is None else counts.get(b, 0)


def site_feeds(config: Config) -> tuple[FeedLink, ...]:
    """The site's own feed, which every page links to; none without base_url."""
    return (FeedLink(SITE_FEED, config.title),) if config.base_url else ()


def index_site(site: Site) -> SiteIndex:
    """Everything the page families share, each record made once."""
    cards = tuple(card(a) for a in site.articles)
    links = _links(site)
    backlinks = {key: tuple(mentioned(b) for b in found) for key, found in site.backlinks.items()}
    return SiteIndex(
        feeds=site_feeds(site.config),
        cards=cards,
        links=links,
        backlinks=backlinks,
        buckets=_buckets(site, cards, links, backlinks),
        years=tuple(a.date.year for a in site.articles),
        months=tuple(a.date.month for a in site.articles),
        co_counts={slug: dict(pairs) for slug, pairs in site.co_actors.items()},
        language=Language(site.config.language, site.config.labels),
    )


def _links(site: Site) -> dict[tuple[str, str, int], Link]:
    """Each actor's and event's link: plain, with its story count, and with every count the
    model pairs it with (stories shared with an actor, with an event)."""
    links: dict[tuple[str, str, int], Link] = {}
    actors, events = site.actors, site.events
    for slug, actor in actors.items():
        links["actor", slug, 0] = actor_link(actor)
        count = len(site.actor_articles.get(slug, ()))
        links.setdefault(("actor", slug, count), actor_link(actor, count))
    for slug, event in events.items():
        links["event", slug, 0] = event_link(event)
        count = len(site.event_articles.get(slug, ()))
        links.setdefault(("event", slug, count), event_link(event, count))
    for table in (site.co_actors, site.event_actors):
        for pairs in table.values():
            for slug, count in pairs:
                if ("actor", slug, count) not in links:
                    links["actor", slug, count] = actor_link(actors[slug], count)
    for pairs in site.actor_events.values():
        for slug, count in pairs:
            if ("event", slug, count) not in links:
                links["event", slug, count] = event_link(events[slug], count)
    return links


def _buckets(
    site: Site,
    cards: tuple[Card, ...],
    links: Mapping[tuple[str, str, int], Link],
    backlinks: Mapping[tuple[str, str], tuple[Mentioned, ...]],
) -> dict[tuple[str, str], Bucket]:
    """Every actor's and event's quotes, claims and mentions, by the story they come from,
    each with its place in the page's order (quotes, claims, then mentions): a part of a
    timeline gathers its own in one pass."""
    claims: dict[tuple[str, str], list[ClaimView]] = {}
    for c in sorted(site.claims, key=lambda c: -c.article):  # newest story first
        by, about = links["actor", c.by, 0], links["event", c.about, 0]
        evidence = tuple(evidence_link(e, cards) for e in c.evidence)
        view = ClaimView(
            by, about, c.stance, c.text, cards[c.article], c.article, c.status, evidence
        )
        claims.setdefault(("actor", c.by), []).append(view)
        claims.setdefault(("event", c.about), []).append(view)
    position = {a.slug: i for i, a in enumerate(site.articles)}
    buckets = {}
    for kind, slugs in (("actor", site.actors), ("event", site.events)):
        for slug in slugs:
            quotes = site.quotes.get(slug, ()) if kind == "actor" else ()
            said = claims.get((kind, slug), ())
            mentions = backlinks.get((kind, slug), ())
            if quotes or said or mentions:
                buckets[kind, slug] = _bucket(quotes, said, mentions, cards, position)
    return buckets


def _bucket(
    quotes: Iterable[tuple[int, Quote]],
    claims: Iterable[ClaimView],
    mentions: Iterable[Mentioned],
    cards: tuple[Card, ...],
    position: Mapping[str, int],
) -> Bucket:
    by_story: dict[int, list[Placed]] = {}
    elsewhere: list[Placed] = []
    order = 0
    for index, quote in quotes:
        view = QuoteView(Markup(quote.html), cards[index])  # escaped by markdown-it
        by_story.setdefault(index, []).append((order, view))
        order += 1
    for claim in claims:
        by_story.setdefault(claim.article, []).append((order, claim))
        order += 1
    for link in mentions:
        if link.kind:  # an actor's or event's page
            elsewhere.append((order, link))
        else:
            by_story.setdefault(position[link.slug], []).append((order, link))
        order += 1
    return Bucket({i: tuple(found) for i, found in by_story.items()}, tuple(elsewhere))
