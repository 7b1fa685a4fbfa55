"""`dossier init`: a new site that builds, with one sample article, actor and event.

Writes a commented site.yaml, content/articles/, content/actors/ and content/events/
with a sample of each (they name each other, so every page family has something to
show), a .gitignore, and with `--ci github` or `--ci gitlab` a workflow that builds the
site and publishes it on GitHub or GitLab Pages. A folder that already has a site.yaml
or a non-empty content/ is refused; any other file already there is kept as it is
(a .gitignore gets the lines it lacks). Files are written as `new` writes them
(`scaffold.write_new_file`): never over a file, never through a link out of the site.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.authoring.scaffold import write_new_file
from generator.errors import UsageError
from generator.slugs import make_slug
from generator.source.config import CONFIG_FILE
from generator.source.discover import SiteFolder
from generator.write.files import replace_file

CI_CHOICES = ("github", "gitlab")

SITE_YAML = """\
# This dossier's settings. Every key is described in dossier's README ("site.yaml").
title: My dossier                       # the site's name, on every page
description: A running story, told article by article, with a page for everyone in it.

# The address the site is published at: feeds, the sitemap and JSON-LD use it.
# Replace it with yours. `dossier build --base-url URL` overrides it for one build
# (a preview deploy); the CI workflow from `dossier init --ci` passes the Pages address.
base_url: https://example.org/          # replace

language: en                            # a language tag: en, fr, pt-BR, ...
# raw_html: false                       # true: articles may hold raw HTML (else escaped)
# link_mentions: true                   # false: names in articles are not linked
"""

ACTOR = "Alex Example"
EVENT = "Example Summit"

ARTICLE = """\
---
title: {title}
date: {date}
actors: [{actor}]
events: [{event}]
source: {{name: Example Wire, url: https://example.org/wire/1}}
tags: [sample]
claims:
  - by: {actor}
    about: {event}
    stance: asserts
    text: Every story in this dossier names its source.
---

{actor} opened the [[{event}]] today. This is a sample article: the front matter
above names the actors and events it is about, and each of them gets a dossier page
that lists this story. Replace it with your first story, or start one with
`dossier new article "A title"`.
"""

ACTOR_TEXT = """\
---
name: {actor}
aliases: [Example]
kind: person
role: Sample spokesperson
---

A sample actor, who spoke at the [[{event}]]. Actors are people, organisations or
others (`kind:`); articles name them by name, alias or file name. Start another with
`dossier new actor "A name"`.
"""

EVENT_TEXT = """\
---
name: {event}
date: {date}
place: Example City
---

A sample event, opened by [[{actor}]]. Its page lists the articles that name it, in
order. Start another with `dossier new event "A name"`.
"""

GITIGNORE = ("output/", ".cache/")

GITHUB = """\
# Build this dossier and publish it on GitHub Pages, on every push to main.
# In the repository's Settings > Pages, set "Source" to "GitHub Actions".
name: dossier

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  # where pip finds dossier: a release, or a git URL (git+https://...)
  DOSSIER: "dossier=={version}"

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - id: pages
        uses: actions/configure-pages@v5
      - uses: actions/cache@v4  # dossier's caches: only what changed is built again
        with:
          path: .cache/dossier/
          key: dossier-${{{{ github.sha }}}}
          restore-keys: dossier-
      - run: pip install "$DOSSIER"
      # --strict: a warning fails the build instead of being published;
      # --base-url: the Pages address, for feeds and the sitemap
      - run: dossier build --strict --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: output/

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

GITLAB = """\
# Build this dossier and publish it on GitLab Pages, on every push to the default branch.
variables:
  # where pip finds dossier: a release, or a git URL (git+https://...)
  DOSSIER: "dossier=={version}"

pages:
  image: python:3.12-slim
  cache:
    key: dossier
    paths:
      - .cache/dossier/  # dossier's caches: only what changed is built again
  script:
    - pip install "$DOSSIER"
    # --strict: a warning fails the build instead of being published;
    # --base-url: the Pages address, for feeds and the sitemap
    - dossier build --strict --base-url "$CI_PAGES_URL" --output public
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"""

CI_FILES = {
    "github": (Path(".github/workflows/dossier.yml"), GITHUB),
    "gitlab": (Path(".gitlab-ci.yml"), GITLAB),
}


@dataclass(frozen=True, slots=True)
class Started:
    """What `init` did: the files it wrote and those it found there and kept."""

    written: tuple[Path, ...]
    kept: tuple[Path, ...]


def init_site(folder: Path, now: dt.datetime, ci: str | None = None) -> Started:
    """Start a site in `folder` (made if missing). UsageError, writing nothing, where a site
    is there already or a link on the way to a file leads out of the site; the sample
    article and event are dated `now`."""
    refuse_site(folder)
    files = _files(now, ci)
    ignore = folder / ".gitignore"
    site = SiteFolder(folder)
    for target in [folder / path for path, _ in files] + [ignore]:
        problem = site.way_problem(target)
        if problem is not None:
            raise UsageError(f"{problem}; nothing written")
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    kept: list[Path] = []
    for path, text in files:
        target = folder / path
        (written if write_new_file(folder, target, text) else kept).append(target)
    done = _gitignore(ignore, ("public/",) if ci == "gitlab" else ())
    if done is not None:
        (written if done else kept).append(ignore)
    for part in ("articles", "actors", "events"):  # the folders, should a sample be kept
        (folder / "content" / part).mkdir(parents=True, exist_ok=True)
    return Started(tuple(written), tuple(kept))


def refuse_site(folder: Path) -> None:
    """UsageError where `folder` is not a place for a new site."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder; choose another place")
    if (folder / CONFIG_FILE).exists() or (folder / CONFIG_FILE).is_symlink():
        raise UsageError(
            f"{folder / CONFIG_FILE} already exists: {folder} is a site already; "
            "nothing written (`dossier new` adds content to it)"
        )
    content = folder / "content"
    if content.exists() and not content.is_dir():
        raise UsageError(f"{content} is a file, not a folder: nothing written")
    if content.is_dir() and any(content.iterdir()):
        raise UsageError(
            f"{content} is not empty: nothing written; run `dossier init` in a new folder, "
            "or write a site.yaml there yourself"
        )


def _files(now: dt.datetime, ci: str | None) -> list[tuple[Path, str]]:
    day = now.date().isoformat()
    title = f"{ACTOR} opens the {EVENT}"
    names = {"actor": ACTOR, "event": EVENT, "date": day}
    article = ARTICLE.format(title=json.dumps(title), **names)
    files = [
        (Path(CONFIG_FILE), SITE_YAML),
        (Path("content/articles") / f"{now:%Y}" / f"{day}-{make_slug(title)}.md", article),
        (Path("content/actors") / f"{make_slug(ACTOR)}.md", ACTOR_TEXT.format(**names)),
        (Path("content/events") / f"{make_slug(EVENT)}.md", EVENT_TEXT.format(**names)),
    ]
    if ci is not None:
        if ci not in CI_FILES:
            raise UsageError(f"--ci {ci}: expected one of {', '.join(CI_CHOICES)}")
        path, text = CI_FILES[ci]
        files.append((path, text.format(version=__version__)))
    return files


def _gitignore(target: Path, more: tuple[str, ...]) -> bool | None:
    """A .gitignore with dossier's lines: True if written, or the lines it lacked added to
    the one there; None if it had them all; False if it is not a plain file (kept)."""
    lines = (*GITIGNORE, *more)
    text = "# what dossier writes: made again from the sources\n" + "\n".join(lines) + "\n"
    if write_new_file(target.parent, target, text):
        return True
    if target.is_symlink() or not target.is_file():
        return False
    old = target.read_text(encoding="utf-8", errors="replace")
    have = {line.strip().strip("/") for line in old.splitlines()}
    missing = [line for line in lines if line.strip("/") not in have]
    if not missing:
        return None
    start = "" if old.endswith("\n") or not old else "\n"
    replace_file(target, (old + start + "\n".join(missing) + "\n").encode("utf-8"))
    return True
