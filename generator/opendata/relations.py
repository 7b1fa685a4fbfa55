"""Typed ties between actors, as the data files write them.

`declared_relations` maps each of the actors' `relations:` (to, type, since, until,
source) to a `Tie`; relations.csv, the FollowTheMoney interval entities and the GEXF
relation edges all read them from there. Affiliations (`affiliations:`) are ties too,
with no type or dates: FollowTheMoney and the CSV of actors write them already.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model.site import Site
from generator.opendata.common import iso


@dataclass(frozen=True, slots=True)
class Tie:
    """A typed, dated, sourced tie from one actor to another (slugs)."""

    source_actor: str
    target_actor: str
    type: str  # as written: "spokesperson of", "member of", "son of", ...
    since: str = ""  # a date at its precision: 2012, 2012-05, 2012-05-04; "" unknown
    until: str = ""
    source: str = ""  # the story (slug) or URL it comes from


def declared_relations(site: Site) -> tuple[Tie, ...]:
    """Every actor's `relations:`, in the order of the actors' files and of their entries;
    dates at the precision given, the source as a story's slug or a web address."""
    ties = []
    for relation in site.relations:
        cited = relation.source
        source = ""
        if cited is not None:
            source = site.articles[cited.article].slug if cited.article is not None else ""
            source = source or cited.url or ""
        ties.append(
            Tie(
                relation.actor,
                relation.to,
                relation.type,
                iso(relation.since),
                iso(relation.until),
                source,
            )
        )
    return tuple(ties)


# FollowTheMoney's interval schema for a relation type, with the properties of its two ends
# and where the type goes; a type with none of these words (as the start of one of its
# words) is an UnknownLink.
Schema = tuple[str, str, str, str]  # schema, source property, target property, role property
UNKNOWN_LINK: Schema = ("UnknownLink", "subject", "object", "role")
_SCHEMATA: tuple[tuple[tuple[str, ...], Schema], ...] = (
    (("member",), ("Membership", "member", "organization", "role")),
    (("director", "chair", "board", "lead"), ("Directorship", "director", "organization", "role")),
    (
        ("employ", "staff", "spokes", "secretary", "minister", "adviser", "advisor"),
        ("Employment", "employee", "employer", "role"),
    ),
    (
        (
            *("family", "father", "mother", "son", "daughter", "brother", "sister", "wife"),
            *("husband", "spouse", "parent", "child", "sibling", "cousin", "uncle", "aunt"),
            "relative",
        ),
        ("Family", "person", "relative", "relationship"),
    ),
)


def schema_for(type_: str, source_kind: str, target_kind: str) -> Schema:
    """The interval schema for a tie of this type between actors of these kinds: Family
    only between people, Employment only from a person, all others only towards an
    organisation; else UnknownLink."""
    words = re.findall(r"\w+", type_.casefold())
    for keys, schema in _SCHEMATA:
        if not any(word.startswith(keys) for word in words):
            continue
        if schema[0] == "Family":
            people = source_kind == target_kind == "person"
            return schema if people else UNKNOWN_LINK
        person = source_kind == "person" or schema[0] != "Employment"
        return schema if person and target_kind == "organization" else UNKNOWN_LINK
    return UNKNOWN_LINK
