"""Write the rendered site, so that a failed build never leaves a damaged output/.

A first (or full) build writes everything into a temp folder beside output/
and swaps it in with two renames. Later builds change output/ in place: each
changed file is written to a temp file beside its target as soon as it is
rendered, and all are renamed into place only after every page was rendered
without error. Files whose bytes are the same are left alone (their mtime
stays), pages that no longer exist are removed, and the manifest that records
all of this is written last. Pages are written as they come, so a build never
holds the whole site's HTML in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath

from generator.errors import UsageError
from generator.pages.render import THEME_STATIC
from generator.write.files import TEMP_NAME, replace_file, temp_beside

MARKER = ".dossier-output"
ASSETS = "assets"


def check_output_dir(root: Path, out: Path) -> None:
    """Refuse, before anything is touched, an output folder that would destroy sources."""
    site, target = root.resolve(), out.resolve()
    if site == target or site.is_relative_to(target):
        raise UsageError(f"refusing to write to {out}: it holds the site itself ({root})")
    for folder in ("content", "templates", "static"):
        source = site / folder
        if target == source or target.is_relative_to(source):
            raise UsageError(f"refusing to write to {out}: it is inside the site's {folder}/")
    if out.exists() and not out.is_dir():
        raise UsageError(f"refusing to write to {out}: it is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise UsageError(
            f"refusing to replace {out}: it is not empty and was not written by dossier; "
            "remove it or choose another --output"
        )


def output_path(top: Path, relative: str) -> Path:
    """`top/relative`, refusing anything that could land outside `top`."""
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or any(p in ("..", "", ".") for p in parts):
        raise ValueError(f"unsafe output path {relative!r}")
    return top.joinpath(*parts)


def static_files(site_static: Iterable[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """The theme's assets, then the site's static/ files (which win on a clash)."""
    theme = [(p, f"{ASSETS}/{p.name}") for p in sorted(THEME_STATIC.iterdir()) if p.is_file()]
    return theme + list(site_static)


@dataclass
class Manifest:
    """What output/ holds: per page its signature and the digest of its bytes; and what it
    was built from: every source's size and mtime, the key of the site's names."""

    key: str
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    static: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # source, size, mtime
    inputs: str = ""  # the stamp of every input the build read
    counts: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # articles, actors,
    # events, drafts left out
    warnings: int = 0
    assets: str = ""  # the stamp of every input but content
    sources: dict[str, tuple[int, int]] = field(default_factory=dict)  # size, mtime_ns
    linking: str = ""  # the key of the site's names the bodies were rendered with

    def to_json(self) -> str:
        return json.dumps({f.name: getattr(self, f.name) for f in fields(self)})

    def keeping(
        self, *, inputs: str, sources: dict[str, tuple[int, int]], linking: str, warnings: int
    ) -> Manifest:
        """The manifest of a build that changes only some pages of this one: its pages and
        static files to start from (copies: this one stays as it was), the rest anew."""
        pages, static = dict(self.pages), dict(self.static)
        counts = list(self.counts)
        return Manifest(
            self.key, pages, static, inputs, counts, warnings, self.assets, sources, linking
        )

    def page(self, path: str, signature: str, digest: str) -> None:
        """A page as written: the signature of what it was made from, the digest of its bytes."""
        self.pages[path] = (signature, digest)

    def source(self, path: Path, size: int, mtime_ns: int) -> None:
        """A source file as the pages now in output/ were made from it."""
        self.sources[str(path)] = (size, mtime_ns)


def read_manifest(out: Path, key: str) -> Manifest | None:
    """The manifest of a previous build, if it was made by this generator and can be read."""
    try:
        data = json.loads((out / MARKER).read_text(encoding="utf-8"))
        if data["key"] != key:
            return None
        pages = {str(p): (str(s), str(d)) for p, (s, d) in data["pages"].items()}
        static = {str(p): (str(src), int(n), int(t)) for p, (src, n, t) in data["static"].items()}
        counts = ([int(n) for n in data["counts"]] + [0])[:4]
        inputs, warnings, assets = str(data["inputs"]), int(data["warnings"]), str(data["assets"])
        sources = {str(p): (int(n), int(t)) for p, (n, t) in data["sources"].items()}
        linking = str(data["linking"])
        return Manifest(key, pages, static, inputs, counts, warnings, assets, sources, linking)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def html_digest(html: str) -> str:
    return bytes_digest(html.encode("utf-8"))


def bytes_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def static_stamp(source: Path) -> tuple[str, int, int]:
    info = source.stat()
    return (str(source), info.st_size, info.st_mtime_ns)


class Output:
    """Files for output/, written out of place and put in place only by `commit()`.

    With no previous build, files go into a fresh folder beside output/ that is swapped
    in whole. Otherwise each file goes to a temp file beside its target, and all are
    renamed into place at the end. `abort()` removes what was written: output/ stays as
    it was. Files can be written as they are rendered: nothing needs to be held.
    """

    def __init__(self, out: Path, previous: Mapping[str, tuple[str, str]] | None) -> None:
        self.out = out.absolute()
        self.previous = previous
        self.written: list[str] = []
        self._moves: list[tuple[Path, Path]] = []  # (temp, target), in place only
        self._folders: set[Path] = set()
        if previous is None:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self.top = self.out.parent / f".{self.out.name}.new-{os.getpid()}"
            shutil.rmtree(self.top, ignore_errors=True)
            self.top.mkdir()
        else:
            self.top = self.out

    def needs(self, relative: str, digest: str) -> bool:
        """False when output/ holds these very bytes at `relative` already."""
        if self.previous is None or self.previous.get(relative, ("", ""))[1] != digest:
            return True
        return not output_path(self.out, relative).exists()

    def write(self, relative: str, data: bytes) -> Path:
        """Write a file; returns where its bytes are now (they keep that inode)."""
        place = self.put(relative, data)
        self.adopt(relative, place)
        return place

    def put(self, relative: str, data: bytes) -> Path:
        """Write a file as `write` does, but note nothing: a worker process can do it, and
        the parent then passes the place returned to `adopt`."""
        place = self._where(relative)
        place.write_bytes(data)
        return place

    def adopt(self, relative: str, place: Path) -> None:
        """Note a file that `put` wrote (in any process), to commit or abort it."""
        self.written.append(relative)
        if self.previous is not None:
            self._moves.append((place, output_path(self.top, relative)))

    def put_link(self, relative: str, source: Path) -> Path:
        """The file `source` (from the page store) at `relative`: linked, else copied. Like
        `put`, it notes nothing: pass the place returned to `adopt`."""
        place = self._where(relative)
        try:
            os.link(source, place)
        except OSError:
            shutil.copyfile(source, place)
        return place

    def copy(self, relative: str, source: Path) -> None:
        shutil.copyfile(source, self._place(relative))

    def commit(self, manifest: Manifest, remove: Iterable[str] = ()) -> list[str]:
        """Put everything in place, remove `remove`, write the manifest last."""
        if self.previous is None:
            retired = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
            (self.top / MARKER).write_text(manifest.to_json(), encoding="utf-8")
            _swap(self.top, self.out, retired)
        else:
            for temp, target in self._moves:
                temp.replace(target)
            self._moves = []
            for relative in remove:
                output_path(self.out, relative).unlink(missing_ok=True)
            replace_file(self.out / MARKER, manifest.to_json().encode("utf-8"))
        return self.written

    def finish(self, manifest: Manifest, statics: Iterable[tuple[Path, str]]) -> list[str]:
        """Copy the static files that changed, then `commit`, removing the pages and static
        files the site no longer has."""
        old_static = dict(manifest.static)
        _put_statics(self, statics, manifest)
        gone = set(self.previous or ()) - manifest.pages.keys()
        return self.commit(manifest, gone | (old_static.keys() - manifest.static.keys()))

    def abort(self) -> None:
        """Remove everything written: the fresh folder, or every temp file in output/,
        those too that a worker wrote and the parent never heard of (a build stopped
        half way)."""
        if self.previous is None:
            shutil.rmtree(self.top, ignore_errors=True)
            return
        for temp, _ in self._moves:
            temp.unlink(missing_ok=True)
        self._moves = []
        for folder, _, names in os.walk(self.out):
            for name in names:
                if TEMP_NAME.fullmatch(name):
                    Path(folder, name).unlink(missing_ok=True)

    def _place(self, relative: str) -> Path:
        place = self._where(relative)
        self.adopt(relative, place)
        return place

    def _where(self, relative: str) -> Path:
        """Where a file goes until `commit` (its folder made): its target in a fresh
        folder, else a temp file beside its target, named for this process."""
        target = output_path(self.top, relative)
        folder = target.parent
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        if self.previous is None:
            return target
        return temp_beside(target)


def _put_statics(output: Output, statics: Iterable[tuple[Path, str]], manifest: Manifest) -> None:
    """Copy the static files that changed (all, for a fresh output/) and record them."""
    old = dict(manifest.static)
    manifest.static = {}
    for source, relative in statics:
        stamp = static_stamp(source)
        manifest.static[relative] = stamp
        fresh = output.previous is None
        if fresh or old.get(relative) != stamp or not output_path(output.out, relative).exists():
            output.copy(relative, source)


def _swap(staging: Path, out: Path, retired: Path) -> None:
    if out.exists():
        shutil.rmtree(retired, ignore_errors=True)
        out.rename(retired)
        try:
            staging.rename(out)
        except OSError:
            retired.rename(out)
            raise
        shutil.rmtree(retired, ignore_errors=True)
    else:
        staging.rename(out)
