"""Write the rendered site: everything into a temp folder beside output/, then swap it in.

A build that fails before or during writing leaves the previous output/ exactly
as it was. The only moment output/ changes is two renames at the very end.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
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


def write_site(out: Path, pages: Iterable[Page], statics: Iterable[tuple[Path, str]]) -> list[str]:
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
            target = output_path(staging, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written.append(relative)
        for page in pages:
            target = output_path(staging, page.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.html, encoding="utf-8")
            written.append(page.path)
        (staging / MARKER).write_text("written by dossier; replaced on every build\n")
        _swap(staging, out, retired)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


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
