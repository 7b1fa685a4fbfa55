"""Every page of a site, as views: the pages package's public face.

In: a `Site` (and, for tests, smaller `Limits`). Out: one `PageView` per file to render
(path, template, context of frozen view records; see `records`), in the order they are
written and listed: `page_views` for a whole build, `article_page_view` for one article's
page alone. The page families live in their own modules; what they share is derived
once, up front (`shared.index_site`).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model.site import Site
from generator.outputs.search import search_files
from generator.pages.actors import actor_pages
from generator.pages.articles import article_page_view, article_pages
from generator.pages.corrections import corrections_feed, corrections_pages
from generator.pages.events import event_pages
from generator.pages.feeds import feed_pages, sitemaps
from generator.pages.graphs import graph_page
from generator.pages.lists import actor_index_pages, all_stories_pages, event_index_pages, home_page
from generator.pages.opendata import data_file_pages, data_page
from generator.pages.paging import LIMITS, Limits
from generator.pages.records import KIND_LABELS, PageView
from generator.pages.redirects import redirect_pages
from generator.pages.shared import SiteIndex, index_site

__all__ = ["PageView", "article_page_view", "page_views"]


def page_views(site: Site, limits: Limits = LIMITS) -> Iterator[PageView]:
    """Every file to render: the HTML pages, the search index, the open data files, then
    feeds and sitemaps."""
    shared = index_site(site)
    html = list(_html_pages(site, shared, limits))
    yield from html
    language = shared.language
    kinds = {kind: language.gettext(label) for kind, label in KIND_LABELS.items()}
    for file in search_files(site, kinds):
        if file.part:
            yield PageView(file.path, "search-part.js", {"part": file.part, "data": file.data})
        else:
            yield PageView(file.path, "search-index.js", {"index": file.data})
    yield from data_file_pages(site)
    if site.config.base_url:
        yield from feed_pages(site, shared)
        yield from corrections_feed(site, shared)
        paths = [page.path for page in html if page.path.endswith(".html")]
        yield from sitemaps(paths, limits.sitemap_urls)
    yield from redirect_pages(site)  # last: in no sitemap, no search index


def _html_pages(site: Site, shared: SiteIndex, limits: Limits) -> Iterator[PageView]:
    yield home_page(site, shared)
    yield from all_stories_pages(site, shared, limits)
    yield from actor_index_pages(site, shared, limits)
    yield from event_index_pages(site, shared, limits)
    yield graph_page(site, shared)
    yield from corrections_pages(site, shared, limits)
    yield data_page(site, shared)
    yield from article_pages(site, shared)
    yield from actor_pages(site, shared, limits)
    yield from event_pages(site, shared, limits)
