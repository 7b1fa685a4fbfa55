"""Records sent between processes come back equal, remade through their `__init__`."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.incremental.documents import read_doc
from generator.markdown.markup import make_markdown, render_markdown
from generator.pickling import pickled_by_fields
from generator.source.discover import scan_content


def test_documents_and_rendered_bodies_come_back_equal(small_site: Path) -> None:
    docs = [doc for doc, _ in map(read_doc, scan_content(small_site).refs) if doc is not None]
    assert {type(doc).__name__ for doc in docs} == {"ArticleDoc", "ActorDoc", "EventDoc"}
    md = make_markdown()
    rendered = [render_markdown(md, doc.body.text) for doc in docs]
    errors = [ContentError(small_site / "a.md", 3, "a message")]
    for record in [*docs, *rendered, *errors]:
        again = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
        assert again == record and type(again) is type(record)
        assert type(record).__reduce__ is not object.__reduce__  # by its fields


def test_a_record_its_init_cannot_remake_is_refused() -> None:
    @dataclasses.dataclass(frozen=True)
    class Derived:
        text: str
        size: int = dataclasses.field(init=False, default=0)

    @dataclasses.dataclass(frozen=True)
    class Checked:
        text: str

        def __post_init__(self) -> None:
            pass

    for cls in (Derived, Checked):
        with pytest.raises(TypeError, match="would not remake it"):
            pickled_by_fields(cls)


def test_a_record_of_one_field_is_pickled_as_a_tuple_of_one() -> None:
    @pickled_by_fields
    @dataclasses.dataclass(frozen=True)
    class Single:
        items: tuple[int, ...]

    record = Single((1, 2))
    assert record.__reduce__() == (Single, ((1, 2),))
