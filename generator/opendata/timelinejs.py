"""timelines/SLUG.json: each event's stories as a TimelineJS3 timeline.

In: a `Site` and one of its events. Out: TimelineJS's JSON format: a title slide (the
event's name, when and where), a slide for the event itself when its date is known, and
one per story about it (its date at the precision the site has, its title, its summary,
its source link as `media.url`). TimelineJS shows `text` as HTML: every value is escaped.
"""

from __future__ import annotations

import datetime as dt
import json
from html import escape

from generator.language import ENGLISH, Language
from generator.model.site import Article, Event, Site
from generator.opendata.common import address, entity_id, plain_text
from generator.source.schema import Moment
from generator.urls import article_url
from generator.when import When, exactly

TIMELINES = "timelines"

Slide = dict[str, object]


def timeline_path(slug: str) -> str:
    """Where an event's timeline lives under data/."""
    return f"{TIMELINES}/{slug}.json"


def timeline_date(moment: Moment | When, language: Language = ENGLISH) -> dict[str, object]:
    """`{"year", "month", "day"}` (and `hour`, `minute` for a time): as precise as known.
    A date known only to the year or the month leaves out the smaller keys; an approximate
    one says so in `display_date` ("c. 2019"), which TimelineJS shows instead."""
    when = moment if isinstance(moment, When) else exactly(moment)
    first = when.first
    parts: dict[str, object] = {"year": first.year}
    if when.precision != "year":
        parts["month"] = first.month
    if when.precision == "day":
        parts["day"] = first.day
        if isinstance(first, dt.datetime):
            parts |= {"hour": first.hour, "minute": first.minute}
    if when.circa:
        parts["display_date"] = language.when(when)
    return parts


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts if text)


def timeline(site: Site, event: Event) -> dict[str, object]:
    language = Language(site.config.language, site.config.labels)
    when = language.span(event.date, event.end) if event.date else ""
    about = plain_text(event.description_html)
    title: Slide = {
        "text": {"headline": escape(event.name), "text": _paragraphs(when, event.place or "")},
    }
    slides: list[Slide] = []
    if event.date is not None:
        own: Slide = {
            "start_date": timeline_date(event.date, language),
            "text": {"headline": escape(event.name), "text": _paragraphs(about)},
            "unique_id": entity_id("event", event.slug),
        }
        if event.end is not None and event.end != event.date:
            own["end_date"] = timeline_date(event.end, language)
        slides.append(own)
    for index in site.event_articles.get(event.slug, ()):
        article = site.articles[index]
        slide: Slide = {
            "start_date": timeline_date(article.date),
            "text": {"headline": _headline(site, article), "text": _paragraphs(article.summary)},
            "unique_id": entity_id("article", article.slug),
        }
        source = article.source
        if source is not None and source.url:
            slide["media"] = {"url": source.url, "caption": escape(source.name)}
        slides.append(slide)
    return {"title": title, "events": slides}


def _headline(site: Site, article: Article) -> str:
    """The story's title, a link to its page where the address is known (base_url): a
    timeline is shown on other sites, where a site-relative link leads nowhere."""
    if not site.config.base_url:
        return escape(article.title)
    page = address(site.config, article_url(article.slug))
    return f'<a href="{escape(page)}">{escape(article.title)}</a>'


def timeline_text(site: Site, event: Event) -> str:
    data = timeline(site, event)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
