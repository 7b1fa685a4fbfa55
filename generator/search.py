"""The search index: every article, actor and event, compact, for `assets/search.js`.

Browsers do not let a page fetch files from file://, but they do run scripts, so the
index ships as `search-index.js`, a script that sets `window.DOSSIER_SEARCH`; search.js
loads it when the reader first uses the search box. The data is made here; the template
`search-index.js` writes it with Jinja's `tojson`, which escapes `<`, `>`, `&` and `'`
(so the data can never end a script) and, through `json.dumps`, every non-ASCII character.

To keep the file small it holds no bodies, summaries are cut to ~140 characters, and
entries are arrays, not objects:

    {"a": [[slug, title, date, summary?], ...],   articles, newest first
     "p": [[slug, name, kind label, alias...], ...],   actors, A-Z
     "e": [[slug, name, date?], ...]}               events, in date order

An entry's page is `articles/SLUG.html`, `actors/SLUG.html` or `events/SLUG.html`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from generator.markup import shorten
from generator.model import Site
from generator.schema import Moment

SEARCH_INDEX = "search-index.js"
SUMMARY_CHARS = 140

Entry = list[str]


def search_index(site: Site, kind_labels: Mapping[str, str]) -> dict[str, list[Entry]]:
    """The index data for `site`; `kind_labels` names each kind of actor ("Person")."""
    articles = []
    for article in reversed(site.articles):
        entry = [article.slug, article.title, _day(article.date)]
        summary = shorten(" ".join(article.summary.split()), SUMMARY_CHARS)
        if summary and summary.casefold() != article.title.casefold():
            entry.append(summary)
        articles.append(entry)
    actors = [
        [slug, actor.name, kind_labels.get(actor.kind, ""), *distinct(actor.name, actor.aliases)]
        for slug, actor in site.actors.items()
    ]
    events = [
        [slug, event.name] + ([_day(event.date)] if event.date is not None else [])
        for slug, event in site.events.items()
    ]
    return {"a": articles, "p": actors, "e": events}


def distinct(name: str, aliases: Iterable[str]) -> list[str]:
    """Aliases that add something to the name: no repeats, in any case or spacing."""
    seen = {_key(name)}
    kept = []
    for alias in aliases:
        key = _key(alias)
        if key and key not in seen:
            seen.add(key)
            kept.append(alias)
    return kept


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _day(moment: Moment) -> str:
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
