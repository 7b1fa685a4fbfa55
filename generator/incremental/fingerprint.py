"""Stable fingerprints of what a page is made from, to render only pages that changed.

A page's signature covers everything its template can see: the view context
(walked value by value), the sources of its template and every template that
one extends, includes or imports, the site's settings, and the generator's own
code. Equal signatures mean equal pages, so a page whose signature is unchanged
is neither rendered nor written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import meta, nodes
from markupsafe import Markup

from generator.errors import ContentError
from generator.pages.records import Deferred, PageView
from generator.pages.render import template_error
from generator.prose import Prose
from generator.source.config import Config
from generator.source.schema import FrozenMap

_PACKAGE = Path(__file__).parents[1]  # the whole generator package


def _hasher() -> hashlib.blake2b:
    return hashlib.blake2b(digest_size=16)


class Fingerprints:
    """Digests of values; each dataclass object is digested once per build (kept by id)."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, bytes]] = {}
        self._fields: dict[type, tuple[str, ...]] = {}

    def of(self, value: object) -> bytes:
        known = self._memo.get(id(value))
        if known is not None:
            return known[1]
        kind = type(value)
        if not hasattr(kind, "__dataclass_fields__"):
            h = _hasher()
            self._feed(h, value)
            return h.digest()
        names = self._fields.get(kind)
        if names is None:
            names = self._fields[kind] = tuple(f.name for f in dataclasses.fields(value))  # type: ignore[arg-type]
        h = _hasher()
        h.update(kind.__name__.encode())
        for name in names:
            part = getattr(value, name)
            kind = type(part)
            if kind is str or kind is Markup:  # most fields: fed as they are, no repr copy
                data = part.encode("utf-8")
                h.update((b"s%d:" if kind is str else b"m%d:") % len(data))
                h.update(data)
            elif kind in (tuple, list) and part and _holds_views(part):
                self._feed(h, part)  # views inside views: digest each shared one once
            elif hasattr(kind, "__dataclass_fields__"):
                h.update(self.of(part))  # a view held by another: digested once, shared
            else:
                h.update(repr(part).encode("utf-8"))  # plain data: its repr says it all
            h.update(b"\0")
        digest = h.digest()
        self._memo[id(value)] = (value, digest)  # holding the object keeps its id unique
        return digest

    def _feed(self, h: hashlib.blake2b, value: object) -> None:
        kind = type(value)
        if isinstance(value, str):  # Markup too
            data = value.encode("utf-8")
            h.update(b"str%d:" % len(data))
            h.update(data)
        elif hasattr(kind, "__dataclass_fields__"):
            h.update(self.of(value))
        elif kind in (tuple, list, range):
            memo = self._memo
            h.update(b"[%d:" % len(value))  # type: ignore[arg-type]
            for item in value:  # type: ignore[attr-defined]
                known = memo.get(id(item))  # shared views, already digested
                if known is not None:
                    h.update(known[1])
                else:
                    self._feed(h, item)
            h.update(b"]")
        elif kind is dict:
            h.update(b"{%d:" % len(value))  # type: ignore[arg-type]
            for key in sorted(value, key=repr):  # type: ignore[call-overload]
                self._feed(h, key)
                self._feed(h, value[key])  # type: ignore[index]
            h.update(b"}")
        elif kind is FrozenMap:  # `extra:`; in its order, which a template may show
            h.update(b"(%d:" % len(value))  # type: ignore[arg-type]
            for key, item in value.items():  # type: ignore[attr-defined]
                self._feed(h, key)
                self._feed(h, item)
            h.update(b")")
        elif kind is Prose:
            h.update(b"prose:%s" % value.digest)  # type: ignore[attr-defined]
        elif kind is Deferred:  # what it is made from, not what it makes
            h.update(b"deferred:%s;" % value.made_from.encode())  # type: ignore[attr-defined]
        elif value is None or isinstance(value, (bytes, bool, int, float, dt.date, Path)):
            h.update(f"{kind.__name__}:{value!r};".encode())
        else:
            raise TypeError(f"cannot fingerprint {kind.__name__}")


def _holds_views(items: tuple[object, ...] | list[object]) -> bool:
    return hasattr(type(items[0]), "__dataclass_fields__")


@dataclass(frozen=True, slots=True)
class Parsed:
    """One template's source and syntax tree, and the templates it pulls in."""

    source: str
    tree: nodes.Template
    children: frozenset[str]
    dynamic: bool  # it also pulls in a template whose name is known only at render time


def template_closure(
    env: jinja2.Environment, name: str, parsed: dict[str, Parsed] | None = None
) -> dict[str, Parsed]:
    """`name` and every template it extends, includes or imports, each read and parsed
    once (`parsed` may carry them from one call to the next)."""
    assert env.loader is not None
    known = {} if parsed is None else parsed
    closure: dict[str, Parsed] = {}
    stack = [name]
    while stack:
        current = stack.pop()
        if current in closure:
            continue
        if current not in known:
            source, filename, _ = env.loader.get_source(env, current)
            tree = env.parse(source, current, filename)
            found = list(meta.find_referenced_templates(tree))
            children = frozenset(child for child in found if child is not None)
            known[current] = Parsed(source, tree, children, None in found)
        closure[current] = known[current]
        stack.extend(known[current].children)
    return closure


def template_digests(env: jinja2.Environment, names: Iterable[str]) -> dict[str, bytes]:
    """For each template name: a digest of its source and of every template it pulls in."""
    parsed: dict[str, Parsed] = {}
    digests = {}
    for name in names:
        closure = template_closure(env, name, parsed)
        h = _hasher()
        for member in sorted(closure):
            h.update(member.encode() + b"\0" + closure[member].source.encode("utf-8") + b"\0")
        digests[name] = h.digest()
    return digests


def code_digest() -> str:
    """The generator's own code and theme: a change to either invalidates every page."""
    h = _hasher()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".css", ".xml", ".js", ".po", ".pot"):
            h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()


Signer = Callable[[PageView], bytes]
Templates = Mapping[str, bytes]  # a template's name -> the digest of it and all it pulls in


def page_signer(
    pages: Iterable[PageView],
    env: jinja2.Environment,
    config: Config,
    salt: str,
    templates: Templates | None = None,
) -> tuple[Signer | None, Templates, list[ContentError]]:
    """A function giving each page's signature: a digest of all it is made from (see
    `fingerprint`), and the templates' digests it uses. `templates` are the digests of an
    earlier call with this environment (a prose edit under a watcher): not read again.
    None, with the error, when a template cannot even be read."""
    needed = sorted({p.template for p in pages})
    if templates is None or not all(name in templates for name in needed):
        try:
            templates = template_digests(env, needed)
        except Exception as exc:  # a broken or missing template: reported as a render would
            return None, {}, [template_error(exc, "")]
    prints = Fingerprints()
    base = prints.of((salt, config))
    known = templates
    return lambda p: prints.of((base, known[p.template], p.path, p.context)), templates, []
