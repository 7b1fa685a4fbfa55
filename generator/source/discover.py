"""Walk a site's folders and read its sources. The only reading of content from disk.

Nothing from outside the site gets in. A symbolic link (to a file or a folder, at
any depth, relative or absolute, or a chain of them) is followed only when its
target lies inside the site folder; one that leads outside, or nowhere, is an
error naming the link, and its target is never opened. A folder reached twice
through links (a link to its own parent) is walked once. Anything that is neither
a file nor a folder (a pipe, a device) is refused: reading it could hang the build.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.errors import ContentError, in_order

Kind = Literal["article", "actor", "event"]
CONTENT_DIRS: tuple[tuple[Kind, str, bool], ...] = (
    ("article", "articles", True),
    ("actor", "actors", False),
    ("event", "events", False),
)
_EDITOR_LITTER = ("~", ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig")
OUTSIDE = "symbolic link leads outside the site"


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
class ContentScan:
    """The content files found, and the links that were refused on the way."""

    refs: tuple[SourceRef, ...]
    errors: tuple[ContentError, ...] = ()


@dataclass(frozen=True, slots=True)
class Assets:
    """Everything but content that a build reads from the site."""

    templates: Path | None  # the folder, for the template loader
    template_files: tuple[Path, ...]
    static: tuple[tuple[Path, str], ...]  # each file and its path in output/
    errors: tuple[ContentError, ...] = ()


@dataclass(frozen=True, slots=True)
class Sources:
    content: tuple[SourceFile, ...]
    templates: Path | None
    static: tuple[tuple[Path, str], ...]
    errors: tuple[ContentError, ...] = ()

    def refusal(self, site: Path, left: str) -> list[str]:
        """What a command that writes into the site says, and then stops, when a link in
        it leads out (nothing is read through it, nothing written): each link, then
        `nothing LEFT`. Empty when the site can be used."""
        if not self.errors:
            return []
        return [*map(str, self.errors), f"nothing {left}: fix the {site} folder first"]


def is_source_name(name: str) -> bool:
    """False for hidden files and the litter editors leave beside the files they save."""
    return not (name.startswith((".", "#")) or name.endswith(_EDITOR_LITTER) or name == "4913")


class SiteFolder:
    """The site's folder, as far as links may lead: paths are judged by where they end up."""

    def __init__(self, root: Path, out: Path | None = None) -> None:
        self.root = root
        self.real = os.path.realpath(root)
        self._prefix = _prefix(self.real)
        # what the build writes, which no link may lead into: output/ copied into itself
        # would grow with every build
        written = [root / ".cache"] + ([out] if out is not None else [])
        self._written = tuple(_prefix(os.path.realpath(folder)) for folder in written)

    def holds(self, real: str) -> bool:
        """Whether a resolved path lies inside the site."""
        return real == self.real or real.startswith(self._prefix)

    def link_problem(self, path: Path) -> ContentError | None:
        """The error for `path` if it is a symbolic link that leads outside the site or to
        nothing; None for anything else. The target is resolved, never opened."""
        if not path.is_symlink():
            return None
        real = os.path.realpath(path)
        if not self.holds(real):
            advice = "it is not read: copy what you need into the site, or remove the link"
            return ContentError(path, 0, f"{OUTSIDE} (to {real}); {advice}")
        if not Path(real).exists():
            advice = "its target is missing, or links loop; fix it or remove it"
            return ContentError(path, 0, f"symbolic link leads to nothing ({advice})")
        if _prefix(real).startswith(self._written):
            message = f"symbolic link leads into what the build writes ({real}); remove it"
            return ContentError(path, 0, message)
        return None

    def way_problem(self, path: Path) -> ContentError | None:
        """The first link on the way from the site folder down to `path` (itself included)
        that leads outside the site or to nothing; None when the way is clear."""
        problems = (self.link_problem(step) for step in _way(self.root, path))
        return next((problem for problem in problems if problem is not None), None)

    def files(
        self, top: Path, errors: list[ContentError], *, recursive: bool = True
    ) -> Iterator[Path]:
        """Files below `top` in a stable order (a folder's files, then its folders), without
        hidden or temporary ones; what cannot be taken goes to `errors`."""
        problem = self.way_problem(top)
        if problem is not None:
            errors.append(problem)
            return
        if not top.is_dir():
            return
        real = os.path.realpath(top)
        yield from self._walk(top, real, recursive, {real}, errors)

    def _walk(
        self, folder: Path, real: str, recursive: bool, seen: set[str], errors: list[ContentError]
    ) -> Iterator[Path]:
        try:
            with os.scandir(folder) as listing:
                entries = sorted((e for e in listing if is_source_name(e.name)), key=_name)
        except OSError:
            return
        folders: list[tuple[Path, str]] = []
        for entry in entries:
            if entry.is_symlink():  # rare: judged by where it leads
                path = folder / entry.name
                problem = self.link_problem(path)
                kind = _kind(path) if problem is None else "refused"
                target = os.path.realpath(path) if kind == "folder" else ""
            elif entry.is_file(follow_symlinks=False):  # the usual case, no system call
                yield folder / entry.name
                continue
            else:
                path = folder / entry.name
                problem, kind = None, _kind(path)
                target = str(Path(real, entry.name)) if kind == "folder" else ""
            if problem is not None:
                errors.append(problem)
            elif kind == "folder":
                folders.append((path, target))
            elif kind == "file":
                yield path
            elif kind == "other":
                message = "is neither a file nor a folder (a pipe or a device?); remove it"
                errors.append(ContentError(path, 0, message))
        if not recursive:
            return
        for path, target in folders:
            if target not in seen:  # a link back to a folder already walked: once is enough
                seen.add(target)
                yield from self._walk(path, target, recursive, seen, errors)


def through_link(root: Path, path: Path) -> bool:
    """Whether `path`, or a folder on the way to it from the site folder `root`, is a
    symbolic link (wherever it leads)."""
    return any(step.is_symlink() for step in _way(root, path))


def _way(root: Path, path: Path) -> Iterator[Path]:
    """Each folder from `root` down to `path`, and `path`; nothing for a path outside."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return
    here = root
    for part in parts:
        here = here / part
        yield here


def _prefix(real: str) -> str:
    """A resolved folder as the start of the paths inside it."""
    return real if real.endswith(os.sep) else real + os.sep


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _kind(path: Path) -> str:
    """What `path` is, through a link (known by now to stay inside): a file, a folder,
    gone (removed while the folder was read) or other (a pipe, a socket, a device)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "gone"  # as if it had never been there
    return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "other"


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


def scan_content(root: Path, out: Path | None = None) -> ContentScan:
    """Find every content file without reading it: one stat per file. `out`: the output
    folder, which no link may lead into."""
    site = SiteFolder(root, out)
    refs: list[SourceRef] = []
    errors: list[ContentError] = []
    for kind, folder, recursive in CONTENT_DIRS:
        for path in site.files(root / "content" / folder, errors, recursive=recursive):
            ref = stat_source(kind, path) if path.suffix == ".md" else None
            if ref is not None:
                refs.append(ref)
    return ContentScan(tuple(refs), tuple(in_order(set(errors))))


def scan_assets(root: Path, out: Path | None = None) -> Assets:
    """The templates folder (if any) and its files, and the static files with their
    output paths. `out`: the output folder, which no link may lead into."""
    site = SiteFolder(root, out)
    errors: list[ContentError] = []
    templates, static_dir = root / "templates", root / "static"
    template_files = tuple(site.files(templates, errors))
    folder = templates if templates.is_dir() and not errors else None  # refused: not loaded
    static = tuple(
        (p, p.relative_to(static_dir).as_posix()) for p in site.files(static_dir, errors)
    )
    return Assets(folder, template_files, static, tuple(in_order(set(errors))))


def read_source(ref: SourceRef) -> SourceFile:
    return SourceFile(ref.kind, ref.path, ref.path.read_bytes())


def discover(root: Path) -> Sources:
    """Find and read every source file."""
    assets, content = scan_assets(root), scan_content(root)
    files = tuple(read_source(ref) for ref in content.refs)
    errors = tuple(in_order({*assets.errors, *content.errors}))
    return Sources(files, assets.templates, assets.static, errors)
