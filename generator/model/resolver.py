"""The one name resolver: how a name is keyed, who goes by it, and which one it means.

In: names, aliases and file names (slugs), each with the entity that goes by it (a slug
for the model, a `Target` for wiki links, a position in a list of known actors for
`dossier import`), added to a `NameTable`. Out: for a text, the entities it may mean,
and the rule that picks one of them.

Every place that resolves a name asks this module: the model (`model.names.Names`, for
front matter, claims, affiliations, parents, and the clashes `dossier check` lists), wiki
links and the mention index (`model.linking`), and the detection of `dossier import`
(`authoring.known`). Where those places differ on purpose, the difference is a named
function or a parameter here:

- Keys. `name_key` (from `generator.spelling`) is one key for every spelling of a name:
  case, accents, scripts, punctuation, middle initials and the letters Cyrillic
  romanisations vary in, everywhere a name is looked up; `loose_key` is the same key for
  import detection; `mention_key` keeps the case of a short name or one in capitals
  (`exact_case`: "US" is not "us", "NATO" is not "Nato"), for the mentions linked in prose.
  `plain_key` folds only case and spacing: for order, never for identity.
- Several entities under one key. `NameTable.find` gives them all: the model calls such
  a name ambiguous and reports it. `NameTable.only` gives one or none, never a guess
  (a surname two known actors share). `NameTable.latest` gives the last one added: import
  detection does not refuse a name two known actors share, the later actor takes it.
  `ranked` looks through tables of several kinds in order: the first kind that knows the
  name decides, so a person outranks a story of that title (wiki links). `mention_names`
  drops every name two entities go by, of any kinds (mentions).
- File names. `NameTable.find(text, by_file_name=True)` also tries the text as a file
  name, `make_slug(text)`, when no name matches (the model: "Dmitry Peskov!" finds
  `dmitry-peskov`); wiki links do not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator
from typing import Generic, TypeVar

from generator.slugs import make_slug
from generator.spelling import name_key

__all__ = ["NameTable", "loose_key", "mention_key", "mention_names", "name_key", "plain_key"]

E = TypeVar("E", bound=Hashable)

SHORT = 5  # mentioned names shorter than this, or in capitals, must match case exactly
_WORD = re.compile(r"\w")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def plain_key(text: str) -> str:
    """Case and spacing folded, nothing more: for putting names in order, and for
    comparing titles (never for deciding whether two names are one)."""
    return " ".join(text.split()).casefold()


def loose_key(text: str) -> str:
    """`name_key` (which also takes a curly apostrophe for a straight one)."""
    return name_key(straighten(text))


def straighten(text: str) -> str:
    """Curly apostrophes (U+2018, U+2019) as straight ones."""
    return text.translate(_APOSTROPHES)


def exact_case(name: str) -> bool:
    """Must a mention of this name match its case? Yes for a short one or one in capitals."""
    return len(name) < SHORT or name.isupper()


def mention_key(text: str, exact: bool) -> str:
    """How a mentioned name is compared: spacing never matters, case only when `exact`."""
    spaced = " ".join(text.split())
    return spaced if exact else spaced.casefold()


class NameTable(Generic[E]):
    """The names of one kind of entity under one key: which entities go by a name, and the
    one a slug belongs to. Filled as files are read, then asked."""

    __slots__ = ("_by_key", "_by_slug", "key")

    def __init__(self, key: Callable[[str], str] = name_key) -> None:
        self.key = key
        self._by_key: dict[str, dict[E, None]] = {}  # key -> its entities, first added first
        self._by_slug: dict[str, E] = {}

    def add(self, text: str, entity: E) -> str:
        """`entity` goes by `text` (a name, an alias or a file name); returns its key."""
        key = self.key(text)
        self._by_key.setdefault(key, {})[entity] = None
        return key

    def add_slug(self, slug: str, entity: E) -> None:
        """`entity` lives at `slug` (`folder/slug` links, and `by_file_name`); the last
        entity given a slug keeps it. Being found by its slug as a name is `add(slug, ...)`."""
        self._by_slug[slug] = entity

    def at_slug(self, slug: str) -> E | None:
        """The entity that lives at `slug`."""
        return self._by_slug.get(slug)

    def slugs(self) -> Iterable[tuple[str, E]]:
        """Every slug with the entity that lives there."""
        return self._by_slug.items()

    def find(self, text: str, *, by_file_name: bool = False) -> Collection[E]:
        """Every entity that goes by `text` (more than one: it is ambiguous). With
        `by_file_name`, a text that no name matches may still be a slug made of it."""
        found = self._by_key.get(self.key(text))
        if found is not None:
            return found.keys()
        if by_file_name:
            entity = self._by_slug.get(make_slug(text))
            if entity is not None:
                return (entity,)
        return ()

    def only(self, text: str) -> E | None:
        """The one entity that goes by `text`; None when none does, or several (no guess)."""
        found = self._by_key.get(self.key(text))
        if found is None or len(found) != 1:
            return None
        return next(iter(found))

    def latest(self, text: str) -> E | None:
        """Of the entities that go by `text`, the one that first went by it last."""
        found = self._by_key.get(self.key(text))
        return next(reversed(found)) if found else None

    def shared(self) -> Iterator[tuple[str, Collection[E]]]:
        """Every key that several entities go by, with them."""
        for key, found in self._by_key.items():
            if len(found) > 1:
                yield key, found.keys()


def ranked(tables: Iterable[NameTable[E]], text: str) -> E | None:
    """The first table (kind) in `tables` that knows `text` decides: its one entity, or
    none when several of that kind go by the name. Wiki links rank actors, events, then
    articles: a person outranks a story of that title."""
    for table in tables:
        found = table.find(text)
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None


def mention_names(names: Iterable[tuple[str, E]]) -> list[tuple[str, bool, E]]:
    """The names that may be linked where prose mentions them: (key, exact case, entity)
    for each name only one entity goes by, whatever its kind; a name two go by is never
    linked, nor one without a word. In the order the names first come (the mention trie
    keeps it: of two names that match the same words, the later wins)."""
    claims: dict[tuple[str, bool], dict[E, None]] = {}
    for text, entity in names:
        if not _WORD.search(text):
            continue
        exact = exact_case(text)
        claims.setdefault((mention_key(text, exact), exact), {})[entity] = None
    return [
        (key, exact, next(iter(found))) for (key, exact), found in claims.items() if len(found) == 1
    ]
