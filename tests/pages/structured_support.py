"""Reading a built page as search engines do: its JSON-LD (by extruct), expanded by pyld
against the schema.org terms kept in tests/fixtures (no network), and its Open Graph meta."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import extruct
from pyld import jsonld

from tests.helpers import FIXTURES

SCHEMA = "http://schema.org/"
CONTEXT_FILE = FIXTURES / "schema_org_context.jsonld"
CONTEXT = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
TERMS = frozenset(CONTEXT["@context"]) - {"schema"}
CONTEXT_URLS = (
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
)
LOCAL = "http://dossier.invalid/"  # where a site without base_url is taken to be

Node = dict[str, Any]


def offline_loader(url: str, options: object = None) -> dict[str, object]:
    """pyld's document loader: the schema.org context from the file, nothing else."""
    if url not in CONTEXT_URLS:
        raise ValueError(f"no network in tests: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def page_json_ld(output: Path, page: str, base: str = LOCAL) -> list[Node]:
    """The JSON-LD documents of a built page, as extruct finds them."""
    html = (output / page).read_text(encoding="utf-8")
    found = extruct.extract(html, base_url=base + page, syntaxes=["json-ld"], uniform=False)
    return list(found["json-ld"])


def open_graph(output: Path, page: str, base: str = LOCAL) -> dict[str, str]:
    """The page's Open Graph properties (og:, article:), each once, as extruct reads them."""
    html = (output / page).read_text(encoding="utf-8")
    found = extruct.extract(html, base_url=base + page, syntaxes=["opengraph"], uniform=False)
    pairs = [pair for item in found["opengraph"] for pair in item["properties"]]
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys)), f"a property twice in {page}: {keys}"
    return dict(pairs)


def expand(document: Node, page: str, base: str = LOCAL) -> list[Node]:
    """`document` expanded (every term a full schema.org IRI, every @id absolute, against
    the page's own address): what a JSON-LD consumer reads. Every term it uses must be a
    schema.org term of the context file (expansion would drop any other silently)."""
    unknown = sorted(set(keys_of(document)) - TERMS)
    assert not unknown, f"terms no schema.org context defines: {unknown}"
    options = {"base": base + page, "documentLoader": offline_loader}
    expanded: list[Node] = jsonld.expand(document, options)
    for node in nodes_of(expanded):
        for key in node:
            assert key.startswith(("@", SCHEMA)), key
        for kind in node.get("@type", []):
            assert kind.startswith(SCHEMA), f"{kind} is not a schema.org type"
    return expanded


def keys_of(value: object) -> Iterator[str]:
    """Every property and type name a compact JSON-LD document uses."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "@type":
                yield from [item] if isinstance(item, str) else item
            elif not key.startswith("@"):
                yield key
            if key != "@context":
                yield from keys_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from keys_of(item)


def nodes_of(value: object) -> Iterator[Node]:
    """Every node object of an expanded document, at any depth."""
    if isinstance(value, dict):
        if "@value" not in value:
            yield value
        for key, item in value.items():
            if key != "@value":
                yield from nodes_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes_of(item)


def entities(expanded: list[Node]) -> dict[str, Node]:
    """The described nodes (with a type) of an expanded document, by @id."""
    return {n["@id"]: n for n in nodes_of(expanded) if "@id" in n and "@type" in n}


def of_type(expanded: list[Node], kind: str) -> list[Node]:
    return [n for n in nodes_of(expanded) if SCHEMA + kind in n.get("@type", [])]


def values(node: Node, term: str) -> list[Any]:
    """A property's values: plain values as they are, node objects as nodes."""
    return [v.get("@value", v) for v in node.get(SCHEMA + term, [])]


def value(node: Node, term: str) -> Any:
    found = values(node, term)
    assert len(found) == 1, (term, found)
    return found[0]


def references(expanded: list[Node]) -> set[str]:
    """The @id of every node the document names: referred to, or described in place."""
    return {n["@id"] for n in nodes_of(expanded) if "@id" in n}
