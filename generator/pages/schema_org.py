"""schema.org entities as plain dicts, made from the view records a page already holds.

In: view records (`ArticleView`, `ActorView`, `EventView`, `Link`, `ClaimView`) and `At`,
where the page is. Out: one dict per entity (`NewsArticle`, `Person`, `Organization`,
`Thing`, `Event`, `Claim`, `ClaimReview`, `WebSite`, `CollectionPage`), ready for
`json.dumps`. Every entity has a stable `@id`: its page's URL and a fragment (`#article`,
`#actor`, `#event`, `#claim-…`), absolute under `base_url`, else relative to the page
being written (so that a JSON-LD reader resolves it to the same page from anywhere).
Another entity is referred to by its `@id` alone; it is described on its own page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.model.site import sort_key
from generator.outputs.feeds import absolute_url
from generator.pages.records import (
    VERDICT_LABELS,
    ActorView,
    ArticleView,
    ClaimView,
    EventView,
    Link,
)
from generator.source.config import Config
from generator.source.schema import Moment
from generator.source.sources import Source
from generator.when import iso_date

Entity = dict[str, object]
HOME = "index.html"
WIKIDATA = "https://www.wikidata.org/wiki/"
ACTOR_TYPES = {"person": "Person", "organization": "Organization"}  # other: Thing
UNVERIFIED = "unverified"  # a claim the site has not judged: no ClaimReview
PERSON, ORGANIZATION = frozenset({"Person"}), frozenset({"Organization"})
BOTH = PERSON | ORGANIZATION
# a relation's type (`relations:`, model.relations.VOCABULARY) -> the schema.org property
# on the actor whose file states it, and the kinds of actor that property belongs to
# (none for `owns`: schema.org's `owns` is of products, not of organisations)
RELATIONS: dict[str, tuple[str, frozenset[str]]] = {
    "member of": ("memberOf", BOTH),
    "employed by": ("worksFor", PERSON),
    "spokesperson of": ("worksFor", PERSON),
    "part of": ("parentOrganization", ORGANIZATION),
    "family of": ("relatedTo", PERSON),
}
# ... and on the other actor, the one the relation is to ("has member": `member`)
INVERSE_RELATIONS: dict[str, tuple[str, frozenset[str]]] = {
    "member of": ("member", ORGANIZATION),
    "employed by": ("employee", ORGANIZATION),
    "spokesperson of": ("employee", ORGANIZATION),
    "part of": ("subOrganization", ORGANIZATION),
    "family of": ("relatedTo", PERSON),
}


@dataclass(frozen=True, slots=True)
class At:
    """Where the page being written is: its site-relative path, the way back to the site's
    root (`../` per folder), and the site's settings (title, base_url, language)."""

    page: str
    root: str
    site: Config

    def url(self, target: str) -> str:
        """A site-relative URL as the page's JSON-LD writes it."""
        base = self.site.base_url
        return absolute_url(base, target) if base else self.root + target

    def id(self, target: str, fragment: str) -> str:
        """The `@id` of the entity described on the page at `target`."""
        return f"{self.url(target)}#{fragment}"

    def ref(self, target: str, fragment: str) -> Entity:
        return {"@id": self.id(target, fragment)}

    @property
    def here(self) -> str:
        return self.url(self.page)


def modified(article: ArticleView) -> str:
    """When a story last changed: its newest update's date; "" for a story never updated."""
    dates = [u.date for u in article.updates]
    return iso_date(max(dates, key=sort_key)) if dates else ""


def publisher(at: At) -> Entity:
    """The site as the publisher of every page: described in full wherever it is named."""
    site = at.site
    return {
        "@type": "Organization",
        "@id": at.id(HOME, "publisher"),
        "name": site.title,
        "url": site.base_url or at.url(HOME),
    }


def website(at: At) -> Entity:
    """The site itself, the home page's entity."""
    found: Entity = {"@type": "WebSite", "@id": at.id(HOME, "website"), "name": at.site.title}
    found["url"] = at.site.base_url or at.url(HOME)
    if at.site.description:
        found["description"] = at.site.description
    found |= {"inLanguage": at.site.language, "publisher": publisher(at)}
    return found


def collection(at: At, name: str, about: str = "") -> Entity:
    """A list page (stories, actors, events, corrections, a part of a timeline)."""
    found: Entity = {"@type": "CollectionPage", "@id": at.id(at.page, "page"), "name": name}
    found |= {"url": at.here, "inLanguage": at.site.language}
    found["isPartOf"] = at.ref(HOME, "website")
    if about:
        page, _, fragment = about.partition("#")
        found["about"] = at.ref(page, fragment)
    return found


def news_article(
    at: At, article: ArticleView, actors: Sequence[Link], events: Sequence[Link]
) -> Entity:
    """A story: who wrote it and when, what it is about, and what it is based on."""
    found: Entity = {"@type": "NewsArticle", "@id": at.id(at.page, "article")}
    found |= {"url": at.here, "mainEntityOfPage": at.here, "headline": article.title}
    if article.summary:
        found["description"] = article.summary
    found["datePublished"] = iso_date(article.date)
    if article.updates:
        found["dateModified"] = modified(article)
    if article.authors:
        found["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    found |= {"publisher": publisher(at), "inLanguage": at.site.language}
    found["isPartOf"] = at.ref(HOME, "website")
    if events:
        found["about"] = [at.ref(link.url, "event") for link in events]
    if actors:
        found["mentions"] = [at.ref(link.url, "actor") for link in actors]
    sources = article.sources or ((article.source,) if article.source else ())
    if sources:
        found["isBasedOn"] = [source_work(s) for s in sources]
    if article.tags:
        found["keywords"] = list(article.tags)
    return found


def source_work(source: Source) -> Entity:
    """A story's source, with its archived copy when a web archive holds one."""
    found: Entity = {"@type": "CreativeWork", "name": source.name}
    if source.url:
        found["url"] = source.url
    if source.archived:
        found["archivedAt"] = source.archived
    return found


def actor_entity(
    at: At,
    actor: ActorView,
    affiliations: Sequence[Link],
    members: Sequence[Link],
    relations: Iterable[tuple[str, str]] = (),
    related_by: Iterable[tuple[str, str]] = (),
) -> Entity:
    """A person, an organisation or another actor: names, Wikidata, role, ties.
    `relations`: (type, the other actor's page) for each relation the actor's file states;
    `related_by`: the same for each relation another actor's file states of it."""
    kind = ACTOR_TYPES.get(actor.kind, "Thing")
    found: Entity = {"@type": kind, "@id": at.id(at.page, "actor"), "name": actor.name}
    found |= {"url": at.here, "mainEntityOfPage": at.here}
    if actor.aliases:
        found["alternateName"] = list(actor.aliases)
    if actor.wikidata:
        found["sameAs"] = WIKIDATA + actor.wikidata
    if actor.role:
        found["jobTitle" if kind == "Person" else "description"] = actor.role
    tie = {"Person": "affiliation", "Organization": "memberOf"}.get(kind)
    if tie and affiliations:
        found[tie] = [at.ref(link.url, "actor") for link in affiliations]
    if kind == "Organization" and members:
        found["member"] = [at.ref(link.url, "actor") for link in members]
    for inverse, pairs in ((False, relations), (True, related_by)):
        for name, refs in related(at, kind, pairs, inverse=inverse).items():
            known = found.get(name)
            listed: list[object] = list(known) if isinstance(known, list) else []
            found[name] = listed + [ref for ref in refs if ref not in listed]
    return found


def relation_property(relation: str, kind: str, *, inverse: bool = False) -> str | None:
    """The schema.org property an actor of `kind` (`Person`, `Organization`, `Thing`) has
    for a relation of this type ("member of" -> `memberOf`), or, with `inverse`, for one
    of this type to it ("member of" -> `member`); None where schema.org has no property
    for it on that kind (an ally, an opponent, who leads whom)."""
    table = INVERSE_RELATIONS if inverse else RELATIONS
    found = table.get(" ".join(relation.casefold().split()))
    return found[0] if found is not None and kind in found[1] else None


def related(
    at: At, kind: str, relations: Iterable[tuple[str, str]], *, inverse: bool = False
) -> dict[str, list[Entity]]:
    """(type, the other actor's page) pairs -> references to those actors, by property."""
    found: dict[str, list[Entity]] = {}
    for relation, target in relations:
        name = relation_property(relation, kind, inverse=inverse)
        if name is not None:
            found.setdefault(name, []).append(at.ref(target, "actor"))
    return found


def event_entity(
    at: At, event: EventView, parent: Link | None, sub_events: Sequence[Link]
) -> Entity:
    """An event: when, where, what it is part of and what it includes."""
    found: Entity = {"@type": "Event", "@id": at.id(at.page, "event"), "name": event.name}
    found |= {"url": at.here, "mainEntityOfPage": at.here}
    if event.date is not None:
        found["startDate"] = iso_date(event.date)
    if event.end is not None:
        found["endDate"] = iso_date(event.end)
    if event.place:
        found["location"] = {"@type": "Place", "name": event.place}
    if event.wikidata:
        found["sameAs"] = WIKIDATA + event.wikidata
    if parent is not None:
        found["superEvent"] = at.ref(parent.url, "event")
    if sub_events:
        found["subEvent"] = [at.ref(link.url, "event") for link in sub_events]
    return found


def claim_entities(at: At, claims: Sequence[ClaimView]) -> list[Entity]:
    """Each claim about an event once, with every story it appears in (oldest first) and,
    where the site gives a verdict, its review (the verdict of the newest story that gives
    the claim). One actor saying one thing with one stance in several stories is one claim."""
    found: dict[tuple[str, str, str], tuple[Entity, list[Entity]]] = {}
    verdicts: dict[tuple[str, str, str], ClaimView] = {}
    for claim in sorted(claims, key=lambda c: c.article):
        key = (claim.by.url, claim.stance, claim.text)
        story = at.ref(claim.story.url, "article")
        verdicts[key] = claim
        if key in found:
            found[key][1].append(story)
            continue
        entity: Entity = {"@type": "Claim", "@id": at.id(at.page, "claim-" + _key(key))}
        entity |= {"name": f"{claim.by.text} {claim.stance}: {claim.text}", "text": claim.text}
        entity |= {"author": at.ref(claim.by.url, "actor"), "about": at.ref(at.page, "event")}
        appearances = [story]
        entity |= {"appearance": appearances, "firstAppearance": story}
        found[key] = (entity, appearances)
    entities = [entity for entity, _ in found.values()]
    reviews = []
    for key, (entity, _) in found.items():
        judged = verdicts[key]
        review = claim_review(at, entity, judged.status, judged.story.date)
        if review is not None:
            reviews.append(review)
    return entities + reviews


def claim_review(
    at: At, claim: Entity, status: str | None, published: Moment | None = None
) -> Entity | None:
    """The site's verdict on a claim (`status:`) as a ClaimReview, given in a story of
    that date, or None where the site gives none (`unverified`, or no status)."""
    if status is None or status == UNVERIFIED or status not in VERDICT_LABELS:
        return None
    claim_id = str(claim["@id"])
    review: Entity = {"@type": "ClaimReview", "@id": claim_id.replace("#claim-", "#review-")}
    review |= {"url": at.here, "claimReviewed": claim["text"]}
    review |= {"itemReviewed": {"@id": claim_id}, "author": publisher(at)}
    if published is not None:
        review["datePublished"] = iso_date(published)
    review["reviewRating"] = {"@type": "Rating", "alternateName": VERDICT_LABELS[status]}
    return review


def _key(parts: tuple[str, ...]) -> str:
    """A short, stable fragment for a claim: the same claim keeps it from build to build."""
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=5).hexdigest()
