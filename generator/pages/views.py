"""What templates see: small frozen views made from the Site, with site-relative URLs.

Templates never touch the model. Every URL here is relative to the site root
(`actors/dmitry-peskov.html`); the `rel` filter makes it relative to the page.
A `Views` object lives for one build and makes each card and link once, so
that pages share them (and fingerprints of them are computed once).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import TypeVar

from markupsafe import Markup

from generator.model.site import Site, sort_key
from generator.outputs.coverage import Coverage
from generator.outputs.feeds import (
    EPOCH,
    FEED_ENTRIES,
    SITE_FEED,
    SITEMAP,
    Feed,
    FeedLink,
)
from generator.outputs.graph import Edge, Graph, Node, strongest_edges
from generator.outputs.search import search_files
from generator.source.schema import MONTH_NAMES, Moment, Source
from generator.urls import actor_url, article_url, event_url, feed_url, page_url, part_url

KIND_TITLES = {"person": "People", "organization": "Organisations", "other": "Others"}
KIND_LABELS = {"person": "Person", "organization": "Organisation", "other": "Other"}
HOME_STORIES, HOME_ACTORS, HOME_EVENTS, CO_ACTORS = 10, 12, 8, 12
SOURCE_KINDS = {"article": "", "actor": "Actor", "event": "Event"}
PAGE_STORIES = 500  # stories one page lists; a longer timeline is split by year, then month
INDEX_ENTRIES = 1000  # actors or events one index page lists; more are split (see index_parts)
SITEMAP_URLS = 50_000  # the most one sitemap may list (sitemaps.org); more need an index
STANCE_ORDER = {"asserts": 0, "confirms": 1, "disputes": 2, "denies": 3}
T = TypeVar("T")
GRAPH_NEIGHBOURS, GRAPH_ACTORS, GRAPH_EDGES, GRAPH_PAIRS = 12, 30, 4, 15


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
class Mentioned:
    """A page that links to or mentions this one, and the sentence that does."""

    url: str
    title: str
    kind: str  # "" for a story, else "Actor" or "Event"
    context: str
    slug: str


@dataclass(frozen=True, slots=True)
class QuoteView:
    html: Markup
    story: Card


@dataclass(frozen=True, slots=True)
class ClaimView:
    by: Link
    about: Link
    stance: str
    text: str
    story: Card
    article: int  # index into Site.articles


@dataclass(frozen=True, slots=True)
class Part:
    """One page's share of a long timeline: a year or a month (`key`), newest first."""

    key: str
    label: str
    indexes: tuple[int, ...]  # into Site.articles

    def url(self, base: str) -> str:
        """`actors/x.html` for the first part, `actors/x.2022.html` for the others."""
        return part_url(base, self.key)


@dataclass(frozen=True, slots=True)
class PageView:
    """One page to write: where, with which template, and what the template sees."""

    path: str
    template: str
    context: dict[str, object]


def month_label(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1]} {year}"


@dataclass
class _Bucket:
    """What other stories say of one actor or event, for splitting among its pages."""

    by_story: dict[int, list[tuple[int, QuoteView | ClaimView | Mentioned]]] = field(
        default_factory=dict
    )
    elsewhere: list[tuple[int, QuoteView | ClaimView | Mentioned]] = field(default_factory=list)


@dataclass
class Views:
    site: Site
    _cards: dict[int, Card] = field(default_factory=dict)
    _links: dict[tuple[str, str, int], Link] = field(default_factory=dict)
    _article_index: dict[str, int] = field(default_factory=dict)
    _mentioned: dict[tuple[str, str], list[Mentioned]] = field(default_factory=dict)
    _claims: dict[tuple[str, str], list[ClaimView]] = field(default_factory=dict)
    _buckets: dict[tuple[str, str], _Bucket] = field(default_factory=dict)
    _parts: dict[tuple[str, str], list[Part]] = field(default_factory=dict)
    _years: list[int] = field(default_factory=list)  # of each article, by index
    _months: list[int] = field(default_factory=list)
    page_stories: int = PAGE_STORIES
    index_entries: int = INDEX_ENTRIES
    sitemap_urls: int = SITEMAP_URLS
    _pairs: dict[str, dict[str, int]] = field(default_factory=dict)

    def card(self, index: int) -> Card:
        found = self._cards.get(index)
        if found is None:
            a = self.site.articles[index]
            found = self._cards[index] = Card(
                article_url(a.slug), a.title, a.date, a.summary, a.source
            )
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

    def backlinks(self, kind: str, slug: str) -> list[Mentioned]:
        """Pages that link here or mention this page, with the sentence that does."""
        found = self._mentioned.get((kind, slug))
        if found is None:
            found = self._mentioned[kind, slug] = [
                Mentioned(
                    page_url(b.kind, b.slug), b.title, SOURCE_KINDS[b.kind], b.context, b.slug
                )
                for b in self.site.backlinks.get((kind, slug), ())
            ]
        return found

    def claims_of(self, kind: str, slug: str) -> list[ClaimView]:
        """The claims an actor makes or an event is the subject of, newest story first."""
        if not self._claims:
            for c in sorted(self.site.claims, key=lambda c: -c.article):
                view = ClaimView(
                    self.actor_link(c.by),
                    self.event_link(c.about),
                    c.stance,
                    c.text,
                    self.card(c.article),
                    c.article,
                )
                self._claims.setdefault(("actor", c.by), []).append(view)
                self._claims.setdefault(("event", c.about), []).append(view)
        return self._claims.get((kind, slug), [])

    def _positions(self) -> dict[str, int]:
        if not self._article_index:
            self._article_index.update((a.slug, i) for i, a in enumerate(self.site.articles))
        return self._article_index

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
        """Every file to render: the HTML pages, the search index, then feeds and sitemap."""
        html = list(self.html_pages())
        yield from html
        for file in search_files(self.site, KIND_LABELS):
            if file.part:
                yield PageView(file.path, "search-part.js", {"part": file.part, "data": file.data})
            else:
                yield PageView(file.path, "search-index.js", {"index": file.data})
        if self.site.config.base_url:
            yield from self.feed_pages()
            yield from self.sitemaps([page.path for page in html if page.path.endswith(".html")])

    def html_pages(self) -> Iterator[PageView]:
        site = self.site
        yield PageView("index.html", "index.html", self.home())
        yield PageView("timeline.html", "timeline.html", self.all_stories())
        yield from self.part_pages("timeline", "", range(len(site.articles)))
        for path, context in self.actor_index_pages():
            yield PageView(path, "actors.html", context)
        for path, context in self.event_index_pages():
            yield PageView(path, "events.html", context)
        yield PageView("graph.html", "graph.html", self.graph_page())
        for index, article in enumerate(site.articles):
            yield PageView(article_url(article.slug), "article.html", self.article_page(index))
        for slug in site.actors:
            yield PageView(actor_url(slug), "actor.html", self.actor_page(slug))
            yield from self.part_pages("actor", slug, site.actor_articles.get(slug, ()))
        for slug in site.events:
            yield PageView(event_url(slug), "event.html", self.event_page(slug))
            yield from self.part_pages("event", slug, site.event_articles.get(slug, ()))

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
            "feeds": self.feed_links(),
            "latest": [self.card(i) for i in latest],
            "top_actors": [self.actor_link(s, n) for n, s in counted[:HOME_ACTORS]],
            "recent_events": [
                self.event_link(e.slug, len(site.event_articles.get(e.slug, ()))) for e in recent
            ],
        }

    def all_stories(self) -> dict[str, object]:
        count = len(self.site.articles)
        parts = self.parts_of("timeline", "", range(count))
        return {
            "years": self.timeline(parts[0].indexes),
            "parts": self.part_links("timeline.html", parts),
            "story_count": count,
            "feeds": self.feed_links(),
        }

    def parts_of(self, kind: str, slug: str, indexes: Sequence[int]) -> list[Part]:
        """`split`, once per timeline: its page and its parts' pages share the answer."""
        found = self._parts.get((kind, slug))
        if found is None:
            found = self._parts[kind, slug] = self.split(indexes)
        return found

    def split(self, indexes: Sequence[int]) -> list[Part]:
        """A timeline in page-sized parts: whole, or by year, a too-full year by month, and a
        too-full month in slices."""
        newest = sorted(indexes, reverse=True)
        if len(newest) <= self.page_stories:
            return [Part("", "", tuple(newest))]
        parts = []
        years, months = self._calendar()
        for year, group in _runs(newest, years):
            if len(group) <= self.page_stories:
                parts.append(Part(str(year), str(year), group))
                continue
            for month, in_month in _runs(group, months):
                key, label = f"{year}-{month:02d}", month_label(year, month)
                size = self.page_stories
                count = -(-len(in_month) // size)  # a month still too full: in equal slices
                for n in range(count):
                    piece = in_month[n * size : (n + 1) * size]
                    if count == 1:
                        parts.append(Part(key, label, piece))
                    else:
                        parts.append(Part(f"{key}-{n + 1}", f"{label} ({n + 1}/{count})", piece))
        return [Part("", parts[0].label, parts[0].indexes), *parts[1:]]

    def _calendar(self) -> tuple[list[int], list[int]]:
        """The year and the month of every article, by index (made once per build)."""
        if not self._years:
            self._years.extend(a.date.year for a in self.site.articles)
            self._months.extend(a.date.month for a in self.site.articles)
        return self._years, self._months

    def part_links(self, base: str, parts: list[Part]) -> list[Link]:
        return [] if len(parts) < 2 else [Link(p.url(base), p.label, len(p.indexes)) for p in parts]

    def part_pages(self, kind: str, slug: str, indexes: Sequence[int]) -> Iterator[PageView]:
        """The pages that carry the older parts of a long timeline."""
        parts = self.parts_of(kind, slug, indexes)
        if len(parts) < 2:
            return
        base = {"actor": actor_url, "event": event_url}.get(kind, lambda _: "timeline.html")(slug)
        name = (
            self.site.actors[slug].name
            if kind == "actor"
            else self.site.events[slug].name
            if kind == "event"
            else "All stories"
        )
        links = self.part_links(base, parts)
        for part in parts[1:]:
            context: dict[str, object] = {
                "name": name,
                "home": base,
                "part": part.label,
                "parts": links,
                "here": part.url(base),
                "story_count": len(part.indexes),
                "feeds": self.feed_links(),
                **self.part_sections(kind, slug, part),
            }
            yield PageView(part.url(base), "part.html", context)

    def part_sections(
        self, kind: str, slug: str, part: Part, first_of: set[int] | None = None
    ) -> dict[str, object]:
        """What a part of a dossier shows about its period: stories, quotes, claims, mentions.

        `first_of`: for the first part, all the stories of the timeline; the first part also
        takes what speaks of this page from outside them (a quote or claim in a story that
        does not name the actor or event, a mention from an actor's or event's page)."""
        bucket = self._bucket(kind, slug)
        chosen = list(part.indexes)
        if first_of is not None:
            chosen += [i for i in bucket.by_story if i not in first_of]
        found = sorted(
            (item for i in chosen for item in bucket.by_story.get(i, ())),
            key=itemgetter(0),
        )
        if first_of is not None:
            found += bucket.elsewhere
        quotes = [v for _, v in found if isinstance(v, QuoteView)]
        claims = [v for _, v in found if isinstance(v, ClaimView)]
        if kind == "event":
            claims.sort(key=lambda c: STANCE_ORDER[c.stance])
        backlinks = [v for _, v in found if isinstance(v, Mentioned)]
        return {
            "years": self.timeline(part.indexes),
            "quotes": quotes,
            "claims": claims if kind != "timeline" else [],
            "backlinks": backlinks if kind != "timeline" else [],
        }

    def _bucket(self, kind: str, slug: str) -> _Bucket:
        """An actor's or event's quotes, claims and backlinks, by the story they come from,
        each with its place in the page's order: a part gathers its own in one pass."""
        found = self._buckets.get((kind, slug))
        if found is not None:
            return found
        bucket = _Bucket()
        order = 0
        if kind == "actor":
            for index, quote in self.site.quotes.get(slug, ()):
                view = QuoteView(Markup(quote.html), self.card(index))  # escaped by markdown-it
                bucket.by_story.setdefault(index, []).append((order, view))
                order += 1
        for claim in self.claims_of(kind, slug):
            bucket.by_story.setdefault(claim.article, []).append((order, claim))
            order += 1
        position = self._positions()
        for link in self.backlinks(kind, slug):
            if link.kind:  # an actor's or event's page
                bucket.elsewhere.append((order, link))
            else:
                bucket.by_story.setdefault(position[link.slug], []).append((order, link))
            order += 1
        self._buckets[kind, slug] = bucket
        return bucket

    def actor_index_pages(self) -> list[tuple[str, dict[str, object]]]:
        """`actors.html`: a section per kind, each A-Z, with story counts; past
        `index_entries` actors, a page per initial (see `index_parts`)."""
        kinds = {kind: n for n, kind in enumerate(KIND_TITLES)}
        entries = sorted(
            (
                (_initial(a.name), kinds.get(a.kind, len(kinds)), a.name.casefold(), a.slug)
                for a in self.site.actors.values()
            ),
        )
        parts = index_parts([(e[0], e) for e in entries], self.index_entries)
        pages = []
        links = _index_links("actors.html", parts)
        for key, label, chosen in parts:
            sections = []
            for kind, title in KIND_TITLES.items():
                found = [
                    self.actor_link(slug, len(self.site.actor_articles.get(slug, ())))
                    for _, _, _, slug in chosen
                    if self.site.actors[slug].kind == kind
                ]
                if found:
                    sections.append(Group(kind, title, groups=by_initial(found)))
            path = part_url("actors.html", key)
            context: dict[str, object] = {"sections": tuple(sections)}
            context |= {"feeds": self.feed_links(), "parts": links, "here": path, "part": label}
            pages.append((path, context))
        return pages

    def event_index_pages(self) -> list[tuple[str, dict[str, object]]]:
        """`events.html`: every event, in the model's order (oldest first, undated last);
        past `index_entries` events, a page per year (see `index_parts`)."""
        site = self.site
        dated = [(str(e.date.year) if e.date else "", slug) for slug, e in site.events.items()]
        parts = index_parts(dated, self.index_entries, label=lambda year: year or "Date unknown")
        links = _index_links("events.html", parts)
        pages = []
        for key, label, chosen in parts:
            events = [self.event_link(s, len(site.event_articles.get(s, ()))) for s in chosen]
            dates = {event_url(s): site.events[s].date for s in chosen}
            path = part_url("events.html", key)
            context: dict[str, object] = {"events": events, "dates": dates}
            context |= {"feeds": self.feed_links(), "parts": links, "here": path, "part": label}
            pages.append((path, context))
        return pages

    def article_page(self, index: int) -> dict[str, object]:
        articles = self.site.articles
        article = articles[index]
        return {
            "article": article,
            "feeds": self.feed_links(),
            "actors": [self.actor_link(s) for s in article.actors],
            "events": [self.event_link(s) for s in article.events],
            "previous": self.card(index - 1) if index > 0 else None,
            "next": self.card(index + 1) if index + 1 < len(articles) else None,
            "backlinks": self.backlinks("article", article.slug),
        }

    def actor_page(self, slug: str) -> dict[str, object]:
        site = self.site
        actor = site.actors[slug]
        stories = site.actor_articles.get(slug, ())
        parts = self.parts_of("actor", slug, stories)
        return {
            "actor": actor,
            "parts": self.part_links(actor_url(slug), parts),
            "feeds": self.feed_links(actor_url(slug), actor.name),
            "kind_label": KIND_LABELS[actor.kind],
            "affiliations": [self.actor_link(s) for s in actor.affiliations],
            "members": [self.actor_link(s) for s in site.members.get(slug, ())],
            "story_count": len(stories),
            "coverage_svg": self.coverage(stories, f"Stories that name {actor.name}"),
            "graph_svg": self.actor_graph(slug),
            "events": [self.event_link(s, n) for s, n in site.actor_events.get(slug, ())],
            "co_actors": [
                self.actor_link(s, n) for s, n in site.co_actors.get(slug, ())[:CO_ACTORS]
            ],
            "known_only_from_articles": actor.path is None,
            **self.first_part("actor", slug, parts),
        }

    def first_part(self, kind: str, slug: str, parts: list[Part]) -> dict[str, object]:
        """The newest part of the timeline, and what speaks of this page from outside it."""
        return self.part_sections(
            kind, slug, parts[0], first_of={i for p in parts for i in p.indexes}
        )

    def event_page(self, slug: str) -> dict[str, object]:
        site = self.site
        event = site.events[slug]
        stories = site.event_articles.get(slug, ())
        parts = self.parts_of("event", slug, stories)
        return {
            "event": event,
            "parts": self.part_links(event_url(slug), parts),
            "feeds": self.feed_links(event_url(slug), event.name),
            "parent": self.event_link(event.parent) if event.parent else None,
            "sub_events": [self.event_link(s) for s in site.sub_events.get(slug, ())],
            "actors": [self.actor_link(s, n) for s, n in site.event_actors.get(slug, ())],
            "story_count": len(stories),
            "coverage_svg": self.coverage(stories, f"Stories about {event.name}"),
            "known_only_from_articles": event.path is None,
            **self.first_part("event", slug, parts),
        }

    def coverage(self, indexes: Sequence[int], title: str) -> Coverage | None:
        """A chart of when the stories appeared; None when there are none."""
        if not indexes:
            return None
        articles = self.site.articles
        return Coverage(tuple(articles[i].date for i in indexes), title)

    def co_count(self, a: str, b: str) -> int:
        """How many stories name both actors."""
        counts = self._pairs.get(a)
        if counts is None:
            counts = self._pairs[a] = dict(self.site.co_actors.get(a, ()))
        return counts.get(b, 0)

    def actor_node(self, slug: str, note: str) -> Node:
        size = len(self.site.actor_articles.get(slug, ()))
        return Node(slug, self.site.actors[slug].name, size, note)

    def actor_graph(self, slug: str) -> Graph | None:
        """The actor among those most often named with them, and the ties between those."""
        near = self.site.co_actors.get(slug, ())[:GRAPH_NEIGHBOURS]
        if not near:
            return None
        name = self.site.actors[slug].name
        nodes = [self.actor_node(slug, stories(len(self.site.actor_articles.get(slug, ()))))]
        nodes += [self.actor_node(s, f"{stories(n)} with {name}") for s, n in near]
        around = [Edge(slug, s, n) for s, n in near]
        between = [
            Edge(a, b, n)
            for i, (a, _) in enumerate(near)
            for b, _ in near[i + 1 :]
            if (n := self.co_count(a, b))
        ]
        desc = (
            f"{name} in the middle, joined to the {len(near)} actors most often named in the "
            "same stories; the wider a line, the more stories two actors share. "
            "Each name links to that actor's page."
        )
        return Graph(
            slug,
            tuple(nodes),
            (*around, *strongest_edges(between, GRAPH_EDGES - 1)),
            "../",
            title=f"Who is named with {name}",
            desc=desc,
            key="network-graph",
        )

    def graph_page(self) -> dict[str, object]:
        """`graph.html`: the actors in the most stories, and the stories they share."""
        site = self.site
        ranked = sorted(
            site.actor_articles.items(),
            key=lambda kv: (-len(kv[1]), site.actors[kv[0]].name.casefold()),
        )
        main = [slug for slug, _ in ranked[:GRAPH_ACTORS]]
        pairs = sorted(
            (
                Edge(a, b, n)
                for i, a in enumerate(main)
                for b in main[i + 1 :]
                if (n := self.co_count(a, b))
            ),
            key=lambda e: (-e.weight, site.actors[e.a].name, site.actors[e.b].name),
        )
        desc = (
            f"The {len(main)} actors named in the most stories; a line joins two actors named "
            "in the same stories, the wider the more often. Each name links to that actor's page."
        )
        nodes = [self.actor_node(s, stories(len(site.actor_articles[s]))) for s in main]
        graph = Graph(
            None,
            tuple(nodes),
            tuple(strongest_edges(pairs, GRAPH_EDGES)),
            "",
            title="Who is named with whom",
            desc=desc,
            key="site-graph",
            spread=1.5,
        )
        return {
            "graph_svg": graph if main else None,
            "edges_per_actor": GRAPH_EDGES,
            "feeds": self.feed_links(),
            "actors": [self.actor_link(s, len(site.actor_articles[s])) for s in main],
            "pairs": [
                (self.actor_link(e.a), self.actor_link(e.b), e.weight) for e in pairs[:GRAPH_PAIRS]
            ],
        }

    def feed_links(self, page: str = "", name: str = "") -> tuple[FeedLink, ...]:
        """`<link rel="alternate">`s of a page: the feed of its dossier (if it is one of an
        actor or event), then the site's. None when there are no feeds (no base_url)."""
        if not self.site.config.base_url:
            return ()
        site_feed = FeedLink(SITE_FEED, self.site.config.title)
        if not page:
            return (site_feed,)
        return (FeedLink(feed_url(page), self.feed_title(name)), site_feed)

    def feed_pages(self) -> Iterator[PageView]:
        """Atom feeds: the site's latest stories, and those of each actor and event."""
        site = self.site
        everything = range(len(site.articles))
        yield self.feed(SITE_FEED, "index.html", site.config.title, everything)
        for slug, actor in site.actors.items():
            stories = site.actor_articles.get(slug, ())
            yield self.feed(feed_url(actor_url(slug)), actor_url(slug), actor.name, stories)
        for slug, event in site.events.items():
            stories = site.event_articles.get(slug, ())
            yield self.feed(feed_url(event_url(slug)), event_url(slug), event.name, stories)

    def feed(self, url: str, page: str, name: str, indexes: Sequence[int]) -> PageView:
        """One feed of the newest stories among `indexes` (which are in date order)."""
        newest = [self.card(i) for i in reversed(indexes[-FEED_ENTRIES:])]
        head = Feed(url, page, self.feed_title(name), newest[0].date if newest else EPOCH)
        return PageView(url, "feed.xml", {"feed": head, "entries": newest})

    def feed_title(self, name: str) -> str:
        title = self.site.config.title
        return name if name == title else f"{name} · {title}"

    def sitemaps(self, paths: Sequence[str]) -> Iterator[PageView]:
        """`sitemap.xml`; past `sitemap_urls` pages (the protocol's limit), a sitemap index
        of `sitemap-1.xml`, `sitemap-2.xml`, ... each within the limit."""
        size = self.sitemap_urls
        if len(paths) <= size:
            yield PageView(SITEMAP, "sitemap.xml", {"paths": list(paths)})
            return
        names = [f"sitemap-{n + 1}.xml" for n in range(-(-len(paths) // size))]
        for n, name in enumerate(names):
            yield PageView(name, "sitemap.xml", {"paths": list(paths[n * size : (n + 1) * size])})
        yield PageView(SITEMAP, "sitemap-index.xml", {"sitemaps": names})


def stories(count: int) -> str:
    return f"{count} {'story' if count == 1 else 'stories'}"


def _runs(indexes: Sequence[int], keys: list[int]) -> list[tuple[int, tuple[int, ...]]]:
    """Consecutive indexes with the same key, as (key, indexes) pairs; one pass, no calls."""
    runs: list[tuple[int, tuple[int, ...]]] = []
    start = 0
    for at in range(1, len(indexes) + 1):
        if at == len(indexes) or keys[indexes[at]] != keys[indexes[start]]:
            runs.append((keys[indexes[start]], tuple(indexes[start:at])))
            start = at
    return runs


def index_parts(
    entries: Sequence[tuple[str, T]], limit: int, label: Callable[[str], str] = str
) -> list[tuple[str, str, list[T]]]:
    """An index's entries, each under its group (a year, an initial), in page-sized parts
    as (key, label, entries): all in one when they fit, else a part per group and a
    too-full group in equal slices. The first part's key is "": it is the index page."""
    if len(entries) <= limit:
        return [("", "", [entry for _, entry in entries])]
    parts: list[tuple[str, str, list[T]]] = []
    for group, members in groupby(entries, key=itemgetter(0)):
        chosen = [entry for _, entry in members]
        count = -(-len(chosen) // limit)
        name, text = _slug_key(group), label(group)
        for n in range(count):
            piece = chosen[n * limit : (n + 1) * limit]
            if count == 1:
                parts.append((name, text, piece))
            else:
                parts.append((f"{name}-{n + 1}", f"{text} ({n + 1}/{count})", piece))
    return [("", parts[0][1], parts[0][2]), *parts[1:]]


def _slug_key(group: str) -> str:
    """A group as a file name part: `2023`, `a`; `#` and "" (undated) get words."""
    if group == "":
        return "undated"
    return "other" if group == "#" else group.casefold()


def _index_links(base: str, parts: list[tuple[str, str, list[T]]]) -> list[Link]:
    if len(parts) < 2:
        return []
    return [Link(part_url(base, key), text, len(chosen)) for key, text, chosen in parts]


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
