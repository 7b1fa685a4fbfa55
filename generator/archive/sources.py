"""Articles' sources → those with a web address and no saved copy, in file and line order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from generator.source.sources import Source


class HasSources(Protocol):
    @property
    def path(self) -> Path: ...

    @property
    def sources(self) -> tuple[Source, ...]: ...


@dataclass(frozen=True, slots=True)
class Unarchived:
    """A source that links to the web and has no `archived:` copy."""

    path: Path
    line: int
    url: str

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def unarchived(articles: Iterable[HasSources]) -> list[Unarchived]:
    found = [
        Unarchived(article.path, source.line, source.url)
        for article in articles
        for source in article.sources
        if source.url and not source.archived
    ]
    return sorted(found, key=lambda u: (str(u.path), u.line))
