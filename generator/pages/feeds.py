"""The files for feed readers and search engines: Atom feeds and sitemaps.

In: the `Site`, its `SiteIndex` (cards), and the paths of the HTML pages. Out: the
`PageView`s of `feed.xml` and of each actor's and event's feed (`feed.xml` template), and
of `sitemap.xml` (past `Limits.sitemap_urls` pages, an index of `sitemap-N.xml`); and the
`<link rel="alternate">`s of a dossier page. Made only when `site.yaml` sets `base_url`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.model.site import Site
from generator.outputs.feeds import EPOCH, FEED_ENTRIES, SITE_FEED, SITEMAP, Feed, FeedLink
from generator.pages.records import PageView
from generator.pages.shared import SiteIndex
from generator.urls import actor_url, event_url, feed_url


def dossier_feeds(site: Site, shared: SiteIndex, page: str, name: str) -> tuple[FeedLink, ...]:
    """`<link rel="alternate">`s of an actor's or event's page: the feed of its dossier,
    then the site's; none when there are no feeds (no base_url)."""
    if not shared.feeds:
        return ()
    return (FeedLink(feed_url(page), feed_title(site, name)), *shared.feeds)


def feed_title(site: Site, name: str) -> str:
    title = site.config.title
    return name if name == title else f"{name} · {title}"


def feed_pages(site: Site, shared: SiteIndex) -> Iterator[PageView]:
    """Atom feeds: the site's latest stories, and those of each actor and event."""
    everything = range(len(site.articles))
    yield _feed(site, shared, SITE_FEED, "index.html", site.config.title, everything)
    for slug, actor in site.actors.items():
        stories = site.actor_articles.get(slug, ())
        yield _feed(site, shared, feed_url(actor_url(slug)), actor_url(slug), actor.name, stories)
    for slug, event in site.events.items():
        stories = site.event_articles.get(slug, ())
        yield _feed(site, shared, feed_url(event_url(slug)), event_url(slug), event.name, stories)


def _feed(
    site: Site, shared: SiteIndex, url: str, page: str, name: str, indexes: Sequence[int]
) -> PageView:
    """One feed of the newest stories among `indexes` (which are in date order)."""
    newest = [shared.cards[i] for i in reversed(indexes[-FEED_ENTRIES:])]
    head = Feed(url, page, feed_title(site, name), newest[0].date if newest else EPOCH)
    return PageView(url, "feed.xml", {"feed": head, "entries": newest})


def sitemaps(paths: Sequence[str], size: int) -> Iterator[PageView]:
    """`sitemap.xml`; past `size` pages (the protocol's limit), a sitemap index of
    `sitemap-1.xml`, `sitemap-2.xml`, ... each within the limit."""
    if len(paths) <= size:
        yield PageView(SITEMAP, "sitemap.xml", {"paths": list(paths)})
        return
    names = [f"sitemap-{n + 1}.xml" for n in range(-(-len(paths) // size))]
    for n, name in enumerate(names):
        yield PageView(name, "sitemap.xml", {"paths": list(paths[n * size : (n + 1) * size])})
    yield PageView(SITEMAP, "sitemap-index.xml", {"sitemaps": names})
