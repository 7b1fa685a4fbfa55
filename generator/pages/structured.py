"""What a page tells search engines and link previews: its JSON-LD and its Open Graph card.

In: the page's `subject` (a small record in its context: what the page is about, made of
the view records the page already shows) and where the page is. Out: the page's JSON-LD
as a dict (`linked_data`) and as the text of a `<script type="application/ld+json">`
(`script_json`), its `Preview` (title, Open Graph type, times), and all of it as the
`<head>` elements `base.html` writes (`head_tags`, the `head_tags` filter: Open Graph
and Twitter card meta, then the script). Made as the page renders, so a page that is not
rendered again costs nothing; nothing here reads a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from generator.pages.records import ActorView, ArticleView, ClaimView, EventView, Link
from generator.pages.schema_org import (
    At,
    Entity,
    actor_entity,
    claim_entities,
    collection,
    event_entity,
    modified,
    news_article,
    website,
)
from generator.when import iso_date

SCHEMA_ORG = "https://schema.org"
_JSON = json.JSONEncoder(separators=(",", ":"))  # ASCII: twice as fast as UTF-8 text


@dataclass(frozen=True, slots=True)
class StorySubject:
    """A story's page is about the story: its actors and events are what it names."""

    article: ArticleView
    actors: tuple[Link, ...]
    events: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class ActorSubject:
    actor: ActorView
    affiliations: tuple[Link, ...]
    members: tuple[Link, ...]
    relations: tuple[tuple[str, str], ...] = ()  # (type, the other's page) its file states
    related_by: tuple[tuple[str, str], ...] = ()  # ... and other files state of it


@dataclass(frozen=True, slots=True)
class EventSubject:
    event: EventView
    parent: Link | None
    sub_events: tuple[Link, ...]
    claims: tuple[ClaimView, ...]  # every claim about it, though its page shows only some


@dataclass(frozen=True, slots=True)
class ListSubject:
    """A list page (`home`: the site's home page), and what it lists the stories of, as a
    site-relative reference (`actors/x.html#actor`) for a part of a dossier's timeline."""

    name: str
    about: str = ""
    home: bool = False


Subject = StorySubject | ActorSubject | EventSubject | ListSubject


@dataclass(frozen=True, slots=True)
class Preview:
    """What a link preview shows: `og:title`, `og:type`, and a story's times."""

    title: str
    kind: str  # article | profile | website
    published: str = ""
    modified: str = ""


def linked_data(subject: Subject, at: At) -> Entity:
    """The page's JSON-LD: the schema.org context and the entities the page describes."""
    return {"@context": SCHEMA_ORG, "@graph": entities(subject, at)}


def entities(subject: Subject, at: At) -> list[Entity]:
    if isinstance(subject, StorySubject):
        return [news_article(at, subject.article, subject.actors, subject.events)]
    if isinstance(subject, ActorSubject):
        s = subject
        return [actor_entity(at, s.actor, s.affiliations, s.members, s.relations, s.related_by)]
    if isinstance(subject, EventSubject):
        event = event_entity(at, subject.event, subject.parent, subject.sub_events)
        return [event, *claim_entities(at, subject.claims)]
    if subject.home:
        return [website(at)]
    return [collection(at, subject.name, subject.about)]


def script_json(data: object) -> str:
    """JSON for inside a `<script>` element: `<`, `>` and `&` written as JSON escapes
    (`\\u003c`...), so that no text in it can end the element (`</script>`) or open an
    HTML comment (`<!--`), whatever a title holds; a JSON reader reads the same text."""
    text = _JSON.encode(data)
    if "<" in text or ">" in text or "&" in text:
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text


def preview(subject: Subject, site_title: str) -> Preview:
    if isinstance(subject, StorySubject):
        article = subject.article
        return Preview(article.title, "article", iso_date(article.date), modified(article))
    if isinstance(subject, ActorSubject):
        actor = subject.actor
        return Preview(actor.name, "profile" if actor.kind == "person" else "website")
    if isinstance(subject, EventSubject):
        return Preview(subject.event.name, "website")
    return Preview(site_title if subject.home else subject.name, "website")


@lru_cache(maxsize=32)
def og_locale(code: str) -> str:
    """A language tag as Open Graph writes a locale: `en-GB` -> `en_GB`; a language alone
    takes its likeliest territory (`fr` -> `fr_FR`; `en` -> `en_US`, Open Graph's default)."""
    parts = code.replace("_", "-").split("-")
    language = parts[0].lower()
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    if region:
        return f"{language}_{region}"
    if language == "en":
        return "en_US"
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(language, ""))
    territory = likely.split("_")[-1] if likely.count("_") >= 1 else ""
    return f"{language}_{territory}" if len(territory) == 2 else language


def head_tags(subject: Subject, at: At, summary: str) -> str:
    """The page's Open Graph and Twitter card meta and its JSON-LD script, one a line.
    `summary`: the page's description (HTML-escaped already if it is `Markup`)."""
    site = at.site
    shown = preview(subject, site.title)
    graph = [("og:type", shown.kind), ("og:title", shown.title)]
    graph += [("og:description", summary)] if summary else []
    graph += [("og:site_name", site.title), ("og:locale", og_locale(site.language))]
    graph += [("og:url", at.here)] if site.base_url else []
    graph += [("article:published_time", shown.published)] if shown.published else []
    graph += [("article:modified_time", shown.modified)] if shown.modified else []
    card = [("twitter:card", "summary"), ("twitter:title", shown.title)]
    card += [("twitter:description", summary)] if summary else []
    lines = [f'<meta property="{key}" content="{escape(value)}">' for key, value in graph]
    lines += [f'<meta name="{key}" content="{escape(value)}">' for key, value in card]
    script = script_json(linked_data(subject, at))
    lines.append(f'<script type="application/ld+json">{script}</script>')
    return "\n".join(lines)


@pass_context
def head_tags_filter(context: Context, subject: Subject, summary: str) -> Markup:
    """`{{ subject | head_tags(self.description()) }}` in `base.html`'s `<head>`."""
    at = At(str(context["page_path"]), str(context["root"]), context["site"])
    return Markup(head_tags(subject, at, summary))
