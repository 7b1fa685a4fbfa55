"""One story's mentions gathered into the actors they name, for `detect`.

In: the `Mention`s of a story and its text. Out: `Group`s, one per person or organisation,
with every name the story gives it. Full names group by `loose_key`; within the story,
variants of one name join as aliases: another romanisation (`sound_key`: "Volodymyr
Zelenskyy", "Vladimir Zelensky"), a name without its middle name ("Robert Prevost",
"Robert Francis Prevost"), a name the text gives as another ("whose name is also written
Tchiani", "known as Hemedti", "took the name Leo XIV", "(IAEA)"), a surname after a
particle ("Von der Leyen"). One-word mentions join the full name they stand for: a first
name, a surname, any word of a person's name ("Lula"), an organisation's acronym or
clipped first word ("IAEA", "the Met"); a one-word name that stands alone is an actor
only with evidence, or when the story makes it the subject of its sentences more than once
("Putin was", "Putin is").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from generator.authoring.detect_evidence import Mention
from generator.authoring.detect_tokens import (
    bracketed,
    is_cap,
    is_name_word,
    is_particle,
    plain,
    tokenize,
)
from generator.authoring.detect_words import NAME_ARTICLES, PLACES
from generator.model.resolver import loose_key
from generator.spelling import sound_key

_OFTEN = r"(?:(?:also|sometimes|often|widely|better|commonly|usually|formerly|previously)\s+)*"
_HOW = r"(?P<how>known\s+as|spell?[et]d?|written|transliterated|romani[sz]ed|rendered)\s+(?:as\s+)?"
_SPELLED = re.compile(
    # "X, the commander, whose (first) name is also written Y"; an appositive may come first
    r"(?:\s*,\s*[^,.;:!?()\n]{1,50},)?\s*,?\s*whose\s+(?:(?P<part>first|last|given|family|sur)"
    rf"\s*)?name\s+(?:is|was)\s+{_OFTEN}{_HOW}"
    # "X, also written Y", "X, who is widely known as Y", "X (also spelled Y)"
    rf"|\s*[,(]?\s*(?:(?:who|which)\s+(?:is|was)\s+)?{_OFTEN}{_HOW.replace('how', 'how2')}"
    # "X, whose real name is Y", "X, born Y": a name of its own
    r"|(?P<own>(?:\s*,\s*[^,.;:!?()\n]{1,50},)?\s*,?\s*whose\s+(?:real|birth|full|legal|"
    r"original|maiden)\s+name\s+(?:is|was)\s+|\s*,\s*(?:who\s+was\s+)?born\s+)",
    re.I,
)
_TOOK = re.compile(
    r"\b(?:took|takes|take|taking|chose|chooses|choosing|adopted|adopts|adopting)\s+"
    r"(?:the\s+)?(?:(?:papal|regnal|royal|new)\s+)?name\s+(?:of\s+)?",
    re.I,
)
_PLACES = {loose_key(place) for place in PLACES}
_NAME_ARTICLES = {loose_key(article) for article in NAME_ARTICLES}
_LINKS = frozenset(("of", "for", "the", "and", "in", "on"))


@dataclass
class Group:
    """One proposed actor while its mentions are being gathered."""

    name: str
    kind: str
    start: int
    role: str | None = None
    names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    def add(self, mention: Mention, alias: bool | None = None) -> None:
        """`alias`: is the mention sure to be a name of this actor; by default, unless it
        opens a sentence with no evidence ("City" there may be a word)."""
        self.names.append(mention.name)
        if alias if alias is not None else (not mention.initial or mention.evident):
            self.aliases.append(mention.name)
        self.spans.append((mention.start, mention.end))
        self.role = self.role or mention.role

    def absorb(self, other: Group) -> None:
        self.names += other.names
        self.aliases += [other.name, *other.aliases]
        self.spans += other.spans
        self.start = min(self.start, other.start)
        self.role = self.role or other.role

    def terms(self) -> list[str]:
        """Every name the story gives this actor."""
        return [self.name, *self.names, *self.aliases]

    def holds(self, at: int) -> bool:
        return any(start <= at < end for start, end in self.spans)


@dataclass(frozen=True, slots=True)
class Variant:
    """A name the text gives as another one's: "whose name is also written Tchiani"."""

    owner: int  # where the mention it belongs to starts (or, for "took the name", -1)
    name: str
    start: int
    end: int
    part: str | None = None  # first | last: a one-word variant of that part of the name
    whole: bool = False  # "known as Hemedti": a name of its own, never a spelling
    at: int = 0  # where the phrase is, for "took the name": the person named before


def variants(text: str, found: list[Mention]) -> list[Variant]:
    """The names the text gives as other spellings or names of a mention."""
    out: list[Variant] = []
    starts = [m.start for m in found]
    for mention in found:
        match = _SPELLED.match(text, mention.end)
        if match is not None and any(mention.end < at < match.end() for at in starts):
            match = None  # "the RSF, commanded by X, who is known as Y": Y is X's
        if match is not None:
            name = _name_at(text, match.end())
            if name is not None:
                part = (match.group("part") or "").lower()
                side = "first" if part in ("first", "given") else "last" if part else None
                how = match.group("how") or match.group("how2") or "known"
                whole = match.group("own") is not None or how.lower().startswith("known")
                out.append(Variant(mention.start, *name, side, whole))
            continue
        abbreviation = bracketed(text, mention.end)
        if abbreviation is not None:
            out.append(Variant(mention.start, *abbreviation, whole=True))
    for match in _TOOK.finditer(text):
        name = _name_at(text, match.end())
        if name is not None:
            out.append(Variant(-1, *name, whole=True, at=match.start()))
    return out


def _name_at(text: str, at: int) -> tuple[str, int, int] | None:
    """The capitalised name that starts at `at`: "Valery Zaluzhny", "Leo XIV"."""
    tokens = tokenize(text[at : at + 80])
    if not tokens or tokens[0].start != 0 or not is_cap(tokens[0]):
        return None
    end = 1
    while end < len(tokens) and plain(tokens[end].gap) and end < 5:
        token = tokens[end]
        if not (is_cap(token) or (is_particle(token) and end + 1 < len(tokens))):
            break
        end += 1
    while end > 1 and not is_cap(tokens[end - 1]):
        end -= 1
    return text[at : at + tokens[end - 1].end], at, at + tokens[end - 1].end


def group(found: list[Mention], text: str) -> list[Group]:
    """Full names become proposals; variants and short forms join the name they stand for."""
    named = variants(text, found)
    spans = [(v.start, v.end) for v in named]
    found = [m for m in found if not any(s <= m.start < e for s, e in spans)]
    groups: dict[str, Group] = {}
    for mention in found:
        if not mention.single:
            key = loose_key(mention.name)
            groups.setdefault(key, Group(mention.name, mention.kind, mention.start)).add(mention)
    full = _merge(list(groups.values()))
    alone: dict[str, list[Mention]] = {}
    for mention in found:
        if mention.single:
            owner = _owner(mention, full)
            if owner is not None:
                owner.add(mention, alias=_sure(mention, owner))
            else:
                alone.setdefault(loose_key(mention.name), []).append(mention)
    lone: list[Group] = []
    for same in alone.values():
        if any(m.evident for m in same) or _subject(same):
            first = next((m for m in same if m.evident), same[0])
            lone.append(Group(first.name, first.kind, same[0].start))
            for mention in same:
                lone[-1].add(mention)
    _name_variants([*full, *lone], named, found)
    for one in list(lone):  # "Tchiani said", after "also written Tchiani"
        owner = _owner(Mention(one.name, one.start, one.start, one.kind, True), full)
        if owner is not None:
            owner.absorb(one)
            lone.remove(one)
    return sorted([*full, *lone], key=lambda g: g.start)


def _sure(mention: Mention, owner: Group) -> bool:
    """Is a one-word mention sure to be a name of the actor it joined? Its surname is, even
    opening a sentence ("Jones said"); a word of an organisation's name only with evidence
    ("modern Catholic social teaching" is no name of the Catholic Church)."""
    if owner.kind == "person" and _keyed(owner.name)[1][-1] == loose_key(mention.name):
        return True
    sure = mention.evident or owner.kind == "person" or mention.name.isupper()
    return sure and (not mention.initial or mention.evident)


def _merge(groups: list[Group]) -> list[Group]:
    """Full names of one actor become one: "Von der Leyen" after "Ursula von der Leyen",
    "Vladimir Zelensky" after "Volodymyr Zelenskyy", "Robert Prevost" and "Robert Francis
    Prevost"; the fullest name is the proposal's."""
    out: list[Group] = []
    for group in sorted(groups, key=lambda g: g.start):
        into = next((g for g in out if _same(g, group)), None)
        if into is None:
            out.append(group)
            continue
        if len(group.name.split()) > len(into.name.split()):
            into.name, group.name = group.name, into.name
            into.kind = group.kind  # "Le Pen", then "Marine Le Pen": a person
        into.absorb(group)
    return out


def _same(one: Group, other: Group) -> bool:
    a, b = loose_key(one.name).split(), loose_key(other.name).split()
    if one.kind != other.kind:  # "Le Pen" (as a body is named) of "Marine Le Pen"
        shorter, longer = (a, b) if len(a) < len(b) else (b, a)
        return shorter[0] in _NAME_ARTICLES and longer[-len(shorter) :] == shorter
    if one.kind == "person" and len(a) != len(b):
        shorter, longer = (a, b) if len(a) < len(b) else (b, a)
        if longer[-len(shorter) :] == shorter:
            return True  # "Von der Leyen" of "Ursula von der Leyen"
        if len(shorter) >= 2 and (shorter[0], shorter[-1]) == (longer[0], longer[-1]):
            return True  # "Robert Prevost" of "Robert Francis Prevost"
    if one.kind == "organization" and len(a) == len(b) > 1 and _clipped(a, b):
        return True  # "Lib Dems" of "Liberal Democrats"
    return sound_key(one.name) == sound_key(other.name)


def _clipped(one: list[str], other: list[str]) -> bool:
    """Is each word of one name the start of the other's word, three letters at least (a
    plural's "s" aside: "Dems", "Democrats")?"""
    pairs = [(x.removesuffix("s"), y.removesuffix("s")) for x, y in zip(one, other, strict=True)]
    return all(min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)) for x, y in pairs)


def _name_variants(groups: list[Group], named: list[Variant], found: list[Mention]) -> None:
    """Give each group the names the text gives as its other names."""
    for variant in named:
        if variant.owner < 0:
            people = [m for m in found if m.kind == "person" and m.end <= variant.at]
            if not people:
                continue
            owner_at = people[-1].start
        else:
            owner_at = variant.owner
        owner = next((g for g in groups if g.holds(owner_at)), None)
        if owner is None:
            continue
        owner.aliases.append(_spelled(owner.name, variant))


def _spelled(name: str, variant: Variant) -> str:
    """A one-word variant of one word of a name, as the whole name: "Evgeny Prigozhin"."""
    words = name.split()
    if variant.whole or len(variant.name.split()) > 1 or len(words) < 2:
        return variant.name
    if variant.part == "first":
        at = 0
    elif variant.part == "last":
        at = len(words) - 1
    else:
        at = min(range(len(words)), key=lambda k: Levenshtein.distance(words[k], variant.name))
    return " ".join([*words[:at], variant.name, *words[at + 1 :]])


def _owner(mention: Mention, groups: list[Group]) -> Group | None:
    """The full name a one-word mention stands for, the nearest one before it if several."""
    word = loose_key(mention.name)
    fits = [g for g in groups if _stands_for(mention, word, g)]
    before = [g for g in fits if g.start <= mention.start]
    return (before[-1] if before else None) or (fits[0] if fits else None)


def _stands_for(mention: Mention, word: str, group: Group) -> bool:
    for term in [group.name, *group.aliases]:
        words, keys, joined = _keyed(term)
        if joined == word:
            return True
        if len(words) < 2:
            continue
        if keys[0] == word:
            return True
        if group.kind == "person" and _word_of(word, words, keys):
            return True
        if group.kind != "organization":
            continue
        if mention.name.isupper() and _initials(list(words), mention.name):
            return True
        if len(word) >= 3 and keys[0].startswith(word):
            return True  # "the Met" of "Metropolitan Police"
        if keys[-1] == word and keys[0] in _PLACES:
            return True  # "City" of "Manchester City"
    return False


@functools.lru_cache(maxsize=8192)
def _keyed(term: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """A name's words, each word's key, and the name's key."""
    words = tuple(term.split())
    return words, tuple(loose_key(w) for w in words), loose_key(term)


def _word_of(word: str, words: Sequence[str], keys: Sequence[str]) -> bool:
    """A surname, or the word before a particle that starts one: "Lula" of "Luiz Inacio
    Lula da Silva" (not a middle name: "Francis" of "Robert Francis Prevost")."""
    if keys[-1] == word:
        return True
    return any(
        key == word and k + 1 < len(words) and _alone(words[k + 1])[0]
        for k, key in enumerate(keys[:-1])
        if len(key) > 2 and _alone(words[k])[1]
    )


@functools.lru_cache(maxsize=8192)
def _alone(word: str) -> tuple[bool, bool]:
    """Is a word of a name, taken alone, a particle ("da"), and is it a name ("Lula")?"""
    tokens = tokenize(word)
    if len(tokens) != 1:
        return False, False
    return is_particle(tokens[0]), is_name_word(tokens[0])


def _initials(words: list[str], acronym: str) -> bool:
    """Is `acronym` the initials of the name, its link words counted or not ("ECOWAS",
    "OPEC"), or of the name but its first word?"""
    letters = acronym.replace(".", "").lower()
    firsts = [w[0].lower() for w in words if w[:1].isalpha()]
    optional = [w.lower() in _LINKS for w in words if w[:1].isalpha()]
    return _spells(letters, firsts, optional) or _spells(letters, firsts[1:], optional[1:])


def _spells(letters: str, firsts: list[str], optional: list[bool]) -> bool:
    if not letters:
        return all(optional)
    if not firsts:
        return False
    if firsts[0] == letters[0] and _spells(letters[1:], firsts[1:], optional[1:]):
        return True
    return optional[0] and _spells(letters, firsts[1:], optional[1:])


def _subject(same: Iterable[Mention]) -> bool:
    """A lone name the story makes the subject of its sentences more than once, in
    mid-sentence at least once, and never puts after "in" or "at": "Putin was to blame"."""
    seen = list(same)
    return (
        len(seen) >= 2
        and any(m.subject for m in seen)
        and any(not m.initial for m in seen)
        and not any(m.located for m in seen)
        and all(m.kind == "person" for m in seen)
    )
