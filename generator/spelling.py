"""How two spellings of a name are compared: one key for every spelling of one name.

Reporters copy names from wires that romanise them differently ("Dmitry Peskov",
"Dmitri Peskov", "Dmitriy Peskov") and with or without their accents ("Erdoğan",
"Erdogan"). Two keys, from strict to loose:

- `name_key`, for identity: two names with one key are one name, everywhere in the
  project (the model, wiki links, `check`, import). Case, accents and any script are
  folded to lower-case ASCII (`text_unidecode`); punctuation, hyphens and apostrophes
  separate or vanish ("O'Brien", "Zelens'kyi"); initials are one word however they are
  spaced or dotted ("J. K.", "J.K.", "JK") and are kept (George W. Bush is not George H.
  W. Bush); and the spellings of one Cyrillic name that English, French and German
  wires use are brought together: the endings -y, -i, -iy, -ii, -ij, -yi, -yy, -ey, -ei
  (Dmitry, Zelenskyy, Sergei), y and i inside a word (Volodymyr, Tymoshenko), x and ks
  (Alexei), kh and h (Mikhail), ts, tz and tc, ye, ia, iu, ja, ju at the start
  (Yevgeny, Iulia), and a run of i as one (Yuliia, Mariya). Roman numerals stay as they
  are (King Charles III).
- `sound_key`, for suggestions only (`check`'s "did you mean", import's matching of a
  name to a known actor): also h as g (the Ukrainian and Russian forms Hennadiy and
  Gennady, Serhiy and Sergei), w as v, the Ukrainian and Russian forms of common given
  names (Volodymyr and Vladimir, Oleksandr and Aleksandr, Mykola and Nikolai), and
  initials between the first name and the last left out (Antony J. Blinken).
  These are too loose to merge names on their own: Hill and Gill are two people.

`close` says whether two keys differ by a typo (an edit distance of one, or two in long
names, by `rapidfuzz`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from text_unidecode import unidecode

_WORD = re.compile(r"[a-z0-9]+")
_NUMERAL = re.compile(r"[ivx]{1,4}")
_ENDING = re.compile(r"(?:iy|yy|ij|ii|yi|ey|ei|y|i)$")
_INSIDE_Y = re.compile(r"(?<=.)y")
_RUN_OF_I = re.compile(r"i{2,}")
_START = (("ye", "e"), ("ia", "ya"), ("iu", "yu"), ("ja", "ya"), ("ju", "yu"))

# Ukrainian given names and their Russian forms, as `name_key` spells both
_GIVEN = {
    "volodimir": "vladimir",
    "oleksandr": "aleksandr",
    "oleksi": "aleksi",
    "mikola": "nikolai",
    "mihailo": "mihail",
    "petro": "piotr",
    "kirilo": "kirill",
    "vasil": "vasili",
    "olena": "elena",
    "evgen": "evgeni",
    "dmitro": "dmitri",
    "andri": "andrei",
    "oleksandra": "aleksandra",
}


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """`Dmitriy  PESKOV`, `Dmitri Peskov` -> `dmitri peskov`; `J. K. Rowling` -> `jk
    rowling`; `Erdoğan` -> `erdogan`; `Mariya`, `Maria` -> `maria`."""
    plain = text if text.isascii() else unidecode(text)
    words = _initials(_WORD.findall(plain.casefold().replace("'", "")))
    return " ".join(map(_fold, words))


def _initials(words: list[str]) -> list[str]:
    """Initials written as one word however they were spaced or dotted: `J. K.`, `J.K.`
    and `JK` are `jk`. They are kept: George W. Bush is not George H. W. Bush."""
    joined: list[str] = []
    run = ""
    for word in words:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(word)
    return [*joined, run] if run else joined


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """One word's romanisation folded (words recur: each is folded once)."""
    if _NUMERAL.fullmatch(word) or word.isdigit():
        return word
    word = word.replace("x", "ks").replace("kh", "h").replace("tz", "ts").replace("tc", "ts")
    for start, instead in _START:
        if word.startswith(start):
            word = instead + word[len(start) :]
            break
    if len(word) >= 4:
        word = _ENDING.sub("i", word)
    return _RUN_OF_I.sub("i", _INSIDE_Y.sub("i", word))


@lru_cache(maxsize=65536)
def sound_key(text: str) -> str:
    """`name_key`, looser still: `Serhiy Lysak` and `Sergei Lisak`, `Volodymyr Zelensky`
    and `Vladimir Zelensky` have one sound key."""
    words = name_key(text).split()
    if len(words) > 2:  # initials between the first name and the last: "Antony J. Blinken"
        words = [words[0], *(w for w in words[1:-1] if len(w) > 3 or not _bare(w)), words[-1]]
    given = (_GIVEN.get(word, word) for word in words)
    return " ".join(given).replace("h", "g").replace("w", "v")


def _bare(word: str) -> bool:
    """Whether a word of a key is only initials (`jk`): no vowel but maybe a y."""
    return not any(vowel in word for vowel in "aeiou")


def close(one: str, other: str) -> bool:
    """Whether two keys differ by what looks like a typo: one letter added, removed or
    changed (two, in keys of more than twelve letters; none in keys under six, where one
    letter makes another name: Li and Lu). Names with other numerals are other names
    (Charles II and Charles III)."""
    shortest = min(len(one), len(other))
    limit = 0 if shortest < 6 else 2 if shortest > 12 else 1
    if _numerals(one) != _numerals(other):
        return False
    return Levenshtein.distance(one, other, score_cutoff=limit) <= limit


def _numerals(key: str) -> list[str]:
    return [word for word in key.split() if _NUMERAL.fullmatch(word) or word.isdigit()]


def nearest(key: str, keys: Sequence[str]) -> int | None:
    """The position in `keys` of the key nearest to `key`, if it is only a typo away
    (`close`); None when none is."""
    if not keys:
        return None
    found = process.extractOne(key, keys, scorer=Levenshtein.distance, score_cutoff=2)
    if found is None:
        return None
    at: int = found[2]
    return at if close(key, keys[at]) else None
