#!/usr/bin/env python3
"""Turn a dossier corpus into a Pelican site: the same Markdown bodies, actors and events as terms.

    python bench/convert_pelican.py CORPUS OUT

CORPUS is a dossier site (site.yaml, content/{articles,actors,events}); OUT receives
pelicanconf.py (bench/peers/pelican/pelicanconf.py plus the site's title and our theme)
and content/ in Pelican's Markdown format (`Key: value` metadata, a blank line, the body):

  * an article becomes content/articles/<file name>.md, slug = file name, so its page is
    articles/<file name>.html; its actors become Pelican *authors* and its events *tags*,
    Pelican's two many-valued taxonomies, each term with a page of its own
    (actors/<slug>.html, events/<slug>.html) listing its articles;
  * an actor or event file becomes a hidden page (content/pages/...), not written on its
    own: the term page finds it by name and shows its biography or description.

The bodies are copied byte for byte.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import yaml
from corpus import Doc, Loader, read_doc, read_terms

PEERS = Path(__file__).resolve().parent / "peers" / "pelican"


def one_line(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(one_line(v) for v in value)
    text = str(value)
    if "\n" in text:
        raise ValueError(f"cannot write {text!r} as one metadata line")
    return text


def write_doc(path: Path, meta: dict[str, object], body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = "".join(f"{key}: {one_line(value)}\n" for key, value in meta.items())
    path.write_text(f"{head}\n{body.lstrip(chr(10))}", encoding="utf-8")


def names_of(folder: Path) -> tuple[dict[str, str], list[Doc]]:
    """Name, alias or slug (lower case) -> name, and the documents, for actors or events."""
    names: dict[str, str] = {}
    docs = []
    for spellings, (path, front, body) in read_terms(folder):
        for name in spellings:
            names.setdefault(name.lower(), front["name"])
        docs.append((path, front, body))
    return names, docs


def convert(corpus: Path, out: Path) -> int:
    """Write the Pelican site; return the number of articles."""
    if out.exists():
        shutil.rmtree(out)
    content = out / "content"
    names: dict[str, dict[str, str]] = {}
    for plural, term in (("actors", "actor"), ("events", "event")):
        names[plural], docs = names_of(corpus / "content" / plural)
        for path, front, body in docs:
            meta: dict[str, object] = {
                "Title": front["name"],
                "Slug": f"{term}-{path.stem}",
                "Status": "hidden",
                "Term": term,
            }
            meta |= {k.capitalize(): v for k, v in front.items() if k != "name" and v}
            write_doc(content / "pages" / plural / path.name, meta, body)
    articles = sorted((corpus / "content" / "articles").rglob("*.md"))
    for path in articles:
        front, body = read_doc(path)
        meta = {"Title": front["title"], "Date": front["date"], "Slug": path.stem}
        for plural, key in (("actors", "Authors"), ("events", "Tags")):
            given = [names[plural].get(str(n).lower(), str(n)) for n in front.get(plural, [])]
            for name in given:
                if "," in name:  # Pelican splits these lists at commas
                    raise ValueError(f"{path}: {name!r} has a comma")
            if given:
                meta[key] = given
        if "source" in front:
            meta["Source"] = front["source"]["name"]
            meta["Sourceurl"] = front["source"]["url"]
        write_doc(content / "articles" / path.name, meta, body)
    site = yaml.load((corpus / "site.yaml").read_text(encoding="utf-8"), Loader=Loader)
    settings = (PEERS / "pelicanconf.py").read_text(encoding="utf-8")
    settings += (
        "\n# Added by bench/convert_pelican.py\n"
        f"SITENAME = {site['title']!r}\n"
        f"DEFAULT_LANG = {site.get('language', 'en')!r}\n"
        f"THEME = {str(PEERS / 'theme')!r}\n"
    )
    (out / "pelicanconf.py").write_text(settings, encoding="utf-8")
    return len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    count = convert(args.corpus, args.out)
    print(f"pelican site with {count} articles in {args.out}")


if __name__ == "__main__":
    main()
