"""Work shared among forked worker processes, without pickling the site.

Workers are forked after the parent has built what they need (the documents, the
model, every page's view), so they inherit it in memory. The only things that
cross a pipe are ranges of item numbers one way and finished results the other:
documents without their Markdown, rendered Markdown, and pages' paths and digests
(workers write the pages themselves); records among them are pickled as their class
and fields (see `parallel.pickling`, imported here for that).
Results come back in order, so the output is the same bytes whatever the number
of workers.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import jinja2

from generator.errors import ContentError, in_order
from generator.pages.records import PageView
from generator.pages.render import Page, render_pages
from generator.parallel import pickling  # noqa: F401  (registers the records' reducers)
from generator.parallel.collector import frozen
from generator.source.config import Config
from generator.write.output import Manifest, Output, bytes_digest, output_path

T = TypeVar("T")
R = TypeVar("R")
CHUNK = 48  # items per task: small enough to balance, large enough to be cheap
Progress = Callable[[int, int], None]  # (items done, items in all)


class Store(Protocol):
    """Where rendered pages are kept by signature (`incremental.pagestore.PageStore`)."""

    def find(self, signature: str) -> tuple[Path, str] | None: ...

    def link(self, signature: str, digest: str, written: Path) -> tuple[int, int] | None: ...

    def record(self, signature: str, digest: str, stored: tuple[int, int] | None) -> None: ...


_inherited: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _adopt(work: Callable[[Any], Any], items: Sequence[Any]) -> None:
    """Runs in each forked worker: keep what the parent had (nothing was pickled)."""
    global _inherited
    _inherited = (work, items)


def _run(bounds: tuple[int, int]) -> list[Any]:
    assert _inherited is not None, "worker started without the parent's work"
    work, items = _inherited
    return [work(item) for item in items[bounds[0] : bounds[1]]]


def fork_imap(
    work: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Iterator[R]:
    """`work(item)` for each item, in order, yielded as soon as each is done: the caller
    can write results away while workers go on, and needs to hold none of them."""
    total, done = len(items), 0
    chunks = [(start, min(start + CHUNK, total)) for start in range(0, total, CHUNK)]
    if jobs <= 1 or len(chunks) < 4 or "fork" not in multiprocessing.get_all_start_methods():
        for start, end in chunks:
            yield from (work(item) for item in items[start:end])
            if progress is not None:
                progress(end, total)
        return
    context = multiprocessing.get_context("fork")
    # frozen: the workers' collector never walks (and so copies) the parent's objects; the
    # results come back pickled, records by their fields (see `pickling`)
    with frozen(), context.Pool(min(jobs, len(chunks)), _adopt, (work, items)) as pool:
        for results in pool.imap(_run, chunks):
            yield from results
            done += len(results)
            if progress is not None:
                progress(done, total)


def render_stream(
    pages: Sequence[PageView],
    env: jinja2.Environment,
    config: Config,
    errors: list[ContentError],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Iterator[Page]:
    """Every page rendered, in order, as it is done; template errors are added to `errors`
    once each, sorted, when the stream ends."""
    work = lambda page: render_pages([page], env, config)  # noqa: E731
    yield from _gathered(fork_imap(work, pages, jobs=jobs, progress=progress), errors)


# A page done: its path, its signature, the digest of its bytes, where they went (None when
# output/ has them already), when the page store took it the stored file's size and mtime,
# and whether it was rendered (not kept, nor taken from the store).
Written = tuple[str, str, str, Path | None, tuple[int, int] | None, bool]


@dataclass(frozen=True)
class Places:
    """Where pages go and what is there already: output/ (with `present`, the files in it
    now, and `previous`, each page's signature and digest as the last build left them),
    and the page store."""

    output: Output
    store: Store | None
    previous: Mapping[str, tuple[str, str]]
    present: Set[str]


def write_stream(
    pages: Sequence[PageView],
    env: jinja2.Environment,
    config: Config,
    sign: Callable[[PageView], bytes],
    places: Places,
    errors: list[ContentError],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Iterator[Written]:
    """Every page signed, then kept (unchanged in output/), taken from the page store or
    rendered and written: by the workers themselves, in order. Only what `Output.adopt`
    and `PageStore.record` need comes back. Errors as in `render_stream`."""
    output, store = places.output, places.store

    def work(page: PageView) -> tuple[list[Written], list[ContentError]]:
        path, signature = page.path, sign(page).hex()
        before = places.previous.get(path)
        if before is not None and before[0] == signature and path in places.present:
            stored = _stored(path, signature, before[1], None)
            return [(path, signature, before[1], None, stored, False)], []
        found = store.find(signature) if store is not None else None
        if found is not None:
            source, digest = found
            place = output.put_link(path, source) if output.needs(path, digest) else None
            return [(path, signature, digest, place, None, False)], []
        done, more = render_pages([page], env, config)
        written: list[Written] = []
        for made in done:
            data = made.html.encode("utf-8")
            digest = bytes_digest(data)
            place = output.put(path, data) if output.needs(path, digest) else None
            stored = _stored(path, signature, digest, place)
            written.append((path, signature, digest, place, stored, True))
        return written, more

    def _stored(
        path: str, signature: str, digest: str, place: Path | None
    ) -> tuple[int, int] | None:
        """The page, now at `place` or in output/, linked into the store (if not there)."""
        if store is None:
            return None
        return store.link(signature, digest, place or output_path(output.out, path))

    yield from _gathered(fork_imap(work, pages, jobs=jobs, progress=progress), errors)


def write_into(
    manifest: Manifest,
    pages: Sequence[PageView],
    env: jinja2.Environment,
    config: Config,
    sign: Callable[[PageView], bytes],
    places: Places,
    errors: list[ContentError],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> int:
    """`write_stream`, with each page's signature and digest recorded in `manifest`, its
    new file given to `places.output` and its stored copy to `places.store`. Returns how
    many pages were rendered; the caller finishes or aborts the output."""
    output, store = places.output, places.store
    rendered = 0
    stream = write_stream(pages, env, config, sign, places, errors, jobs=jobs, progress=progress)
    for path, signature, digest, place, stored, fresh in stream:
        manifest.page(path, signature, digest)
        if place is not None:
            output.adopt(path, place)
        if store is not None:
            store.record(signature, digest, stored)
        rendered += fresh
    return rendered


def _gathered(
    results: Iterable[tuple[list[T], list[ContentError]]], errors: list[ContentError]
) -> Iterator[T]:
    """The items of each result; its errors, once each and sorted, added at the end."""
    found: dict[tuple[str, int, str], ContentError] = {}
    for done, more in results:
        yield from done
        for error in more:
            found.setdefault((str(error.path), error.line, error.message), error)
    errors += in_order(found.values())


def render_all(
    pages: Sequence[PageView],
    env: jinja2.Environment,
    config: Config,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> tuple[list[Page], list[ContentError]]:
    """Render every page; errors once each, sorted."""
    errors: list[ContentError] = []
    rendered = list(render_stream(pages, env, config, errors, jobs=jobs, progress=progress))
    return rendered, errors
