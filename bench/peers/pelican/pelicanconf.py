"""The benchmark's Pelican settings; bench/convert_pelican.py adds SITENAME and THEME.

Same scope as the other tools: one page per article, per actor (an author) and per event
(a tag), and the index. Everything else Pelican can write is switched off: feeds,
category, archive and list pages, pagination, static files, caches.
"""

from __future__ import annotations

PATH = "content"
OUTPUT_PATH = "output"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
TIMEZONE = "UTC"
RELATIVE_URLS = True
SITEURL = ""

# Markdown as close to CommonMark + tables as Python-Markdown gets.
MARKDOWN = {
    "extension_configs": {"markdown.extensions.tables": {}},
    "output_format": "html5",
}

ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{slug}.html"
AUTHOR_URL = AUTHOR_SAVE_AS = "actors/{slug}.html"
TAG_URL = TAG_SAVE_AS = "events/{slug}.html"
INDEX_SAVE_AS = "index.html"
DIRECT_TEMPLATES = ["index"]
DEFAULT_PAGINATION = False

# Pelican always files an article under a category: keep it, write no page for it.
CATEGORY_SAVE_AS = ""
# Actor and event descriptions are hidden pages, read and rendered, shown on term pages.
PAGE_SAVE_AS = ""
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_PAGE_SAVE_AS = ""

FEED_ALL_ATOM = FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None

STATIC_PATHS: list[str] = []
THEME_STATIC_PATHS: list[str] = []
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False


_TERMS: dict[int, dict[tuple[str, str], object]] = {}


def _by_term(pages: list[object]) -> dict[tuple[str, str], object]:
    """{(term, name): hidden page}, made once per list of pages."""
    if id(pages) not in _TERMS:
        index = {(getattr(p, "term", ""), getattr(p, "title", "")): p for p in pages}
        _TERMS[id(pages)] = index
    return _TERMS[id(pages)]


JINJA_FILTERS = {"by_term": _by_term}
