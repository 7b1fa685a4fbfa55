"""An actor's relations, and the sources of its role and affiliations, as pages show them.

In: the `Site` (its relations and articles) and its `SiteIndex`. Out: for an actor's page,
a `RelationView` per relation its file states and per relation other files state of it
(the type worded for this side, in the page's language; the dates; the source), and a
`CitationView` for its role and for each affiliation (the story, and the story's own
sources; or a web address). Also the label a graph writes along a relation's line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.language import Language
from generator.model.citations import Citation
from generator.model.relations import Relation, affiliation_source
from generator.model.site import Site
from generator.pages.records import Card, Link
from generator.pages.shared import SiteIndex
from generator.source.sources import Source
from generator.when import When

RELATIONS_SHOWN = 200  # on one actor's page, of each direction (the rest is in the data)


@dataclass(frozen=True, slots=True)
class CitationView:
    """What supports a fact: a story of the site, with its own sources, or a web page."""

    story: Card | None
    sources: tuple[Source, ...]  # the story's own, as its page lists them
    url: str | None  # a web page, when the source is not a story
    host: str  # that page's site, as the link says it


@dataclass(frozen=True, slots=True)
class RelationView:
    """One relation on an actor's page, worded for that actor's side."""

    label: str  # the type: "spokesperson of", "has spokesperson", or the writer's words
    other: Link
    stated_here: bool  # this actor's file states it
    own_words: bool  # a type outside the vocabulary, stated by the other actor's file
    when: str  # "since 2012", "2012-2016", "until May 2023", or ""
    since: str  # the dates as ISO text (`2012`, `2023-05`), for <time datetime>
    until: str
    source: CitationView | None


def relation_label(relation: Relation, language: Language, *, inverse: bool = False) -> str:
    """The type of a relation in the page's language; from the other actor's side with
    `inverse` (a type outside the vocabulary stays as written)."""
    word = relation.inverse if inverse else relation.type
    if relation.inverse is None or word is None:
        return relation.type
    return language.gettext(word)


def dates(since: When | None, until: When | None, language: Language) -> str:
    if since is not None and until is not None:
        return language.span(since, until)
    if since is not None:
        return language.gettext("since %(date)s") % {"date": language.when(since)}
    if until is not None:
        return language.gettext("until %(date)s") % {"date": language.when(until)}
    return ""


class Cited:
    """Relations and citations as an actor's page shows them; made once per build."""

    def __init__(self, site: Site, shared: SiteIndex) -> None:
        self.site = site
        self.shared = shared

    def citation(self, found: Citation | None) -> CitationView | None:
        if found is None:
            return None
        if found.url is not None:
            host = urlsplit(found.url).netloc.removeprefix("www.")
            return CitationView(None, (), found.url, host)
        index = found.article
        if index is None:
            return None
        article = self.site.articles[index]
        sources = article.sources or ((article.source,) if article.source else ())
        return CitationView(self.shared.card(index), sources, None, "")

    def relations(self, slug: str) -> list[RelationView]:
        """The relations this actor's file states, in file order, then those other files
        state of it."""
        site, language = self.site, self.shared.language
        stated = [site.relations[i] for i in site.relations_from.get(slug, ())]
        of_it = [site.relations[i] for i in site.relations_to.get(slug, ())]
        views = []
        for here, found in ((True, stated), (False, of_it)):
            for r in found[:RELATIONS_SHOWN]:
                views.append(
                    RelationView(
                        label=relation_label(r, language, inverse=not here),
                        other=self.shared.actor_link(r.to if here else r.actor),
                        stated_here=here,
                        own_words=not here and r.inverse is None,
                        when=dates(r.since, r.until, language),
                        since=r.since.iso() if r.since else "",
                        until=r.until.iso() if r.until else "",
                        source=self.citation(r.source),
                    )
                )
        return views

    def affiliations(self, slug: str) -> list[CitationView | None]:
        """The source of each affiliation of the actor, in their order: its own, or that
        of a membership relation to the same actor."""
        actor = self.site.actors[slug]
        stated = self._stated(slug)
        return [
            self.citation(affiliation_source(org, stated, actor.affiliation_sources))
            for org in actor.affiliations
        ]

    def _stated(self, slug: str) -> Sequence[Relation]:
        return [self.site.relations[i] for i in self.site.relations_from.get(slug, ())]
