"""The evidence for the site's verdicts on claims.

In: the articles' documents, each article's place in the site, and a claim's `evidence:`
as written (stories of the site by slug or path, web addresses). Out: `Evidence`, each a
story of the site (by its place) or a web address; an error at its line for a story the
site does not have (with the nearest slug it has).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError
from generator.slugs import make_slug
from generator.source.claims import SCHEME
from generator.source.parse import ArticleDoc
from generator.source.schema import ClaimDoc, Name


@dataclass(frozen=True, slots=True)
class Evidence:
    """What supports a verdict: a story of the site (`article`, an index into
    Site.articles) or a web page (`url`)."""

    article: int | None = None
    url: str | None = None


def story_slugs(docs: Iterable[ArticleDoc], position: Mapping[Path, int]) -> dict[str, int]:
    """Every name a story answers to, as evidence: its slug, and its former names
    (`redirect_from:`), whose addresses lead to it."""
    found: dict[str, int] = {}
    for doc in docs:
        for old in doc.redirect_from:
            found.setdefault(old.text, position[doc.path])
    for doc in docs:
        found[doc.slug] = position[doc.path]
    return found


def story_slug(text: str) -> str:
    """The slug a story's reference names: `articles/2023/may/strike-ends.md`,
    `content/articles/strike-ends` and `strike-ends` all name `strike-ends`."""
    last = text.strip().strip("/").rsplit("/", 1)[-1]
    return make_slug(last.removesuffix(".md").removesuffix(".html"))


def resolve_evidence(
    path: Path, claim: ClaimDoc, slugs: Mapping[str, int], errors: list[ContentError]
) -> tuple[Evidence, ...]:
    """The claim's evidence; a story the site does not have is an error at its line."""
    found: list[Evidence] = []
    for name in claim.evidence:
        if SCHEME.match(name.text):  # an http(s) address: source.claims refused the rest
            found.append(Evidence(url=name.text))
            continue
        index = slugs.get(story_slug(name.text))
        if index is None:
            errors.append(ContentError(path, name.line, _no_story(name, slugs)))
        elif Evidence(article=index) not in found:
            found.append(Evidence(article=index))
    return tuple(found)


def _no_story(name: Name, slugs: Mapping[str, int]) -> str:
    meant = difflib.get_close_matches(story_slug(name.text), list(slugs), n=1)
    if meant:
        fix = f'did you mean "articles/{meant[0]}"?'
    elif "." in name.text.split("/", 1)[0]:
        fix = f"for a web page write its full address, https://{name.text}"
    else:
        fix = "name a story by its file name without .md, or give a web address"
    return f'claim evidence "{name.text}" names no story of the site; {fix}'
