"""People and organisations from a FollowTheMoney file, as `dossier import --ftm` reads them.

In: the bytes of a FollowTheMoney file, one JSON entity a line (as Aleph, OpenSanctions
and `dossier export --format ftm` write it). Out: an `Incoming` per Person (kind person),
Organization, Company or PublicBody (organization) and LegalEntity (other): its first
name, its other names and aliases, its Wikidata id; a `ContentError` at the line of each
entity that cannot be read, and how many entities of other schemata were passed over.
Pure: no other entity is looked at, nothing is validated beyond what an actor file needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError
from generator.source.schema import CONTROL, WIKIDATA

KINDS = {
    "Person": "person",
    "Organization": "organization",
    "Company": "organization",
    "PublicBody": "organization",
    "LegalEntity": "other",
}


@dataclass(frozen=True, slots=True)
class Incoming:
    """One actor as the file gives it."""

    line: int
    id: str
    name: str
    aliases: tuple[str, ...]  # its other `name` values, then its `alias` values, once each
    kind: str
    wikidata: str | None


def _texts(properties: dict[str, object], key: str) -> list[str]:
    values = properties.get(key, [])
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        return []
    cleaned = (" ".join(CONTROL.sub(" ", v).split()) for v in values if isinstance(v, str))
    return [v for v in cleaned if v]


def read_entities(path: Path, data: bytes) -> tuple[list[Incoming], list[ContentError], int]:
    """The actors of a FollowTheMoney file, the lines that cannot be read, and how many
    entities of other schemata it holds."""
    found: list[Incoming] = []
    errors: list[ContentError] = []
    others = 0
    for number, raw in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            entity = json.loads(raw)
        except json.JSONDecodeError as exc:
            message = f"not a JSON object ({exc.msg}); each line must hold one entity"
            errors.append(ContentError(path, number, message))
            continue
        if not isinstance(entity, dict) or not isinstance(entity.get("properties"), dict):
            errors.append(ContentError(path, number, 'not an entity: no "properties" mapping'))
            continue
        kind = KINDS.get(str(entity.get("schema", "")))
        if kind is None:
            others += 1
            continue
        properties = entity["properties"]
        names = _texts(properties, "name")
        if not names:
            message = f"{entity.get('schema')} {entity.get('id', '')} has no name; give it one"
            errors.append(ContentError(path, number, message))
            continue
        aliases = [
            a for a in dict.fromkeys(names[1:] + _texts(properties, "alias")) if a != names[0]
        ]
        ids = [m.group(1) for v in _texts(properties, "wikidataId") if (m := WIKIDATA.fullmatch(v))]
        incoming = Incoming(
            number,
            str(entity.get("id", "")),
            names[0],
            tuple(aliases),
            kind,
            ids[0] if ids else None,
        )
        found.append(incoming)
    return found, errors, others
