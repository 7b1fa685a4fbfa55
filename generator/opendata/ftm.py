"""entities.ftm.json: the site as FollowTheMoney entities, one JSON object a line.

In: a `Site`. Out: the lines, each `{"id", "schema", "properties"}` with every value a
list of strings (the form Aleph and OpenSanctions' tools load): a Person, Organization or
LegalEntity per actor, an Event per event (`involved`: its actors), an Article per story,
a Documentation entity for each actor or event a story names, a Membership (or
UnknownLink) for each affiliation, an UnknownLink from an event to the one it is part
of, and one interval entity per typed relation (`relations.declared_relations`), with
its dates at their precision and its source as `sourceUrl` (a story's page when the site
has a base_url). Every reference is to an entity in the same file; ids come from slugs
(`common.entity_id`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from generator.model.site import Actor, Article, Event, Site
from generator.opendata.common import PREFIX, address, entity_id, iso
from generator.opendata.relations import UNKNOWN_LINK, Tie, declared_relations, schema_for
from generator.urls import actor_url, article_url, event_url

Entity = dict[str, object]
SCHEMA_OF_KIND = {"person": "Person", "organization": "Organization", "other": "LegalEntity"}
NAMED, ABOUT = "named in the story", "the story is about it"  # a Documentation's role


def entity(id_: str, schema: str, **properties: list[str]) -> Entity:
    """An entity as FollowTheMoney's `to_dict` gives it, empty properties left out."""
    kept = {name: values for name, values in properties.items() if values}
    return {"id": id_, "schema": schema, "properties": kept}


def _one(value: str | None) -> list[str]:
    return [value] if value else []


def actor_entity(site: Site, actor: Actor) -> Entity:
    schema = SCHEMA_OF_KIND.get(actor.kind, "LegalEntity")
    role = "position" if schema == "Person" else "description"
    page = address(site.config, actor_url(actor.slug))
    return entity(
        entity_id("actor", actor.slug),
        schema,
        name=[actor.name],
        alias=list(actor.aliases),
        wikidataId=_one(actor.wikidata),
        sourceUrl=_one(page if site.config.base_url else None),
        **{role: _one(actor.role)},
    )


def event_entity(site: Site, event: Event) -> Entity:
    page = address(site.config, event_url(event.slug))
    involved = [entity_id("actor", slug) for slug, _ in site.event_actors.get(event.slug, ())]
    return entity(
        entity_id("event", event.slug),
        "Event",
        name=[event.name],
        startDate=_one(iso(event.date)),
        endDate=_one(iso(event.end)),
        location=_one(event.place),
        wikidataId=_one(event.wikidata),
        involved=involved,
        sourceUrl=_one(page if site.config.base_url else None),
    )


def article_entity(site: Site, article: Article) -> Entity:
    sources = article.sources or ((article.source,) if article.source else ())
    return entity(
        entity_id("article", article.slug),
        "Article",
        title=[article.title],
        publishedAt=[iso(article.date)],
        author=list(article.authors),
        summary=_one(article.summary),
        publisher=[s.name for s in sources if s.name][:1],
        sourceUrl=[s.url for s in sources if s.url],
        keywords=list(article.tags),
    )


def documentation(article: Article, kind: str, slug: str, role: str) -> Entity:
    """A story naming an actor, or being about an event."""
    return entity(
        entity_id("story", f"{article.slug}--{kind}-{slug}"),
        "Documentation",
        document=[entity_id("article", article.slug)],
        entity=[entity_id(kind, slug)],
        role=[role],
        date=[iso(article.date)],
    )


def documentation_lines(article: Article) -> Iterator[str]:
    """`documentation` for each actor and event a story names, as the lines `ftm_text`
    would encode, made by hand (there are several per story, and every value is an id, a
    date or a role: ASCII with nothing JSON escapes)."""
    story, date = article.slug, iso(article.date)
    for kind, slugs, role in (("actor", article.actors, NAMED), ("event", article.events, ABOUT)):
        for slug in slugs:
            yield (
                f'{{"id":"{PREFIX}-story-{story}--{kind}-{slug}","properties":{{"date":["{date}"],'
                f'"document":["{PREFIX}-article-{story}"],"entity":["{PREFIX}-{kind}-{slug}"],'
                f'"role":["{role}"]}},"schema":"Documentation"}}\n'
            )


def affiliation(site: Site, actor: Actor, org: str) -> Entity:
    """`affiliations:`: a Membership of an organisation, else an UnknownLink."""
    target = site.actors[org]
    tie = Tie(actor.slug, org, "affiliated with")
    if target.kind == "organization":
        return _interval(tie, ("Membership", "member", "organization", "role"), "affiliation")
    return _interval(tie, UNKNOWN_LINK, "affiliation")


def relation_entity(site: Site, tie: Tie, number: int) -> Entity:
    """A typed relation: the interval schema its type and the actors' kinds allow.
    `number` counts the relations from one actor to the same other (1 for the first), so
    that an id changes only when the relations between those two do."""
    kinds = (site.actors[tie.source_actor].kind, site.actors[tie.target_actor].kind)
    schema = schema_for(tie.type, *kinds)
    return _interval(tie, schema, f"relation-{number}", _source_url(site, tie))


def _source_url(site: Site, tie: Tie) -> str | None:
    """The web page a relation comes from, or its story's page when there is a base_url."""
    if tie.source.startswith(("http://", "https://")):
        return tie.source
    if tie.source and site.config.base_url:
        return address(site.config, article_url(tie.source))
    return None


def _interval(
    tie: Tie, schema: tuple[str, str, str, str], kind: str, url: str | None = None
) -> Entity:
    name, source, target, role = schema
    return entity(
        entity_id(kind, f"{tie.source_actor}--{tie.target_actor}"),
        name,
        **{
            source: [entity_id("actor", tie.source_actor)],
            target: [entity_id("actor", tie.target_actor)],
            role: [tie.type],
        },
        startDate=_one(tie.since),
        endDate=_one(tie.until),
        sourceUrl=_one(url),
    )


def entities(site: Site) -> Iterator[Entity]:
    """Actors, events, stories and what ties them, in the site's order."""
    yield from _things(site)
    for article in site.articles:
        yield article_entity(site, article)
        for slug in article.actors:
            yield documentation(article, "actor", slug, NAMED)
        for slug in article.events:
            yield documentation(article, "event", slug, ABOUT)
    yield from _ties(site)


def _things(site: Site) -> Iterator[Entity]:
    """The actors, then the events (each with what it is part of)."""
    for actor in site.actors.values():
        yield actor_entity(site, actor)
    for event in site.events.values():
        yield event_entity(site, event)
        if event.parent:
            yield entity(
                entity_id("part-of", f"{event.slug}--{event.parent}"),
                "UnknownLink",
                subject=[entity_id("event", event.slug)],
                object=[entity_id("event", event.parent)],
                role=["part of"],
            )


def _ties(site: Site) -> Iterator[Entity]:
    for actor in site.actors.values():
        for org in actor.affiliations:
            yield affiliation(site, actor, org)
    numbers: dict[tuple[str, str], int] = {}
    for tie in declared_relations(site):
        pair = (tie.source_actor, tie.target_actor)
        numbers[pair] = numbers.get(pair, 0) + 1
        yield relation_entity(site, tie, numbers[pair])


def ftm_text(site: Site) -> str:
    """entities.ftm.json: one compact JSON object a line, keys sorted, UTF-8: the lines of
    `entities`, with those of `documentation` made by `documentation_lines`."""
    dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
    lines = [dump(item) + "\n" for item in _things(site)]
    for article in site.articles:
        lines.append(dump(article_entity(site, article)) + "\n")
        lines.extend(documentation_lines(article))
    lines.extend(dump(item) + "\n" for item in _ties(site))
    return "".join(lines)
