"""Walk a site's folders and read its sources. The only reading of content from disk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["article", "actor", "event"]
CONTENT_DIRS: tuple[tuple[Kind, str, bool], ...] = (
    ("article", "articles", True),
    ("actor", "actors", False),
    ("event", "events", False),
)
_EDITOR_LITTER = ("~", ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig")


@dataclass(frozen=True, slots=True)
class SourceFile:
    kind: Kind
    path: Path  # as the user will see it: the site folder joined with the relative path
    data: bytes


@dataclass(frozen=True, slots=True)
class Sources:
    content: tuple[SourceFile, ...]
    templates: Path | None
    static: tuple[tuple[Path, str], ...]  # (file, path relative to static/)


def is_source_name(name: str) -> bool:
    """False for hidden files and the litter editors leave beside the files they save."""
    return not (name.startswith((".", "#")) or name.endswith(_EDITOR_LITTER) or name == "4913")


def walk_files(top: Path, recursive: bool = True) -> Iterator[Path]:
    """Files below `top` in a stable order, skipping hidden and temporary ones."""
    if not top.is_dir():
        return
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if recursive else []
        for name in sorted(files):
            if is_source_name(name):
                yield Path(folder, name)


def discover(root: Path) -> Sources:
    content: list[SourceFile] = []
    for kind, folder, recursive in CONTENT_DIRS:
        for path in walk_files(root / "content" / folder, recursive):
            if path.suffix == ".md":
                content.append(SourceFile(kind, path, path.read_bytes()))
    templates = root / "templates"
    static_dir = root / "static"
    static = tuple((p, p.relative_to(static_dir).as_posix()) for p in walk_files(static_dir))
    return Sources(tuple(content), templates if templates.is_dir() else None, static)
