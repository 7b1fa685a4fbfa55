"""Source bytes -> typed documents: front matter checked field by field, body kept as text."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from generator.errors import ContentError
from generator.slugs import make_slug
from generator.source.claims import read_claims
from generator.source.discover import SourceFile
from generator.source.placeholders import is_placeholder
from generator.source.relations import RelationDoc, read_affiliations, read_relations, read_role
from generator.source.schema import (
    CONTROL_BYTES,
    NO_EXTRA,
    ClaimDoc,
    FieldReader,
    FrozenMap,
    Moment,
    Name,
)
from generator.source.sources import Source, read_sources
from generator.source.updates import UpdateDoc, read_updates
from generator.source.yamlsafe import MAX_BYTES, load_mapping
from generator.when import When

ACTOR_KINDS = ("person", "organization", "other")
ACTOR_KIND_SPELLINGS = {"organisation": "organization"}  # British spelling, the same kind
_FENCE = "---"


@dataclass(frozen=True, slots=True)
class Body:
    text: str
    line: int  # file line of the body's first line


@dataclass(frozen=True, slots=True)
class ArticleDoc:
    path: Path
    slug: str
    title: str
    date: Moment
    actors: tuple[Name, ...]
    events: tuple[Name, ...]
    source: Source | None
    summary: str | None
    tags: tuple[str, ...]
    draft: bool
    body: Body
    digest: str
    mentions: bool = True  # link mentions of known actors and events in the body
    claims: tuple[ClaimDoc, ...] = ()
    warnings: tuple[ContentError, ...] = ()  # what reading the file put right (see `decode`)
    redirect_from: tuple[Name, ...] = ()  # former file names whose pages send readers here
    problems: tuple[ContentError, ...] = ()  # a draft's errors: warnings until it is built
    authors: tuple[str, ...] = ()  # `author:` or `authors:`, for the byline and feeds
    extra: FrozenMap = NO_EXTRA  # `extra:`, for templates only
    updates: tuple[UpdateDoc, ...] = ()  # `updates:`: corrections, updates, clarifications
    sources: tuple[Source, ...] = ()  # `source:` or `sources:`, in order (`source` is the first)


@dataclass(frozen=True, slots=True)
class ActorDoc:
    path: Path
    slug: str
    name: str
    name_line: int
    aliases: tuple[Name, ...]
    kind: str
    role: str | None
    affiliations: tuple[Name, ...]
    body: Body
    digest: str
    warnings: tuple[ContentError, ...] = ()
    wikidata: Name | None = None  # the Wikidata item id, with its line
    redirect_from: tuple[Name, ...] = ()
    extra: FrozenMap = NO_EXTRA
    relations: tuple[RelationDoc, ...] = ()  # `relations:`: typed ties to other actors
    role_source: Name | None = None  # `role: {title, source}`: an article or a web address
    affiliation_sources: tuple[Name | None, ...] = ()  # each affiliation's, or () for none


@dataclass(frozen=True, slots=True)
class EventDoc:
    path: Path
    slug: str
    name: str
    name_line: int
    date: When  # at the precision written; `circa: true` makes both ends approximate
    end: When | None
    place: str | None
    parent: Name | None
    body: Body
    digest: str
    warnings: tuple[ContentError, ...] = ()
    wikidata: Name | None = None
    redirect_from: tuple[Name, ...] = ()
    extra: FrozenMap = NO_EXTRA


Doc = ArticleDoc | ActorDoc | EventDoc


def decode(
    data: bytes, path: Path
) -> tuple[str | None, list[ContentError], tuple[ContentError, ...]]:
    """UTF-8 text, without the control characters that no page or feed may hold, and a
    warning at each line that had one. They are single bytes in UTF-8, never part of
    another character's: deleted as bytes. A NUL byte is an error: text editors do not
    write one, so the file is damaged, or not UTF-8 text at all."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.start + 1].hex()
        message = f"not valid UTF-8 (byte 0x{bad}); save the file as UTF-8"
        return None, [ContentError(path, line, message)], ()
    clean = data.translate(None, CONTROL_BYTES)
    if len(clean) == len(data):
        return text, [], ()  # the usual file: no control byte, so no NUL either
    nul = data.find(b"\0")
    if nul >= 0:
        line = data[:nul].count(b"\n") + 1
        message = (
            "NUL byte: the file is damaged, or not UTF-8 text (UTF-16? a binary file?); "
            "open it, remove what should not be there and save it as UTF-8"
        )
        return None, [ContentError(path, line, message)], ()
    return clean.decode("utf-8-sig"), [], _control_warnings(data, path)


MAX_CONTROL_WARNINGS = 10  # lines of one file reported one by one; the rest in one line


def _control_warnings(data: bytes, path: Path) -> tuple[ContentError, ...]:
    found: list[ContentError] = []
    lines = [(n, line) for n, line in enumerate(data.split(b"\n"), 1) if _has_control(line)]
    for number, line in lines[:MAX_CONTROL_WARNINGS]:
        codes = sorted({byte for byte in line if byte in CONTROL_BYTES})
        names = ", ".join(f"U+{code:04X}" for code in codes)
        what = f"control characters {names}" if len(codes) > 1 else f"control character {names}"
        message = f"{what} removed (invisible, and not allowed in a page); delete it from the file"
        found.append(ContentError(path, number, message))
    if len(lines) > MAX_CONTROL_WARNINGS:
        more = len(lines) - MAX_CONTROL_WARNINGS
        number = lines[MAX_CONTROL_WARNINGS][0]
        lines_more = f"{more} more line{'s' if more > 1 else ''}"
        message = f"control characters removed on {lines_more} from here on; delete them too"
        found.append(ContentError(path, number, message))
    return tuple(found)


def _has_control(line: bytes) -> bool:
    return len(line.translate(None, CONTROL_BYTES)) != len(line)


def split_front_matter(text: str, path: Path) -> tuple[str, Body] | ContentError:
    """Return the front matter text (which starts on line 2) and the body."""
    lines = text.split("\n")
    if lines[0].rstrip() != _FENCE:
        return ContentError(path, 1, "no front matter: start the file with a `---` line")
    size = 0
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (_FENCE, "..."):
            return "\n".join(lines[1:index]), Body("\n".join(lines[index + 1 :]), index + 2)
        size += len(line) + 1
        if size > MAX_BYTES:
            return ContentError(
                path, 1, f"front matter is larger than {MAX_BYTES // 1024} KiB; shorten it"
            )
    return ContentError(path, 1, "front matter is not closed: add a `---` line after it")


def without_text(doc: Doc) -> Doc:
    """`doc` once its body is rendered: the Markdown is not needed again (it is read anew
    to render once more), and 100,000 stories' worth of it is most of a gigabyte."""
    return replace(doc, body=Body("", doc.body.line))


def body_again(source: SourceFile, doc: Doc) -> str:
    """The Markdown of `doc`, read again from `source` (documents that come back from a
    worker process, or from the cache, leave it behind). Should the file have changed since
    `doc` was read, its current body."""
    if digest(source.data) != doc.digest:
        again = parse_source(source)[0]
        return again.body.text if again is not None else ""
    text = decode(source.data, source.path)[0] or ""
    body = "\n".join(text.split("\n")[doc.body.line - 1 :])
    return "" if is_placeholder(body) else body


def parse_source(source: SourceFile) -> tuple[Doc | None, list[ContentError]]:
    """A file's document and its errors. A file whose front matter has mistakes still gives
    a document, made of what could be read, so that the build can tell what else is
    wrong in one run and other files' links and names to it do not fail as well; it must
    never be published or kept (the build fails on the errors). None when nothing could
    be read (not UTF-8, no front matter, YAML that does not parse)."""
    text, errors, warnings = decode(source.data, source.path)
    if text is None:
        return None, errors
    split = split_front_matter(text, source.path)
    if isinstance(split, ContentError):
        return None, [split]
    fm_text, body = split
    fm, errors = load_mapping(fm_text, source.path, first_line=2)
    if fm is None:
        return None, errors
    reader = {"article": _article, "actor": _actor, "event": _event}[source.kind]
    doc, errors = reader(FieldReader(fm, _ALLOWED[source.kind]), body, digest(source.data))
    if doc is not None and is_placeholder(body.text):  # never published
        doc = replace(doc, body=Body("", body.line))
        if not (isinstance(doc, ArticleDoc) and doc.draft):  # a draft is not ready anyway
            warnings = (*warnings, _placeholder_warning(doc, body))
    if doc is not None and warnings:
        doc = replace(doc, warnings=warnings)
    return doc, errors


def _placeholder_warning(doc: Doc, body: Body) -> ContentError:
    line = body.line + next((n for n, text in enumerate(body.text.split("\n")) if text), 0)
    what = {ArticleDoc: "story", ActorDoc: "description", EventDoc: "description"}[type(doc)]
    message = (
        f"still holds the text that dossier new or import wrote in place of the {what}; "
        "it is not published: write the text, or delete that line"
    )
    return ContentError(doc.path, line, message)


def digest(data: bytes) -> str:
    """A short, stable fingerprint of a file's bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _article(f: FieldReader, body: Body, data_digest: str) -> tuple[Doc | None, list[ContentError]]:
    path = f.fm.path
    date = f.moment("date", required=True)
    sources = read_sources(f, "sources", "source")
    doc = ArticleDoc(
        path=path,
        slug=make_slug(path.stem),
        title=f.text("title", required=True) or "",
        date=date or _NO_DATE,
        actors=f.names("actors"),
        events=f.names("events"),
        source=sources[0] if sources else None,
        summary=f.text("summary"),
        tags=f.words("tags"),
        draft=f.flag("draft"),
        mentions=f.flag("mentions", default=True),
        claims=read_claims(f, "claims"),
        body=body,
        digest=data_digest,
        redirect_from=f.page_names("redirect_from"),
        authors=f.authors(),
        extra=f.mapping("extra"),
        updates=read_updates(f, "updates", date),
        sources=sources,
    )
    if f.errors and doc.draft:  # not ready, and not published: see ArticleDoc.problems
        return replace(doc, problems=tuple(f.errors)), []
    return doc, f.errors  # with errors, still what could be read: see parse_source


def _actor(f: FieldReader, body: Body, data_digest: str) -> tuple[Doc | None, list[ContentError]]:
    role, role_source = read_role(f, "role")
    affiliations, affiliation_sources = read_affiliations(f, "affiliations")
    doc = ActorDoc(
        path=f.fm.path,
        slug=make_slug(f.fm.path.stem),
        name=f.text("name", required=True) or "",
        name_line=f.fm.line("name"),
        aliases=f.names("aliases"),
        kind=f.choice("kind", ACTOR_KINDS, "person", ACTOR_KIND_SPELLINGS),
        role=role,
        affiliations=affiliations,
        body=body,
        digest=data_digest,
        wikidata=f.wikidata("wikidata"),
        redirect_from=f.page_names("redirect_from"),
        extra=f.mapping("extra"),
        relations=read_relations(f, "relations"),
        role_source=role_source,
        affiliation_sources=affiliation_sources,
    )
    return doc, f.errors  # with errors, still what could be read: see parse_source


def _event(f: FieldReader, body: Body, data_digest: str) -> tuple[Doc | None, list[ContentError]]:
    parents = f.names("parent")
    if len(parents) > 1:
        f.fail("parent", '"parent" names one event, not a list')
    circa, end = f.flag("circa"), f.when("end")
    doc = EventDoc(
        path=f.fm.path,
        slug=make_slug(f.fm.path.stem),
        name=f.text("name", required=True) or "",
        name_line=f.fm.line("name"),
        date=(f.when("date", required=True) or _NO_WHEN).with_circa(circa),
        end=end.with_circa(circa) if end is not None else None,
        place=f.text("place"),
        parent=parents[0] if parents else None,
        body=body,
        digest=data_digest,
        wikidata=f.wikidata("wikidata"),
        redirect_from=f.page_names("redirect_from"),
        extra=f.mapping("extra"),
    )
    if doc.end is not None and doc.end.last < doc.date.day:  # `end: 2023-05` may end 31 May
        message = f'"end" ({doc.end.iso()}) is before "date" ({doc.date.iso()})'
        f.fail("end", message + "; give an end on or after the start")
    return doc, f.errors  # with errors, still what could be read: see parse_source


_ALLOWED = {
    "article": (
        "title",
        "date",
        "actors",
        "events",
        "source",
        "sources",
        "summary",
        "tags",
        "draft",
        "mentions",
        "claims",
        "redirect_from",
        "author",
        "authors",
        "extra",
        "updates",
    ),
    "actor": (
        *("name", "aliases", "kind", "role", "affiliations", "wikidata", "redirect_from"),
        *("extra", "relations"),
    ),
    "event": (
        *("name", "date", "end", "circa", "place", "parent", "wikidata", "redirect_from"),
        "extra",
    ),
}
_NO_DATE = dt.date.min
_NO_WHEN = When(_NO_DATE)


def parse_all(sources: tuple[SourceFile, ...]) -> tuple[list[Doc], list[ContentError]]:
    docs: list[Doc] = []
    errors: list[ContentError] = []
    for source in sources:
        doc, more = parse_source(source)
        errors += more
        if doc is not None and not more:
            docs.append(doc)
    return docs, errors
