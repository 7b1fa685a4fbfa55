"""Words and runs of capitalised words, for `detect`: where a name may be.

`tokenize` cuts a text into words with where they are, what separates each from the one
before, whether it starts a sentence and whether it is possessive ("Putin's",
"Workers'"). `runs` gathers runs of capitalised words that may be one name: joined by
spaces, a slash ("Greens/European Free Alliance"), an initial's dot ("Antony J.
Blinken"), particles ("Ursula von der Leyen", "Luiz Inacio Lula da Silva"), and "of",
"for", "of the", "for the", "and" where the run is an organisation's name: after a role
or the head noun of an organisation ("Bank of England", "Institute for the Study of
War"), after "the" ("the Order of Saint Augustine"), after a plural ("Friends of the
Earth", "Patriots for Europe"), or up to an abbreviation in brackets ("Economic
Community of West African States (ECOWAS)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.authoring.detect_words import (
    ABBREVIATIONS,
    COMPOUND_TAILS,
    DEMONYMS,
    DOMAIN,
    ORG_HEAD,
    PARTICLES,
    PLACES,
    ROLE,
    STOP,
    STOP_NOUNS,
    TIME,
)

ALL_ROLES = ROLE | DOMAIN
LINKS = frozenset(("of", "for"))
_NOT_NAMES = STOP | TIME | ROLE | DOMAIN | ORG_HEAD | DEMONYMS
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]\w*(?:['\u2019-]\w+)*")
_PREFIXED = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|ul|d|l)['\u2019-]")
_NUMERAL = re.compile(r"(?=[IVX]{2}|[VX]$)X{0,3}(?:IX|IV|V?I{0,3})")
_BLANK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?:]")
_OPENERS = '\u201c"\u2018([\u2014\u2013'  # a dash opens too: "WASHINGTON (AP) \u2014 The"
_APOSTROPHES = "'\u2019"
_JOINERS = ("/", "&")  # "Greens/European Free Alliance", "S&D", "Procter & Gamble"
_ABBREVIATION = re.compile(r"[A-Z][A-Za-z]*(?:[&./-]?[A-Z]+)+\.?|[A-Z][a-z]+ [A-Z]{2,}")
_NUMBER_WORD = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)(?:\w*)"
)
_COMMON_OWNERS = STOP_NOUNS | {"women", "children", "men", "people", "citizens", "farmers"}
_BRACKETED = re.compile(r"[ \t]*\(([^()\n]{2,16})\)")
_LONGEST_LINK = 14  # words a name may still run on for to reach its abbreviation


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # without a possessive 's
    start: int
    end: int  # where `text` ends
    gap: str  # what separates it from the token before
    initial: bool  # starts a paragraph, a sentence or a quotation
    possessive: bool

    @property
    def low(self) -> str:
        return self.text.lower().replace(".", "")


def tokenize(text: str) -> list[Token]:
    """Words with where they are; "Putin's" becomes "Putin" and "Workers'" "Workers",
    marked possessive."""
    tokens: list[Token] = []
    last_end, last_raw = 0, ""
    for match in _TOKEN.finditer(text):
        raw, gap = match.group(), text[last_end : match.start()]
        word = raw[:-2] if len(raw) > 2 and raw[-2:] in ("'s", "\u2019s") else raw
        after = match.end()
        plural = (
            word == raw
            and raw.endswith("s")
            and text[after : after + 1] in tuple(_APOSTROPHES)
            and not text[after + 1 : after + 2].isalnum()
        )
        initial = not tokens or _opens(gap, last_raw)
        end = match.start() + len(word)
        tokens.append(Token(word, match.start(), end, gap, initial, word != raw or plural))
        last_end, last_raw = after + (1 if plural else 0), raw
    return tokens


def _opens(gap: str, before: str) -> bool:
    """Does the word after `gap` start a paragraph, a sentence or a quotation?"""
    stripped = gap.strip()
    if _BLANK.search(gap) or (stripped and stripped[-1] in _OPENERS):
        return True
    if not _SENTENCE_END.search(gap):
        return False
    shortened = before.lower() in ABBREVIATIONS or (len(before) == 1 and before.isupper())
    return not (stripped == "." and shortened)


def plain(gap: str) -> bool:
    return not gap.strip() and not _BLANK.search(gap)


def is_cap(token: Token) -> bool:
    if token.text[0].isupper():
        return True
    prefix = _PREFIXED.match(token.text)  # al-Assad, d'Alembert
    return prefix is not None and token.text[prefix.end() :][:1].isupper()


def is_acronym(token: Token) -> bool:
    letters = token.text.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def is_numeral(token: Token) -> bool:
    """A regnal or papal number: "Charles III", "Leo XIV", "Frederik X" (not "I")."""
    return _NUMERAL.fullmatch(token.text) is not None


def is_compound(token: Token) -> bool:
    """A capitalised compound that is no name: "Sixteen-year-old", "Russian-occupied",
    "Kremlin-backed", "Well-known" (not "Han Dong-hoon", nor "Co-operation")."""
    parts = token.text.lower().split("-")
    if len(parts) < 2 or not token.text.split("-")[-1][:1].islower():
        return False
    return (
        parts[-1].endswith(("ed", "ing"))
        or parts[-1] in COMPOUND_TAILS
        or parts[0] in PLACES | DEMONYMS
        or _NUMBER_WORD.fullmatch(parts[0]) is not None
    )


def is_particle(token: Token) -> bool:
    return token.low in PARTICLES


def is_name_word(token: Token) -> bool:
    if len(token.text) == 1 and token.text.isupper():
        return True  # an initial: "Karim A. A. Khan"
    return (
        is_cap(token)
        and not is_acronym(token)
        and not is_compound(token)
        and not any(c.isdigit() for c in token.text)
        and token.low not in _NOT_NAMES
    )


def is_plural(token: Token) -> bool:
    """A capitalised common noun in the plural, as in "Friends of the Earth"."""
    low = token.low
    return (
        len(low) > 4
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and low not in PLACES | DEMONYMS
        and is_name_word(token)
    )


def _joins(before: Token, token: Token) -> bool:
    if before.possessive:  # "Putin's office" ends a name; "Commissioner's Office" does not
        return token.low in ORG_HEAD and plain(token.gap)
    if plain(token.gap) or token.gap in _JOINERS or token.gap.strip() == "&":
        return True
    if token.gap.strip() != "." or _BLANK.search(token.gap):
        return False
    if len(before.text) == 1 and before.text.isupper():  # an initial: "Antony J. Blinken"
        return is_name_word(token)  # not "on X. NASA Administrator Bill Nelson said"
    return before.low in ABBREVIATIONS


def _possessed(tokens: list[Token], j: int) -> bool:
    """Does a possessive at `j - 1` start an organisation's name: "Tigray People's Liberation
    Front", "European People's Party", "Commissioner's Office"? Only a common noun's does,
    not a person's ("Putin's office", "Narendra Modi's Bharatiya Janata Party")."""
    owner = tokens[j - 1]
    plural = owner.text.endswith(("s", "men"))  # "Workers'", "Fishermen's"
    if not (owner.low in _COMMON_OWNERS or owner.low in ALL_ROLES or plural):
        return False
    for k in range(j, min(j + 3, len(tokens))):
        if not (is_cap(tokens[k]) and plain(tokens[k].gap)) or tokens[k].possessive:
            return False
        if tokens[k].low in ORG_HEAD:
            return True
    return False


def abbreviation_after(tokens: list[Token], k: int, text: str) -> str | None:
    """The abbreviation in brackets right after token `k`, as in "(IAEA)", "(Open VLD)"."""
    token = tokens[k]
    end = token.end + (1 if token.possessive and token.text.endswith("s") else 0)
    found = bracketed(text, end)
    return None if found is None else found[0]


def bracketed(text: str, end: int) -> tuple[str, int, int] | None:
    """The abbreviation in brackets at `end` (white space before it allowed), and where it
    is: "(ECOWAS)", "(S&D)", "(Open VLD)"; not a party and state, "(R-Texas)"."""
    match = _BRACKETED.match(text, end)
    if match is None:
        return None
    inner = match.group(1)
    if _ABBREVIATION.fullmatch(inner) is None or re.match(r"[A-Z]-", inner):
        return None
    return inner, match.start(1), match.end(1)


def _link_length(tokens: list[Token], i: int, j: int, text: str) -> int:
    """How many lower-case words join the name to a next capitalised word: "of the", "de"."""
    before = tokens[j - 1]
    if before.possessive:
        return 0
    size = 0  # particles: "von der", "de la", "bin", "da"
    while j + size < len(tokens) and size < 3 and _lower_link(tokens[j + size]):
        if not is_particle(tokens[j + size]):
            break
        size += 1
    if size and j + size < len(tokens) and is_cap(tokens[j + size]):
        return size if plain(tokens[j + size].gap) else 0
    words = [t.low for t in tokens[i:j]]
    start = i + (words[0] == "the")  # "The Centers for Disease Control"
    organisation = any(w in ORG_HEAD for w in words)
    org_tail = organisation and any(w in LINKS for w in words)
    for size in (1, 2):
        if j + size >= len(tokens):
            return 0
        link, after = tokens[j : j + size], tokens[j + size]
        if not is_cap(after) or not plain(after.gap) or not all(_lower_link(t) for t in link):
            continue
        first = link[0].low
        if size == 2 and link[1].low != "the":
            continue
        if size == 1 and first in ("and", "in", "on") and (org_tail or first == "and"):
            if org_tail or _reaches_abbreviation(tokens, j + 1, text):
                return 1
            continue
        if first not in LINKS:
            continue
        if (
            before.low in ALL_ROLES
            or organisation
            or _after_the(tokens, i)
            or (j - start == 1 and is_plural(tokens[start]))  # "Friends of the Earth"
        ):
            return size
    return 0


def _lower_link(token: Token) -> bool:
    return token.text.islower() and plain(token.gap)


def _after_the(tokens: list[Token], i: int) -> bool:
    """Is the run at `i` named with "the" before it ("the Order of ...", "The Order of")?"""
    if tokens[i].low == "the":
        return True
    if i == 0 or not plain(tokens[i].gap) or tokens[i].initial:
        return False
    the = tokens[i - 1]
    return the.low == "the" and (the.text == "the" or the.initial)


def _reaches_abbreviation(tokens: list[Token], k: int, text: str) -> bool:
    """Does the run of capitalised words from `k` (through "of", "for", "the", "and") end
    right before an abbreviation in brackets?"""
    last = min(len(tokens), k + _LONGEST_LINK)
    while k < last:
        token = tokens[k]
        lower = token.low in ("of", "for", "the", "and") and _lower_link(token)
        if not (lower or (is_cap(token) and (plain(token.gap) or token.gap in _JOINERS))):
            return False
        if not lower and abbreviation_after(tokens, k, text) is not None:
            return True
        k += 1
    return False


def runs(tokens: list[Token], text: str) -> Iterator[tuple[int, int]]:
    """Runs of capitalised words, as [i, j) token ranges: "US Secretary of State Antony
    Blinken"; a run may start with particles ("von der Leyen")."""
    i = 0
    while i < len(tokens):
        if not is_cap(tokens[i]) and not _particles_open(tokens, i):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            if (tokens[j - 1].possessive and _possessed(tokens, j)) or (
                is_cap(tokens[j]) and _joins(tokens[j - 1], tokens[j])
            ):
                j += 1
            elif link := _link_length(tokens, i, j, text) or _listed(tokens, i, j):
                j += link
            else:
                break
        yield i, j
        i = j


def _listed(tokens: list[Token], i: int, j: int) -> int:
    """How many words a list inside an organisation's name runs on for: "Department for
    Culture[, Media and Sport]", "Department for Environment[, Food and Rural Affairs]"."""
    words = [t.low for t in tokens[i:j]]
    if not (any(w in ORG_HEAD for w in words) and any(w in LINKS for w in words)):
        return 0
    if j >= len(tokens) or tokens[j].gap.strip() != "," or not _listable(tokens[j]):
        return 0
    k = j + 1
    while k < len(tokens) and k - j < 6:
        token = tokens[k]
        if token.low == "and" and token.text.islower() and plain(token.gap):
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            ok = after is not None and plain(after.gap) and _listable(after)
            return k + 2 - j if ok else 0
        if not (plain(token.gap) and _listable(token)):
            return 0
        k += 1
    return 0


def _listable(token: Token) -> bool:
    return is_cap(token) and token.low not in PLACES | DEMONYMS and not is_acronym(token)


def _particles_open(tokens: list[Token], i: int) -> bool:
    """Do lower-case particles at `i` open a name: "backs von der Leyen"?"""
    k = i
    while k < len(tokens) and k - i < 3 and is_particle(tokens[k]) and tokens[k].text.islower():
        if k > i and not plain(tokens[k].gap):
            return False
        k += 1
    before_cap = i > 0 and is_cap(tokens[i - 1]) and plain(tokens[i].gap)
    return (
        k > i
        and not before_cap
        and k < len(tokens)
        and is_name_word(tokens[k])
        and (plain(tokens[k].gap))
    )
