"""The pipeline: config -> discover -> parse -> model -> render -> write.

`Builder` keeps what one build learnt (parsed files, rendered Markdown, rendered
pages) for the next one, in memory and in `SITE/.cache/dossier/`, so a rebuild reads
and parses only changed files and renders and writes only pages whose inputs
changed. Every page that must be rendered is rendered, and every error found,
before output/ is changed. Two shortcuts skip the full pass when only stories' prose
changed: `_prose_edit` under a watcher (the site is in memory) and `quick` from the
command line (nothing is loaded that the edit does not need).
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from jinja2 import Environment
from markdown_it import MarkdownIt

from generator.errors import ContentError, in_order
from generator.incremental.cache import (
    CACHE_DIR,
    Entry,
    cache_key,
    is_fresh,
    load_cache,
    save_cache,
    save_names,
    shard_of,
)
from generator.incremental.fingerprint import code_digest, page_signatures, page_signer
from generator.incremental.pagestore import PageStore
from generator.incremental.quick import front, prose_only, quick_build
from generator.markdown.markup import Linking, Rendered, make_markdown, render_markdown
from generator.model.linking import NameRow, linking_from_rows, name_rows, still_valid
from generator.model.site import Site, build_site
from generator.outputs.feeds import feed_warnings
from generator.pages.render import Page, make_env, render_pages
from generator.pages.views import PageView, article_page_view, page_views
from generator.parallel.workers import Places, fork_imap, render_all, write_stream
from generator.prose import Prose, pack
from generator.source.config import CONFIG_FILE, Config, load_config
from generator.source.discover import (
    Assets,
    SiteFolder,
    SourceRef,
    content_kind,
    read_source,
    scan_assets,
    scan_content,
    stat_source,
    through_link,
)
from generator.source.parse import ArticleDoc, Doc, body_again, parse_source, without_text
from generator.write.output import (
    Manifest,
    Output,
    check_output_dir,
    html_digest,
    output_path,
    read_manifest,
    static_files,
    write_pages,
)

Report = Callable[[str, int, int], None]  # (phase, done, total), for a progress display


@dataclass(frozen=True, slots=True)
class BuildResult:
    site: Site | None  # None when nothing changed since the last build and nothing was done
    errors: list[ContentError] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    rendered: int = 0
    counts: tuple[int, int, int] = (0, 0, 0)  # articles, actors, events
    warnings: int = 0
    note: str = ""  # how the build went, when not by the full pass: "nothing changed", ...


PACK_BODIES = 256  # rendered bodies per shared buffer (see generator/prose.py)


def _result(
    site: Site, errors: list[ContentError], written: list[str], rendered: int
) -> BuildResult:
    counts = (len(site.articles), len(site.actors), len(site.events))
    return BuildResult(site, errors, written, rendered, counts, len(site.warnings))


class Builder:
    """Builds one site again and again, redoing only what its changes require."""

    def __init__(
        self,
        root: Path,
        out: Path | None,
        *,
        drafts: bool = False,
        use_cache: bool = True,
        skip_if_unchanged: bool = True,
        save_cache: bool = True,
        jobs: int = 1,
        progress: Report | None = None,
    ) -> None:
        self.root, self.out, self.drafts = root, out, drafts
        self.cache_dir = root / CACHE_DIR if use_cache else None
        self.salt = code_digest()
        self._entries: dict[Path, Entry] | None = None
        self._refs: dict[Path, SourceRef] | None = None
        self._dirty: set[int] = set()  # cache shards that changed since they were written
        self._key = ""
        self._last: _Last | None = None
        self._prose_only: list[Path] = []  # articles whose prose alone changed in the last parse
        self._linking: tuple[Linking, str, MarkdownIt] | None = None
        self._store: PageStore | None = None  # rendered pages by signature (see pagestore)
        self._names: tuple[str, list[NameRow]] | None = None  # linking key, the site's names
        self._names_saved = ""  # the linking key of the names last written beside the cache
        self._saving = 0  # a child process writing the cache (see _save_early)
        self._sources: dict[str, tuple[int, int]] = {}  # what this build reads: size, mtime
        self._refused: list[ContentError] = []  # content links that lead out of the site
        self.save_cache = save_cache  # off: the caller writes the cache by flush_cache()
        self.skip_if_unchanged = skip_if_unchanged  # off for a watcher: it keeps the model
        self.jobs = jobs  # worker processes for rendering (forked: none under a watcher)
        self.progress = progress

    def build(self, changed: Iterable[Path] | None = None) -> BuildResult:
        """Build; `changed` (from a watcher) names the only files that may differ."""
        try:
            return self._build(changed)
        finally:
            self._wait_for_save()
            gc.unfreeze()  # see _keep

    def _build(self, changed: Iterable[Path] | None) -> BuildResult:
        changed = None if changed is None else list(changed)
        quick = self._prose_edit(changed) if changed else None
        if quick is not None:
            return quick
        self._last = None
        settings = SiteFolder(self.root).link_problem(self.root / CONFIG_FILE)
        found = scan_assets(self.root, self.out)  # few: always looked at afresh
        refs = self._update_refs(changed)
        refused = in_order({*found.errors, *self._refused})  # links out of the site, pipes
        if settings is not None:
            return BuildResult(None, in_order({settings, *refused}))  # never read
        config = load_config(self.root / CONFIG_FILE)
        if self.out is not None:
            check_output_dir(self.root, self.out)
        templates, static = found.templates, found.static
        assets = self._assets_stamp(found)
        inputs = _content_stamp(assets, refs)
        self._sources = {str(ref.path): (ref.size, ref.mtime_ns) for ref in refs}
        previous = read_manifest(self.out, self.salt) if self.out is not None else None
        unchanged = None if refused else self._unchanged(previous, inputs)
        if unchanged is not None:
            return unchanged
        if previous is not None and previous.assets == assets and not refused:
            quick = self._quick(refs, previous, inputs, config, templates)
            if quick is not None:
                return quick
        docs, bodies, errors = self._parse(refs, config)
        _keep()
        self._save_early()
        site, more = build_site(config, docs, bodies, drafts=self.drafts)
        errors += more
        warned = [*site.warnings, *feed_warnings(config, self.root)]  # no base_url, no feeds
        site = replace(site, warnings=tuple(in_order(warned)))
        if refused:  # what the site's templates and pages would be is beside the point
            return _result(site, in_order(errors + refused), [], 0)
        env = make_env(templates)
        if (
            previous is not None
            and previous.assets == assets
            and not errors
            and self._prose_only
            and self._since(previous) == set(self._prose_only)
        ):
            done = self._write_prose(site, env, config, static_files(static), previous, inputs)
            if done is not None:
                return done
        pages = list(page_views(site))
        _keep()
        signer, more = page_signer(pages, env, config, self.salt)
        errors += more
        errors += _clashes(pages, static)
        if errors or signer is None:
            return _result(site, in_order(errors), [], 0)
        if self.out is None:
            rendered, more = self._render(pages, env, config)
            result = _result(site, in_order(more), [], len(rendered))
        else:
            statics = static_files(static)
            stamps = (inputs, assets)
            result = self._write(site, pages, signer, env, config, statics, previous, stamps)
        if self.save_cache:
            self.flush_cache()
        return result

    def _quick(
        self,
        refs: list[SourceRef],
        previous: Manifest,
        inputs: str,
        config: Config,
        templates: Path | None,
    ) -> BuildResult | None:
        """From the command line, a prose-only edit without loading the site (`quick`)."""
        if not self.skip_if_unchanged or self._entries is not None or self.cache_dir is None:
            return None  # a watcher keeps the site in memory: `_prose_edit` is quicker still
        assert self.out is not None
        key = cache_key(config.raw_html, config.link_mentions)
        cache = (self.cache_dir, key)
        written = quick_build(self.out, refs, previous, inputs, cache, config, make_env(templates))
        if written is None:
            return None
        counts = (previous.counts[0], previous.counts[1], previous.counts[2])
        note = "only the prose of stories changed"
        return BuildResult(None, [], written, len(written), counts, previous.warnings, note)

    def _prose_edit(self, changed: list[Path]) -> BuildResult | None:
        """The most common save, done at once: one article's prose changed and nothing that
        another page shows (front matter, summary). Anything else returns None: a full pass."""
        last, entries = self._last, self._entries
        if last is None or entries is None or self.out is None or len(changed) != 1:
            return None
        if through_link(self.root, changed[0]):
            return None  # the full pass looks where the link leads
        path, index = changed[0], last.positions.get(changed[0])
        old = entries.get(path)
        ref = stat_source("article", path)
        if index is None or old is None or ref is None:
            return None
        doc = parse_source(read_source(ref))[0]  # a mistake: the full pass reports it
        if not isinstance(doc, ArticleDoc) or front(doc) != front(old.doc):
            return None
        if self._linking is None:
            return None
        _, linking_key, md = self._linking
        prose = doc.mentions and last.config.link_mentions
        body = render_markdown(md, doc.body.text, link_mentions=prose)
        if not prose_only(old.doc, old.rendered, doc, body):
            return None  # the summary, backlinks, quotes or suggestions elsewhere change
        article = last.site.articles[index]
        articles = list(last.site.articles)
        articles[index] = replace(article, body_html=body.html, digest=doc.digest)
        site = replace(last.site, articles=tuple(articles))
        previous = dict(last.manifest.pages)
        written = self._rewrite_articles(site, [index], last, last.manifest, previous)
        if written is None:
            return None
        body = replace(body, html=Prose.of(str(body.html)))
        entries[path] = Entry(ref.size, ref.mtime_ns, without_text(doc), body, linking_key)
        last.manifest.sources[str(path)] = (ref.size, ref.mtime_ns)  # written with the page
        assert self._refs is not None
        self._refs[path] = ref
        self._dirty.add(shard_of(path))
        self._last = replace(last, site=site)
        return _result(site, [], written, 1)

    def _write_prose(
        self,
        site: Site,
        env: Environment,
        config: Config,
        statics: list[tuple[Path, str]],
        previous: Manifest,
        inputs: str,
    ) -> BuildResult | None:
        """Only articles' prose changed since the last build, and nothing else: only those
        articles' own pages can differ (no other page shows a body). None: do it all."""
        position = {article.path: index for index, article in enumerate(site.articles)}
        if any(path not in position for path in self._prose_only):
            return None
        manifest = replace(previous, pages=dict(previous.pages), inputs=inputs)
        manifest.warnings = len(site.warnings)
        manifest.sources, manifest.linking = self._sources, self._linking_key()
        state = _Last(site, env, config, manifest, statics, position)
        indexes = sorted(position[path] for path in self._prose_only)
        written = self._rewrite_articles(site, indexes, state, manifest, previous.pages)
        if written is None:
            return None
        if self.save_cache:
            self.flush_cache()
        return _result(site, [], written, len(indexes))

    def _rewrite_articles(
        self,
        site: Site,
        indexes: list[int],
        state: _Last,
        manifest: Manifest,
        previous: dict[str, tuple[str, str]],
    ) -> list[str] | None:
        """Render just these articles' pages into `manifest` and output/; None on an error
        (the full pass will report it)."""
        assert self.out is not None
        pages = [article_page_view(site, i) for i in indexes]
        signatures, errors = page_signatures(pages, state.env, state.config, self.salt)
        rendered, more = render_pages(pages, state.env, state.config)
        if errors or more:
            return None
        for page in rendered:
            manifest.pages[page.path] = (signatures[page.path].hex(), html_digest(page.html))
        written = write_pages(self.out, rendered, state.statics, manifest, previous)
        store = self._page_store()
        if store is not None:
            for page in rendered:
                old, (signature, digest) = previous.get(page.path), manifest.pages[page.path]
                store.keep(signature, digest, output_path(self.out, page.path))
                if old is not None and old[0] != signature:
                    store.forget(old[0])
            if self.save_cache:
                store.save()
        return written

    def _assets_stamp(self, found: Assets) -> str:
        """Everything but content: settings, templates, static files, the generator itself."""
        stamp = [self.salt, str(self.drafts), repr(_stat(self.root / CONFIG_FILE))]
        extra = [p for p, _ in found.static] + list(found.template_files)
        stamp += [f"{p}\0{_stat(p)}" for p in extra]
        return hashlib.blake2b("\n".join(stamp).encode(), digest_size=16).hexdigest()

    def _unchanged(self, previous: Manifest | None, inputs: str) -> BuildResult | None:
        """The previous build's result, when it read exactly these inputs and output/ is whole."""
        if not self.skip_if_unchanged or self.out is None:
            return None
        if previous is None or previous.inputs != inputs:
            return None
        if not set(previous.pages) <= _files_in(self.out):
            return None
        counts = (previous.counts[0], previous.counts[1], previous.counts[2])
        return BuildResult(None, [], [], 0, counts, previous.warnings, "nothing changed")

    def _update_refs(self, changed: list[Path] | None) -> list[SourceRef]:
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

    def _parse(
        self, refs: list[SourceRef], config: Config
    ) -> tuple[list[Doc], dict[Path, Rendered], list[ContentError]]:
        """Documents for every file (cached or parsed), then bodies rendered with site links."""
        key = cache_key(config.raw_html, config.link_mentions)
        if self._entries is None or self._key != key:
            self._entries = load_cache(self.cache_dir, key) if self.cache_dir else {}
            self._key = key
        cached: dict[Path, Entry] = {}
        stale: list[SourceRef] = []
        for ref in refs:
            entry = self._entries.get(ref.path)
            if entry is not None and is_fresh(entry, ref):
                cached[ref.path] = entry
            else:
                stale.append(ref)
        parsed: dict[Path, Doc] = {}
        errors: list[ContentError] = []
        report = self.progress
        tell = (lambda done, total: report("reading", done, total)) if report else None
        # forked workers send documents back without their Markdown: render reads it again
        read = _read_doc if self.jobs <= 1 else _read_front
        for doc, more in fork_imap(read, stale, jobs=self.jobs, progress=tell):
            errors += more
            if doc is not None:
                parsed[doc.path] = doc
        docs = {path: entry.doc for path, entry in cached.items()} | parsed
        rows = name_rows(docs.values(), drafts=self.drafts)
        linking, linking_key = linking_from_rows(rows)
        self._names = (linking_key, rows)
        md = make_markdown(raw_html=config.raw_html, linking=linking)
        by_path = {ref.path: ref for ref in refs}
        fresh: dict[Path, Entry] = {}
        todo: list[Doc] = []
        for path, doc in docs.items():
            entry = cached.get(path)
            current = entry is not None and entry.linking == linking_key
            if entry is not None and current and still_valid(entry.rendered, linking):
                fresh[path] = entry
                continue
            todo.append(doc)

        def render(doc: Doc) -> Rendered:
            prose = config.link_mentions and isinstance(doc, ArticleDoc) and doc.mentions
            text = doc.body.text or body_again(read_source(by_path[doc.path]), doc)
            body = render_markdown(md, text, link_mentions=prose)
            return replace(body, html=Prose.of(str(body.html)))  # encoded and digested here

        tell = (lambda done, total: report("rendering Markdown", done, total)) if report else None
        results = fork_imap(render, todo, jobs=self.jobs, progress=tell)
        done = iter(zip(todo, results, strict=True))
        while batch := list(islice(done, PACK_BODIES)):  # bodies into shared buffers
            bodies = pack(body.html for _, body in batch)
            for (doc, body), html in zip(batch, bodies, strict=True):
                ref = by_path[doc.path]
                kept = Rendered(html, body.first_paragraph, body.references, body.quotes)
                bare = without_text(doc) if doc.body.text else doc
                fresh[doc.path] = Entry(ref.size, ref.mtime_ns, bare, kept, linking_key)
                self._dirty.add(shard_of(doc.path))
        fresh = {path: fresh[path] for path in docs if path in fresh}  # in the order of refs
        self._dirty.update(shard_of(path) for path in self._entries.keys() - fresh.keys())
        self._prose_only = _prose_changes(self._entries, fresh, todo, parsed)
        self._entries = fresh
        self._linking = (linking, linking_key, md)
        return [e.doc for e in fresh.values()], {p: e.rendered for p, e in fresh.items()}, errors

    def _write(
        self,
        site: Site,
        pages: list[PageView],
        signer: Callable[[PageView], bytes],
        env: Environment,
        config: Config,
        statics: list[tuple[Path, str]],
        previous: Manifest | None,
        stamps: tuple[str, str],
    ) -> BuildResult:
        """Pages unchanged in output/ stay; pages in the page store are linked; the rest
        are rendered and written as they come (see `write_stream`). All in place only if
        nothing failed."""
        assert self.out is not None
        manifest = Manifest(self.salt, inputs=stamps[0], assets=stamps[1])
        manifest.counts = [len(site.articles), len(site.actors), len(site.events)]
        manifest.warnings = len(site.warnings)
        manifest.sources, manifest.linking = self._sources, self._linking_key()
        store = self._page_store()
        before = {} if previous is None else previous.pages
        output = Output(self.out, None if previous is None else before)
        present = _files_in(self.out) if previous is not None else set()
        places = Places(output, store, before, present)
        rendered = 0
        try:
            errors: list[ContentError] = []
            report = self.progress
            tell = (lambda done, total: report("rendering", done, total)) if report else None
            stream = write_stream(
                pages, env, config, signer, places, errors, jobs=self.jobs, progress=tell
            )
            for path, signature, digest, place, stored, fresh in stream:
                manifest.pages[path] = (signature, digest)
                if place is not None:
                    output.adopt(path, place)
                if store is not None:
                    store.record(signature, digest, stored)
                rendered += fresh
            if errors:
                output.abort()
                return _result(site, errors, [], 0)
            if previous is not None:
                manifest.static.update(previous.static)
            written_paths = output.finish(manifest, statics)
        except BaseException:
            output.abort()
            raise
        if store is not None:
            store.retain(signature for signature, _ in manifest.pages.values())
            if self.save_cache:
                store.save()
        positions = {a.path: i for i, a in enumerate(site.articles)}
        self._last = _Last(site, env, config, manifest, statics, positions)
        return _result(site, [], written_paths, rendered)

    def _render(
        self, pages: list[PageView], env: Environment, config: Config
    ) -> tuple[list[Page], list[ContentError]]:
        report = self.progress
        tell = (lambda done, total: report("rendering", done, total)) if report else None
        return render_all(pages, env, config, jobs=self.jobs, progress=tell)

    def _since(self, previous: Manifest) -> set[Path]:
        """The sources that differ from those output/ was built from (`dossier check` may
        have refreshed the cache since: the cache alone cannot tell)."""
        if previous.sources.keys() != self._sources.keys():
            return {Path(p) for p in previous.sources.keys() ^ self._sources.keys()}
        return {Path(p) for p, stamp in self._sources.items() if previous.sources[p] != stamp}

    def _linking_key(self) -> str:
        return self._names[0] if self._names else ""

    def _page_store(self) -> PageStore | None:
        if self.cache_dir is None:
            return None
        if self._store is None:
            self._store = PageStore(self.cache_dir, self.salt)
        return self._store

    def _save_early(self) -> None:
        """With worker processes, write the parse cache from a forked child while the build
        goes on (the cache is complete once parsing is): another core does it for free."""
        names_changed = self._names is not None and self._names[0] != self._names_saved
        if not (self.save_cache and self.cache_dir and self.jobs > 1 and hasattr(os, "fork")):
            return
        if not (self._dirty or names_changed):
            return  # nothing to write: no child
        pid = os.fork()
        if pid == 0:  # the child: write, and leave at once, whatever happens
            try:
                gc.disable()  # a collection would touch, and so copy, the parent's heap
                self._store = None
                self.flush_cache()
            finally:
                os._exit(0)
        self._saving = pid
        self._dirty = set()
        self._names_saved = self._names[0] if self._names else ""

    def _wait_for_save(self) -> None:
        if self._saving:
            os.waitpid(self._saving, 0)
            self._saving = 0

    def flush_cache(self) -> None:
        """Write the parse cache to disk if it changed since it was last written."""
        self._wait_for_save()
        if self.cache_dir is not None and self._dirty and self._entries is not None:
            save_cache(self.cache_dir, self._key, self._entries, self._dirty)
            self._dirty = set()
        if self.cache_dir is not None and self._names and self._names[0] != self._names_saved:
            save_names(self.cache_dir, self._key, self._names)
            self._names_saved = self._names[0]
        if self._store is not None:
            self._store.save()


@dataclass(frozen=True, slots=True)
class _Last:
    """The last successful build, as a prose-only edit needs it."""

    site: Site
    env: Environment
    config: Config
    manifest: Manifest
    statics: list[tuple[Path, str]]
    positions: dict[Path, int]  # article source -> index in site.articles


def _keep() -> None:
    """Everything made so far lives until the build ends: out of the cyclic collector's
    sight (`gc.freeze`), so that its full passes no longer walk the whole site. `build`
    gives it back at the end; until then, reference counting still frees what it can."""
    gc.freeze()


def _read_doc(ref: SourceRef) -> tuple[Doc | None, list[ContentError]]:
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


def _files_in(folder: Path) -> set[str]:
    """Every file below `folder`, as a `/`-separated relative path."""
    found: set[str] = set()
    for top, _, files in os.walk(folder):
        prefix = os.path.relpath(top, folder).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.update(prefix + name for name in files)
    return found


def _clashes(pages: list[PageView], static: tuple[tuple[Path, str], ...]) -> list[ContentError]:
    page_paths = {page.path for page in pages}
    return [
        ContentError(path, 1, f"static file would overwrite the page {rel}; rename or move it")
        for path, rel in static
        if rel in page_paths
    ]
