"""`dossier new`: start a new article, actor or event file from a small template."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from generator.errors import UsageError
from generator.slugs import make_slug
from generator.source import placeholders
from generator.source.config import CONFIG_FILE, load_config
from generator.source.discover import SiteFolder
from generator.source.parse import ACTOR_KIND_SPELLINGS, ACTOR_KINDS

# Words that make a name an organisation's when `new actor` is given no --kind. One list,
# compared word by word, ignoring case ("Bank of England", "Ministry of Defence", "Acme Ltd.").
ORGANISATION_WORDS = frozenset(
    {
        "agency",
        "association",
        "authority",
        "bank",
        "board",
        "bureau",
        "commission",
        "committee",
        "company",
        "corporation",
        "council",
        "court",
        "department",
        "federation",
        "foundation",
        "group",
        "inc",
        "institute",
        "league",
        "ltd",
        "ministry",
        "office",
        "organisation",
        "organization",
        "parliament",
        "party",
        "service",
        "union",
        "university",
    }
)
_WORD = re.compile(r"\w+")


def guess_kind(name: str) -> str:
    """A new actor's kind: organization for a name with a word like Ministry or Ltd, else
    person."""
    words = {word.lower() for word in _WORD.findall(name)}
    return "organization" if words & ORGANISATION_WORDS else "person"


def actor_kind(given: str | None, name: str) -> str:
    """The kind `new actor` writes: --kind as given (organisation: organization), or a guess."""
    if given is None:
        return guess_kind(name)
    kind = ACTOR_KIND_SPELLINGS.get(given.lower(), given.lower())
    if kind not in ACTOR_KINDS:
        raise UsageError(f"--kind {given}: expected one of {', '.join(ACTOR_KINDS)}")
    return kind


def parse_day(text: str) -> dt.date:
    """`--date 2023-05-04`; UsageError for anything else."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--date {text}: expected a date as YYYY-MM-DD, like 2023-05-04") from None


def new_document(
    site: Path,
    kind: str,
    title: str,
    today: dt.date | None = None,
    *,
    actor: str | None = None,
) -> Path:
    """Write a new source file with its front matter filled in; never overwrite one.
    `today` is the article's or event's date; `actor` the actor's kind (None: a guess)."""
    load_config(site / CONFIG_FILE)  # no site.yaml (or a broken one): ConfigError, exit 2
    day = today or dt.date.today()
    quoted = json.dumps(title, ensure_ascii=False)  # a JSON string is a valid YAML string
    slug = make_slug(title)
    if kind == "article":
        path = site / "content" / "articles" / f"{day:%Y}" / f"{day.isoformat()}-{slug}.md"
        text = (
            f"---\ntitle: {quoted}\ndate: {day.isoformat()}\nactors: []\nevents: []\n"
            f"source: {{name: , url: }}\ndraft: true\n---\n\n{placeholders.ARTICLE}\n"
        )
    elif kind == "actor":
        path = site / "content" / "actors" / f"{slug}.md"
        text = (
            f"---\nname: {quoted}\naliases: []\nkind: {actor_kind(actor, title)}\nrole: \n"
            f"affiliations: []\n---\n\n{placeholders.ACTOR}\n"
        )
    else:
        path = site / "content" / "events" / f"{slug}.md"
        text = (
            f"---\nname: {quoted}\ndate: {day.isoformat()}\nplace: \n---\n\n{placeholders.EVENT}\n"
        )
    if not write_new_file(site, path, text):
        raise UsageError(f"{path} already exists; edit it, or choose another title")
    return path


def write_new_file(site: Path, path: Path, text: str) -> bool:
    """Create `path` inside `site` holding `text`; False, writing nothing, if something is
    there already. UsageError where a link on the way leads out of the site or to nothing:
    writing through it would put the file elsewhere."""
    problem = SiteFolder(site).way_problem(path)
    if problem is not None:
        raise UsageError(str(problem))
    if path.exists() or path.is_symlink():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:  # never over a file
            handle.write(text)
    except FileExistsError:
        return False
    return True
