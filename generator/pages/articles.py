"""Article pages: one story, its actors and events, who links to it, the stories beside it.

In: the `Site` and where to take the shared records from. Out: each article's `PageView`
(`articles/<slug>.html`, `article.html`). A full build takes the records from the
`SiteIndex` (`article_pages`); a prose-only edit renders one article's page alone
(`article_page_view`) and makes the few records that page shows, rather than index the
whole site for them. Both give the same page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from generator.model.site import Site
from generator.outputs.feeds import FeedLink
from generator.pages.records import (
    Card,
    Link,
    Mentioned,
    PageView,
    actor_link,
    article_view,
    card,
    event_link,
    mentioned,
)
from generator.pages.shared import SiteIndex, site_feeds
from generator.pages.structured import StorySubject
from generator.urls import article_url


class Records(Protocol):
    """Where an article's page takes the cards, links and mentions it shows."""

    @property
    def feeds(self) -> tuple[FeedLink, ...]: ...

    def card(self, index: int) -> Card: ...

    def actor_link(self, slug: str, count: int = 0) -> Link: ...

    def event_link(self, slug: str, count: int = 0) -> Link: ...

    def mentions(self, kind: str, slug: str) -> tuple[Mentioned, ...]: ...


@dataclass(frozen=True, slots=True)
class _Alone:
    """The records of one page, made as it asks for them (nothing shared, nothing kept)."""

    site: Site

    @property
    def feeds(self) -> tuple[FeedLink, ...]:
        return site_feeds(self.site.config)

    def card(self, index: int) -> Card:
        return card(self.site.articles[index])

    def actor_link(self, slug: str, count: int = 0) -> Link:
        return actor_link(self.site.actors[slug], count)

    def event_link(self, slug: str, count: int = 0) -> Link:
        return event_link(self.site.events[slug], count)

    def mentions(self, kind: str, slug: str) -> tuple[Mentioned, ...]:
        return tuple(mentioned(b) for b in self.site.backlinks.get((kind, slug), ()))


def article_pages(site: Site, shared: SiteIndex) -> Iterator[PageView]:
    """Every article's page, oldest first."""
    for index in range(len(site.articles)):
        yield _article_page(site, index, shared)


def article_page_view(site: Site, index: int) -> PageView:
    """The page of the article at `index` alone, as `article_pages` makes it."""
    return _article_page(site, index, _Alone(site))


def _article_page(site: Site, index: int, records: Records) -> PageView:
    articles = site.articles
    article = articles[index]
    view = article_view(article)
    actors = tuple(records.actor_link(s) for s in article.actors)
    events = tuple(records.event_link(s) for s in article.events)
    context: dict[str, object] = {
        "article": view,
        "subject": StorySubject(view, actors, events),
        "feeds": records.feeds,
        "actors": list(actors),
        "events": list(events),
        "previous": records.card(index - 1) if index > 0 else None,
        "next": records.card(index + 1) if index + 1 < len(articles) else None,
        "backlinks": records.mentions("article", article.slug),
    }
    return PageView(article_url(article.slug), "article.html", context)
