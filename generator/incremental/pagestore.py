"""Rendered pages kept between builds, by signature, so that a build with an empty
output/ (a fresh checkout in CI, `rm -rf output`) need not render them again.

The store is `SITE/.cache/dossier/pages/`: one file per page signature, made as a hard
link to the file the build wrote, so keeping a page costs one link and no bytes. Output
files are only ever replaced (temp file and rename), never changed in place, so a
stored page keeps its bytes when output/ changes. A page is taken back only while its
file has the size and mtime recorded when it was stored: a file changed in place (say
through output/ by hand) is not used, and the page is rendered again. Where links
cannot be made (output/ on another file system) nothing is stored.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from generator.write.files import replace_file

INDEX = "pages.json"
SIGNATURE = re.compile(r"[0-9a-f]{32}")

Stored = tuple[str, int, int]  # digest of the page's bytes, size, mtime_ns


class PageStore:
    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder / "pages"
        self.key = key
        self.index: dict[str, Stored] = _load(folder / INDEX, key)
        self._changed = False
        self._linkable = True
        self._folders: set[Path] = set()

    def file(self, signature: str) -> Path:
        return self.folder / signature[:2] / signature

    def find(self, signature: str) -> tuple[Path, str] | None:
        """The stored file for this signature and the digest of its bytes, if still sound."""
        entry = self.index.get(signature)
        if entry is None:
            return None
        source = self.file(signature)
        try:
            info = source.stat()
        except OSError:
            return None
        if (info.st_size, info.st_mtime_ns) != entry[1:]:
            return None
        return source, entry[0]

    def keep(self, signature: str, digest: str, written: Path) -> None:
        """Store the page just written to `written` (a hard link to it)."""
        self.record(signature, digest, self.link(signature, digest, written))

    def link(self, signature: str, digest: str, written: Path) -> tuple[int, int] | None:
        """Hard-link the page just written to `written` into the store; its size and mtime
        for `record`, or None when it is stored already or cannot be. Changes no state
        but the files', so a worker process can do it."""
        entry = self.index.get(signature)
        if not self._linkable or (entry is not None and entry[0] == digest):
            return None
        target = self.file(signature)
        try:
            if target.parent not in self._folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(target.parent)
            try:
                os.link(written, target)
            except FileExistsError:  # left by a build that stopped half way: replace it
                target.unlink()
                os.link(written, target)
            info = target.stat()
        except OSError:  # another file system, or no links here: store nothing
            self._linkable = False
            return None
        return info.st_size, info.st_mtime_ns

    def record(self, signature: str, digest: str, stored: tuple[int, int] | None) -> None:
        """Note a page that `link` stored."""
        if stored is not None:
            self.index[signature] = (digest, *stored)
            self._changed = True

    def forget(self, signature: str) -> None:
        if self.index.pop(signature, None) is not None:
            self.file(signature).unlink(missing_ok=True)
            self._changed = True

    def retain(self, signatures: Iterable[str]) -> None:
        """Forget every page but these (the pages of the site as it is now)."""
        wanted = set(signatures)
        for signature in [s for s in self.index if s not in wanted]:
            self.file(signature).unlink(missing_ok=True)
            del self.index[signature]
            self._changed = True

    def save(self) -> None:
        if not self._changed:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"key": self.key, "pages": self.index})
        replace_file(self.folder.parent / INDEX, data.encode("utf-8"))
        self._changed = False


def _load(path: Path, key: str) -> dict[str, Stored]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["key"] != key:
            return {}
        pages = {str(s): (str(d), int(n), int(t)) for s, (d, n, t) in data["pages"].items()}
    except (OSError, ValueError, TypeError, KeyError):
        return {}
    # names become paths: anything but a signature (hex) could reach outside the store
    return {s: entry for s, entry in pages.items() if SIGNATURE.fullmatch(s)}
