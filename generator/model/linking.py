"""The site's names, as the Markdown plugins need them, computed before any body is rendered.

Wiki links resolve against every actor, event and (built) article; automatic mentions
use the names and aliases of the actors and events that have a file of their own: only
what the site knows is linked, nothing is guessed from the text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from generator.markdown.found import Target
from generator.markdown.markup import Linking, Rendered
from generator.markdown.trie import NameIndex
from generator.slugs import name_key
from generator.source.parse import ActorDoc, ArticleDoc, Doc
from generator.urls import KINDS

NameRow = tuple[str, str, str, list[str]]  # kind, slug, title, the names it goes by


def make_linking(docs: Iterable[Doc], *, drafts: bool) -> tuple[Linking, str]:
    """The plugins' view of the site, and a key that changes whenever mentions could."""
    return linking_from_rows(name_rows(docs, drafts=drafts))


def name_rows(docs: Iterable[Doc], *, drafts: bool) -> list[NameRow]:
    """All that linking needs of the documents: small enough to keep in the cache, so a
    prose-only rebuild can link mentions without reading the site (see `quick`)."""
    rows: list[NameRow] = []
    for doc in docs:
        if isinstance(doc, ArticleDoc):
            if drafts or not doc.draft:
                rows.append(("article", doc.slug, doc.title, [doc.title]))
        elif isinstance(doc, ActorDoc):
            rows.append(("actor", doc.slug, doc.name, [doc.name, *(a.text for a in doc.aliases)]))
        else:
            rows.append(("event", doc.slug, doc.name, [doc.name]))
    return rows


def linking_from_rows(rows: Iterable[NameRow]) -> tuple[Linking, str]:
    rows = list(rows)
    mentionable = [
        (name, Target(kind, slug, title))
        for kind, slug, title, names in rows
        if kind != "article"  # stories are reached by wiki links, never by mention
        for name in names
    ]
    tables: list[_Tables] = []  # made at the first wiki link: many bodies have none

    def resolve(text: str) -> Target | None:
        if not tables:
            tables.append(_tables(rows))
        by_slug, by_name = tables[0]
        folder, slash, slug = text.strip().partition("/")
        if slash and folder in KINDS:
            return by_slug.get((KINDS[folder], slug.strip()))
        found = by_name.get(name_key(text), set())
        for kind in ("actor", "event", "article"):  # a person outranks a story of that title
            of_kind = [t for t in found if t.kind == kind]
            if len(of_kind) == 1:
                return of_kind[0]
            if of_kind:
                return None  # ambiguous: no guessing
        return None

    digest = hashlib.blake2b(digest_size=16)
    for name, target in sorted(mentionable, key=lambda item: (item[0], item[1].kind, item[1].slug)):
        digest.update(f"{name}\0{target.kind}\0{target.slug}\0{target.title}\n".encode())
    return Linking(NameIndex(mentionable), resolve), digest.hexdigest()


_Tables = tuple[dict[tuple[str, str], Target], dict[str, set[Target]]]


def _tables(rows: list[NameRow]) -> _Tables:
    """Every target by (kind, slug), and by each of its names and its slug."""
    by_slug: dict[tuple[str, str], Target] = {}
    by_name: dict[str, set[Target]] = {}
    for kind, slug, title, names in rows:
        target = Target(kind, slug, title)
        by_slug[kind, slug] = target
        for name in names:
            by_name.setdefault(name_key(name), set()).add(target)
    for (_, slug), target in by_slug.items():
        by_name.setdefault(name_key(slug), set()).add(target)
    return by_slug, by_name


def still_valid(rendered: Rendered, linking: Linking) -> bool:
    """Whether every wiki link in a cached body would still resolve to the same target."""
    for ref in rendered.references:
        if ref.explicit:
            target = linking.resolve(ref.target)
            now = (target.kind, target.slug, target.title) if target else (None, None, "")
            if now != (ref.kind, ref.slug, ref.title):
                return False
    return True
