"""The build cache: parsed documents and rendered Markdown, kept between runs.

Stored in `SITE/.cache/dossier/`, spread over a few files by path so that a small
edit rewrites one small file. Each file is one line of JSON (the documents, each
as a list of its fields) followed by the rendered HTML as raw UTF-8, which the JSON
points into: never pickle, so that a site folder from someone else cannot run code
through its cache. An entry is
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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any

from generator import __version__
from generator.errors import ContentError
from generator.markdown.found import Quote, Reference
from generator.markdown.markup import Rendered
from generator.model.linking import NameRow
from generator.prose import Prose
from generator.source.discover import SourceRef
from generator.source.parse import ActorDoc, ArticleDoc, Body, Doc, EventDoc
from generator.source.relations import RelationDoc
from generator.source.schema import ClaimDoc, FrozenMap, Moment, Name
from generator.source.sources import Source
from generator.source.updates import UpdateDoc
from generator.when import When
from generator.write.files import replace_file

CACHE_DIR = Path(".cache") / "dossier"
FORMAT = 18
SHARDS = 256  # one byte of a hash of the path: an edit at 100,000 stories rewrites ~400 entries
NAMES = "names.json"


@dataclass(frozen=True, slots=True)
class Entry:
    size: int
    mtime_ns: int
    doc: Doc
    rendered: Rendered
    linking: str  # the site's names the body was rendered against (see `linking`)


# Each cached type as a JSON list of its fields, in order, each field through a codec:
# no field names, no per-object hook, so that loading 10,000 entries is one C parse and
# one plain pass. A field added to a type must be added here (a test round-trips all).
Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]  # (to JSON, from JSON)
_PLAIN: Codec = (lambda v: v, lambda v: v)
_TUPLE: Codec = (lambda v: v, tuple)


def _moment_in(text: str | None) -> Moment | None:
    if text is None:
        return None
    return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)


def _optional(codec: Codec) -> Codec:
    write, read = codec
    return (lambda v: None if v is None else write(v), lambda v: None if v is None else read(v))


def _many(codec: Codec) -> Codec:
    write, read = codec
    return (lambda v: [write(x) for x in v], lambda v: tuple(map(read, v)))


def _row(cls: type[Any], *codecs: Codec) -> Codec:
    """A dataclass as the list of its fields, each through its codec."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    assert len(names) == len(codecs), f"{cls.__name__}: a codec per field"
    fields = attrgetter(*names)  # every field at once, as a tuple
    writers = tuple(write for write, _ in codecs)
    readers = tuple(read for _, read in codecs)

    def write(value: Any) -> list[Any]:
        return [field(item) for field, item in zip(writers, fields(value), strict=True)]

    def read(row: list[Any]) -> Any:
        return cls(*[field(item) for field, item in zip(readers, row, strict=True)])

    def read_plain(row: list[Any]) -> Any:  # the common case, kept cheap
        return cls(*row)

    def write_plain(value: Any) -> list[Any]:
        return list(fields(value))

    if all(codec is _PLAIN for codec in codecs):
        return write_plain, read_plain
    return write, read


def _frozen_out(value: Any) -> Any:
    """`extra:` as JSON: a mapping as {"m": [[key, value], ...]} (its keys need not be
    text, and keep their order), a tuple as a list, the rest as it is."""
    if isinstance(value, FrozenMap):
        return {"m": [[_frozen_out(k), _frozen_out(v)] for k, v in value.items()]}
    if isinstance(value, tuple):
        return [_frozen_out(item) for item in value]
    return value


def _frozen_in(value: Any) -> Any:
    if isinstance(value, dict):
        return FrozenMap((_frozen_in(k), _frozen_in(v)) for k, v in value["m"])
    if isinstance(value, list):
        return tuple(_frozen_in(item) for item in value)
    return value


_MOMENT: Codec = (lambda v: v.isoformat(), _moment_in)
_EXTRA: Codec = (_frozen_out, _frozen_in)
_PATH: Codec = (str, Path)
_BODY: Codec = (lambda v: v.line, lambda line: Body("", line))  # the text is not kept
_NAME = _row(Name, _PLAIN, _PLAIN)
_NAMES = _many(_NAME)
_WARNINGS = _many(_row(ContentError, _PATH, _PLAIN, _PLAIN))
_SOURCE = _row(Source, _PLAIN, _PLAIN, _PLAIN, _optional(_MOMENT), _PLAIN)
_WHEN = _row(When, _MOMENT, _PLAIN, _PLAIN)  # first, precision, circa
_RELATION = _row(
    RelationDoc, _NAME, _PLAIN, _optional(_WHEN), _optional(_WHEN), _optional(_NAME), _PLAIN
)
_DOCS: dict[str, Codec] = {
    "article": _row(
        ArticleDoc,
        *(_PATH, _PLAIN, _PLAIN, _MOMENT, _NAMES, _NAMES, _optional(_SOURCE)),
        *(_PLAIN, _TUPLE, _PLAIN, _BODY, _PLAIN, _PLAIN),
        _many(_row(ClaimDoc, _NAME, _NAME, _PLAIN, _PLAIN, _PLAIN, _PLAIN, _NAMES)),
        _WARNINGS,
        _NAMES,
        _WARNINGS,
        _TUPLE,
        _EXTRA,
        _many(_row(UpdateDoc, _MOMENT, _PLAIN, _PLAIN, _PLAIN)),
        _many(_SOURCE),
    ),
    "actor": _row(
        ActorDoc,
        *(_PATH, _PLAIN, _PLAIN, _PLAIN, _NAMES, _PLAIN, _PLAIN, _NAMES, _BODY, _PLAIN),
        *(_WARNINGS, _optional(_NAME), _NAMES, _EXTRA),
        *(_many(_RELATION), _optional(_NAME), _many(_optional(_NAME))),
    ),
    "event": _row(
        EventDoc,
        *(_PATH, _PLAIN, _PLAIN, _PLAIN, _WHEN, _optional(_WHEN), _PLAIN),
        *(_optional(_NAME), _BODY, _PLAIN, _WARNINGS, _optional(_NAME), _NAMES, _EXTRA),
    ),
}
_KINDS = {ArticleDoc: "article", ActorDoc: "actor", EventDoc: "event"}
_RENDERED = _row(
    Rendered,
    _PLAIN,
    _PLAIN,
    _many(_row(Reference, *[_PLAIN] * 7)),
    _many(_row(Quote, _PLAIN, _PLAIN, _PLAIN)),
)


class _Tail:
    """Rendered HTML kept out of the JSON, as raw UTF-8 after it: most of a shard's bytes,
    copied rather than escaped and parsed. Read back, each body is a `Prose` slice of
    the shard's tail, which all its bodies share (see generator/prose.py)."""

    def __init__(self, data: bytes = b"") -> None:
        self.data = data
        self.parts: list[bytes] = []
        self.size = 0

    def put(self, html: str | Prose) -> list[Any]:
        prose = html if isinstance(html, Prose) else Prose.of(html)
        raw = prose.encoded()
        self.parts.append(raw)
        self.size += len(raw)
        return [self.size - len(raw), len(raw), prose.digest.hex()]

    def get(self, span: list[Any]) -> Prose:
        start, length, digest = span
        if start < 0 or length < 0 or start + length > len(self.data):
            raise ValueError("cache shard cut short")
        return Prose(self.data, start, start + length, bytes.fromhex(digest))


def encode_entry(entry: Entry, tail: _Tail) -> list[Any]:
    kind = _KINDS[type(entry.doc)]
    doc, rendered = _DOCS[kind][0](entry.doc), _RENDERED[0](entry.rendered)
    rendered[0] = tail.put(rendered[0])
    return [entry.size, entry.mtime_ns, kind, doc, rendered, entry.linking]


def decode_entry(row: list[Any], tail: _Tail) -> Entry:
    size, mtime, kind, doc, rendered, linking = row
    rendered[0] = tail.get(rendered[0])
    return Entry(int(size), int(mtime), _DOCS[kind][1](doc), _RENDERED[1](rendered), linking)


def cache_key(raw_html: bool, link_mentions: bool) -> str:
    return f"dossier {__version__} format {FORMAT} raw_html {raw_html} mentions {link_mentions}"


def shard_of(path: Path) -> int:
    """Which of the cache's files holds `path`: a small edit rewrites one small file."""
    return hashlib.blake2b(str(path).encode("utf-8"), digest_size=4).digest()[0] % SHARDS


def load_cache(folder: Path, key: str, shards: Iterable[int] | None = None) -> dict[Path, Entry]:
    """Every entry of every readable shard (of `shards`, default all) written under `key`;
    a bad shard is skipped."""
    entries: dict[Path, Entry] = {}
    for shard in sorted(range(SHARDS) if shards is None else shards):
        try:
            data = (folder / f"shard-{shard:02d}.dat").read_bytes()
            end = data.index(b"\n")  # one line of JSON (it never holds a raw newline)
            head = json.loads(data[:end])
            if head.get("key") != key:
                continue
            tail = _Tail(data[end + 1 :])  # the bodies keep this, not the whole shard
            found = {
                entry.doc.path: entry
                for entry in (decode_entry(row, tail) for row in head["files"])
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
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
    files: dict[int, tuple[list[object], _Tail]] = {shard: ([], _Tail()) for shard in wanted}
    for path, entry in entries.items():
        shard = shard_of(path)
        if shard in files:
            rows, tail = files[shard]
            rows.append(encode_entry(entry, tail))
    for shard, (rows, tail) in files.items():
        target = folder / f"shard-{shard:02d}.dat"
        if not rows:  # a small site fills few shards: an empty one is no file
            target.unlink(missing_ok=True)
            continue
        head = json.dumps({"key": key, "files": rows}).encode("ascii")
        replace_file(target, head, b"\n", *tail.parts)


def save_names(folder: Path, key: str, names: tuple[str, list[NameRow]]) -> None:
    """Beside the shards, the site's names as linking needs them (`linking.name_rows`),
    under their linking key: a prose-only rebuild reads them instead of every document."""
    data = {"key": key, "linking": names[0], "rows": names[1]}
    replace_file(folder / NAMES, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def load_names(folder: Path, key: str) -> tuple[str, list[NameRow]] | None:
    try:
        data = json.loads((folder / NAMES).read_text(encoding="utf-8"))
        if data["key"] != key:
            return None
        rows = [(str(k), str(s), str(t), list(map(str, names))) for k, s, t, names in data["rows"]]
        return str(data["linking"]), rows
    except (OSError, ValueError, TypeError, KeyError):
        return None


def is_fresh(entry: Entry | None, ref: SourceRef) -> bool:
    return entry is not None and (entry.size, entry.mtime_ns) == (ref.size, ref.mtime_ns)
