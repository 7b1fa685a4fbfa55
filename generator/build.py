"""The pipeline: config -> discover -> parse -> model -> views -> render -> write.

`Builder.build` reads as the product, one call per stage. What makes a rebuild cheap
stays behind the stages, in `generator/incremental/`: `Documents` (the parse stage with
a memory: only changed files are read, only bodies the change touches are rendered),
the page store and signatures (only pages whose inputs changed are rendered), and
`ProseShortcut`, taken where a build may end early because only stories' prose
changed. Every page that must be rendered is rendered, and every error found, before
output/ is changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from jinja2 import Environment

from generator.errors import ContentError, in_order
from generator.incremental.cache import CACHE_DIR
from generator.incremental.documents import Documents, Report, telling
from generator.incremental.fingerprint import Signer, Templates, code_digest, page_signer
from generator.incremental.pagestore import PageStore
from generator.incremental.shortcut import Last, ProseShortcut
from generator.incremental.stamps import Found, Sources
from generator.language import Language
from generator.markdown.markup import Rendered
from generator.model.site import Site, build_site
from generator.outputs.feeds import feed_warnings
from generator.pages.records import PageView
from generator.pages.render import make_env
from generator.parallel.collector import keep, kept
from generator.parallel.workers import Places, render_all, write_into
from generator.source.config import CONFIG_FILE, Config, load_config, with_base_url
from generator.source.parse import Doc
from generator.write.output import (
    Manifest,
    Output,
    check_output_dir,
    read_manifest,
    static_files,
)


@dataclass(frozen=True, slots=True)
class BuildResult:
    site: Site | None  # None when nothing changed since the last build and nothing was done
    errors: list[ContentError] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    rendered: int = 0
    counts: tuple[int, int, int] = (0, 0, 0)  # articles, actors, events
    warnings: int = 0
    note: str = ""  # how the build went, when not by the full pass: "nothing changed", ...
    drafts: int = 0  # articles marked draft: true that the build left out


# How a build that ended early went (`BuildResult.note`), by the shortcut it took
NOTHING_CHANGED = "nothing changed"
PROSE_FROM_CACHE = "only the prose of stories changed; the site was not loaded"
PROSE_AFTER_PARSE = "only the prose of stories changed"
PROSE_WATCHING = "one story's prose changed"


@dataclass(frozen=True, slots=True)
class Options:
    """How a `Builder` builds, fixed when it is made."""

    drafts: bool = False
    use_cache: bool = True
    skip_if_unchanged: bool = True  # off for a watcher: it keeps the model in memory
    save_cache: bool = True  # off: the caller writes the cache by flush_cache()
    jobs: int = 1  # worker processes for rendering (forked: none under a watcher)
    strict: bool = False  # every warning is an error (`--strict`, for CI)
    base_url: str | None = None  # over site.yaml's (`--base-url`, for preview deploys)


def _result(
    site: Site, errors: list[ContentError], written: list[str], rendered: int
) -> BuildResult:
    counts = (len(site.articles), len(site.actors), len(site.events))
    warned, drafts = len(site.warnings), site.drafts_skipped
    return BuildResult(site, errors, written, rendered, counts, warned, drafts=drafts)


def _kept(previous: Manifest, written: list[str], note: str) -> BuildResult:
    """A build that ended early: the counts are those of the build that output/ shows."""
    articles, actors, events, drafts = previous.counts
    counts = (articles, actors, events)
    return BuildResult(
        None, [], written, len(written), counts, previous.warnings, note, drafts=drafts
    )


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
        strict: bool = False,
        base_url: str | None = None,
        progress: Report | None = None,
    ) -> None:
        self.root, self.out, self.progress = root, out, progress
        self.options = Options(
            drafts, use_cache, skip_if_unchanged, save_cache, jobs, strict, base_url
        )
        self.salt = code_digest()
        self.cache_dir = root / CACHE_DIR if use_cache else None
        self.documents = Documents(
            self.cache_dir, drafts=drafts, jobs=jobs, save=save_cache, progress=progress
        )
        self.shortcut = (
            None
            if out is None
            else ProseShortcut(root, out, self.salt, self._page_store, save=save_cache)
        )
        self.sources = Sources(root, out, self.salt, drafts=drafts, base_url=base_url)
        self._last: Last | None = None  # the last build that wrote output/
        self._store: PageStore | None = None  # rendered pages by signature (see pagestore)

    def build(self, changed: Iterable[Path] | None = None) -> BuildResult:
        """Build; `changed` (from a watcher) names the only files that may differ."""
        with kept():  # what the build keeps until it ends is out of the collector's sight
            try:
                return self._build(None if changed is None else list(changed))
            finally:
                self.documents.wait()

    def _build(self, changed: list[Path] | None) -> BuildResult:
        edited = self._prose_edit(changed)
        if edited is not None:
            return edited
        self._last = None
        found = self.sources.look(changed)
        if found.settings_refused:
            return BuildResult(None, found.refused)  # site.yaml is never read
        config = with_base_url(load_config(self.root / CONFIG_FILE), self.options.base_url)
        if self.out is not None:
            check_output_dir(self.root, self.out)
        previous = read_manifest(self.out, self.salt) if self.out is not None else None
        early = self._before_parse(previous, found, config)
        if early is not None:
            return early
        docs, bodies, errors = self.documents.parse(found.refs, config)
        keep()
        self.documents.save_early()
        site, more = self._model(config, docs, bodies)
        errors += more
        if self.options.strict:  # printed as what they are, and they fail the build
            errors += [replace(w, message=f"warning: {w.message}") for w in site.warnings]
        if found.refused:  # what the site's templates and pages would be is beside the point
            return _result(site, in_order(errors + found.refused), [], 0)
        env = make_env(found.templates, Language(config.language, config.labels))
        early = self._after_parse(site, env, config, previous, found, errors)
        if early is not None:
            return early
        # every page family, loaded for a full pass only (a no-change build never needs them)
        from generator.pages.views import page_views

        pages = list(page_views(site))
        keep()
        signer, templates, more = page_signer(pages, env, config, self.salt)
        errors += more + _clashes(pages, found.static)
        if errors or signer is None:
            return _result(site, in_order(errors), [], 0)
        if self.out is None:
            result = self._render(site, pages, env, config)
        else:
            signing = (signer, templates)
            result = self._write(site, pages, signing, env, config, previous, found)
        if self.options.save_cache:
            self.flush_cache()
        return result

    def model(self) -> BuildResult:
        """The site's model and its errors, and no page made (`dossier export`): discover,
        parse (with the cache) and model, as a build does."""
        with kept():
            try:
                found = self.sources.look(None)
                if found.settings_refused:
                    return BuildResult(None, found.refused)
                config = with_base_url(load_config(self.root / CONFIG_FILE), self.options.base_url)
                docs, bodies, errors = self.documents.parse(found.refs, config)
                site, more = self._model(config, docs, bodies)
                if self.options.save_cache:
                    self.flush_cache()
                return _result(site, in_order(errors + more + found.refused), [], 0)
            finally:
                self.documents.wait()

    def _prose_edit(self, changed: list[Path] | None) -> BuildResult | None:
        """Under a watcher, one story's prose saved: its page alone, from the last build."""
        if not changed or self._last is None or self.shortcut is None:
            return None
        edited = self.shortcut.while_watching(changed, self._last, self.documents)
        if edited is None:
            return None
        self.sources.saw(edited.ref)
        self._last = edited.last
        return replace(_result(edited.last.site, [], edited.written, 1), note=PROSE_WATCHING)

    def _before_parse(
        self, previous: Manifest | None, found: Found, config: Config
    ) -> BuildResult | None:
        """From the command line: nothing changed since output/ was built, or only the prose
        of stories (`ProseShortcut.from_cache`). A watcher keeps the site in memory and
        has quicker ways."""
        if found.refused or previous is None or self.out is None or self.shortcut is None:
            return None
        if not self.options.skip_if_unchanged:
            return None
        if self.options.strict and previous.warnings:
            return None  # the full pass lists them, as errors
        if previous.inputs == found.inputs and set(previous.pages) <= _files_in(self.out):
            return _kept(previous, [], NOTHING_CHANGED)
        if previous.assets != found.assets:
            return None
        if self.documents.entries is not None or self.cache_dir is None:
            return None
        refs, inputs = found.refs, found.inputs
        written = self.shortcut.from_cache(
            refs, previous, inputs, config, found.templates, self.cache_dir
        )
        if written is None:
            return None
        return _kept(previous, written, PROSE_FROM_CACHE)

    def _model(
        self, config: Config, docs: list[Doc], bodies: dict[Path, Rendered]
    ) -> tuple[Site, list[ContentError]]:
        site, errors = build_site(config, docs, bodies, drafts=self.options.drafts)
        warned = [*site.warnings, *feed_warnings(config, self.root)]  # no base_url, no feeds
        return replace(site, warnings=tuple(in_order(warned))), errors

    def _after_parse(
        self,
        site: Site,
        env: Environment,
        config: Config,
        previous: Manifest | None,
        found: Found,
        errors: list[ContentError],
    ) -> BuildResult | None:
        """Only articles' prose changed since output/ was built: their pages alone."""
        changed = self.documents.prose_only
        if previous is None or self.shortcut is None or errors or not changed:
            return None
        if previous.assets != found.assets or found.since(previous) != set(changed):
            return None
        statics = static_files(found.static)
        built = (found.inputs, found.sources, self.documents.linking_key())
        written = self.shortcut.after_parse(site, env, config, statics, previous, built, changed)
        if written is None:
            return None
        if self.options.save_cache:
            self.flush_cache()
        return replace(_result(site, [], written, len(changed)), note=PROSE_AFTER_PARSE)

    def _render(
        self, site: Site, pages: list[PageView], env: Environment, config: Config
    ) -> BuildResult:
        """Every page rendered and none written (`dossier check`)."""
        tell = telling(self.progress, "rendering")
        rendered, errors = render_all(pages, env, config, jobs=self.options.jobs, progress=tell)
        return _result(site, in_order(errors), [], len(rendered))

    def _write(
        self,
        site: Site,
        pages: list[PageView],
        signing: tuple[Signer, Templates],
        env: Environment,
        config: Config,
        previous: Manifest | None,
        found: Found,
    ) -> BuildResult:
        """Pages unchanged in output/ stay; pages in the page store are linked; the rest
        are rendered and written as they come (see `write_stream`). All in place only if
        nothing failed."""
        assert self.out is not None
        signer, templates = signing
        statics = static_files(found.static)
        manifest = Manifest(
            self.salt,
            static={} if previous is None else dict(previous.static),
            inputs=found.inputs,
            counts=[len(site.articles), len(site.actors), len(site.events), site.drafts_skipped],
            warnings=len(site.warnings),
            assets=found.assets,
            sources=found.sources,
            linking=self.documents.linking_key(),
        )
        store = self._page_store()
        before = {} if previous is None else previous.pages
        output = Output(self.out, None if previous is None else before)
        present = _files_in(self.out) if previous is not None else set()
        places = Places(output, store, before, present)
        try:
            errors: list[ContentError] = []
            tell = telling(self.progress, "rendering")
            rendered = write_into(
                manifest,
                pages,
                env,
                config,
                signer,
                places,
                errors,
                jobs=self.options.jobs,
                progress=tell,
            )
            if errors:
                output.abort()
                return _result(site, errors, [], 0)
            written_paths = output.finish(manifest, statics)
        except BaseException:
            output.abort()
            raise
        if store is not None:
            store.retain(signature for signature, _ in manifest.pages.values())
            if self.options.save_cache:
                store.save()
        positions = {a.path: i for i, a in enumerate(site.articles)}
        self._last = Last(site, env, config, manifest, statics, positions, templates)
        return _result(site, [], written_paths, rendered)

    def _page_store(self) -> PageStore | None:
        if self.cache_dir is None:
            return None
        if self._store is None:
            self._store = PageStore(self.cache_dir, self.salt)
        return self._store

    def flush_cache(self) -> None:
        """Write the parse cache and the page store to disk if they changed since."""
        self.documents.flush()
        if self._store is not None:
            self._store.save()


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
