"""The CSV files: actors.csv, events.csv, claims.csv, quotes.csv and relations.csv.

In: a `Site`. Out: each `Table`'s columns and rows of text, one function per file from
model records to rows. A column is one `Column` in its file's list (which the "Open data"
page documents) and one cell in its row function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from generator.language import N_
from generator.model.claims import Claim
from generator.model.site import Site
from generator.opendata.cells import Column, csv_text
from generator.opendata.common import address, entity_id, iso, joined, plain_text
from generator.opendata.relations import declared_relations
from generator.urls import actor_url, article_url, event_url

Row = Sequence[str]


@dataclass(frozen=True, slots=True)
class Table:
    """One CSV file: its name under data/, what it lists, its columns, its rows."""

    name: str
    about: str
    columns: tuple[Column, ...]
    rows: Callable[[Site], Iterator[Row]]

    def text(self, site: Site) -> str:
        return csv_text(self.columns, self.rows(site))


ACTOR_COLUMNS = (
    Column("id", N_("The actor's id in entities.ftm.json and graph.gexf.")),
    Column("slug", N_("The actor's page name: actors/SLUG.html.")),
    Column("name", N_("The name the site gives it.")),
    Column("kind", N_("person, organization or other.")),
    Column("aliases", N_("Other names, separated by a semicolon and a space.")),
    Column("role", N_("Its role, as the site describes it.")),
    Column("affiliations", N_('Slugs of the actors it belongs to, separated by "; ".')),
    Column("wikidata", N_("Its Wikidata item id (Q…), if the site gives one.")),
    Column("url", N_("Its page: absolute when the site has a base_url, else site-relative.")),
    Column("stories", N_("How many stories name it.")),
    Column("own_file", N_("true when it has a file of its own; false when only stories name it.")),
)


def actor_rows(site: Site) -> Iterator[Row]:
    for slug, actor in site.actors.items():
        yield (
            entity_id("actor", slug),
            slug,
            actor.name,
            actor.kind,
            joined(actor.aliases),
            actor.role or "",
            joined(actor.affiliations),
            actor.wikidata or "",
            address(site.config, actor_url(slug)),
            str(len(site.actor_articles.get(slug, ()))),
            "true" if actor.path is not None else "false",
        )


EVENT_COLUMNS = (
    Column("id", N_("The event's id in entities.ftm.json.")),
    Column("slug", N_("The event's page name: events/SLUG.html.")),
    Column("name", N_("The name the site gives it.")),
    Column("date", N_("When it began, as precise as the site knows it (ISO 8601).")),
    Column("end", N_("When it ended, if the site says (ISO 8601).")),
    Column("circa", N_("true when the dates are approximate, else false.")),
    Column("place", N_("Where it happened.")),
    Column("parent", N_("The slug of the event it is part of.")),
    Column("wikidata", N_("Its Wikidata item id (Q…), if the site gives one.")),
    Column("url", N_("Its page: absolute when the site has a base_url, else site-relative.")),
    Column("stories", N_("How many stories are about it.")),
    Column("actors", N_("Slugs of the actors its stories name, most often named first.")),
)


def event_rows(site: Site) -> Iterator[Row]:
    for slug, event in site.events.items():
        yield (
            entity_id("event", slug),
            slug,
            event.name,
            iso(event.date),
            iso(event.end),
            "true" if event.date is not None and event.date.circa else "false",
            event.place or "",
            event.parent or "",
            event.wikidata or "",
            address(site.config, event_url(slug)),
            str(len(site.event_articles.get(slug, ()))),
            joined([actor for actor, _ in site.event_actors.get(slug, ())]),
        )


STORY_COLUMNS = (
    Column("story", N_("The story's page name: articles/SLUG.html.")),
    Column("story_title", N_("The story's title.")),
    Column("story_date", N_("The story's date (ISO 8601).")),
)

VERDICT_COLUMNS = (
    Column(
        "status",
        N_("The site's verdict on the claim: unverified, confirmed, disputed, false or retracted."),
    ),
    Column(
        "evidence",
        N_("What supports the verdict: stories' pages and web addresses, separated by '; '."),
    ),
)

CLAIM_COLUMNS = (
    *STORY_COLUMNS,
    Column("by", N_("The slug of the actor who makes the claim.")),
    Column("by_name", N_("That actor's name.")),
    Column("about", N_("The slug of the event the claim is about.")),
    Column("about_name", N_("That event's name.")),
    Column("stance", N_("asserts, denies, disputes or confirms.")),
    Column("text", N_("What the actor says.")),
    *VERDICT_COLUMNS,
    Column("url", N_("The story's page: absolute when the site has a base_url.")),
)


def _verdict(site: Site, claim: Claim) -> tuple[str, str]:
    """The cells of VERDICT_COLUMNS: the verdict, and where its evidence is."""
    evidence = [
        address(site.config, article_url(site.articles[cited.article].slug))
        if cited.article is not None
        else cited.url or ""
        for cited in claim.evidence
    ]
    return claim.status, joined(evidence)


def _story(site: Site, index: int) -> tuple[str, str, str]:
    article = site.articles[index]
    return (article.slug, article.title, iso(article.date))


def claim_rows(site: Site) -> Iterator[Row]:
    for claim in sorted(site.claims, key=lambda c: c.article):  # stable: in file order
        actor, event = site.actors[claim.by], site.events[claim.about]
        story = _story(site, claim.article)
        yield (
            *story,
            claim.by,
            actor.name,
            claim.about,
            event.name,
            claim.stance,
            claim.text,
            *_verdict(site, claim),
            address(site.config, article_url(story[0])),
        )


QUOTE_COLUMNS = (
    *STORY_COLUMNS,
    Column("actor", N_("The slug of the actor quoted.")),
    Column("actor_name", N_("That actor's name.")),
    Column("text", N_("The quotation, as plain text.")),
    Column("url", N_("The story's page: absolute when the site has a base_url.")),
)


def quote_rows(site: Site) -> Iterator[Row]:
    found = [
        (index, quote.line, actor, quote.html)
        for actor, quotes in site.quotes.items()
        for index, quote in quotes
    ]
    for index, _, actor, html in sorted(found):
        story = _story(site, index)
        name = site.actors[actor].name
        url = address(site.config, article_url(story[0]))
        yield (*story, actor, name, plain_text(html), url)


RELATION_COLUMNS = (
    Column("from", N_("The slug of the actor the relation goes from.")),
    Column("from_name", N_("That actor's name.")),
    Column("to", N_("The slug of the actor it goes to.")),
    Column("to_name", N_("That actor's name.")),
    Column("type", N_('The relation, as the site words it ("spokesperson of").')),
    Column("since", N_("When it began, as precise as the site knows it.")),
    Column("until", N_("When it ended, if it did.")),
    Column("source", N_("The story or address the site gives for it.")),
)


def relation_rows(site: Site) -> Iterator[Row]:
    for tie in declared_relations(site):
        source, target = site.actors[tie.source_actor], site.actors[tie.target_actor]
        yield (
            tie.source_actor,
            source.name,
            tie.target_actor,
            target.name,
            tie.type,
            tie.since,
            tie.until,
            _cited(site, tie.source),
        )


def _cited(site: Site, source: str) -> str:
    """A relation's source as claims.csv gives evidence: a story's page address (absolute
    under base_url), or the web address as written."""
    if not source or source.startswith(("http://", "https://")):
        return source
    return address(site.config, article_url(source))


TABLES = (
    Table(
        "actors.csv",
        N_("Every actor: people, organisations and others."),
        ACTOR_COLUMNS,
        actor_rows,
    ),
    Table("events.csv", N_("Every event, oldest first."), EVENT_COLUMNS, event_rows),
    Table(
        "claims.csv",
        N_("Who claims what about which event, in which story."),
        CLAIM_COLUMNS,
        claim_rows,
    ),
    Table(
        "quotes.csv",
        N_("Every attributed quotation in the stories, oldest story first."),
        QUOTE_COLUMNS,
        quote_rows,
    ),
    Table(
        "relations.csv",
        N_("Typed, dated ties between actors, from their files."),
        RELATION_COLUMNS,
        relation_rows,
    ),
)
