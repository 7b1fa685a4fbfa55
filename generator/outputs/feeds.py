"""What Atom feeds and the sitemap need: RFC 3339 times, absolute URLs, the base_url warning.

Feeds and `sitemap.xml` are the only files that need absolute URLs, so they are made only
when `site.yaml` sets `base_url`; without it they are left out and the build says so once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError
from generator.source.config import CONFIG_FILE, Config
from generator.source.schema import Moment

FEED_ENTRIES = 50  # newest stories in each feed
SITE_FEED = "feed.xml"
SITEMAP = "sitemap.xml"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # `updated` of a feed with no entries
NO_BASE_URL = "base_url is not set: feeds and sitemap.xml are left out; add base_url: https://..."


@dataclass(frozen=True, slots=True)
class Feed:
    """One Atom feed's head: its own URL (also its id), its HTML page, and its title."""

    url: str  # site-relative, like every URL in a view; the `absolute` filter adds base_url
    page_url: str
    title: str
    updated: Moment


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A `<link rel="alternate">` to a feed, from an HTML page."""

    url: str  # site-relative
    title: str


def feed_warnings(config: Config, root: Path) -> list[ContentError]:
    """The one warning about feeds: there are none without a base_url."""
    if config.base_url:
        return []
    return [ContentError(root / CONFIG_FILE, 1, NO_BASE_URL)]


def absolute_url(base_url: str, url: str) -> str:
    """A site-relative URL (`actors/x.html`) under the site's public address."""
    return base_url.rstrip("/") + "/" + url.lstrip("/")


def rfc3339(moment: Moment) -> str:
    """An Atom date: a date alone is midnight UTC, a date-time without a zone is taken as UTC."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.UTC)
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    text = moment.isoformat(timespec="seconds")
    return text[:-6] + "Z" if text.endswith("+00:00") else text
