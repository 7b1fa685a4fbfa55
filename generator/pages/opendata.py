"""The open data files as pages, the "Open data" page, and an event's open data list.

In: the `Site`. Out: a `PageView` per data file (`data/...`, template `data-file.txt`,
which writes the file's text as it is: the files go through the same signatures, page
store and manifest as pages, so a build rewrites only those whose text changed); the
`PageView` of `data.html`, which documents every file and column; and the `OpenData` an
event's page lists (its timeline's JSON, and a TimelineJS embed snippet to copy).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.model.site import Site
from generator.opendata.cells import Column
from generator.opendata.common import address
from generator.opendata.files import DATA_DIR, DESCRIBED, data_files
from generator.opendata.timelinejs import timeline_path
from generator.pages.records import PageView
from generator.pages.shared import SiteIndex

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
    """Every data file under data/, written as it is."""
    for file in data_files(site):
        yield PageView(f"{DATA_DIR}/{file.path}", DATA_TEMPLATE, {"text": file.text})


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
    context: dict[str, object] = {"files": docs, "feeds": shared.feeds}
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
