"""The build cache: parsed documents and rendered Markdown, kept between runs.

Stored as JSON in `SITE/.cache/dossier/`, spread over a few files by path so that a
small edit rewrites one small file (never pickle: a site folder from
someone else must not be able to run code through its cache). An entry is
reused only while its file's size and mtime are unchanged. A cache from another
version of the generator, another format or other Markdown settings, or one
that cannot be read, is dropped whole: the build then parses everything again,
so a bad cache can cost time but never give a wrong site.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import __version__
from generator.discover import SourceRef
from generator.markup import Rendered
from generator.mentions import Quote, Reference
from generator.parse import ActorDoc, ArticleDoc, Body, Doc, EventDoc
from generator.schema import ClaimDoc, Name, Source

CACHE_DIR = Path(".cache") / "dossier"
FORMAT = 3
SHARDS = 32
_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        ArticleDoc,
        ActorDoc,
        EventDoc,
        Body,
        Name,
        Source,
        Rendered,
        Reference,
        Quote,
        ClaimDoc,
    )
}

_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _TYPES.values()}


@dataclass(frozen=True, slots=True)
class Entry:
    size: int
    mtime_ns: int
    doc: Doc
    rendered: Rendered
    linking: str  # the site's names the body was rendered against (see `linking`)


def _encode(value: object) -> object:
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, Path):
        return {"$path": str(value)}
    names = _FIELDS.get(type(value))
    if names is not None:
        return {"$type": type(value).__name__, **{name: getattr(value, name) for name in names}}
    raise TypeError(f"cannot cache {type(value).__name__}")


def _decode(obj: dict[str, Any]) -> object:
    if "$datetime" in obj:
        return dt.datetime.fromisoformat(obj["$datetime"])
    if "$date" in obj:
        return dt.date.fromisoformat(obj["$date"])
    if "$path" in obj:
        return Path(obj["$path"])
    if "$type" in obj:
        cls = _TYPES[obj.pop("$type")]
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in obj.items()})
    return obj


def cache_key(raw_html: bool, link_mentions: bool) -> str:
    return f"dossier {__version__} format {FORMAT} raw_html {raw_html} mentions {link_mentions}"


def without_body(doc: Doc) -> Doc:
    """The document as cached: its Markdown is kept rendered, not as text."""
    return dataclasses.replace(doc, body=Body("", doc.body.line))


def shard_of(path: Path) -> int:
    """Which of the cache's files holds `path`: a small edit rewrites one small file."""
    return hashlib.blake2b(str(path).encode("utf-8"), digest_size=4).digest()[0] % SHARDS


def load_cache(folder: Path, key: str) -> dict[Path, Entry]:
    """Every entry of every readable shard written under `key`; a bad shard is skipped."""
    entries: dict[Path, Entry] = {}
    for shard in range(SHARDS):
        try:
            text = (folder / f"shard-{shard:02d}.json").read_text(encoding="utf-8")
            data = json.loads(text, object_hook=_decode)
            if data.get("key") != key:
                continue
            found = {
                doc.path: Entry(size, mtime, doc, rendered, linking)
                for size, mtime, doc, rendered, linking in data["files"].values()
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            continue
        entries.update(found)
    return entries


def save_cache(
    folder: Path, key: str, entries: dict[Path, Entry], shards: Iterable[int] | None = None
) -> None:
    """Write the given shards (all when None), each atomically."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# written by dossier: a cache, safe to delete\n*\n", encoding="utf-8")
    wanted = set(range(SHARDS) if shards is None else shards)
    files: dict[int, dict[str, object]] = {shard: {} for shard in wanted}
    for path, e in entries.items():
        shard = shard_of(path)
        if shard in files:
            files[shard][str(path)] = (
                e.size,
                e.mtime_ns,
                without_body(e.doc),
                e.rendered,
                e.linking,
            )
    for shard, content in files.items():
        text = json.dumps({"key": key, "files": content}, default=_encode, ensure_ascii=False)
        temp = folder / f"shard-{shard:02d}.json.{os.getpid()}.tmp"
        temp.write_text(text, encoding="utf-8")
        temp.replace(folder / f"shard-{shard:02d}.json")


def is_fresh(entry: Entry | None, ref: SourceRef) -> bool:
    return entry is not None and (entry.size, entry.mtime_ns) == (ref.size, ref.mtime_ns)
