"""The build cache gives back exactly what was put in, for every kind of document."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from generator.incremental.cache import Entry, load_cache, save_cache
from generator.markdown.markup import make_markdown, render_markdown
from generator.model.linking import make_linking
from generator.source.discover import read_source, scan_content
from generator.source.parse import (
    ActorDoc,
    ArticleDoc,
    Body,
    EventDoc,
    body_again,
    parse_source,
    without_text,
)
from tests.helpers import FIXTURES, REPO, write_files


def entries_of(root: Path) -> dict[Path, Entry]:
    refs = scan_content(root).refs
    docs = {ref.path: parse_source(read_source(ref))[0] for ref in refs}
    linking, key = make_linking([d for d in docs.values() if d is not None], drafts=False)
    md = make_markdown(raw_html=False, linking=linking)
    return {
        ref.path: Entry(ref.size, ref.mtime_ns, doc, render_markdown(md, doc.body.text), key)
        for ref in refs
        if (doc := docs[ref.path]) is not None
    }


def test_every_entry_comes_back_equal_but_for_the_body_text(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    write_files(
        extra,
        {
            "content/actors/ada.md": (
                "---\nname: Ada North\nredirect_from: [ada]\nextra: {photo: ada.jpg}\n---\n"
            ),
            "content/events/e.md": (
                "---\nname: E\ndate: 2024-01-02\nwikidata: Q1\n"
                "extra: {sources: [{name: a, n: 2}, [1.5, true, null]]}\n---\n"
            ),
            "content/events/c.md": "---\nname: C\ndate: 2019\nend: 2021-05\ncirca: true\n---\n",
            "content/events/t.md": "---\nname: T\ndate: 2024-01-02T10:30+02:00\n---\n",
            "content/articles/a.md": (
                "---\ntitle: A\ndate: 2024-01-02T10:30:00+02:00\nredirect_from: [b]\n"
                "authors: [Jane Reporter, Sam Writer]\n"
                "updates:\n  - {date: 2024-01-03, kind: correction, text: Fixed a name.}\n"
                "  - {date: 2024-01-04T09:00+01:00, kind: update, text: More.}\n"
                "extra: {desk: Europe, 2023: year, tags: [a, b], nested: {deep: {x: 1}}}\n---\n"
                "Met [[Ada North]] and [[Nobody Known]].\n"
            ),
            "content/articles/s.md": (
                "---\ntitle: S\ndate: 2024-01-02\nsources:\n"
                "  - {name: Wire, url: https://example.org/1,\n"
                "     archived: https://web.archive.org/web/20240102030405/https://example.org/1,"
                " archived_on: 2024-01-03}\n"
                "  - https://example.org/2\n---\nText.\n"
            ),
        },
    )
    entries = entries_of(REPO) | entries_of(FIXTURES / "small") | entries_of(extra)
    docs = [entry.doc for entry in entries.values()]
    # the example sites hold every shape the cache must keep: check they are there
    assert any(isinstance(d, ArticleDoc) and d.claims for d in docs)
    assert any(
        c.status != "unverified" and len(c.evidence) == 2
        for d in docs
        if isinstance(d, ArticleDoc)
        for c in d.claims
    )
    assert any(isinstance(d, ArticleDoc) and isinstance(d.date, dt.datetime) for d in docs)
    assert any(isinstance(d, EventDoc) and d.parent is not None for d in docs)
    assert any(entry.rendered.quotes for entry in entries.values())
    assert any(isinstance(d, EventDoc) and d.end for d in docs)
    years = [d for d in docs if isinstance(d, EventDoc) and d.date.precision == "year"]
    assert years and years[0].date.circa and years[0].end and years[0].end.precision == "month"
    assert any(isinstance(d, EventDoc) and isinstance(d.date.first, dt.datetime) for d in docs)
    assert any(isinstance(d, EventDoc) and d.place for d in docs)
    assert any(getattr(d, "affiliations", ()) for d in docs)
    assert any(isinstance(d, ActorDoc) and d.wikidata for d in docs)
    assert any(isinstance(d, EventDoc) and d.wikidata for d in docs)
    for kind in (ActorDoc, ArticleDoc):
        assert any(isinstance(d, kind) and d.redirect_from for d in docs)
    for kind in (ActorDoc, ArticleDoc, EventDoc):
        assert any(isinstance(d, kind) and d.extra for d in docs)
    assert any(isinstance(d, ArticleDoc) and len(d.authors) == 2 for d in docs)
    assert any(isinstance(d, ArticleDoc) and len(d.updates) == 2 for d in docs)
    assert any(
        isinstance(d, ArticleDoc) and len(d.sources) == 2 and d.sources[0].archived_on for d in docs
    )
    assert any(
        r.explicit and r.kind is None for e in entries.values() for r in e.rendered.references
    )
    save_cache(tmp_path / "cache", "key", entries)
    loaded = load_cache(tmp_path / "cache", "key")
    expected = {
        path: dataclasses.replace(e, doc=dataclasses.replace(e.doc, body=Body("", e.doc.body.line)))
        for path, e in entries.items()
    }
    assert loaded == expected
    # `extra:` keeps its shape, its keys' types and its order (a dict compares without them)
    for path, entry in expected.items():
        assert repr(loaded[path].doc.extra) == repr(entry.doc.extra)
    assert load_cache(tmp_path / "cache", "another key") == {}


def test_a_shard_cut_short_is_dropped_not_misread(tmp_path: Path) -> None:
    entries = entries_of(FIXTURES / "small")
    save_cache(tmp_path, "key", entries)
    shards = sorted(tmp_path.glob("shard-*.dat"))
    victim = max(shards, key=lambda p: p.stat().st_size)
    victim.write_bytes(victim.read_bytes()[:-10])  # a write that never finished
    loaded = load_cache(tmp_path, "key")
    assert 0 < len(loaded) < len(entries)
    assert all(
        loaded[path] == dataclasses.replace(e, doc=loaded[path].doc)
        for path, e in entries.items()
        if path in loaded
    )


def test_a_body_read_again_is_the_body_or_the_file_as_it_is_now(tmp_path: Path) -> None:
    path = tmp_path / "content/articles/a.md"
    text = "---\r\ntitle: A\r\ndate: 2023-05-03\r\n---\r\n\r\nFirst.\r\n\r\nSecond [[x]].\r\n"
    write_files(tmp_path, {"content/articles/a.md": text})
    source = read_source(scan_content(tmp_path).refs[0])
    doc, errors = parse_source(source)
    assert doc is not None and errors == []
    assert body_again(source, without_text(doc)) == doc.body.text != ""
    path.write_text(text.replace("title: A", "title: Longer\ntags: [x]").replace("First", "Now"))
    changed = read_source(scan_content(tmp_path).refs[0])
    assert body_again(changed, without_text(doc)).startswith("\r\nNow.")
