"""Write the rendered site, so that a failed build never leaves a damaged output/.

A first (or full) build writes everything into a temp folder beside output/
and swaps it in with two renames. Later builds change output/ in place, but
only after every page was rendered without error: each changed file is
replaced atomically (temp file and rename), files whose bytes are the same are
left alone (their mtime stays), pages that no longer exist are removed, and the
manifest that records all of this is written last.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.errors import UsageError
from generator.render import THEME_STATIC, Page

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
    """What output/ holds: per page its signature and the digest of its bytes."""

    key: str
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    static: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # source, size, mtime
    inputs: str = ""  # the stamp of every input the build read
    counts: list[int] = field(default_factory=lambda: [0, 0, 0])  # articles, actors, events
    warnings: int = 0
    assets: str = ""  # the stamp of every input but content

    def to_json(self) -> str:
        fields = ("key", "inputs", "counts", "warnings", "pages", "static", "assets")
        return json.dumps({name: getattr(self, name) for name in fields})


def read_manifest(out: Path, key: str) -> Manifest | None:
    """The manifest of a previous build, if it was made by this generator and can be read."""
    try:
        data = json.loads((out / MARKER).read_text(encoding="utf-8"))
        if data["key"] != key:
            return None
        pages = {str(p): (str(s), str(d)) for p, (s, d) in data["pages"].items()}
        static = {str(p): (str(src), int(n), int(t)) for p, (src, n, t) in data["static"].items()}
        counts = [int(n) for n in data["counts"]][:3]
        inputs, warnings, assets = str(data["inputs"]), int(data["warnings"]), str(data["assets"])
        return Manifest(key, pages, static, inputs, counts, warnings, assets)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def html_digest(html: str) -> str:
    return hashlib.blake2b(html.encode("utf-8"), digest_size=16).hexdigest()


def static_stamp(source: Path) -> tuple[str, int, int]:
    info = source.stat()
    return (str(source), info.st_size, info.st_mtime_ns)


def write_site(
    out: Path, pages: Iterable[Page], statics: Iterable[tuple[Path, str]], manifest: Manifest
) -> list[str]:
    """Write every file into a fresh folder, then put it in place of `out`. Returns paths."""
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.new-{os.getpid()}"
    retired = out.parent / f".{out.name}.old-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    written: list[str] = []
    try:
        staging.mkdir()
        for source, relative in statics:
            _copy(source, output_path(staging, relative))
            manifest.static[relative] = static_stamp(source)
            written.append(relative)
        for page in pages:
            target = output_path(staging, page.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.html, encoding="utf-8")
            written.append(page.path)
        (staging / MARKER).write_text(manifest.to_json(), encoding="utf-8")
        _swap(staging, out, retired)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


def update_site(
    out: Path,
    pages: Iterable[Page],
    statics: Iterable[tuple[Path, str]],
    manifest: Manifest,
    previous: Mapping[str, tuple[str, str]],
) -> list[str]:
    """Change `out` in place: write changed files, remove stale ones, then the manifest."""
    written: list[str] = []
    for page in pages:
        target = output_path(out, page.path)
        if previous.get(page.path, ("", ""))[1] != manifest.pages[page.path][1] or (
            not target.exists()
        ):
            _replace(target, page.html.encode("utf-8"))
            written.append(page.path)
    statics = list(statics)
    old_static = dict(manifest.static)
    manifest.static = {}
    for source, relative in statics:
        stamp = static_stamp(source)
        manifest.static[relative] = stamp
        if old_static.get(relative) != stamp or not output_path(out, relative).exists():
            _copy(source, output_path(out, relative))
            written.append(relative)
    for relative in (set(previous) - set(manifest.pages)) | (
        set(old_static) - set(manifest.static)
    ):
        output_path(out, relative).unlink(missing_ok=True)
    _replace(out / MARKER, manifest.to_json().encode("utf-8"))
    return written


def _replace(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temp.write_bytes(data)
    temp.replace(target)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.copyfile(source, temp)
    temp.replace(target)


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
