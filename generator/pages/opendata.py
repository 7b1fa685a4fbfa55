"""The open data files as pages, the "Open data" page, and an event's open data list.

In: the `Site`. Out: a `PageView` per data file (`data/...`, template `data-file.txt`,
which writes the file's text as it is: the files go through the same signatures, page
store and manifest as pages, so a build rewrites only those whose text changed); the
`PageView` of `data.html`, which documents every file and column; and the `OpenData` an
event's page lists (its timeline's JSON, and a TimelineJS embed snippet to copy).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from generator.model.site import Site
from generator.opendata.cells import Column
from generator.opendata.common import address
from generator.opendata.files import DATA_DIR, DESCRIBED, data_files
from generator.opendata.timelinejs import timeline_path
from generator.pages.records import Deferred, PageView
from generator.pages.shared import SiteIndex
from generator.pages.structured import ListSubject

DATA_PAGE = "data.html"
DATA_TEMPLATE = "data-file.txt"
TIMELINEJS = "https://cdn.knightlab.com/libs/timeline3/latest"


@dataclass(frozen=True, slots=True)
class DataDoc:
    """One file as `data.html` documents it: `url` site-relative (None for one file per
    event), `fields` its columns, schemata, attributes or keys."""

    name: str
    url: str | None
    format: str
    about: str
    kind: str
    fields: tuple[Column, ...]


@dataclass(frozen=True, slots=True)
class OpenData:
    """An event page's "Open data" list: its timeline (site-relative) and the snippet that
    embeds it elsewhere (text to show, never run)."""

    timeline_url: str
    embed: str


def data_file_pages(site: Site) -> Iterator[PageView]:
    """Every data file under data/, written as it is; its text is made only when the
    file must be rendered (`Deferred`), which a build with nothing new to say of the site
    (an empty output/ and a warm page store, say) never asks."""
    made_from = site_digest(site)
    for file in data_files(site):
        path = f"{DATA_DIR}/{file.path}"
        text = Deferred(made_from, file.make)  # the signature adds the path
        yield PageView(path, DATA_TEMPLATE, {"text": text})


def site_digest(site: Site) -> str:
    """A digest of what the site's data are made from: every story, actor and event file
    built (its path and a digest of its bytes) and the built-in names that stand for the
    rest. Settings, templates and the generator's code are in every page's signature."""
    h = hashlib.blake2b(digest_size=16)
    for article in site.articles:
        h.update(f"a{article.path}\0{article.digest}\0".encode())
    for slug, actor in site.actors.items():
        h.update(f"p{slug}\0{actor.path}\0{actor.digest}\0{actor.name}\0".encode())
    for slug, event in site.events.items():
        h.update(f"e{slug}\0{event.path}\0{event.digest}\0{event.name}\0".encode())
    return h.hexdigest()


def data_page(site: Site, shared: SiteIndex) -> PageView:
    docs = [
        DataDoc(
            d.path,
            None if d.format == "timelinejs" else f"{DATA_DIR}/{d.path}",
            d.format,
            d.about,
            d.kind,
            d.fields,
        )
        for d in DESCRIBED
    ]
    subject = ListSubject(shared.language.gettext("Open data"))
    context: dict[str, object] = {"files": docs, "feeds": shared.feeds, "subject": subject}
    return PageView(DATA_PAGE, "data.html", context)


def event_open_data(site: Site, slug: str) -> OpenData:
    url = f"{DATA_DIR}/{timeline_path(slug)}"
    return OpenData(url, embed_snippet(address(site.config, url)))


def embed_snippet(timeline: str) -> str:
    """TimelineJS3's embed code for a timeline at this address."""
    return (
        f'<link title="timeline-styles" rel="stylesheet" href="{TIMELINEJS}/css/timeline.css">\n'
        f'<script src="{TIMELINEJS}/js/timeline.js"></script>\n'
        '<div id="timeline-embed" style="width: 100%; height: 600px"></div>\n'
        f'<script>window.timeline = new TL.Timeline("timeline-embed", "{timeline}");</script>'
    )
