"""Old addresses of renamed or merged pages (`redirect_from:`), kept working.

In: the `Site`'s redirects. Out: one `PageView` per old address (`redirect.html`): a page
that sends the reader on at once, marked noindex, and never listed in the sitemap or
the search index.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model.site import Site
from generator.pages.records import Moved, PageView


def redirect_pages(site: Site) -> Iterator[PageView]:
    for redirect in site.redirects:
        moved = Moved(redirect.target, redirect.title)
        yield PageView(redirect.path, "redirect.html", {"moved": moved})
