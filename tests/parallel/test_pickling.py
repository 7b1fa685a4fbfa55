"""Records sent between processes are pickled as `(cls, fields)` by the reducers that
`parallel.pickling` registers with copyreg, come back equal, and every record that
crosses between processes is registered."""

from __future__ import annotations

import copyreg
import dataclasses
import importlib
import io
import os
import pickle
import shutil
import typing
from collections.abc import Iterator
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any

import pytest

from generator.cli.main import main
from generator.incremental.cache import CACHE_DIR, cache_key, load_cache
from generator.pages.render import Page
from generator.parallel.pickling import RECORDS, by_fields
from generator.prose import Prose
from generator.source.config import load_config
from tests.helpers import REPO, article, write_files

FILLERS = 160  # with the example's 26 files, enough work for fork_imap to fork (4 chunks)


def example_site(root: Path, fillers: int = 0) -> Path:
    """The repo's example dossier, with an article whose control byte is put right (a
    warning in its document), one with a correction, and `fillers` short articles that
    mention an actor."""
    site = root / "example"
    site.mkdir()
    shutil.copy(REPO / "site.yaml", site)
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, site / folder)
    files: dict[str, str | bytes] = {
        "content/articles/control.md": article("Control", body="Peskov spoke.\x01").encode(),
        "content/articles/corrected.md": (
            "---\ntitle: Corrected\ndate: 2023-05-04\nupdates:\n"
            "  - {date: 2023-05-05, kind: correction, text: Misnamed the spokesman.}\n---\nBody.\n"
        ),
    }
    for n in range(fillers):
        body = f"Dmitry Peskov spoke of the [[Kremlin drone incident]] ({n})."
        files[f"content/articles/filler/{n:03d}.md"] = article(f"Filler {n}", body=body)
    write_files(site, files)
    return site


def fields_of(record: Any) -> tuple[Any, ...]:
    return tuple(getattr(record, f.name) for f in dataclasses.fields(record))


def walk(value: Any) -> Iterator[Any]:
    """`value` and every dataclass instance inside it, through fields, tuples and lists."""
    yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in fields_of(value):
            yield from walk(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from walk(item)


class ByHand(pickle.Pickler):
    """Pickles any dataclass as `(cls, fields)`, ignoring copyreg: what the bytes must be."""

    dispatch_table: dict[Any, Any] = {}  # noqa: RUF012

    def reducer_override(self, obj: Any) -> Any:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return type(obj), fields_of(obj)
        return NotImplemented


def by_hand(value: Any) -> bytes:
    buffer = io.BytesIO()
    ByHand(buffer, pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def test_every_record_is_pickled_as_its_class_and_fields(tmp_path: Path) -> None:
    site = example_site(tmp_path)
    assert main(["build", str(site), "-q"]) == 0
    config = load_config(site / "site.yaml")
    entries = load_cache(site / CACHE_DIR, cache_key(config.raw_html, config.link_mentions))
    assert entries, "the build wrote no cache under the key"
    samples: dict[type[Any], list[Any]] = {}
    for entry in entries.values():
        for found in walk((entry.doc, entry.rendered)):
            samples.setdefault(type(found), []).append(found)
    samples[Page] = [Page("articles/a.html", "<p>é</p>")]
    for cls in RECORDS:
        assert "__reduce__" not in vars(cls)  # the type itself knows nothing of pickling
        assert samples.get(cls), f"the example site has no {cls.__name__} to try"
        for record in samples[cls][:50]:
            data = pickle.dumps(record, pickle.HIGHEST_PROTOCOL)
            again = pickle.loads(data)
            assert again == record and type(again) is type(record)
            assert copyreg.dispatch_table[cls](record) == (cls, fields_of(record))
            assert data == by_hand(record)  # the bytes of `(cls, fields)`, nested ones too


def test_records_inside_registered_ones_are_registered() -> None:
    """Every dataclass of the generator that a registered record's fields may hold (by
    their types) is registered too; `Prose` pickles itself."""
    reachable: set[type[Any]] = set()

    def visit(hint: Any) -> None:
        for inner in typing.get_args(hint):
            visit(inner)
        ours = isinstance(hint, type) and hint.__module__.startswith("generator.")
        if ours and dataclasses.is_dataclass(hint) and hint not in reachable:
            reachable.add(hint)
            for field_hint in typing.get_type_hints(hint).values():
                visit(field_hint)

    for cls in RECORDS:
        visit(cls)
    assert reachable == set(RECORDS)
    assert "__reduce__" in vars(Prose)


def test_what_crosses_between_processes_is_registered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build and a check with two workers, watched where the pool pickles what goes
    back and forth (in the workers too): every type of the generator's that crosses is
    registered, or pickles itself."""
    site = example_site(tmp_path, FILLERS)
    seen = tmp_path / "seen"
    seen.mkdir()

    class Watching(ForkingPickler):
        def reducer_override(self, obj: Any) -> Any:
            kind = type(obj)
            with (seen / str(os.getpid())).open("a") as log:
                log.write(f"{kind.__module__}:{kind.__qualname__}\n")
            return NotImplemented  # pickled as it would be

    def dumps(cls: type[ForkingPickler], obj: Any, protocol: int | None = None) -> memoryview:
        buffer = io.BytesIO()
        Watching(buffer, protocol).dump(obj)
        return buffer.getbuffer()

    monkeypatch.setattr(ForkingPickler, "dumps", classmethod(dumps))
    assert main(["check", str(site), "--jobs", "2"]) == 0
    assert main(["build", str(site), "--jobs", "2", "-q"]) == 0
    names = {line for log in seen.iterdir() for line in log.read_text().splitlines()}
    ours = set()  # the generator's own types (classes and functions are saved too: by name)
    for name in names:
        module, _, qualname = name.partition(":")
        if module.startswith("generator."):
            ours.add(getattr(importlib.import_module(module), qualname))
    assert {*RECORDS} - {Page} <= ours  # documents, bodies and warnings; pages below
    assert Page in ours and Prose in ours
    for kind in ours:
        assert kind in RECORDS or "__reduce__" in vars(kind), f"{kind} is not registered"


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

    @dataclasses.dataclass(frozen=True)
    class Itself:
        text: str

        def __reduce__(self) -> tuple[Any, ...]:
            return Itself, (self.text,)

    for cls in (Derived, Checked):
        with pytest.raises(TypeError, match="would not remake it"):
            by_fields(cls)
    with pytest.raises(TypeError, match="pickles itself"):
        by_fields(Itself)


def test_a_record_of_one_field_is_pickled_as_a_tuple_of_one() -> None:
    @dataclasses.dataclass(frozen=True)
    class Single:
        items: tuple[int, ...]

    assert by_fields(Single)(Single((1, 2))) == (Single, ((1, 2),))
