"""Work shared among forked worker processes, without pickling the site.

Workers are forked after the parent has built what they need (the documents, the
model, every page's view), so they inherit it in memory. The only things that
cross a pipe are ranges of item numbers one way and finished results (HTML,
rendered Markdown) the other. Results come back in order, so the output is the
same bytes whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import jinja2

from generator.config import Config
from generator.errors import ContentError
from generator.render import Page, render_pages
from generator.views import PageView

T = TypeVar("T")
R = TypeVar("R")
CHUNK = 48  # items per task: small enough to balance, large enough to be cheap
Progress = Callable[[int, int], None]  # (items done, items in all)

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


def fork_map(
    work: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[R]:
    """`[work(item) for item in items]`, in `jobs` forked processes when worth it."""
    total = len(items)
    chunks = [(start, min(start + CHUNK, total)) for start in range(0, total, CHUNK)]
    results: list[R] = []
    if jobs <= 1 or len(chunks) < 4 or "fork" not in multiprocessing.get_all_start_methods():
        for start, end in chunks:
            results += [work(item) for item in items[start:end]]
            if progress is not None:
                progress(len(results), total)
        return results
    context = multiprocessing.get_context("fork")
    with context.Pool(min(jobs, len(chunks)), _adopt, (work, items)) as pool:
        for done in pool.imap(_run, chunks):
            results += done
            if progress is not None:
                progress(len(results), total)
    return results


def render_all(
    pages: Sequence[PageView],
    env: jinja2.Environment,
    config: Config,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> tuple[list[Page], list[ContentError]]:
    """Render every page; errors once each, sorted."""
    results = fork_map(
        lambda page: render_pages([page], env, config), pages, jobs=jobs, progress=progress
    )
    rendered: list[Page] = []
    errors: dict[tuple[str, int, str], ContentError] = {}
    for done, more in results:
        rendered += done
        for error in more:
            errors.setdefault((str(error.path), error.line, error.message), error)
    return rendered, sorted(errors.values())
