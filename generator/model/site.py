"""Parsed documents -> one complete, frozen Site: names resolved, both directions indexed."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import ContentError, in_order
from generator.markdown.found import Quote
from generator.markdown.markup import Rendered, shorten
from generator.model.citations import Citation, Stories
from generator.model.claims import Claim, resolve_claims, unsupported_verdicts
from generator.model.identity import Redirect, Titled, redirects, unique_slugs, wikidata_clashes
from generator.model.names import Names, Where
from generator.model.references import (
    Backlink,
    Linker,
    broken_wikilinks,
    collect_backlinks,
    unnamed_mentions,
)
from generator.model.relations import Relation, resolve_ties
from generator.model.resolver import plain_key
from generator.prose import Prose
from generator.source.config import Config
from generator.source.parse import ActorDoc, ArticleDoc, Doc, EventDoc
from generator.source.schema import NO_EXTRA, FrozenMap, Moment, Name
from generator.source.sources import Source
from generator.source.updates import UpdateDoc
from generator.urls import actor_url, article_url, event_url
from generator.when import When, exactly

Counted = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    title: str
    date: Moment
    path: Path
    actors: tuple[str, ...]
    events: tuple[str, ...]
    source: Source | None
    summary: str
    tags: tuple[str, ...]
    draft: bool
    body_html: str | Prose
    digest: str = ""  # of the source file's bytes
    authors: tuple[str, ...] = ()
    extra: FrozenMap = NO_EXTRA  # for templates only
    updates: tuple[UpdateDoc, ...] = ()  # corrections, updates, clarifications, oldest first
    sources: tuple[Source, ...] = ()  # every source, in order; `source` is the first


@dataclass(frozen=True, slots=True)
class Actor:
    slug: str
    name: str
    kind: str = "other"
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliations: tuple[str, ...] = ()
    bio_html: str | Prose = ""
    path: Path | None = None  # None: known only from the articles that name it
    digest: str = ""
    wikidata: str | None = None  # its Wikidata item id (Q7747)
    extra: FrozenMap = NO_EXTRA
    role_source: Citation | None = None
    affiliation_sources: tuple[tuple[str, Citation], ...] = ()  # (actor slug, its source)


@dataclass(frozen=True, slots=True)
class Event:
    slug: str
    name: str
    date: When | None = None  # at the precision given
    end: When | None = None
    place: str | None = None
    parent: str | None = None
    description_html: str | Prose = ""
    path: Path | None = None
    digest: str = ""
    wikidata: str | None = None
    extra: FrozenMap = NO_EXTRA


@dataclass(frozen=True, slots=True)
class Site:
    config: Config
    articles: tuple[Article, ...]  # oldest first
    actors: Mapping[str, Actor]  # by slug, A-Z by name
    events: Mapping[str, Event]  # by slug, oldest first
    actor_articles: Mapping[str, tuple[int, ...]]  # actor slug -> indexes into articles
    event_articles: Mapping[str, tuple[int, ...]]
    co_actors: Mapping[str, Counted]  # actor -> actors named with them, most often first
    actor_events: Mapping[str, Counted]
    event_actors: Mapping[str, Counted]
    members: Mapping[str, tuple[str, ...]]  # organisation -> actors affiliated with it
    sub_events: Mapping[str, tuple[str, ...]]
    warnings: tuple[ContentError, ...] = ()  # worth a look, but the site builds
    backlinks: Mapping[tuple[str, str], tuple[Backlink, ...]] = field(default_factory=dict)
    quotes: Mapping[str, tuple[tuple[int, Quote], ...]] = field(default_factory=dict)
    claims: tuple[Claim, ...] = ()
    suggestions: tuple[ContentError, ...] = ()  # actors a story mentions but does not name
    redirects: tuple[Redirect, ...] = ()  # old addresses of renamed or merged pages
    drafts_skipped: int = 0  # articles marked draft: true, left out of this build
    relations: tuple[Relation, ...] = ()  # in file order
    relations_from: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # its file's
    relations_to: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # others' of it


def sort_key(moment: Moment | When | None) -> dt.datetime:
    """Dates and date-times, naive or not, on one comparable scale; a `When` by its `first`."""
    moment = moment.first if isinstance(moment, When) else moment  # 2019: 1 January, to sort
    if moment is None:
        return dt.datetime.max
    if not isinstance(moment, dt.datetime):
        return dt.datetime(moment.year, moment.month, moment.day)
    if moment.tzinfo is not None:
        return moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def build_site(
    config: Config, docs: list[Doc], bodies: Mapping[Path, Rendered], *, drafts: bool = False
) -> tuple[Site, list[ContentError]]:
    """Resolve every name and index everything. `bodies` holds each doc's rendered Markdown."""
    wanted = [d for d in docs if isinstance(d, ArticleDoc) and (drafts or not d.draft)]
    articles_in, errors = unique_slugs(wanted, "articles")
    skipped = [d for d in docs if isinstance(d, ArticleDoc) and d.draft and not drafts]
    errors += [problem for doc in wanted for problem in doc.problems]  # built: errors
    actor_docs, more = unique_slugs([d for d in docs if isinstance(d, ActorDoc)], "actors")
    errors += more
    event_docs, more = unique_slugs([d for d in docs if isinstance(d, EventDoc)], "events")
    errors += more

    actor_names = Names("actor")
    for a in actor_docs:
        actor_names.register(a.slug, a.name, a.path, a.name_line)
        actor_names.add_aliases(a.slug, a.aliases, a.path)
    event_names = Names("event")
    for e in event_docs:
        event_names.register(e.slug, e.name, e.path, e.name_line)

    articles = sorted(
        (_article(d, actor_names, event_names, bodies, errors) for d in articles_in),
        key=lambda a: (sort_key(a.date), a.title, a.slug),
    )
    actors = {a.slug: _actor(a, actor_names, bodies, errors) for a in actor_docs}
    stories = Stories(articles_in, {a.path: i for i, a in enumerate(articles)}, skipped)
    ties = resolve_ties(actor_docs, actor_names, stories, errors)
    for slug in ties.role_sources.keys() | ties.affiliation_sources.keys():
        role, cited = ties.role_sources.get(slug), ties.affiliation_sources.get(slug, ())
        actors[slug] = replace(actors[slug], role_source=role, affiliation_sources=cited)
    events = {e.slug: _event(e, event_names, bodies, errors) for e in event_docs}
    errors += _check_parents(events, event_docs)
    site = _assemble(config, tuple(articles), actors, events, actor_names, event_names)
    names = (actor_names, event_names)
    docs_in = (articles_in, actor_docs, event_docs)
    site = _what_bodies_say(site, docs_in, bodies, names, stories, errors)
    errors += wikidata_clashes(actor_docs, "actor") + wikidata_clashes(event_docs, "event")
    site = _with_redirects(site, articles_in, actor_docs, event_docs, errors)
    site = replace(site, relations=ties.relations, relations_from=ties.of, relations_to=ties.to)
    warnings = [w for doc in docs for w in doc.warnings] + unsupported_verdicts(articles_in)
    warnings += ties.warnings
    warnings += [_in_a_draft(problem) for doc in skipped for problem in doc.problems]
    warnings += actor_names.hints + event_names.hints  # "did you mean"
    warnings += actor_names.split() + event_names.split()
    for of_kind in names:  # after every name was looked up: a clash is an error where used
        more, warned = of_kind.clashes()
        errors += more
        warnings += warned
    site = replace(site, warnings=tuple(in_order(warnings)), drafts_skipped=len(skipped))
    return site, errors


def _with_redirects(
    site: Site,
    article_docs: list[ArticleDoc],
    actor_docs: list[ActorDoc],
    event_docs: list[EventDoc],
    errors: list[ContentError],
) -> Site:
    titled: list[Titled] = [("article", d, d.title) for d in article_docs]
    titled += [("actor", d, d.name) for d in actor_docs]
    titled += [("event", d, d.name) for d in event_docs]
    if not any(doc.redirect_from for _, doc, _ in titled):
        return site
    pages = {article_url(a.slug) for a in site.articles}
    pages |= {actor_url(slug) for slug in site.actors} | {event_url(slug) for slug in site.events}
    found, more = redirects(titled, pages)
    errors += more
    return replace(site, redirects=tuple(found))


def _in_a_draft(problem: ContentError) -> ContentError:
    """An error in a draft that is not built: a warning, until it is (`--drafts`)."""
    message = f"{problem.message} (in a draft: an error once it is published)"
    return replace(problem, message=message)


def _what_bodies_say(
    site: Site,
    docs_in: tuple[list[ArticleDoc], list[ActorDoc], list[EventDoc]],
    bodies: Mapping[Path, Rendered],
    names: tuple[Names, Names],
    stories: Stories,
    errors: list[ContentError],
) -> Site:
    """Backlinks, quotes, claims and suggestions, from what the Markdown plugins recorded;
    the errors found on the way go to `errors`."""
    article_docs, actor_docs, event_docs = docs_in
    position = {a.path: i for i, a in enumerate(site.articles)}
    docs: list[Doc] = [*article_docs, *actor_docs, *event_docs]

    def ambiguity(text: str, where: Where) -> str | None:
        for of_kind in names:
            found = of_kind.lookup(text, where)
            if len(found) > 1:
                return of_kind.ambiguous(text, found)
        return None

    def nearby(text: str) -> str | None:
        for of_kind in names:
            meant = of_kind.suggest(text)
            if meant is not None:
                return f'did you mean "{meant.text}" ({meant.path})? write that name'
        return None

    for doc in docs:
        body = bodies[doc.path]
        errors += broken_wikilinks(doc.path, doc.body.line, body, ambiguity, nearby)
    sources = [Linker("article", a.slug, a.title, a.date, bodies[a.path]) for a in site.articles]
    sources += [Linker("actor", a.slug, a.name, None, bodies[a.path]) for a in actor_docs]
    sources += [Linker("event", e.slug, e.name, e.date, bodies[e.path]) for e in event_docs]
    quotes: dict[str, list[tuple[int, Quote]]] = defaultdict(list)
    suggestions: list[ContentError] = []
    spelled = {slug: actor.name for slug, actor in site.actors.items()}
    for doc in article_docs:
        index = position[doc.path]
        for quote in bodies[doc.path].quotes:
            quotes[quote.actor].append((index, quote))
        named = set(site.articles[index].actors)
        suggestions += unnamed_mentions(doc.path, doc.body.line, bodies[doc.path], named, spelled)
    claims = resolve_claims(article_docs, position, names, stories, errors)
    return replace(
        site,
        backlinks=collect_backlinks(sources),
        quotes={k: tuple(sorted(v, key=lambda q: -q[0])) for k, v in quotes.items()},
        claims=claims,
        suggestions=tuple(in_order(suggestions)),
    )


def _resolve_all(
    names: Names, refs: Iterable[Name], path: Path, errors: list[ContentError], own: str = ""
) -> tuple[str, ...]:
    found = (names.resolve_or_add(ref, path, errors) for ref in refs)
    return tuple(dict.fromkeys(s for s in found if s is not None and s != own))


def _article(
    doc: ArticleDoc,
    actors: Names,
    events: Names,
    bodies: Mapping[Path, Rendered],
    errors: list[ContentError],
) -> Article:
    body = bodies[doc.path]
    return Article(
        slug=doc.slug,
        title=doc.title,
        date=doc.date,
        path=doc.path,
        actors=_resolve_all(actors, doc.actors, doc.path, errors),
        events=_resolve_all(events, doc.events, doc.path, errors),
        source=doc.sources[0] if doc.sources else doc.source,  # one object: signed once
        summary=doc.summary or shorten(body.first_paragraph),
        tags=doc.tags,
        draft=doc.draft,
        body_html=body.html,
        digest=doc.digest,
        authors=doc.authors,
        extra=doc.extra,
        updates=tuple(sorted(doc.updates, key=lambda u: sort_key(u.date))),
        sources=doc.sources,
    )


def _actor(
    doc: ActorDoc, names: Names, bodies: Mapping[Path, Rendered], errors: list[ContentError]
) -> Actor:
    return Actor(
        slug=doc.slug,
        name=doc.name,
        kind=doc.kind,
        aliases=tuple(a.text for a in doc.aliases),
        role=doc.role,
        affiliations=_resolve_all(names, doc.affiliations, doc.path, errors, own=doc.slug),
        bio_html=bodies[doc.path].html,
        path=doc.path,
        digest=doc.digest,
        wikidata=doc.wikidata.text if doc.wikidata else None,
        extra=doc.extra,
    )


def _event(
    doc: EventDoc, names: Names, bodies: Mapping[Path, Rendered], errors: list[ContentError]
) -> Event:
    parent = _resolve_all(names, (doc.parent,) if doc.parent else (), doc.path, errors)
    return Event(
        slug=doc.slug,
        name=doc.name,
        date=doc.date,
        end=doc.end,
        place=doc.place,
        parent=parent[0] if parent else None,
        description_html=bodies[doc.path].html,
        path=doc.path,
        digest=doc.digest,
        wikidata=doc.wikidata.text if doc.wikidata else None,
        extra=doc.extra,
    )


def _check_parents(events: Mapping[str, Event], docs: list[EventDoc]) -> list[ContentError]:
    errors = []
    for doc in docs:
        seen = {doc.slug}
        parent = events[doc.slug].parent
        while parent is not None and parent in events:
            if parent in seen:
                line = doc.parent.line if doc.parent else 1
                message = f'"parent" makes a loop ({doc.name} is its own ancestor); break the loop'
                errors.append(ContentError(doc.path, line, message))
                break
            seen.add(parent)
            parent = events[parent].parent
    return errors


def _assemble(
    config: Config,
    articles: tuple[Article, ...],
    actors: dict[str, Actor],
    events: dict[str, Event],
    actor_names: Names,
    event_names: Names,
) -> Site:
    for slug, spelling in actor_names.spelling.items():
        actors.setdefault(slug, Actor(slug=slug, name=spelling))
    actor_articles: dict[str, list[int]] = defaultdict(list)
    event_articles: dict[str, list[int]] = defaultdict(list)
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    actor_events: dict[str, Counter[str]] = defaultdict(Counter)
    event_actors: dict[str, Counter[str]] = defaultdict(Counter)
    for index, article in enumerate(articles):
        for actor in article.actors:
            actor_articles[actor].append(index)
            pairs[actor].update(a for a in article.actors if a != actor)
            actor_events[actor].update(article.events)
        for event in article.events:
            event_articles[event].append(index)
            event_actors[event].update(article.actors)
    for slug, spelling in event_names.spelling.items():
        if slug not in events:
            at = event_articles.get(slug)  # known only from articles: the first one's day
            events[slug] = Event(slug, spelling, exactly(articles[at[0]].date) if at else None)
    members: dict[str, list[str]] = defaultdict(list)
    for person in sorted(actors.values(), key=lambda a: plain_key(a.name)):
        for org in person.affiliations:
            members[org].append(person.slug)
    sub_events: dict[str, list[str]] = defaultdict(list)
    ordered_events = sorted(events.values(), key=lambda e: (sort_key(e.date), plain_key(e.name)))
    for child in ordered_events:
        if child.parent:
            sub_events[child.parent].append(child.slug)

    def ranked(counter: Counter[str], names: Mapping[str, Actor | Event]) -> Counted:
        return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], plain_key(names[kv[0]].name))))

    return Site(
        config=config,
        articles=articles,
        actors={a.slug: a for a in sorted(actors.values(), key=lambda a: plain_key(a.name))},
        events={e.slug: e for e in ordered_events},
        actor_articles={k: tuple(v) for k, v in actor_articles.items()},
        event_articles={k: tuple(v) for k, v in event_articles.items()},
        co_actors={k: ranked(v, actors) for k, v in pairs.items()},
        actor_events={k: ranked(v, events) for k, v in actor_events.items()},
        event_actors={k: ranked(v, actors) for k, v in event_actors.items()},
        members={k: tuple(v) for k, v in members.items()},
        sub_events={k: tuple(v) for k, v in sub_events.items()},
    )
