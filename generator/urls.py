"""Where every page lives in output/: the site's one URL scheme.

Every URL here is site-relative (`actors/dmitry-peskov.html`); a template makes it
relative to the page that shows it (the `rel` filter), and a page one folder deep
(an article, an actor, an event) reaches another with `from_a_folder`. Pages are flat
`.html` files, so the site works from `file://` and under any sub-path.
"""

from __future__ import annotations

FOLDERS = {"article": "articles", "actor": "actors", "event": "events"}  # kind -> folder
KINDS = {folder: kind for kind, folder in FOLDERS.items()}  # folder -> kind


def page_url(kind: str, slug: str) -> str:
    """An article's, actor's or event's page: `actors/dmitry-peskov.html`."""
    return f"{FOLDERS[kind]}/{slug}.html"


def article_url(slug: str) -> str:
    return f"articles/{slug}.html"


def actor_url(slug: str) -> str:
    return f"actors/{slug}.html"


def event_url(slug: str) -> str:
    return f"events/{slug}.html"


def part_url(base: str, key: str) -> str:
    """One part of a long list: `actors/x.html` for the first, `actors/x.2022.html` for
    the part keyed 2022."""
    return base if not key else f"{base.removesuffix('.html')}.{key}.html"


def feed_url(page: str) -> str:
    """The feed that goes with a dossier page: `actors/x.html` -> `actors/x.xml`."""
    return page.removesuffix(".html") + ".xml"


def from_a_folder(url: str) -> str:
    """`url` as a link from a page one folder deep (`articles/`, `actors/`, `events/`)."""
    return "../" + url


CORRECTIONS = "corrections.html"  # every correction and update of the site, newest first
CORRECTIONS_FEED = "corrections.xml"  # the same as an Atom feed (with base_url only)
