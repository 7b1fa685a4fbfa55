"""The site's names, as the Markdown plugins need them, computed before any body is rendered.

Wiki links resolve against every actor, event and (built) article; automatic mentions
use the names and aliases of the actors and events that have a file of their own: only
what the site knows is linked, nothing is guessed from the text. Names are keyed and
looked up by the name resolver (`model.resolver`): wiki links by its `ranked` rule,
mentions by its `mention_names` and `mention_key`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from generator.markdown.found import Target
from generator.markdown.markup import Linking, Rendered
from generator.markdown.trie import NameIndex
from generator.model.resolver import (
    NameTable,
    exact_case,
    mention_key,
    mention_names,
    name_key,
    ranked,
)
from generator.source.parse import ActorDoc, ArticleDoc, Doc
from generator.urls import KINDS

NameRow = tuple[str, str, str, list[str]]  # kind, slug, title, the names it goes by


def make_linking(docs: Iterable[Doc], *, drafts: bool) -> tuple[Linking, str]:
    """The plugins' view of the site, and a key that changes whenever mentions could."""
    return linking_from_rows(name_rows(docs, drafts=drafts))


def name_rows(docs: Iterable[Doc], *, drafts: bool) -> list[NameRow]:
    """All that linking needs of the documents: small enough to keep in the cache, so a
    prose-only rebuild can link mentions without reading the site (see `quick`)."""
    docs = list(docs)
    rows: list[NameRow] = []
    for doc in docs:
        if isinstance(doc, ArticleDoc):
            if drafts or not doc.draft:
                rows.append(("article", doc.slug, doc.title, [doc.title]))
        elif isinstance(doc, ActorDoc):
            rows.append(("actor", doc.slug, doc.name, [doc.name, *(a.text for a in doc.aliases)]))
        else:
            rows.append(("event", doc.slug, doc.name, [doc.name]))
    return _with_spellings(rows, docs, drafts)


def _with_spellings(rows: list[NameRow], docs: list[Doc], drafts: bool) -> list[NameRow]:
    """Each actor's and event's names, and the other spellings of them (one `name_key`)
    that articles' front matter gives: "Dmitri Peskov" in `actors:` resolves to the file
    of "Dmitry Peskov", so prose that spells it so links to that page too."""
    owner: dict[tuple[str, str], int | None] = {}  # (kind, key) -> its row; None: shared
    for index, (kind, _, _, names) in enumerate(rows):
        if kind != "article":
            for name in names:
                known = owner.setdefault((kind, name_key(name)), index)
                if known != index:
                    owner[(kind, name_key(name))] = None
    spelled: dict[int, set[str]] = {}  # row -> the mention keys of its names so far
    for doc in docs:
        if not isinstance(doc, ArticleDoc) or (doc.draft and not drafts):
            continue
        for kind, refs in (("actor", doc.actors), ("event", doc.events)):
            for ref in refs:
                row = owner.get((kind, name_key(ref.text)))
                if row is None:
                    continue
                names = rows[row][3]
                seen = spelled.get(row)
                if seen is None:
                    seen = spelled[row] = {mention_key(n, exact_case(n)) for n in names}
                key = mention_key(ref.text, exact_case(ref.text))
                if key not in seen:
                    seen.add(key)
                    names.append(ref.text)
    return rows


def linking_from_rows(rows: Iterable[NameRow]) -> tuple[Linking, str]:
    rows = list(rows)
    mentionable = [
        (name, Target(kind, slug, title))
        for kind, slug, title, names in rows
        if kind != "article"  # stories are reached by wiki links, never by mention
        for name in names
    ]
    tables = _Tables(rows)  # each made when first asked: many bodies have no wiki link

    def resolve(text: str) -> Target | None:
        folder, slash, slug = text.strip().partition("/")
        if slash and folder in KINDS:
            return tables.of(KINDS[folder]).at_slug(slug.strip())
        return ranked((tables.of(kind) for kind in RANK), text)

    digest = hashlib.blake2b(digest_size=16)
    for name, target in sorted(mentionable, key=lambda item: (item[0], item[1].kind, item[1].slug)):
        digest.update(f"{name}\0{target.kind}\0{target.slug}\0{target.title}\n".encode())
    index = NameIndex(mention_names(mentionable), mention_key)
    return Linking(index, resolve), digest.hexdigest()


RANK = ("actor", "event", "article")  # a person outranks a story of that title


class _Tables:
    """A `NameTable` per kind: every target at its slug, and by each of its names and its
    slug. Each is made the first time a wiki link needs it: a quote's speaker or a link to
    a person never needs the table of every story's title."""

    def __init__(self, rows: list[NameRow]) -> None:
        self.rows = rows
        self.made: dict[str, NameTable[Target]] = {}

    def of(self, kind: str) -> NameTable[Target]:
        table = self.made.get(kind)
        if table is None:
            table = self.made[kind] = NameTable[Target]()
            for row_kind, slug, title, names in self.rows:
                if row_kind == kind:
                    target = Target(kind, slug, title)
                    table.add_slug(slug, target)
                    for name in names:
                        table.add(name, target)
            for slug, target in list(table.slugs()):
                table.add(slug, target)
        return table


def still_valid(rendered: Rendered, linking: Linking) -> bool:
    """Whether every wiki link in a cached body would still resolve to the same target."""
    for ref in rendered.references:
        if ref.explicit:
            target = linking.resolve(ref.target)
            now = (target.kind, target.slug, target.title) if target else (None, None, "")
            if now != (ref.kind, ref.slug, ref.title):
                return False
    return True
