"""Identity that outlives a file: Wikidata ids, and the old addresses of renamed pages.

In: the actor, event and article documents, and the pages the site has. Out: the documents
whose page no other takes (`unique_slugs`), errors for one Wikidata id given to two actors
(or two events), and the `Redirect`s that keep a renamed or merged page's old address
working (`redirect_from:`), with errors for an old address that another page, or another
redirect, already takes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from generator.errors import ContentError
from generator.source.parse import ActorDoc, ArticleDoc, EventDoc
from generator.urls import page_url

D = TypeVar("D", ArticleDoc, ActorDoc, EventDoc)


@dataclass(frozen=True, slots=True)
class Redirect:
    """A page at an old address that sends the reader to the page there now."""

    path: str  # the old address, in output/: `actors/d-peskov.html`
    target: str  # the page it sends to: `actors/dmitry-peskov.html`
    title: str  # that page's title or name


def wikidata_clashes(docs: Iterable[ActorDoc | EventDoc], what: str) -> list[ContentError]:
    """One Wikidata item is one actor (or one event): an id given to two is an error at
    each of them, naming the other."""
    holders: dict[str, list[ActorDoc | EventDoc]] = {}
    for doc in docs:
        if doc.wikidata is not None:
            holders.setdefault(doc.wikidata.text, []).append(doc)
    errors = []
    for qid, same in holders.items():
        for doc in same if len(same) > 1 else ():
            assert doc.wikidata is not None
            others = ", ".join(str(other.path) for other in same if other is not doc)
            message = (
                f'"wikidata: {qid}" is also the id of the {what} in {others}; one item is one '
                f"{what}: merge the files (keep the old one's name with redirect_from:) or "
                "correct the id"
            )
            errors.append(ContentError(doc.path, doc.wikidata.line, message))
    return errors


Titled = tuple[str, ArticleDoc | ActorDoc | EventDoc, str]  # kind, document, title


def redirects(docs: Sequence[Titled], pages: set[str]) -> tuple[list[Redirect], list[ContentError]]:
    """A `Redirect` for each old name in `redirect_from:`; an old address that is a page
    of the site (`pages`), or that two documents claim, is an error at its line."""
    taken: dict[str, Path] = {}
    found: list[Redirect] = []
    errors: list[ContentError] = []
    for kind, doc, title in docs:
        target = page_url(kind, doc.slug)
        for old in doc.redirect_from:
            path = page_url(kind, old.text)
            if path == target:
                problem = "is this page's own name; remove it"
            elif path in pages:
                problem = f"is the address of another page ({path}); remove it or rename that file"
            elif path in taken:
                problem = f"also redirects from {taken[path]}; keep it in one file"
            else:
                taken[path] = doc.path
                found.append(Redirect(path, target, title))
                continue
            errors.append(
                ContentError(doc.path, old.line, f'"redirect_from: {old.text}" {problem}')
            )
    return found, errors


def unique_slugs(docs: Iterable[D], folder: str) -> tuple[list[D], list[ContentError]]:
    """The documents whose slug no earlier one has; an error at each of the others, whose
    page would overwrite another's."""
    seen: dict[str, Path] = {}
    kept: list[D] = []
    errors = []
    for doc in docs:
        if doc.slug in seen:
            message = (
                f"would write {folder}/{doc.slug}.html, as {seen[doc.slug]} does; rename one file"
            )
            errors.append(ContentError(doc.path, 1, message))
        else:
            seen[doc.slug] = doc.path
            kept.append(doc)
    return kept, errors
