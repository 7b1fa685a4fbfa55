"""Where a fact comes from: a story of the site, or a web page.

In: the site's stories (their documents and places in `Site.articles`), the drafts this
build leaves out, and a reference as front matter writes it: a story's file name or path
(`2023-05-05-follow-up`, `articles/2023/2023-05-05-follow-up.md`), a former name of one
(`redirect_from:`), or an http(s) address (the `source` readers refused every other
scheme). Out: a `Citation`, or an error at the reference's line that names the nearest
story. A claim's `evidence:`, a relation's `source:` and the sources of an actor's role
and affiliations are all read so.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError
from generator.slugs import story_slug
from generator.source.parse import ArticleDoc
from generator.source.schema import Name, is_address


@dataclass(frozen=True, slots=True)
class Citation:
    """A story of the site (`article`, an index into `Site.articles`) or a web page (`url`)."""

    article: int | None = None
    url: str | None = None


class Stories:
    """The names a story of this build answers to: its slug and its former names."""

    def __init__(
        self,
        docs: Iterable[ArticleDoc],
        position: Mapping[Path, int],
        drafts: Iterable[ArticleDoc] = (),
    ) -> None:
        built = list(docs)
        self.slugs: dict[str, int] = {}
        for doc in built:
            for old in doc.redirect_from:
                self.slugs.setdefault(old.text, position[doc.path])
        for doc in built:
            self.slugs[doc.slug] = position[doc.path]
        self.paths = {doc.slug: doc.path for doc in built}
        self.drafts = {doc.slug: doc.path for doc in drafts}

    def cite(self, path: Path, ref: Name, what: str, errors: list[ContentError]) -> Citation | None:
        """The story or page `ref` names; a story this build does not have is an error
        at `ref`'s line of `path`, `what` saying what the reference is for."""
        if is_address(ref.text):
            return Citation(url=ref.text.strip())
        slug = story_slug(ref.text)
        index = self.slugs.get(slug)
        if index is not None:
            return Citation(article=index)
        errors.append(ContentError(path, ref.line, self._missing(ref.text, slug, what)))
        return None

    def _missing(self, text: str, slug: str, what: str) -> str:
        if slug in self.drafts:
            return (
                f'{what} "{text}" is a draft, left out of this build ({self.drafts[slug]}); '
                "publish it (draft: false) or cite another story"
            )
        near = difflib.get_close_matches(slug, list(self.paths), n=1, cutoff=0.7)
        if near:
            fix = f'did you mean "articles/{near[0]}" ({self.paths[near[0]]})?'
        elif "." in text.strip().split("/", 1)[0]:
            fix = f"for a web page write its full address, https://{text.strip()}"
        else:
            fix = "name a story by its file name without .md, as articles/2023-05-04-briefing"
        return f'{what} "{text}" names no story of the site; {fix}'
