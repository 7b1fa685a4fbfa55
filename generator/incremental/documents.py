"""The parse stage with a memory: source files in, documents and rendered bodies out,
reading and rendering only what changed since the last build.

`Documents` keeps every file's parsed document and rendered Markdown (an `Entry`) for
the next build, in memory and in the parse cache (`cache.py`). A file is parsed again
only when its size or mtime changed; a body is rendered again only when it changed or
when the site's names changed in a way that touches it (`still_valid`). With worker
processes, reading and rendering run in parallel and the cache is written by a forked
child while the build goes on (`save_early`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from itertools import islice
from pathlib import Path

from markdown_it import MarkdownIt

from generator.errors import ContentError
from generator.incremental.cache import (
    Entry,
    cache_key,
    is_fresh,
    load_cache,
    save_cache,
    save_names,
    shard_of,
)
from generator.incremental.quick import prose_only
from generator.markdown.markup import Linking, Rendered, make_markdown, render_markdown
from generator.model.linking import NameRow, linking_from_rows, name_rows, still_valid
from generator.parallel.collector import stop_in_child
from generator.parallel.workers import fork_imap
from generator.prose import Prose, pack
from generator.source.config import Config
from generator.source.discover import SourceRef, read_source
from generator.source.parse import ArticleDoc, Doc, body_again, parse_source, without_text

Report = Callable[[str, int, int], None]  # (phase, done, total), for a progress display
Parsed = tuple[list[Doc], dict[Path, Rendered], list[ContentError]]

PACK_BODIES = 256  # rendered bodies per shared buffer (see generator/prose.py)


class Documents:
    """Every source file's document and rendered body, kept from one build to the next."""

    def __init__(
        self,
        cache_dir: Path | None,
        *,
        drafts: bool,
        jobs: int,
        save: bool,
        progress: Report | None,
    ) -> None:
        self.cache_dir, self.drafts, self.jobs = cache_dir, drafts, jobs
        self.save, self.progress = save, progress
        self.entries: dict[Path, Entry] | None = None  # None until the first parse
        self.linking: tuple[Linking, str, MarkdownIt] | None = None  # as the bodies use it
        self.prose_only: list[Path] = []  # articles whose prose alone changed in the last parse
        self._key = ""  # the Markdown settings the entries were made with (`cache_key`)
        self._dirty: set[int] = set()  # cache shards that changed since they were written
        self._names: tuple[str, list[NameRow]] | None = None  # linking key, the site's names
        self._names_saved = ""  # the linking key of the names last written beside the cache
        self._saving = 0  # a child process writing the cache (see save_early)

    def linking_key(self) -> str:
        """The key of the site's names the bodies were last rendered against."""
        return self._names[0] if self._names else ""

    def parse(self, refs: list[SourceRef], config: Config) -> Parsed:
        """Documents for every file (cached or parsed), then bodies rendered with links
        to the site's names; and the errors found in the files read."""
        key = cache_key(config.raw_html, config.link_mentions)
        if self.entries is None or self._key != key:
            self.entries = load_cache(self.cache_dir, key) if self.cache_dir else {}
            self._key = key
        cached: dict[Path, Entry] = {}
        stale: list[SourceRef] = []
        for ref in refs:
            entry = self.entries.get(ref.path)
            if entry is not None and is_fresh(entry, ref):
                cached[ref.path] = entry
            else:
                stale.append(ref)
        parsed: dict[Path, Doc] = {}
        errors: list[ContentError] = []
        # forked workers send documents back without their Markdown: render reads it again
        read = read_doc if self.jobs <= 1 else _read_front
        tell = telling(self.progress, "reading")
        damaged: set[Path] = set()  # read with errors: used for this build, never kept
        for doc, more in fork_imap(read, stale, jobs=self.jobs, progress=tell):
            errors += more
            if doc is not None:
                parsed[doc.path] = doc
                if more:
                    damaged.add(doc.path)
        docs = {path: entry.doc for path, entry in cached.items()} | parsed
        rows = name_rows(docs.values(), drafts=self.drafts)
        linking, linking_key = linking_from_rows(rows)
        self._names = (linking_key, rows)
        md = make_markdown(raw_html=config.raw_html, linking=linking)
        fresh: dict[Path, Entry] = {}
        todo: list[Doc] = []
        for path, doc in docs.items():
            entry = cached.get(path)
            current = entry is not None and entry.linking == linking_key
            if entry is not None and current and still_valid(entry.rendered, linking):
                fresh[path] = entry
            else:
                todo.append(doc)
        by_path = {ref.path: ref for ref in refs}
        self._render(todo, by_path, config, md, linking_key, fresh)
        fresh = {path: fresh[path] for path in docs if path in fresh}  # in the order of refs
        result = [e.doc for e in fresh.values()], {p: e.rendered for p, e in fresh.items()}
        for path in damaged:  # read again next time, so that its errors are told again
            del fresh[path]
        self._dirty.update(shard_of(path) for path in self.entries.keys() - fresh.keys())
        self.prose_only = [] if damaged else _prose_changes(self.entries, fresh, todo, parsed)
        self.entries = fresh
        self.linking = (linking, linking_key, md)
        return result[0], result[1], errors

    def _render(
        self,
        todo: list[Doc],
        by_path: dict[Path, SourceRef],
        config: Config,
        md: MarkdownIt,
        linking_key: str,
        into: dict[Path, Entry],
    ) -> None:
        """Render these documents' bodies (in worker processes when there are workers) and
        put their entries `into` the given table, bodies packed into shared buffers."""

        def render(doc: Doc) -> Rendered:
            prose = config.link_mentions and isinstance(doc, ArticleDoc) and doc.mentions
            text = doc.body.text or body_again(read_source(by_path[doc.path]), doc)
            body = render_markdown(md, text, link_mentions=prose)
            return replace(body, html=Prose.of(str(body.html)))  # encoded and digested here

        tell = telling(self.progress, "rendering Markdown")
        results = fork_imap(render, todo, jobs=self.jobs, progress=tell)
        done = iter(zip(todo, results, strict=True))
        while batch := list(islice(done, PACK_BODIES)):
            bodies = pack(body.html for _, body in batch)
            for (doc, body), html in zip(batch, bodies, strict=True):
                ref = by_path[doc.path]
                kept = Rendered(html, body.first_paragraph, body.references, body.quotes)
                bare = without_text(doc) if doc.body.text else doc
                into[doc.path] = Entry(ref.size, ref.mtime_ns, bare, kept, linking_key)
                self._dirty.add(shard_of(doc.path))

    def replace(self, path: Path, entry: Entry) -> None:
        """One file's entry, made outside `parse` (a prose edit under a watcher)."""
        assert self.entries is not None
        self.entries[path] = entry
        self._dirty.add(shard_of(path))

    def save_early(self) -> None:
        """With worker processes, write the parse cache from a forked child while the build
        goes on (the cache is complete once parsing is): another core does it for free."""
        names_changed = self._names is not None and self._names[0] != self._names_saved
        if not (self.save and self.cache_dir and self.jobs > 1 and hasattr(os, "fork")):
            return
        if not (self._dirty or names_changed):
            return  # nothing to write: no child
        pid = os.fork()
        if pid == 0:  # the child: write, and leave at once, whatever happens
            try:
                stop_in_child()  # a collection would touch, and so copy, the parent's heap
                self._write()
            finally:
                os._exit(0)
        self._saving = pid
        self._dirty = set()
        self._names_saved = self.linking_key()

    def wait(self) -> None:
        """Until the child that `save_early` started has written the cache."""
        if self._saving:
            os.waitpid(self._saving, 0)
            self._saving = 0

    def flush(self) -> None:
        """Write the parse cache to disk if it changed since it was last written."""
        self.wait()
        self._write()

    def _write(self) -> None:
        if self.cache_dir is not None and self._dirty and self.entries is not None:
            save_cache(self.cache_dir, self._key, self.entries, self._dirty)
            self._dirty = set()
        if self.cache_dir is not None and self._names and self._names[0] != self._names_saved:
            save_names(self.cache_dir, self._key, self._names)
            self._names_saved = self._names[0]


def telling(report: Report | None, phase: str) -> Callable[[int, int], None] | None:
    """A progress callback for one phase of a build, or None when none is shown."""
    if report is None:
        return None
    return lambda done, total: report(phase, done, total)


def read_doc(ref: SourceRef) -> tuple[Doc | None, list[ContentError]]:
    return parse_source(read_source(ref))


def _read_front(ref: SourceRef) -> tuple[Doc | None, list[ContentError]]:
    """A document without its Markdown: less to send from a worker process."""
    doc, errors = parse_source(read_source(ref))
    return (None if doc is None else without_text(doc)), errors


def _prose_changes(
    before: dict[Path, Entry], after: dict[Path, Entry], redone: list[Doc], read: dict[Path, Doc]
) -> list[Path]:
    """The articles of which only the prose changed, when nothing else did; else []."""
    if before.keys() != after.keys() or {doc.path for doc in redone} != read.keys():
        return []  # files came or went, or bodies were rendered again for the site's names
    changed = []
    for path in read:
        old, new = before[path], after[path]
        if not prose_only(old.doc, old.rendered, new.doc, new.rendered):
            return []
        changed.append(path)
    return changed
