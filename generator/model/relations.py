"""Typed ties between actors, and the sources of what an actor's file says of them.

In: the actor documents (`relations:`, and the sources of `role:` and `affiliations:`), the
actor `Names` and the site's `Stories`. Out: `Relation` records in file order, each
with the other actor resolved and its type matched with the vocabulary (`VOCABULARY`,
with the wording for the other side); `Citation`s for sourced roles and affiliations;
errors at the entry's line for an actor or an article the site does not know, or a
relation of an actor to itself; warnings for a type a letter or a synonym away from one
of the vocabulary.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError
from generator.language import N_
from generator.model.citations import Citation, Stories
from generator.model.names import Names
from generator.source.parse import ActorDoc
from generator.source.schema import Name
from generator.when import When

# The vocabulary: each type, and how the other actor's page words it.
VOCABULARY: Mapping[str, str] = {
    N_("member of"): N_("has member"),
    N_("leads"): N_("led by"),
    N_("spokesperson of"): N_("has spokesperson"),
    N_("employed by"): N_("employs"),
    N_("part of"): N_("includes"),
    N_("owns"): N_("owned by"),
    N_("family of"): N_("family of"),
    N_("ally of"): N_("ally of"),
    N_("opponent of"): N_("opponent of"),
}
MEMBERSHIP = ("member of", "employed by", "part of")  # types that an affiliation may be
# Other words for a type of the vocabulary, suggested where they are used.
SYNONYMS = {
    "spokesman of": "spokesperson of",
    "spokeswoman of": "spokesperson of",
    "spokesperson for": "spokesperson of",
    "leader of": "leads",
    "head of": "leads",
    "works for": "employed by",
    "owner of": "owns",
    "allied with": "ally of",
    "opposes": "opponent of",
}


@dataclass(frozen=True, slots=True)
class Relation:
    """A tie `actor`'s file states: `actor` is `type` `to` (both actor slugs), from
    `since` to `until`, on the word of an article of the site or a web address."""

    actor: str
    to: str
    type: str  # a type of the vocabulary as written there, or the writer's own words
    since: When | None
    until: When | None
    source: Citation | None  # a story of the site or a web page
    path: Path
    line: int

    @property
    def inverse(self) -> str | None:
        """The type as the other actor's page words it; None for a type of one's own."""
        return VOCABULARY.get(self.type)


@dataclass(frozen=True, slots=True)
class Ties:
    """The relations of the site in file order, and for each actor (by slug) those its
    file states (`of`) and those other files state of it (`to`), as indexes into them;
    the sources of each actor's role and affiliations; the warnings found."""

    relations: tuple[Relation, ...]
    of: Mapping[str, tuple[int, ...]]
    to: Mapping[str, tuple[int, ...]]
    role_sources: Mapping[str, Citation]
    affiliation_sources: Mapping[str, tuple[tuple[str, Citation], ...]]
    warnings: tuple[ContentError, ...]


def resolve_ties(
    docs: Iterable[ActorDoc],
    names: Names,
    stories: Stories,
    errors: list[ContentError],
) -> Ties:
    """Each relation whose other actor is one of the site's; the sources of roles and
    affiliations."""

    def cite(path: Path, ref: Name | None, what: str) -> Citation | None:
        return None if ref is None else stories.cite(path, ref, what, errors)

    relations: list[Relation] = []
    warnings: list[ContentError] = []
    roles: dict[str, Citation] = {}
    affiliations: dict[str, tuple[tuple[str, Citation], ...]] = {}
    for doc in sorted(docs, key=lambda d: d.path):
        for entry in doc.relations:
            kind = _kind(entry.type, doc.path, entry.line, warnings)
            to = _actor(names, doc, entry.to, errors)
            source = cite(doc.path, entry.source, "relation: source")
            if to is not None:
                relations.append(
                    Relation(
                        *(doc.slug, to, kind, entry.since, entry.until, source),
                        *(doc.path, entry.line),
                    )
                )
        role = cite(doc.path, doc.role_source, "role: source")
        if role is not None:
            roles[doc.slug] = role
        cited = []
        for name, ref in zip(doc.affiliations, doc.affiliation_sources, strict=False):
            found = names.lookup(name.text)
            source = cite(doc.path, ref, "affiliation: source")
            if source is not None and len(found) == 1:
                cited.append((next(iter(found)), source))
        if cited:
            affiliations[doc.slug] = tuple(cited)
    stated: dict[str, list[int]] = {}
    stated_of: dict[str, list[int]] = {}
    for index, relation in enumerate(relations):
        stated.setdefault(relation.actor, []).append(index)
        stated_of.setdefault(relation.to, []).append(index)
    return Ties(
        tuple(relations),
        {slug: tuple(found) for slug, found in stated.items()},
        {slug: tuple(found) for slug, found in stated_of.items()},
        roles,
        affiliations,
        tuple(warnings),
    )


def affiliation_source(
    org: str, actor_relations: Iterable[Relation], cited: Iterable[tuple[str, Citation]]
) -> Citation | None:
    """What supports an actor's affiliation with `org`: its own source, else that of a
    relation of the actor to `org` of a membership type (member of, employed by, part of)."""
    for slug, citation in cited:
        if slug == org:
            return citation
    for relation in actor_relations:
        if relation.to == org and relation.type in MEMBERSHIP and relation.source:
            return relation.source
    return None


def _kind(written: str, path: Path, line: int, warnings: list[ContentError]) -> str:
    """A type of the vocabulary, in any case; or the writer's own words, with a warning
    when they are near one of the vocabulary."""
    key = " ".join(written.casefold().split())
    if key in VOCABULARY:
        return key
    meant = SYNONYMS.get(key) or next(
        iter(difflib.get_close_matches(key, VOCABULARY, n=1, cutoff=0.75)), None
    )
    if meant is not None:
        message = (
            f'relation: "type: {written}" is not one of the usual types; did you mean '
            f'"{meant}"? (a type of your own is shown as written, and the other actor\'s '
            "page cannot word it from their side)"
        )
        warnings.append(ContentError(path, line, message))
    return written


def _actor(names: Names, doc: ActorDoc, to: Name, errors: list[ContentError]) -> str | None:
    found = names.lookup(to.text, (doc.path, to.line))
    if len(found) > 1:
        errors.append(
            ContentError(doc.path, to.line, f"relation: {names.ambiguous(to.text, found)}")
        )
        return None
    if not found:
        meant = names.suggest(to.text)
        fix = (
            "name an actor of the site by its name, an alias or its file name"
            if meant is None
            else f'did you mean "{meant.text}" ({meant.path})?'
        )
        message = f'relation: "to: {to.text}" names no actor of the site; {fix}'
        errors.append(ContentError(doc.path, to.line, message))
        return None
    slug = next(iter(found))
    if slug == doc.slug:
        message = f'relation: "to: {to.text}" is this actor itself; name another actor'
        errors.append(ContentError(doc.path, to.line, message))
        return None
    return slug
