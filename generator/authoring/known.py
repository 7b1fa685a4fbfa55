"""The actors and events a site knows, as `dossier import` finds them in a story.

In: the site's actors and events (`Known`: a name and its aliases) and the names a story
uses. Out: `KnownActors.resolve`, the known actor a name in the story means (by its name
or an alias; by the same name in another romanisation, `spelling.sound_key`, when only
one known actor sounds so: "Vladimir Zelensky" for "Volodymyr Zelensky", "Antony J.
Blinken" for "Antony Blinken"; or by a surname only one known person has, with a first
name or initial that fits when the story gives one), `KnownActors.terms`, the words a
known actor may go by in a story (its surname alone too, when only it has that surname),
and `first_hit`, where a known name first occurs in the text. Names are keyed and looked
up by the name resolver (`model.resolver`) under its `loose_key`: a curly apostrophe is a
straight one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from generator.authoring.detect_tokens import LINKS, Token, is_name_word
from generator.authoring.detect_words import ACRONYM_STOP, DEMONYMS, ORG_HEAD, PLACES
from generator.model.resolver import NameTable, loose_key, straighten
from generator.spelling import sound_key


@dataclass(frozen=True, slots=True)
class Known:
    """An actor or event the site has a file for: its name and aliases."""

    name: str
    aliases: tuple[str, ...] = ()


class KnownActors:
    """The known actors, by name, alias and surname, for the names of one story."""

    def __init__(self, actors: Sequence[Known], named_in_full: Iterable[str] = ()) -> None:
        """`named_in_full`: the surnames of the people the story names in full; a surname
        among them is not taken for a known actor's (the story means another Blinken)."""
        self.actors = actors
        self._names = NameTable[int](loose_key)  # positions in `actors`
        self._sounds = NameTable[int](_sound)
        self._surnames = NameTable[int](loose_key)
        for at, actor in enumerate(actors):
            for term in (actor.name, *actor.aliases):
                self._names.add(term, at)
                if len(term.split()) > 1:
                    self._sounds.add(term, at)
            surname = _surname(actor.name)
            if surname is not None:
                self._surnames.add(surname, at)
        self._named_in_full = {loose_key(surname) for surname in named_in_full}

    def named_in_full(self, surnames: Iterable[str]) -> None:
        """The surnames of the people the story names in full and who are not known: a
        known person's surname among them is not taken for that person's."""
        self._named_in_full = {loose_key(surname) for surname in surnames}

    def get(self, text: str) -> Known | None:
        """The known actor that goes by `text`: by name or alias (of two that do, the
        later), else by a name of two words or more that sounds the same and that only it
        has, else by a surname that only it has."""
        at = self._names.latest(text)
        if at is None and len(text.split()) > 1:
            at = self._sounds.only(text)
        if at is None and loose_key(text) not in self._named_in_full:
            at = self._surnames.only(text)
        return None if at is None else self.actors[at]

    def terms(self, actor: Known) -> tuple[str, ...]:
        """What a known actor may go by in this story: its name, its aliases, and its
        surname alone when only it has that surname and the story names no other person
        of that surname in full ("Putin, in a televised address, ...")."""
        surname = _surname(actor.name)
        if (
            surname is None
            or len(surname) < 4
            or loose_key(surname) in self._named_in_full
            or self._surnames.only(surname) is None
        ):
            return (actor.name, *actor.aliases)
        return (actor.name, *actor.aliases, surname)

    def resolve(self, name: str, person: bool) -> Known | None:
        """The known actor a name in the story means; by its surname alone only with a
        given name that fits ("A. Blinken", "Tayyip Erdogan", not "Maria Blinken")."""
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
        # the surname, even one another person in the story has: the given name decides
        at = self._names.latest(words[-1])
        at = self._surnames.only(words[-1]) if at is None else at
        if at is None:
            return None
        known = self.actors[at]
        own = known.name.split()[:-1]  # the given names: "Tayyip Erdogan" is Recep Tayyip's
        first = words[0].rstrip(".")
        if not own or any(loose_key(given) == loose_key(first) for given in own):
            return known
        return known if len(first) == 1 and own[0].startswith(first) else None


_WORD = re.compile(r"\w+")


def _sound(text: str) -> str:
    return sound_key(straighten(text))


def _surname(name: str) -> str | None:
    """The last word of a person's name of two words or more; None for a name that looks
    like an organisation's or a place's ("Bank of England")."""
    words = name.split()
    if not 1 < len(words) <= 5:
        return None
    last = Token(words[-1], 0, 0, "", False, False)
    lows = {w.lower() for w in words}
    if not is_name_word(last) or lows & (ORG_HEAD | LINKS) or last.low in PLACES:
        return None
    return words[-1]


def first_hit(
    text: str,
    terms: Iterable[str],
    taken: list[tuple[int, int]],
    words: Collection[str] | None = None,
) -> int | None:
    """Where a name or alias first occurs as whole words outside the given spans. `words`,
    the text's words casefolded (`words_of`), spares looking for a name whose first word the
    text does not have (a site of thousands of actors, a story that names a few)."""
    first: int | None = None
    for term in terms:
        head = _first_word(term)
        if words is not None and head is not None and head not in words:
            continue
        pattern = _term_pattern(term)
        for match in pattern.finditer(text) if pattern else ():
            if not any(s < match.end() and match.start() < e for s, e in taken):
                first = match.start() if first is None else min(first, match.start())
                break
    return first


def words_of(text: str) -> frozenset[str]:
    """The words of a text, casefolded, apostrophes straightened, for `first_hit`."""
    return frozenset(_WORD.findall(straighten(text).casefold()))


@functools.lru_cache(maxsize=4096)
def _first_word(term: str) -> str | None:
    found = _WORD.search(straighten(term).casefold())
    return None if found is None else found.group()


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
