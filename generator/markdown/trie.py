"""The site's names in a trie of words, for the mention rule: matching costs the same per
word of text whether the site knows fifty names or fifty thousand.

In: the names to match, already keyed and freed of ambiguity by the name resolver
(`model.resolver.mention_names`), and its key (`mention_key`), with which a candidate span
of text is compared. Out: `NameIndex.find`, the non-overlapping matches in a text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import accumulate

from generator.markdown.found import Target

WORD = re.compile(r"\w+")


WORDS = re.compile(r"(\w+)")  # split() keeps the words, between the separators

MentionKey = Callable[[str, bool], str]  # (text, exact case) -> the key it is compared by


class _Node:
    """One word of the name trie: the words that may follow, and the names ending here."""

    __slots__ = ("children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: list[tuple[str, bool, Target]] = []  # (key, exact case, target)


class NameIndex:
    """Every name and alias in a trie of words: matching costs the same per word of text
    whether the site knows fifty names or fifty thousand. The words of the trie are
    casefolded; a span of text whose words lead to a name matches when its key is the
    name's (`key`, the resolver's `mention_key`)."""

    def __init__(self, names: Iterable[tuple[str, bool, Target]], key: MentionKey) -> None:
        self._key = key
        self._root = _Node()
        for name, exact, target in names:  # (key, exact case, target), each key once
            node = self._root
            for word in WORD.findall(name):
                node = node.children.setdefault(word.casefold(), _Node())
            node.ends.append((name, exact, target))

    def find(self, text: str) -> list[tuple[int, int, Target]]:
        """Non-overlapping (start, end, target) matches, the longest name at each word."""
        folded = text.casefold()
        if len(folded) != len(text):  # "ß" -> "ss": positions would shift, fold word by word
            matches = list(WORD.finditer(text))
            spans = [bound for match in matches for bound in match.span()]
            return self._walk(text, [match[0].casefold() for match in matches], spans)
        parts = WORDS.split(folded)  # separator, word, separator, word, ..., separator
        words = parts[1::2]
        if self._root.children.keys().isdisjoint(words):
            return []  # the usual text: no word starts a name (each step here runs in C)
        bounds = list(accumulate(map(len, parts)))  # word i spans bounds[2i]..bounds[2i+1]
        return self._walk(text, words, bounds)

    def _walk(
        self, text: str, words: list[str], bounds: list[int]
    ) -> list[tuple[int, int, Target]]:
        """The trie walked from each word: `bounds` holds each word's start and end."""
        first, key_of = self._root.children, self._key
        found: list[tuple[int, int, Target]] = []
        index, count = 0, len(words)
        while index < count:
            node = first.get(words[index])
            if node is None:
                index += 1
                continue
            best: tuple[int, Target] | None = None
            start, last = bounds[2 * index], index
            while True:
                for key, exact, target in node.ends:
                    if key_of(text[start : bounds[2 * last + 1]], exact) == key:
                        best = (last, target)
                last += 1
                if last == count:
                    break
                child = node.children.get(words[last])
                if child is None:
                    break
                node = child
            if best is None:
                index += 1
                continue
            last, target = best
            found.append((start, bounds[2 * last + 1], target))
            index = last + 1
        return found
