"""What every data file shares: entity ids, page addresses, dates and plain text.

Ids are derived from slugs (`dossier-actor-dmitry-peskov`), so they stay the same from one
build to the next and from `build` to `export`. A page's address is absolute under the
site's `base_url`, else site-relative (`actors/dmitry-peskov.html`).
"""

from __future__ import annotations

import html
import re

from generator.outputs.feeds import absolute_url
from generator.source.config import Config
from generator.source.schema import Moment
from generator.when import When, iso_date

PREFIX = "dossier"
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def entity_id(kind: str, slug: str) -> str:
    """`dossier-actor-dmitry-peskov`: a FollowTheMoney id, and a GEXF node's id."""
    return f"{PREFIX}-{kind}-{slug}"


def address(config: Config, url: str) -> str:
    """A site-relative URL as the data files give it: under base_url when there is one."""
    return absolute_url(config.base_url, url) if config.base_url else url


def iso(moment: Moment | When | None) -> str:
    """`2023-05-03`, `2023-05-02T08:30:00`, and a date known only to the month or year
    as `2023-05` or `2023` (FollowTheMoney and the CSV files keep that precision); empty
    for no date."""
    return "" if moment is None else iso_date(moment)


def plain_text(markup: object) -> str:
    """Rendered HTML as one line of text: tags dropped, entities decoded, spaces folded."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", str(markup)))).strip()


def joined(values: tuple[str, ...] | list[str]) -> str:
    """Several values in one CSV cell, as the "Open data" page documents them."""
    return "; ".join(values)
