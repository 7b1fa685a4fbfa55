"""A prose-only edit rebuilt from the command line without loading the site.

The most common `dossier build` follows a writer's change to the text of a story or
two. When nothing but those articles' prose changed (not their front matter, summary,
mentions, wiki links or quotes: then no other page can differ), this pass reads only
what it needs: every file's size and mtime as the manifest of output/ records them, the
site's names (kept beside the cache), the cache shards that hold the changed articles,
and their pages in output/. Each page is the old page with the old body's HTML replaced by the
new one: taken only where the article template shows the body exactly once, as
`{{ article.body_html | safe }}`, and the old body appears in the page exactly once.

Anything else (files added or removed, any other kind of file changed, a template
that uses the body in another way, a mistake in the file, a cache or page that is not
as recorded) returns None, and the full incremental pass runs. The manifest records
such a page under a signature that no full pass computes, so the next full pass
renders it once more (its bytes are the same: the file is not written again).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import jinja2
from jinja2 import nodes

from generator.incremental.cache import (
    Entry,
    load_cache,
    load_names,
    save_cache,
    shard_of,
)
from generator.incremental.fingerprint import template_closure
from generator.markdown.markup import Rendered, make_markdown, render_markdown, shorten
from generator.model.linking import linking_from_rows
from generator.source.config import Config
from generator.source.discover import SourceRef, read_source
from generator.source.parse import ArticleDoc, Doc, parse_source, without_text
from generator.urls import article_url
from generator.write.output import Manifest, Output, bytes_digest, output_path

QUICK_LIMIT = 8  # more changed files than this: the full pass is as quick


def front(doc: Doc) -> Doc:
    """A document without its prose: what other pages can depend on."""
    return replace(without_text(doc), digest="")


def prose_only(old_doc: Doc, old: Rendered, new_doc: Doc, new: Rendered) -> bool:
    """Whether only the prose differs: no page but the article's own can change."""
    if not isinstance(new_doc, ArticleDoc) or not isinstance(old_doc, ArticleDoc):
        return False
    if front(new_doc) != front(old_doc):
        return False
    summary_then = old_doc.summary or shorten(old.first_paragraph)
    summary_now = new_doc.summary or shorten(new.first_paragraph)
    return summary_now == summary_then and (new.references, new.quotes) == (
        old.references,
        old.quotes,
    )


def quick_build(
    out: Path,
    refs: list[SourceRef],
    previous: Manifest,
    inputs: str,
    cache: tuple[Path, str],
    config: Config,
    env: jinja2.Environment,
) -> list[str] | None:
    """Rebuild the pages of articles whose prose alone changed; the paths written, or
    None when this cannot be done here (the caller runs the full pass)."""
    folder, key = cache
    built = previous.sources  # what output/ was built from
    if built.keys() != {str(ref.path) for ref in refs}:
        return None
    changed = [ref for ref in refs if built[str(ref.path)] != (ref.size, ref.mtime_ns)]
    if not changed or len(changed) > QUICK_LIMIT or any(r.kind != "article" for r in changed):
        return None
    names = load_names(folder, key)
    if names is None or names[0] != previous.linking or not shows_body_once(env, "article.html"):
        return None
    linking, linking_key = linking_from_rows(names[1])
    if linking_key != names[0]:
        return None
    md = make_markdown(raw_html=config.raw_html, linking=linking)
    shards = {shard_of(ref.path) for ref in changed}
    entries = load_cache(folder, key, shards)
    manifest = previous.keeping(
        inputs=inputs, sources=dict(built), linking=previous.linking, warnings=previous.warnings
    )
    pages: dict[str, bytes] = {}
    for ref in changed:
        old = entries.get(ref.path)
        if (
            old is None
            or old.linking != linking_key
            or (old.size, old.mtime_ns) != built[str(ref.path)]
        ):
            return None  # not the version of the story that output/ shows
        doc, errors = parse_source(read_source(ref))
        if doc is None or errors:
            return None
        mentions = config.link_mentions and isinstance(doc, ArticleDoc) and doc.mentions
        body = render_markdown(md, doc.body.text, link_mentions=mentions)
        if not prose_only(old.doc, old.rendered, doc, body):
            return None
        path = article_url(doc.slug)
        page = _spliced(out, path, previous, str(old.rendered.html), str(body.html))
        if page is None:
            return None
        pages[path] = page
        signature = hashlib.blake2b(b"prose\0" + page, digest_size=16).hexdigest()
        manifest.page(path, signature, bytes_digest(page))
        entries[ref.path] = Entry(ref.size, ref.mtime_ns, doc, body, linking_key)
        manifest.source(ref.path, ref.size, ref.mtime_ns)
    output = Output(out, previous.pages)
    try:
        for path, page in pages.items():
            if output.needs(path, manifest.pages[path][1]):
                output.write(path, page)
        written = output.commit(manifest)
    except BaseException:
        output.abort()
        raise
    save_cache(folder, key, entries, shards)
    return written


def _spliced(out: Path, path: str, previous: Manifest, old: str, new: str) -> bytes | None:
    """The page in output/ with the body `old` replaced by `new`, if it is the page the
    manifest recorded and holds `old` exactly once."""
    recorded = previous.pages.get(path)
    try:
        page = output_path(out, path).read_bytes()
    except OSError:
        return None
    if recorded is None or bytes_digest(page) != recorded[1] or not old:
        return None
    html = page.decode("utf-8")
    if html.count(old) != 1:
        return None
    return html.replace(old, new).encode("utf-8")


def shows_body_once(env: jinja2.Environment, name: str) -> bool:
    """Whether `name` and every template it pulls in use an article's body only once, as
    `{{ article.body_html | safe }}`: then the page is the body spliced into the rest."""
    try:
        closure = template_closure(env, name)
    except jinja2.TemplateError:
        return False
    if any(parsed.dynamic for parsed in closure.values()):
        return False  # a template chosen at render time: cannot tell what it does
    uses, plain = 0, 0
    for parsed in closure.values():
        for node in parsed.tree.find_all((nodes.Getattr, nodes.Const)):
            if isinstance(node, nodes.Getattr) and node.attr == "body_html":
                uses += 1
            elif isinstance(node, nodes.Const) and node.value == "body_html":
                return False  # `article["body_html"]`, `attr("body_html")`: used some other way
        outputs = parsed.tree.find_all(nodes.Output)
        plain += sum(1 for output in outputs for child in output.nodes if _is_body(child))
    return uses == 1 and plain == 1


def _is_body(node: nodes.Node) -> bool:
    if not isinstance(node, nodes.Filter) or node.name != "safe" or node.args:
        return False
    inner = node.node
    return (
        isinstance(inner, nodes.Getattr)
        and inner.attr == "body_html"
        and isinstance(inner.node, nodes.Name)
        and inner.node.name == "article"
    )
