"""Rendered Markdown kept as UTF-8 in large shared buffers rather than one string each.

A site of 100,000 stories holds most of a gigabyte of rendered bodies. Render workers
are forked and inherit them; merely reading a Python string writes to its reference
count, and that write copies the memory page it sits on into the worker. A body held as
a slice of a buffer that many bodies share is read without writing to the buffer, so
the workers share the bodies instead of copying them.

A `Prose` acts as the HTML wherever a template shows it (`{{ article.body_html | safe }}`
calls `__html__`), is true when not empty, and is equal to another with the same bytes
(or to the same text). Its `digest` stands for its bytes in page signatures, so they
never read the bodies either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


class Prose:
    """HTML held as `data[start:end]` (UTF-8), with the digest of those bytes."""

    __slots__ = ("_data", "_end", "_start", "digest")

    def __init__(self, data: bytes, start: int, end: int, digest: bytes) -> None:
        self._data, self._start, self._end, self.digest = data, start, end, digest

    @classmethod
    def of(cls, text: str) -> Prose:
        return pack([text])[0]

    def encoded(self) -> bytes:
        return self._data[self._start : self._end]

    def __html__(self) -> str:
        return self.encoded().decode("utf-8")

    def __str__(self) -> str:
        return self.__html__()

    def __bool__(self) -> bool:
        return self._end > self._start

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Prose):
            return self.digest == other.digest
        if isinstance(other, str):
            return self.__html__() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.__html__())  # as the text's, since it equals the text

    def __repr__(self) -> str:  # what page signatures see: the digest, not the bytes
        return f"Prose({self.digest.hex()})"

    def __reduce__(self) -> tuple[type[Prose], tuple[bytes, int, int, bytes]]:
        data = self.encoded()
        return Prose, (data, 0, len(data), self.digest)


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def pack(items: Iterable[str | Prose]) -> list[Prose]:
    """Each text or `Prose` as a `Prose`, all in one new buffer. A `Prose` made one by one
    elsewhere (worker processes encode and digest the bodies they render) keeps its digest."""
    encoded: list[bytes] = []
    digests: list[bytes] = []
    for item in items:
        if isinstance(item, Prose):
            encoded.append(item.encoded())
            digests.append(item.digest)
        else:
            encoded.append(item.encode("utf-8"))
            digests.append(digest(encoded[-1]))
    data = b"".join(encoded)
    found, start = [], 0
    for part, known in zip(encoded, digests, strict=True):
        end = start + len(part)
        found.append(Prose(data, start, end, known))
        start = end
    return found
