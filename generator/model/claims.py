"""Claims: who says what about which event, in which story.

In: the articles' `claims:` entries, each article's place in the site, and the actor and
event `Names`. Out: `Claim` records with the actor and event resolved, and an error at
the claim's line for a name the site does not know or that two entities go by.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError
from generator.model.names import Names
from generator.source.parse import ArticleDoc
from generator.source.schema import STANCES


@dataclass(frozen=True, slots=True)
class Claim:
    """Who says what about which event, in which story (an index into Site.articles)."""

    article: int
    by: str  # actor slug
    about: str  # event slug
    stance: str
    text: str


def resolve_claims(
    article_docs: list[ArticleDoc],
    position: Mapping[Path, int],
    names: tuple[Names, Names],
    errors: list[ContentError],
) -> tuple[Claim, ...]:
    """Each `claims:` entry whose actor and event are one of the site's; an unknown or
    ambiguous name is an error at the claim's line."""
    actors, events = names
    claims = []
    for doc in article_docs:
        for claim in doc.claims:
            by = actors.lookup(claim.by.text, (doc.path, claim.by.line))
            about = events.lookup(claim.about.text, (doc.path, claim.about.line))
            for found, name, of_kind in ((by, claim.by, actors), (about, claim.about, events)):
                if len(found) > 1:
                    problem = of_kind.ambiguous(name.text, found)
                    errors.append(ContentError(doc.path, name.line, f"claim: {problem}"))
                elif not found:
                    what = of_kind.what
                    meant = of_kind.suggest(name.text)
                    fix = (
                        f"use the name or slug of one {what}"
                        if meant is None
                        else f'did you mean "{meant.text}" ({meant.path})?'
                    )
                    message = f'claim: "{name.text}" names no {what} of the site; {fix}'
                    errors.append(ContentError(doc.path, name.line, message))
            if len(by) == 1 and len(about) == 1 and claim.stance in STANCES:
                article = position[doc.path]
                claims.append(Claim(article, min(by), min(about), claim.stance, claim.text))
    return tuple(claims)
