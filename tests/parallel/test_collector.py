"""The collector's policy: frozen spans nest, and only the outermost one unfreezes."""

from __future__ import annotations

import gc

import pytest

from generator.parallel.collector import frozen, keep, kept
from generator.parallel.workers import CHUNK, fork_imap


def double(n: int) -> int:
    return 2 * n


def test_an_inner_span_keeps_what_an_outer_one_froze() -> None:
    with kept():
        keep()
        frozen_count = gc.get_freeze_count()
        assert frozen_count > 0
        with frozen():
            assert gc.get_freeze_count() >= frozen_count
        assert gc.get_freeze_count() >= frozen_count  # not given back by the inner end
        with kept():
            keep()
        assert gc.get_freeze_count() >= frozen_count
    assert gc.get_freeze_count() == 0


def test_the_outermost_span_gives_everything_back_even_on_error() -> None:
    with pytest.raises(ValueError), frozen(), frozen():
        raise ValueError
    assert gc.get_freeze_count() == 0
    with frozen(), frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_keeping_needs_a_span_to_give_it_back() -> None:
    with pytest.raises(RuntimeError, match="outside kept"):
        keep()
    assert gc.get_freeze_count() == 0


def test_forking_workers_inside_a_span_leaves_it_frozen() -> None:
    """`fork_imap` freezes around its workers; ending, it must not unfreeze what the
    build around it kept."""
    items = list(range(5 * CHUNK))
    with kept():
        keep()
        before = gc.get_freeze_count()
        assert list(fork_imap(double, items, jobs=2)) == [2 * n for n in items]
        assert gc.get_freeze_count() >= before > 0
    assert gc.get_freeze_count() == 0
    assert list(fork_imap(double, items, jobs=2)) == [2 * n for n in items]
    assert gc.get_freeze_count() == 0  # alone, it gives back what it froze
