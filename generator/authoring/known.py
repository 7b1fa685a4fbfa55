"""The actors and events a site knows, as `dossier import` finds them in a story.

In: the site's actors and events (`Known`: a name and its aliases) and the names a story
uses. Out: `KnownActors.resolve`, the known actor a name in the story means (by its name
or an alias, or by a surname only one known actor has, with a first name or initial that
fits when the story gives one), and `first_hit`, where a known name first occurs in the
text. Names are keyed and looked up by the name resolver (`model.resolver`) under its
`loose_key`: a curly apostrophe is a straight one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.authoring.detect_words import (
    ACRONYM_STOP,
    DEMONYMS,
    PLACES,
    Token,
    is_name_word,
)
from generator.model.resolver import NameTable, loose_key, straighten


@dataclass(frozen=True, slots=True)
class Known:
    """An actor or event the site has a file for: its name and aliases."""

    name: str
    aliases: tuple[str, ...] = ()


class KnownActors:
    """The known actors, by name, alias and surname, for the names of one story."""

    def __init__(self, actors: Sequence[Known], named_in_full: Iterable[str]) -> None:
        """`named_in_full`: the surnames of the people the story names in full; a surname
        among them is not taken for a known actor's (the story means another Blinken)."""
        self.actors = actors
        self._names = NameTable[int](loose_key)  # positions in `actors`
        self._surnames = NameTable[int](loose_key)
        for at, actor in enumerate(actors):
            for term in (actor.name, *actor.aliases):
                self._names.add(term, at)
            words = actor.name.split()  # the last word of a name of two words or more
            if len(words) > 1 and is_name_word(Token(words[-1], 0, 0, "", False, False)):
                self._surnames.add(words[-1], at)
        self._named_in_full = {loose_key(surname) for surname in named_in_full}

    def get(self, text: str) -> Known | None:
        """The known actor that goes by `text`: by name or alias (of two that do, the
        later), else by a surname that only it has."""
        at = self._names.latest(text)
        if at is None and loose_key(text) not in self._named_in_full:
            at = self._surnames.only(text)
        return None if at is None else self.actors[at]

    def resolve(self, name: str, person: bool) -> Known | None:
        """The known actor a name in the story means; by its surname alone only with a
        first name that fits ("A. Blinken", not "Maria Blinken")."""
        names = [name]
        words = name.split()
        while len(words) > 1 and words[0].lower() in PLACES | DEMONYMS | ACRONYM_STOP:
            words = words[1:]
            names.append(" ".join(words))
        for each in names:
            known = self.get(each)
            if known is not None:
                return known
        if not person or len(words) < 2:
            return None
        known = self.get(words[-1])
        if known is None:
            return None
        own = known.name.split()
        first = words[0].rstrip(".")
        same = len(own) < 2 or loose_key(own[0]) == loose_key(first)
        return known if same or (len(first) == 1 and own[0].startswith(first)) else None


def first_hit(text: str, terms: Iterable[str], taken: list[tuple[int, int]]) -> int | None:
    """Where a name or alias first occurs as whole words outside the given spans."""
    first: int | None = None
    for term in terms:
        pattern = _term_pattern(term)
        for match in pattern.finditer(text) if pattern else ():
            if not any(s < match.end() and match.start() < e for s, e in taken):
                first = match.start() if first is None else min(first, match.start())
                break
    return first


@functools.lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str] | None:
    """A capitalised word must be capitalised in the text; the rest of the case is free."""
    parts = []
    for word in straighten(term).split():
        if word[0].isupper():
            parts.append(re.escape(word[0]) + "(?i:" + re.escape(word[1:]) + ")")
        else:
            parts.append("(?i:" + re.escape(word) + ")")
    if not parts:
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(parts).replace("'", "['\u2019]") + r"(?!\w)")
