"""Records that cross between processes, pickled as their class and field values.

Documents come back from the reading workers, rendered Markdown from the Markdown
workers, pages from the rendering workers of `dossier check`, and errors from all of
them: ten thousand and more per build. A frozen dataclass with slots is pickled by
default through the state methods `dataclasses` writes, in Python, one field at a time;
as its class and the tuple of its fields (taken in C by `attrgetter`) it is remade by
its own `__init__`, in half the time both ways.

The reducers are registered with `copyreg`, whose `dispatch_table` every pickler
consults (`multiprocessing` copies it into each `ForkingPickler` it makes), so the
types themselves know nothing of it. Registration happens when this module is
imported: `parallel.workers`, where the pool pickles, imports it, before any worker is
forked. Nothing below `parallel` imports it; it imports the types.
"""

from __future__ import annotations

import copyreg
import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any

from generator.errors import ContentError
from generator.markdown.found import Quote, Reference
from generator.markdown.markup import Rendered
from generator.pages.render import Page
from generator.source.parse import ActorDoc, ArticleDoc, Body, EventDoc
from generator.source.relations import RelationDoc
from generator.source.schema import ClaimDoc, Name
from generator.source.sources import Source
from generator.source.updates import UpdateDoc
from generator.when import When

Reducer = Callable[[Any], tuple[type[Any], tuple[Any, ...]]]


def by_fields(cls: type[Any]) -> Reducer:
    """The reducer that pickles a `cls` as `(cls, (field, ...))`. Every field must be set
    by `__init__`, which must do nothing more (no `__post_init__`), or the copy that
    `__init__` makes on the other side would not be the record sent."""
    fields = dataclasses.fields(cls)
    if not all(f.init for f in fields) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: __init__ would not remake it from its fields")
    if "__reduce__" in vars(cls) or "__reduce_ex__" in vars(cls):
        raise TypeError(f"{cls.__name__}: pickles itself; registering would override it")
    getter = attrgetter(*(f.name for f in fields))
    if len(fields) == 1:
        return lambda record: (cls, (getter(record),))
    return lambda record: (cls, getter(record))


def register(*types: type[Any]) -> None:
    """Pickle each of `types` by its fields, in every pickler of this process and of the
    processes it forks from now on."""
    for cls in types:
        copyreg.pickle(cls, by_fields(cls))


# What crosses from the workers (see `parallel.workers`), and the records inside it.
RECORDS: tuple[type[Any], ...] = (
    *(ContentError, Page),
    *(ArticleDoc, ActorDoc, EventDoc, Body, Name, ClaimDoc, Source, UpdateDoc),
    *(RelationDoc, When),
    *(Rendered, Reference, Quote),
    When,  # an event's dates
)
register(*RECORDS)
