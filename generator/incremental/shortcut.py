"""The prose-only shortcut: when nothing changed but the prose of stories, only those
stories' own pages can differ (no other page shows a body), so only they are made.

It is taken at three moments of a build, each one call that may return the pages
written, or None for "do the full pass":

- `while_watching`: under a watcher, one story saved, before anything is read: the
  site of the last build is in memory, its one article is changed in place.
- `from_cache`: from the command line, before the site is loaded: `quick.py` splices
  the new bodies into the pages in output/, reading only the cache shards it needs.
- `after_parse`: the parse found that only articles' prose changed: their pages are
  rendered again from the site just built, and nothing else is.

Whatever it declines, the full pass does; whatever it does, the full pass would have
made byte for byte the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment

from generator.errors import ContentError
from generator.incremental.cache import Entry, cache_key
from generator.incremental.documents import Documents
from generator.incremental.fingerprint import Templates, page_signer
from generator.incremental.pagestore import PageStore
from generator.incremental.quick import front, prose_only, quick_build
from generator.language import Language
from generator.markdown.markup import render_markdown
from generator.model.site import Site
from generator.pages.articles import article_page_view
from generator.pages.render import make_env
from generator.parallel.workers import Places, write_into
from generator.prose import Prose
from generator.source.config import Config
from generator.source.discover import SourceRef, read_source, stat_source, through_link
from generator.source.parse import ArticleDoc, parse_source, without_text
from generator.write.output import Manifest, Output, output_path


@dataclass(frozen=True, slots=True)
class Last:
    """The last build that wrote output/, as a prose-only edit needs it."""

    site: Site
    env: Environment
    config: Config
    manifest: Manifest
    statics: list[tuple[Path, str]]
    positions: dict[Path, int]  # article source -> index in site.articles
    templates: Templates | None = None  # their digests, as the build read them


@dataclass(frozen=True, slots=True)
class Edited:
    """What `while_watching` did: the pages written, the build as it now is, the file."""

    written: list[str]
    last: Last
    ref: SourceRef


class ProseShortcut:
    """The prose-only shortcut for one site and its output/."""

    def __init__(
        self,
        root: Path,
        out: Path,
        salt: str,
        store: Callable[[], PageStore | None],
        *,
        save: bool,
    ) -> None:
        self.root, self.out, self.salt, self.store, self.save = root, out, salt, store, save

    def while_watching(self, changed: list[Path], last: Last, docs: Documents) -> Edited | None:
        """The most common save, done at once: one article's prose changed and nothing that
        another page shows (front matter, summary, backlinks, quotes)."""
        entries = docs.entries
        if entries is None or docs.linking is None or len(changed) != 1:
            return None
        if through_link(self.root, changed[0]):
            return None  # the full pass looks where the link leads
        path, index = changed[0], last.positions.get(changed[0])
        old = entries.get(path)
        ref = stat_source("article", path)
        if index is None or old is None or ref is None:
            return None  # a mistake: the full pass reports it
        doc, problems = parse_source(read_source(ref))
        if problems or not isinstance(doc, ArticleDoc) or front(doc) != front(old.doc):
            return None
        _, linking_key, md = docs.linking
        prose = doc.mentions and last.config.link_mentions
        body = render_markdown(md, doc.body.text, link_mentions=prose)
        if not prose_only(old.doc, old.rendered, doc, body):
            return None  # the summary, backlinks, quotes or suggestions elsewhere change
        article = last.site.articles[index]
        articles = list(last.site.articles)
        articles[index] = replace(article, body_html=body.html, digest=doc.digest)
        site = replace(last.site, articles=tuple(articles))
        previous = dict(last.manifest.pages)
        written = self._articles(site, [index], last, last.manifest, previous)
        if written is None:
            return None
        body = replace(body, html=Prose.of(str(body.html)))
        docs.replace(path, Entry(ref.size, ref.mtime_ns, without_text(doc), body, linking_key))
        last.manifest.source(path, ref.size, ref.mtime_ns)  # written with the page
        return Edited(written, replace(last, site=site), ref)

    def from_cache(
        self,
        refs: list[SourceRef],
        previous: Manifest,
        inputs: str,
        config: Config,
        templates: Path | None,
        cache_dir: Path,
    ) -> list[str] | None:
        """From the command line, a prose-only edit without loading the site (`quick`)."""
        key = cache_key(config.raw_html, config.link_mentions)
        cache = (cache_dir, key)
        env = make_env(templates, Language(config.language, config.labels))
        return quick_build(self.out, refs, previous, inputs, cache, config, env)

    def after_parse(
        self,
        site: Site,
        env: Environment,
        config: Config,
        statics: list[tuple[Path, str]],
        previous: Manifest,
        built: tuple[str, dict[str, tuple[int, int]], str],
        changed: list[Path],
    ) -> list[str] | None:
        """Only these articles' prose changed since the last build, and nothing else:
        render just their pages. `built` is what the manifest records of this build: the
        stamp of its inputs, its sources' sizes and mtimes, the key of the site's names."""
        position = {article.path: index for index, article in enumerate(site.articles)}
        if any(path not in position for path in changed):
            return None
        inputs, sources, linking = built
        warnings = len(site.warnings)
        manifest = previous.keeping(
            inputs=inputs, sources=sources, linking=linking, warnings=warnings
        )
        state = Last(site, env, config, manifest, statics, position)
        indexes = sorted(position[path] for path in changed)
        return self._articles(site, indexes, state, manifest, previous.pages)

    def _articles(
        self,
        site: Site,
        indexes: list[int],
        state: Last,
        manifest: Manifest,
        previous: dict[str, tuple[str, str]],
    ) -> list[str] | None:
        """Render just these articles' pages into `manifest` and output/, as the full pass
        writes pages (`write_into`); None on an error (the full pass will report it)."""
        pages = [article_page_view(site, i) for i in indexes]
        signer, _, unreadable = page_signer(
            pages, state.env, state.config, self.salt, state.templates
        )
        if unreadable or signer is None:
            return None
        errors: list[ContentError] = []  # template errors, as the full pass reports them
        store = self.store()
        output = Output(self.out, previous)
        present = {page.path for page in pages if output_path(self.out, page.path).exists()}
        try:
            places = Places(output, store, previous, present)
            write_into(manifest, pages, state.env, state.config, signer, places, errors)
            if errors:
                output.abort()
                return None
            written = output.finish(manifest, state.statics)
        except BaseException:
            output.abort()
            raise
        if store is not None:
            for page in pages:
                old, new = previous.get(page.path), manifest.pages[page.path]
                if old is not None and old[0] != new[0]:
                    store.forget(old[0])  # the page as it was: no build will ask for it
            if self.save:
                store.save()
        return written
