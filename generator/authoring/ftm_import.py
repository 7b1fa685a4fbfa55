"""`dossier import --ftm FILE`: people and organisations of a FollowTheMoney file as actors.

Each entity (`ftm_entities.read_entities`) is first resolved against the site's actors by
the identity rules: its Wikidata id, else its name (or the actor's file name), else one
of its aliases, through the one name resolver (`model.resolver.NameTable`, keyed by
`name_key`). An entity that is an actor already has its new names and Wikidata id merged
into that actor's file by a minimal edit (`actor_merge`); any other becomes a new file,
content/actors/SLUG.md. Later entities see earlier ones. A name that two actors go by,
or a Wikidata id other than the actor's, is reported at the entity's line and the
entity left out (exit 1); the others are still imported. A new alias that another actor
goes by is left out, and said so.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring.actor_merge import Unusual, merge_actor
from generator.authoring.ftm_entities import Incoming, read_entities
from generator.authoring.importer import yaml_list, yaml_string
from generator.authoring.scaffold import write_new_file
from generator.errors import ConfigError, ContentError, UsageError, in_order
from generator.model.resolver import NameTable, name_key
from generator.opendata.common import PREFIX
from generator.slugs import make_slug
from generator.source.config import CONFIG_FILE, load_config
from generator.source.discover import discover
from generator.source.parse import ActorDoc, parse_all
from generator.write.files import replace_file

OK, CONTENT_ERRORS, USAGE = 0, 1, 2


@dataclass
class _Actor:
    slug: str
    path: Path
    name: str
    aliases: list[str]
    wikidata: str | None


@dataclass
class _Run:
    site: Path
    source: Path
    dry_run: bool
    force: bool
    actors: dict[str, _Actor] = field(default_factory=dict)
    names: NameTable[str] = field(default_factory=NameTable)
    wikidata: dict[str, str] = field(default_factory=dict)  # Q-id -> slug
    created: int = 0
    merged: int = 0
    unchanged: int = 0
    errors: list[ContentError] = field(default_factory=list)

    def know(self, actor: _Actor) -> None:
        self.actors[actor.slug] = actor
        self.names.add_slug(actor.slug, actor.slug)
        for text in (actor.name, *actor.aliases):
            self.names.add(text, actor.slug)
        if actor.wikidata:
            self.wikidata.setdefault(actor.wikidata, actor.slug)


def run_ftm_import(args: argparse.Namespace) -> int:
    site, source = Path(args.site), Path(args.ftm)
    try:
        load_config(site / CONFIG_FILE)
        data = source.read_bytes()
    except ConfigError as exc:
        print(f"dossier: {exc}", file=sys.stderr)
        return USAGE
    except OSError as exc:
        print(f"dossier: cannot read {source}: {exc.strerror}", file=sys.stderr)
        return USAGE
    sources = discover(site)
    refusal = sources.refusal(site, "imported")
    if refusal:
        print("\n".join(refusal), file=sys.stderr)
        return CONTENT_ERRORS
    run = _Run(site, source, args.dry_run, args.force)
    docs, _ = parse_all(sources.content)
    for doc in docs:
        if isinstance(doc, ActorDoc):
            aliases = [a.text for a in doc.aliases]
            wikidata = doc.wikidata.text if doc.wikidata else None
            run.know(_Actor(doc.slug, doc.path, doc.name, aliases, wikidata))
    incoming, errors, others = read_entities(source, data)
    run.errors += errors
    for entity in incoming:
        try:
            _import_entity(entity, run)
        except UsageError as exc:  # a link on the way out of the site
            run.errors.append(ContentError(source, entity.line, str(exc)))
    for error in in_order(run.errors):
        print(error, file=sys.stderr)
    would = "would " if run.dry_run else ""
    print(
        f"{len(incoming)} people and organisations in {source}: {would}create {run.created}, "
        f"{would}merge {run.merged} into actors the site has, {run.unchanged} unchanged; "
        f"{others} other entities passed over; {len(run.errors)} with errors"
    )
    return CONTENT_ERRORS if run.errors else OK


def _resolve(entity: Incoming, run: _Run) -> str | None:
    """The actor the entity is, by the identity rules; None for a new one. Raises
    `_Refused` when it may be several, or its Wikidata id is another's."""
    if entity.wikidata and entity.wikidata in run.wikidata:
        return run.wikidata[entity.wikidata]
    found = set(run.names.find(entity.name, by_file_name=True))
    if not found:
        for alias in entity.aliases:
            found |= set(run.names.find(alias))
    if len(found) > 1:
        files = ", ".join(str(run.actors[s].path) for s in sorted(found))
        raise _Refused(f'"{entity.name}" may be any of {files}; merge it by hand')
    slug = next(iter(found), None)
    if slug is not None and entity.wikidata and run.actors[slug].wikidata:
        actor = run.actors[slug]
        raise _Refused(
            f'"{entity.name}" ({entity.wikidata}) goes by the name of {actor.path}, which is '
            f"Wikidata's {actor.wikidata}: not the same; rename one of them"
        )
    return slug


class _Refused(Exception):
    pass


def _import_entity(entity: Incoming, run: _Run) -> None:
    try:
        slug = _resolve(entity, run)
    except _Refused as refused:
        run.errors.append(ContentError(run.source, entity.line, str(refused)))
        return
    if slug is None:
        _create(entity, run)
    else:
        _merge(entity, run.actors[slug], run)


def _new_names(entity: Incoming, actor: _Actor | None, run: _Run) -> list[str]:
    """The entity's names an actor file does not have yet, less those another actor goes by
    (said, and left out)."""
    own = {name_key(t) for t in ((actor.name, *actor.aliases) if actor else (entity.name,))}
    kept: list[str] = []
    for text in (entity.name, *entity.aliases):
        key = name_key(text)
        if not key or key in own:
            continue
        others = set(run.names.find(text)) - ({actor.slug} if actor else set())
        if others:
            taken = run.actors[min(others)].path
            print(f'note: left out the alias "{text}" of line {entity.line}: {taken} goes by it')
            continue
        own.add(key)
        kept.append(text)
    return kept


def _merge(entity: Incoming, actor: _Actor, run: _Run) -> None:
    aliases = _new_names(entity, actor, run)
    wikidata = entity.wikidata if entity.wikidata and not actor.wikidata else None
    if not aliases and not wikidata:
        run.unchanged += 1
        print(f"unchanged {actor.path}: it has every name and id of line {entity.line}")
        return
    try:
        text = merge_actor(actor.path.read_text(encoding="utf-8"), aliases, wikidata)
    except (Unusual, OSError) as exc:
        message = f"cannot merge into {actor.path} ({exc}); add by hand: aliases {aliases}"
        run.errors.append(ContentError(run.source, entity.line, message))
        return
    if not run.dry_run:
        replace_file(actor.path, text.encode("utf-8"))
    actor.aliases += aliases
    actor.wikidata = actor.wikidata or wikidata
    run.know(actor)
    added = [f"aliases {yaml_list(aliases)}"] if aliases else []
    added += [f"wikidata {wikidata}"] if wikidata else []
    verb = "would merge" if run.dry_run else "merged"
    print(f"{verb} line {entity.line} into {actor.path}: {', '.join(added)}")
    run.merged += 1


def actor_file_text(entity: Incoming, aliases: list[str]) -> str:
    front = ["---", f"name: {yaml_string(entity.name)}", f"aliases: {yaml_list(aliases)}"]
    front.append(f"kind: {entity.kind}")
    if entity.wikidata:
        front.append(f"wikidata: {entity.wikidata}")
    return "\n".join([*front, "---", ""])


def _slug(entity: Incoming) -> str:
    """The page name a dossier export gave it (`dossier-actor-SLUG`), else one made from
    its name."""
    given = entity.id.removeprefix(f"{PREFIX}-actor-")
    if given != entity.id and make_slug(given) == given:
        return given
    return make_slug(entity.name)


def _create(entity: Incoming, run: _Run) -> None:
    slug = _slug(entity)
    path = run.site / "content" / "actors" / f"{slug}.md"
    aliases = _new_names(entity, None, run)
    text = actor_file_text(entity, aliases)
    verb = "would create" if run.dry_run else "created"
    if not run.dry_run and not write_new_file(run.site, path, text):
        if not run.force:
            message = f"{path} is there already and is not this actor; --force replaces it"
            run.errors.append(ContentError(run.source, entity.line, message))
            return
        replace_file(path, text.encode("utf-8"))
        verb = "replaced"
    run.know(_Actor(slug, path, entity.name, aliases, entity.wikidata))
    print(f"{verb} {path} ({entity.kind}) from line {entity.line}")
    run.created += 1
