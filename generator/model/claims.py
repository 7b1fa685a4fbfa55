"""Claims: who says what about which event, in which story.

In: the articles' `claims:` entries, each article's place in the site, and the actor and
event `Names`. Out: `Claim` records with the actor and event resolved, and the site's
verdict with its evidence (see `model.citations`); an error at the claim's line for a name
the site does not know or that two entities go by; a warning for a claim given a verdict
with no evidence for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError
from generator.model.citations import Citation, Stories
from generator.model.names import Names
from generator.source.claims import UNVERIFIED
from generator.source.parse import ArticleDoc
from generator.source.schema import STANCES, Name


@dataclass(frozen=True, slots=True)
class Claim:
    """Who says what about which event, in which story (an index into Site.articles)."""

    article: int
    by: str  # actor slug
    about: str  # event slug
    stance: str
    text: str
    status: str = "unverified"  # the site's verdict: see source.claims.VERDICTS
    evidence: tuple[Citation, ...] = ()


def resolve_claims(
    article_docs: list[ArticleDoc],
    position: Mapping[Path, int],
    names: tuple[Names, Names],
    stories: Stories,
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
            evidence = _evidence(doc.path, claim.evidence, stories, errors)
            if len(by) == 1 and len(about) == 1 and claim.stance in STANCES:
                article, stance, text = position[doc.path], claim.stance, claim.text
                claims.append(
                    Claim(article, min(by), min(about), stance, text, claim.status, evidence)
                )
    return tuple(claims)


def _evidence(
    path: Path, written: Iterable[Name], stories: Stories, errors: list[ContentError]
) -> tuple[Citation, ...]:
    """A claim's evidence, each story or page once; a story the site does not have is an
    error at its line."""
    found: list[Citation] = []
    for name in written:
        cited = stories.cite(path, name, "claim evidence", errors)
        if cited is not None and cited not in found:
            found.append(cited)
    return tuple(found)


def unsupported_verdicts(docs: Iterable[ArticleDoc]) -> list[ContentError]:
    """A warning at each claim given a verdict (confirmed, disputed, false, retracted) and
    no evidence for it."""
    return [
        ContentError(
            doc.path,
            claim.line,
            f'claim marked "status: {claim.status}" gives no evidence; add evidence: with '
            "the story or web page that shows it, or leave the claim unverified",
        )
        for doc in docs
        for claim in doc.claims
        if claim.status != UNVERIFIED and not claim.evidence
    ]
