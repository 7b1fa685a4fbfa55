"""Errors as values: what went wrong, where, and how to fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True, order=True)
class ContentError:
    """A mistake in the site's files, reported as `path:line: message`, or as
    `path: message` for what has no line (a symbolic link, a pipe): line 0."""

    path: Path
    line: int
    message: str

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def in_order(errors: Iterable[ContentError]) -> list[ContentError]:
    """Sorted as they are printed: by file, line and message. The same order as sorting
    the errors themselves, compared in C: a big site's thousands of warnings (names
    that several actors share) sort without a Python call per comparison."""
    return sorted(errors, key=_place)


def _place(error: ContentError) -> tuple[tuple[str, ...], int, str]:
    return error.path.parts, error.line, error.message


class ConfigError(Exception):
    """site.yaml is missing or broken: the build cannot start (exit status 2)."""


class UsageError(Exception):
    """The command line asks for something that cannot be done (exit status 2)."""
