"""The open data files without the pages (`dossier export`): load, parse, model, write.

The site is loaded as a build loads it (discover, parse with the cache, model:
`Builder.model`), then only the open data writers run (`opendata.files.data_files`), so
the files are byte for byte those a build writes to output/data/. By default they go
there too; only files whose bytes changed are written, and nothing is removed. When the
folder is a build's output/data/, the build's manifest forgets the signatures of the
files export changed, so the next build looks at them again.
"""

from __future__ import annotations

from pathlib import Path

from generator.build import Builder
from generator.errors import ContentError, UsageError
from generator.incremental.fingerprint import code_digest
from generator.opendata.files import DATA_DIR, FORMATS, data_files
from generator.write.files import replace_file
from generator.write.output import (
    MARKER,
    bytes_digest,
    output_path,
    read_manifest,
)


def default_output(site: Path) -> Path:
    """Where a build puts the same files: SITE/output/data."""
    return site / "output" / DATA_DIR


def check_export_dir(site: Path, out: Path) -> None:
    """Refuse a folder whose files would become the site's own sources."""
    root, target = site.resolve(), out.resolve()
    if target == root:
        raise UsageError(f"refusing to export into {out}: it is the site itself; choose a folder")
    for folder in ("content", "templates", "static"):
        if target.is_relative_to(root / folder):
            raise UsageError(f"refusing to export into {out}: it is inside the site's {folder}/")
    if out.exists() and not out.is_dir():
        raise UsageError(f"refusing to export into {out}: it is a file, not a folder")


def export_site(
    site: Path, out: Path, formats: tuple[str, ...] = FORMATS, *, drafts: bool = False
) -> tuple[list[str], list[str]]:
    """Write the files of these formats into `out`: (the paths written, the paths whose
    bytes were there already); `ExportFailed` with the site's errors, if it has any."""
    check_export_dir(site, out)
    result = Builder(site, None, drafts=drafts).model()
    if result.errors or result.site is None:
        raise ExportFailed(result.errors)
    written, same = [], []
    for file in data_files(result.site, formats):
        target = output_path(out, file.path)
        data = file.text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            same.append(file.path)
            continue
        replace_file(target, data)
        written.append(file.path)
    _forget_in_build(out, written)
    return written, same


class ExportFailed(Exception):
    """The site has content errors: nothing was exported."""

    def __init__(self, errors: list[ContentError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


def _forget_in_build(out: Path, written: list[str]) -> None:
    """When `out` is a build's data/ folder, make the build's manifest forget the
    signatures of the files written here: its next build renders them and compares."""
    top = out.parent
    if not written or out.name != DATA_DIR or not (top / MARKER).is_file():
        return
    manifest = read_manifest(top, code_digest())
    if manifest is None:
        return
    for path in written:
        recorded = f"{DATA_DIR}/{path}"
        if recorded in manifest.pages:
            data = (out / path).read_bytes()
            manifest.page(recorded, "", bytes_digest(data))
    replace_file(top / MARKER, manifest.to_json().encode("utf-8"))
