"""Discovery with a memory: the site's files as the last build saw them, and the stamps
that tell whether anything a build reads has changed since.

`Sources.look` scans `content/` anew, or, given a watcher's list of changed files,
only those; templates, static files and the settings are few and always looked at
afresh. Its `Found` carries two stamps (digests of names, sizes and mtimes): `assets`,
of everything but content, and `inputs`, of everything. Equal stamps, equal sites: a
build whose inputs stamp matches the manifest of output/ has nothing to do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError, in_order
from generator.source.config import CONFIG_FILE
from generator.source.discover import (
    Assets,
    SiteFolder,
    SourceRef,
    content_kind,
    scan_assets,
    scan_content,
    stat_source,
    through_link,
)
from generator.write.output import Manifest


@dataclass(frozen=True, slots=True)
class Found:
    """What discovery saw of the site, and the stamps that tell one build from the next."""

    refs: list[SourceRef]  # content files, by path
    templates: Path | None
    static: tuple[tuple[Path, str], ...]
    refused: list[ContentError]  # links out of the site, pipes: never read
    settings_refused: bool  # site.yaml itself is such a link
    assets: str  # the stamp of everything but content
    inputs: str  # the stamp of everything the build reads
    sources: dict[str, tuple[int, int]]  # each content file's size and mtime

    def since(self, previous: Manifest) -> set[Path]:
        """The sources that differ from those output/ was built from (`dossier check` may
        have refreshed the parse cache since: the cache alone cannot tell)."""
        built, now = previous.sources, self.sources
        if built.keys() != now.keys():
            return {Path(p) for p in built.keys() ^ now.keys()}
        return {Path(p) for p, stamp in now.items() if built[p] != stamp}


class Sources:
    """One site's files, kept from one build to the next."""

    def __init__(
        self, root: Path, out: Path | None, salt: str, *, drafts: bool, base_url: str | None = None
    ) -> None:
        self.root, self.out, self.salt, self.drafts = root, out, salt, drafts
        self.base_url = base_url  # `build --base-url`: another site than site.yaml's alone
        self._refs: dict[Path, SourceRef] | None = None  # content files, by path
        self._refused: list[ContentError] = []  # content links that lead out of the site

    def look(self, changed: list[Path] | None) -> Found:
        """The site's files (content rescanned only where `changed` says), and their stamps."""
        settings = SiteFolder(self.root).link_problem(self.root / CONFIG_FILE)
        assets = scan_assets(self.root, self.out)  # few: always looked at afresh
        refs = self._content(changed)
        refused = in_order({*assets.errors, *self._refused})  # links out of the site, pipes
        if settings is not None:  # not even its size is read
            refused = in_order({settings, *refused})
            return Found(refs, assets.templates, assets.static, refused, True, "", "", {})
        stamp = self._assets_stamp(assets)
        inputs = _content_stamp(stamp, refs)
        sources = {str(ref.path): (ref.size, ref.mtime_ns) for ref in refs}
        return Found(refs, assets.templates, assets.static, refused, False, stamp, inputs, sources)

    def saw(self, ref: SourceRef) -> None:
        """A file read outside `look` (a prose edit under a watcher)."""
        assert self._refs is not None
        self._refs[ref.path] = ref

    def _assets_stamp(self, found: Assets) -> str:
        """Everything but content: settings, templates, static files, the generator itself."""
        stamp = [self.salt, str(self.drafts), str(self.base_url)]
        stamp.append(repr(_stat(self.root / CONFIG_FILE)))
        extra = [p for p, _ in found.static] + list(found.template_files)
        stamp += [f"{p}\0{_stat(p)}" for p in extra]
        return hashlib.blake2b("\n".join(stamp).encode(), digest_size=16).hexdigest()

    def _content(self, changed: list[Path] | None) -> list[SourceRef]:
        if (
            changed is None
            or self._refs is None
            or self._refused  # until the refused links are gone, look at everything
            or any(_is_folder_change(p) or through_link(self.root, p) for p in changed)
        ):
            scan = scan_content(self.root, self.out)
            self._refs = {ref.path: ref for ref in scan.refs}
            self._refused = list(scan.errors)
        else:
            for path in changed:
                kind = content_kind(self.root, path)
                ref = stat_source(kind, path) if kind else None
                if ref is None:
                    self._refs.pop(path, None)
                else:
                    self._refs[path] = ref
        return sorted(self._refs.values(), key=lambda r: r.path)


def _content_stamp(assets: str, refs: list[SourceRef]) -> str:
    """Everything a build reads, as names, sizes and mtimes: equal stamps, equal sites."""
    stamp = [assets, *(f"{r.path}\0{r.size}\0{r.mtime_ns}" for r in refs)]
    return hashlib.blake2b("\n".join(stamp).encode(), digest_size=16).hexdigest()


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)


def _is_folder_change(path: Path) -> bool:
    """A folder created, moved or removed: the files in it were not reported one by one."""
    return path.is_dir() or (not path.exists() and not path.suffix)
