"""What bodies say about whom: backlinks with their sentence, broken wiki links, suggestions.

Works on what the Markdown plugins recorded (`Rendered.references`), so nothing here
reads Markdown again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError
from generator.markdown.markup import Rendered
from generator.source.schema import Moment
from generator.when import When


@dataclass(frozen=True, slots=True)
class Backlink:
    """A page that links to or mentions another, with the sentence that does."""

    kind: str  # of the page that links: "article", "actor" or "event"
    slug: str
    title: str
    context: str
    date: Moment | When | None = None  # an article's date-time, an event's date


@dataclass(frozen=True, slots=True)
class Linker:
    """A page whose body may link to others."""

    kind: str
    slug: str
    title: str
    date: Moment | When | None
    rendered: Rendered


def collect_backlinks(sources: Iterable[Linker]) -> dict[tuple[str, str], tuple[Backlink, ...]]:
    """For each (kind, slug): who links to or mentions it, newest story first, once each."""
    found: dict[tuple[str, str], dict[tuple[str, str], Backlink]] = {}
    for source in sources:
        for ref in source.rendered.references:
            if ref.kind is None or ref.slug is None:
                continue
            if (ref.kind, ref.slug) == (source.kind, source.slug):
                continue  # a page mentioning itself
            per_target = found.setdefault((ref.kind, ref.slug), {})
            per_target.setdefault(
                (source.kind, source.slug),
                Backlink(source.kind, source.slug, source.title, ref.context, source.date),
            )
    order = {"article": 0, "actor": 1, "event": 2}
    return {
        target: tuple(
            sorted(links.values(), key=lambda b: (order[b.kind], -_ordinal(b.date), b.title))
        )
        for target, links in found.items()
    }


def _ordinal(date: Moment | When | None) -> float:
    moment = date.first if isinstance(date, When) else date  # an event by its earliest day
    if moment is None:
        return 0.0
    if isinstance(moment, dt.datetime):
        return moment.toordinal() + moment.hour / 24 + moment.minute / 1440
    return float(moment.toordinal())


def broken_wikilinks(
    path: Path,
    body_line: int,
    rendered: Rendered,
    ambiguity: Callable[[str, tuple[Path, int]], str | None],
    suggest: Callable[[str], str | None] = lambda text: None,
) -> list[ContentError]:
    """An error for each wiki link that leads nowhere: `ambiguity` says why a name that
    several entities go by cannot be followed (None: nothing goes by it); `suggest`, what
    a name nothing goes by may have meant ("did you mean ...?")."""
    errors = []
    for ref in rendered.references:
        if not ref.explicit or ref.kind is not None:
            continue
        line = body_line + ref.line
        why = ambiguity(ref.target, (path, line))
        if why is not None:
            why = f"wiki link: {why}"
        elif (meant := suggest(ref.target)) is not None:
            why = f"[[{ref.target}]] links to nothing: {meant}"
        else:
            why = (
                f"[[{ref.target}]] links to nothing: no actor, event or article has that name "
                "or slug; correct it, or write actors/SLUG, events/SLUG or articles/SLUG"
            )
        errors.append(ContentError(path, line, why))
    return errors


def unnamed_mentions(
    path: Path, body_line: int, rendered: Rendered, named: set[str], names: dict[str, str]
) -> list[ContentError]:
    """Suggestions: known actors that the body mentions but the front matter does not name."""
    seen: set[str] = set()
    out = []
    for ref in rendered.references:
        if ref.kind != "actor" or ref.slug is None or ref.slug in named or ref.slug in seen:
            continue
        seen.add(ref.slug)
        name = names.get(ref.slug, ref.target)
        out.append(
            ContentError(
                path,
                body_line + ref.line,
                f'the story mentions "{ref.target}" ({name}) but does not name them; '
                f"add {name} to actors:",
            )
        )
    return out
