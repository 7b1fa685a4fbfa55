#!/usr/bin/env python3
"""Turn a dossier corpus into a Hugo site: the same Markdown bodies, actors and events as terms.

    python bench/convert_hugo.py CORPUS OUT

CORPUS is a dossier site (site.yaml, content/{articles,actors,events}); OUT receives
hugo.toml (bench/peers/hugo/hugo.toml with the site's title and our theme folder) and
content/ in Hugo's layout:

  * an article becomes content/articles/<file name>.md (page /articles/<file name>.html),
    front matter title, date, actors and events (as term slugs) and params.source;
  * an actor or event file becomes content/{actors,events}/<slug>/_index.md, the content
    of its term page (title = its name, the biography or description as body, its
    other fields as params), so the term page shows it like dossier's dossier pages.

Articles name actors and events by name; the terms are the slugs of their files, so Hugo's
own URL rules never have to agree with dossier's. The bodies are copied byte for byte.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

import yaml
from corpus import Doc, Loader, read_doc, read_terms

PEERS = Path(__file__).resolve().parent / "peers" / "hugo"


def write_doc(path: Path, front: dict[str, Any], body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")


def term_index(folder: Path) -> tuple[dict[str, str], list[Doc]]:
    """Name, alias or slug (lower case) -> slug, and the documents, for actors or events."""
    names: dict[str, str] = {}
    docs = []
    for spellings, (path, front, body) in read_terms(folder):
        for name in spellings:
            names.setdefault(name.lower(), path.stem)
        docs.append((path, front, body))
    return names, docs


def convert(corpus: Path, out: Path) -> int:
    """Write the Hugo site; return the number of articles."""
    if out.exists():
        shutil.rmtree(out)
    content = out / "content"
    terms: dict[str, dict[str, str]] = {}
    for plural in ("actors", "events"):
        names, docs = term_index(corpus / "content" / plural)
        terms[plural] = names
        for path, front, body in docs:
            params = {k: v for k, v in front.items() if k not in ("name", "date")}
            page: dict[str, Any] = {"title": front["name"]}
            if "date" in front:
                page["date"] = front["date"]
            page["params"] = params
            write_doc(content / plural / path.stem / "_index.md", page, body)
    articles = sorted((corpus / "content" / "articles").rglob("*.md"))
    for path in articles:
        front, body = read_doc(path)
        page = {"title": front["title"], "date": front["date"]}
        for plural in ("actors", "events"):
            names = terms[plural]
            page[plural] = [names.get(str(n).lower(), str(n)) for n in front.get(plural, [])]
        if "source" in front:
            page["params"] = {"source": front["source"]}
        write_doc(content / "articles" / path.name, page, body)
    site = yaml.load((corpus / "site.yaml").read_text(encoding="utf-8"), Loader=Loader)
    config = (PEERS / "hugo.toml").read_text(encoding="utf-8")
    head = (
        f"title = {json.dumps(site['title'])}\n"
        f"defaultContentLanguage = {json.dumps(site.get('language', 'en'))}\n"
        f"themesDir = {json.dumps(str(PEERS))}\n"
        'theme = "theme"\n'
    )
    (out / "hugo.toml").write_text(head + config, encoding="utf-8")
    return len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    count = convert(args.corpus, args.out)
    print(f"hugo site with {count} articles in {args.out}")


if __name__ == "__main__":
    main()
