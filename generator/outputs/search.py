"""The search index: small files that `assets/search.js` loads as the reader types.

Browsers do not let a page fetch files from file://, but they do run scripts, so every
file of the index is a script. The data is made here; the templates `search-index.js`
and `search-part.js` write it with Jinja's `tojson`, which escapes `<`, `>`, `&` and `'`
(so the data can never end a script) and, through `json.dumps`, every non-ASCII character.

A site of 100,000 stories has an index of tens of megabytes: too much for a phone to load
at once. So the index is split, and a search loads only what it needs:

- `search-index.js`, loaded when the reader first uses the box, holds the actors and events
  (found by any part of their names) and what it takes to find the rest::

      {"p": [[slug, name, kind label, alias...], ...],   actors, A-Z
       "e": [[slug, name, date?], ...],                  events, in date order; a date at its
                                                         precision (2019, 2023-05, 2023-05-03),
                                                         `~` after it when approximate
       "n": number of stories, "c": STORIES_PER_FILE,
       "k": [key, ...]}                                  the word files there are

- `search/w-KEY.js`, one per *key*, the first two characters of a folded word (key "ge" is
  `w-67-65.js`, the characters' code points in hex): for each word with that key, the
  stories whose title has it and those whose summary (but not title) has it::

      {word: [title stories, summary stories], ...}

  A story is its number in date order, oldest first (so a new story changes the last files
  only). A list is written either as differences in base 36 joined by commas ("3,1,z" is
  3, 4, 39) or, when that is shorter, as "=" and a bitmap in base 64 (bit k of byte b is
  story 8b + k): a word in most stories costs one bit per story.

- `search/a-N.js`, the stories numbered from N * STORIES_PER_FILE, to show a result::

      [[slug, title, date, summary?], ...]

A story is found by words that start with what was typed (two characters at least):
"gene" finds "Geneva". Titles and summaries are folded as search.js folds the query:
decomposed, accents dropped, lower case, split into runs of letters and digits.
An entry's page is `articles/SLUG.html`, `actors/SLUG.html` or `events/SLUG.html`.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from generator.markdown.markup import shorten
from generator.model.resolver import plain_key
from generator.model.site import Site
from generator.source.schema import Moment
from generator.when import When

SEARCH_INDEX = "search-index.js"
SEARCH_FOLDER = "search"
SUMMARY_CHARS = 140
STORIES_PER_FILE = 100
KEY_CHARS = 2

Entry = list[str]

_ACCENTS = re.compile("[\u0300-\u036f]")
_WORD = re.compile(r"[^\W_]+")  # letters and digits, as \p{L}\p{N} in search.js
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_PAIRS = [a + b for a in _DIGITS for b in _DIGITS]  # 0 .. 1295 in two digits
_BASE36 = [pair.removeprefix("0") for pair in _PAIRS]  # and without a leading zero


@dataclass(frozen=True)
class SearchFile:
    """One file of the index: where it goes, the name search.js knows it by, its data."""

    path: str
    part: str
    data: object


def search_files(site: Site, kind_labels: Mapping[str, str]) -> Iterator[SearchFile]:
    """The index of `site`: `search-index.js`, then the story files, then the word files.

    `kind_labels` names each kind of actor ("Person").
    """
    stories = [_story(a.slug, a.title, a.date, a.summary) for a in site.articles]
    words = _words(stories)
    yield SearchFile(SEARCH_INDEX, "", _entities(site, kind_labels, len(stories), sorted(words)))
    for start in range(0, len(stories), STORIES_PER_FILE):
        part = f"a-{start // STORIES_PER_FILE}"
        yield SearchFile(_part_path(part), part, stories[start : start + STORIES_PER_FILE])
    for key, found in sorted(words.items()):
        part = f"w-{key_name(key)}"
        coded = {
            word: [_ids(in_titles), _ids(in_summaries)]
            for word, (in_titles, in_summaries) in sorted(found.items())
        }
        yield SearchFile(_part_path(part), part, coded)


def key_name(key: str) -> str:
    """A key as a file name: its characters' code points in hex ("ge" -> "67-65")."""
    return "-".join(f"{ord(char):x}" for char in key)


def fold(text: str) -> str:
    """Text as search.js folds it: decomposed, accents dropped, lower case."""
    return _ACCENTS.sub("", unicodedata.normalize("NFD", text)).lower()


def words_of(text: str) -> set[str]:
    """The folded words of `text` that can be searched for (two characters or more)."""
    return {word for word in _WORD.findall(fold(text)) if len(word) >= KEY_CHARS}


def distinct(name: str, aliases: Iterable[str]) -> list[str]:
    """Aliases that add something to the name: no repeats, in any case or spacing."""
    seen = {plain_key(name)}
    kept = []
    for alias in aliases:
        key = plain_key(alias)
        if key and key not in seen:
            seen.add(key)
            kept.append(alias)
    return kept


def _story(slug: str, title: str, date: Moment, summary: str) -> Entry:
    entry = [slug, title, _day(date)]
    short = shorten(" ".join(summary.split()), SUMMARY_CHARS)
    if short and short.casefold() != title.casefold():
        entry.append(short)
    return entry


def _entities(
    site: Site, kind_labels: Mapping[str, str], stories: int, keys: list[str]
) -> dict[str, object]:
    actors = [
        [slug, actor.name, kind_labels.get(actor.kind, ""), *distinct(actor.name, actor.aliases)]
        for slug, actor in site.actors.items()
    ]
    events = [
        [slug, event.name] + ([_when(event.date)] if event.date is not None else [])
        for slug, event in site.events.items()
    ]
    return {"p": actors, "e": events, "n": stories, "c": STORIES_PER_FILE, "k": keys}


Postings = tuple["array[int]", "array[int]"]


def _words(stories: Sequence[Entry]) -> dict[str, dict[str, Postings]]:
    """key -> word -> (stories with it in the title, stories with it in the summary only)."""
    found: dict[str, dict[str, Postings]] = {}
    for number, entry in enumerate(stories):
        title = words_of(entry[1])
        summary = words_of(entry[3]) - title if len(entry) > 3 else set()
        for side, words in enumerate((title, summary)):
            for word in words:
                by_word = found.setdefault(word[:KEY_CHARS], {})
                postings = by_word.get(word)
                if postings is None:
                    postings = by_word[word] = (array("I"), array("I"))
                postings[side].append(number)
    return found


def _ids(numbers: array[int]) -> str:
    """Ascending story numbers as the shorter of differences in base 36 or a bitmap."""
    if not numbers:
        return ""
    bitmap_chars = 1 + 4 * -(-(numbers[-1] // 8 + 1) // 3)
    if 2 * len(numbers) - 1 < bitmap_chars:  # each difference takes a digit and a comma
        steps = [numbers[0], *(b - a for a, b in pairwise(numbers))]
        listed = ",".join(
            [
                _BASE36[step]
                if step < 1296
                else _BASE36[step // 1296] + _PAIRS[step % 1296]
                if step < 1296 * 1296
                else _base36(step)
                for step in steps
            ]
        )
        if len(listed) <= bitmap_chars:
            return listed
    bits = bytearray(numbers[-1] // 8 + 1)
    for number in numbers:
        bits[number >> 3] |= 1 << (number & 7)
    return "=" + base64.b64encode(bits).decode("ascii")


def _base36(number: int) -> str:
    digits = []
    while number:
        number, digit = divmod(number, 36)
        digits.append(_DIGITS[digit])
    return "".join(reversed(digits))


def _part_path(part: str) -> str:
    return f"{SEARCH_FOLDER}/{part}.js"


def _day(moment: Moment) -> str:
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"


def _when(when: When) -> str:
    """`2019`, `2023-05`, `2023-05-03`, and `~` after it when approximate (`2019~`, as EDTF)."""
    return (_day(when.day) if when.precision == "day" else when.iso()) + ("~" if when.circa else "")
