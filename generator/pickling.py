"""Frozen records that cross between processes, pickled as their class and field values.

Documents go from the reading workers to the parent, and rendered Markdown from the
Markdown workers, ten thousand and more per build. A frozen dataclass with slots is
pickled by default through the state methods `dataclasses` writes, in Python, one
field at a time; as its class and the tuple of its fields (taken in C by `attrgetter`)
it is remade by its own `__init__`, in half the time both ways.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Class decorator: pickle as `(cls, (field, ...))`. Every field must be set by
    `__init__`, which must do nothing more (no `__post_init__`)."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not all(f.init for f in fields) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: __init__ would not remake it from its fields")
    getter = attrgetter(*(f.name for f in fields))
    if len(fields) == 1:
        values: Callable[[Any], tuple[Any, ...]] = lambda record: (getter(record),)  # noqa: E731
    else:
        values = getter

    def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls
