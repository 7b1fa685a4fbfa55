"""An actor's ties as written: `relations:`, and the sourced forms of `role:` and
`affiliations:`.

In: the actor's front matter, through its `FieldReader`. Out: `RelationDoc`s (to whom,
what kind of tie, since and until when, and on whose word), the role and each affiliation
with the source that supports it, and an error at the entry's line for each mistake.

A source is an article of the site, named as other front matter names one (its file name:
`2023-05-04-peskov-briefing`, or `articles/2023-05-04-peskov-briefing`), or a web address
(http or https only). Which article a name means is the model's business
(`model.citations`); here it is only told apart from an address (`is_address`), and kept
as written, with its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.slugs import story_slug
from generator.source.schema import CONTROL, FieldReader, Name, is_address, is_web_url
from generator.when import When, parse_when

RELATION_KEYS = ("to", "type", "since", "until", "source")
_EXAMPLE = "{to: Kremlin, type: spokesperson of, since: 2012}"


@dataclass(frozen=True, slots=True)
class RelationDoc:
    """One `relations:` entry as written: a typed, dated, sourced tie to another actor."""

    to: Name
    type: str  # as written, spaces folded; the model matches it with the vocabulary
    since: When | None
    until: When | None
    source: Name | None  # an article (file name) or a web address, as written
    line: int


def read_relations(f: FieldReader, key: str) -> tuple[RelationDoc, ...]:
    shape = f"a list of entries like {_EXAMPLE}"
    return f.entries(key, shape, lambda _, item, line: _relation(f, key, item, line))


def _relation(f: FieldReader, key: str, item: object, line: int) -> RelationDoc | None:
    if not isinstance(item, dict):
        f.fail(key, f"each relation must be a mapping like {_EXAMPLE}", line)
        return None
    unknown = [str(k) for k in item if k not in RELATION_KEYS]
    if unknown:
        f.fail(
            key,
            f"relation: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} "
            f"(known: {', '.join(RELATION_KEYS)})",
            line,
        )
    to, kind = _words(item.get("to")), _words(item.get("type"))
    if not to:
        f.fail(key, 'relation: "to" is missing; name the other actor, as in to: Kremlin', line)
    if not kind:
        f.fail(key, 'relation: "type" is missing; say what the tie is, as in type: member of', line)
    since = _when(f, key, item, "since", line)
    until = _when(f, key, item, "until", line)
    source = source_ref(f, key, item.get("source"), line, "relation: source")
    if since is not None and until is not None and until.last < since.day:
        f.fail(key, f'relation: "until: {until}" is before "since: {since}"; fix either date', line)
    if not to or not kind:
        return None
    return RelationDoc(Name(to, line), kind, since, until, source, line)


def _words(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return " ".join(CONTROL.sub("", value).split()) if isinstance(value, str) else ""


def _when(f: FieldReader, key: str, item: dict[Any, Any], field: str, line: int) -> When | None:
    value = item.get(field)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # `since: 2012` is read by YAML as a number
    try:
        if not isinstance(value, str):
            raise ValueError("not text")
        return parse_when(value)
    except ValueError as exc:
        f.fail(
            key,
            f'relation: "{field}: {value}" is not a valid date ({exc}); '
            "use YYYY-MM-DD, YYYY-MM or YYYY",
            line,
        )
        return None


def source_ref(f: FieldReader, key: str, value: object, line: int, what: str) -> Name | None:
    """A source: an article's file name or an http(s) address, with its line; anything else
    is an error."""
    if value is None:
        return None
    text = _words(value)
    if is_address(text):
        if is_web_url(text):
            return Name(text, line)
        problem = f'{what} "{text}" is not an http:// or https:// address'
    elif text and story_slug(text):
        return Name(text, line)
    else:
        problem = f"{what} must be text"
    f.fail(
        key,
        f"{problem}; name an article of the site (as articles/2023-05-04-peskov-briefing) "
        "or give a web address",
        line,
    )
    return None


def read_role(f: FieldReader, key: str) -> tuple[str | None, Name | None]:
    """`role: Press secretary` or `role: {title: Press secretary, source: ...}`."""
    value = f.fm.data.get(key)
    if not isinstance(value, dict):
        return f.text(key), None
    line = f.fm.line(key)
    unknown = [str(k) for k in value if k not in ("title", "source")]
    if unknown:
        f.fail(key, f'"{key}" takes title and source, not {", ".join(unknown)}', line)
    title = _words(value.get("title"))
    if not title:
        f.fail(key, f'"{key}" has no title; write it as {{title: Press secretary, source: ...}}')
    return title or None, source_ref(f, key, value.get("source"), line, f"{key}: source")


def read_affiliations(f: FieldReader, key: str) -> tuple[tuple[Name, ...], tuple[Name | None, ...]]:
    """`affiliations: [Kremlin]`, each entry also as `{name: Kremlin, source: ...}`: the
    names and, entry by entry, their sources (empty when no entry has one)."""
    value = f.fm.data.get(key)
    if not isinstance(value, list) or not any(isinstance(item, dict) for item in value):
        return f.names(key), ()
    names: list[Name] = []
    sources: list[Name | None] = []
    for index, item in enumerate(value):
        line = f.fm.item_line(key, index)
        if not isinstance(item, dict):
            name, source = _words(item), None
        else:
            unknown = [str(k) for k in item if k not in ("name", "source")]
            if unknown:
                f.fail(key, f"an affiliation takes name and source, not {', '.join(unknown)}", line)
            name = _words(item.get("name"))
            source = source_ref(f, key, item.get("source"), line, "affiliation: source")
        if not name:
            f.fail(key, f'each entry of "{key}" must be a name or {{name: ..., source: ...}}', line)
            continue
        names.append(Name(name, line))
        sources.append(source)
    return tuple(names), tuple(sources)
