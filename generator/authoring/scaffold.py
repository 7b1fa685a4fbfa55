"""`dossier new`: start a new article, actor or event file from a small template."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator.errors import UsageError
from generator.slugs import make_slug
from generator.source import placeholders
from generator.source.discover import SiteFolder


def new_document(site: Path, kind: str, title: str, today: dt.date | None = None) -> Path:
    """Write a new source file with its front matter filled in; never overwrite one."""
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
            f"---\nname: {quoted}\naliases: []\nkind: person\nrole: \naffiliations: []\n---\n\n"
            f"{placeholders.ACTOR}\n"
        )
    else:
        path = site / "content" / "events" / f"{slug}.md"
        text = (
            f"---\nname: {quoted}\ndate: {day.isoformat()}\nplace: \n---\n\n{placeholders.EVENT}\n"
        )
    problem = SiteFolder(site).way_problem(path)
    if problem is not None:  # writing through it would put the file outside the site
        raise UsageError(str(problem))
    if path.exists() or path.is_symlink():
        raise UsageError(f"{path} already exists; edit it, or choose another title")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path
