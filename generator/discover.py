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
class SourceRef:
    """A content file found on disk, not yet read: its size and mtime tell if it changed."""

    kind: Kind
    path: Path  # as the user will see it: the site folder joined with the relative path
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class SourceFile:
    kind: Kind
    path: Path
    data: bytes


@dataclass(frozen=True, slots=True)
class Sources:
    content: tuple[SourceFile, ...]
    templates: Path | None
    static: tuple[tuple[Path, str], ...]


def is_source_name(name: str) -> bool:
    """False for hidden files and the litter editors leave beside the files they save."""
    return not (name.startswith((".", "#")) or name.endswith(_EDITOR_LITTER) or name == "4913")


def walk_files(top: Path, recursive: bool = True) -> Iterator[Path]:
    """Files below `top` in a stable order, skipping hidden and temporary ones."""
    if not top.is_dir():
        return
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if recursive else []
        base = Path(folder)  # parsed once: each child is then cheap to make
        for name in sorted(files):
            if is_source_name(name):
                yield base / name


def content_kind(root: Path, path: Path) -> Kind | None:
    """Which kind of source `path` is, by its folder under content/; None if it is none."""
    try:
        parts = path.relative_to(root / "content").parts
    except ValueError:
        return None
    if path.suffix != ".md" or len(parts) < 2 or not all(is_source_name(p) for p in parts):
        return None
    for kind, folder, recursive in CONTENT_DIRS:
        if parts[0] == folder and (recursive or len(parts) == 2):
            return kind
    return None


def stat_source(kind: Kind, path: Path) -> SourceRef | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return SourceRef(kind, path, info.st_size, info.st_mtime_ns)


def scan_content(root: Path) -> tuple[SourceRef, ...]:
    """Find every content file without reading it: one stat per file."""
    refs: list[SourceRef] = []
    for kind, folder, recursive in CONTENT_DIRS:
        for path in walk_files(root / "content" / folder, recursive):
            ref = stat_source(kind, path) if path.suffix == ".md" else None
            if ref is not None:
                refs.append(ref)
    return tuple(refs)


def scan_assets(root: Path) -> tuple[Path | None, tuple[tuple[Path, str], ...]]:
    """The templates folder (if any) and the static files, with their output paths."""
    templates = root / "templates"
    static_dir = root / "static"
    static = tuple((p, p.relative_to(static_dir).as_posix()) for p in walk_files(static_dir))
    return (templates if templates.is_dir() else None), static


def read_source(ref: SourceRef) -> SourceFile:
    return SourceFile(ref.kind, ref.path, ref.path.read_bytes())


def discover(root: Path) -> Sources:
    """Find and read every source file."""
    templates, static = scan_assets(root)
    return Sources(tuple(read_source(ref) for ref in scan_content(root)), templates, static)
