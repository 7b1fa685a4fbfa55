#!/usr/bin/env python3
"""The plain pipeline floor: the least work any generator must do for this site, in one process.

    python bench/floor.py CORPUS OUT

For every file of a dossier corpus: read it, split the front matter off and load it with
PyYAML (the C loader when there is one), render the body with markdown-it-py (CommonMark
plus tables, as dossier does); then one Jinja render per page and one write per page:
an article page with its actors and events linked, a page per actor and per event with its
description and the list of its articles, and an index. No cache, no checks, no links
inside bodies, no feeds: a reference for what the libraries alone cost.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markdown_it import MarkdownIt
from markupsafe import Markup

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TEMPLATES = {
    "base.html": """<!doctype html>
<html lang="{{ language }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ site_title }}{% endblock %}</title>
</head>
<body>
<header><a href="{{ root }}index.html">{{ site_title }}</a></header>
<main>
{% block main %}{% endblock %}
</main>
</body>
</html>
""",
    "list.html": """<ul>
{% for a in items %}
<li><time datetime="{{ a.date }}">{{ a.date | long }}</time>
<a href="{{ root }}{{ a.url }}">{{ a.title }}</a></li>
{% endfor %}
</ul>
""",
    "index.html": """{% extends "base.html" %}
{% block main %}
<h1>{{ site_title }}</h1>
<h2>Latest stories</h2>
{% with items = latest %}{% include "list.html" %}{% endwith %}
<h2>Actors</h2>
<ul>
{% for t in actors %}<li><a href="{{ t.url }}">{{ t.name }}</a> ({{ t.articles | length }})</li>
{% endfor %}
</ul>
<h2>Events</h2>
<ul>
{% for t in events %}<li><a href="{{ t.url }}">{{ t.name }}</a> ({{ t.articles | length }})</li>
{% endfor %}
</ul>
{% endblock %}
""",
    "article.html": """{% extends "base.html" %}
{% block title %}{{ a.title }} · {{ site_title }}{% endblock %}
{% block main %}
<article>
<h1>{{ a.title }}</h1>
<p><time datetime="{{ a.date }}">{{ a.date | long }}</time>
{% if a.source %} · <a href="{{ a.source.url }}">{{ a.source.name }}</a>{% endif %}</p>
<p>Actors:
{% for t in a.actors %}<a href="{{ root }}{{ t.url }}">{{ t.name }}</a> {% endfor %}</p>
<p>Events:
{% for t in a.events %}<a href="{{ root }}{{ t.url }}">{{ t.name }}</a> {% endfor %}</p>
{{ a.html }}
</article>
{% endblock %}
""",
    "term.html": """{% extends "base.html" %}
{% block title %}{{ t.name }} · {{ site_title }}{% endblock %}
{% block main %}
<h1>{{ t.name }}</h1>
{% if t.meta.kind %}
<p>{{ t.meta.kind }}{% if t.meta.role %}, {{ t.meta.role }}{% endif %}</p>
{% endif %}
{% if t.meta.aliases %}<p>Also known as {{ t.meta.aliases | join(", ") }}</p>{% endif %}
{% if t.meta.place %}
<p><time datetime="{{ t.meta.date }}">{{ t.meta.date | long }}</time> · {{ t.meta.place }}</p>
{% endif %}
{{ t.html }}
<h2>Stories</h2>
{% with items = t.articles %}{% include "list.html" %}{% endwith %}
{% endblock %}
""",
}


@dataclass
class Term:
    name: str
    url: str
    meta: dict[str, Any]
    html: str
    articles: list[Article] = field(default_factory=list)


@dataclass
class Article:
    title: str
    date: Any
    url: str
    source: dict[str, str] | None
    html: str
    actors: list[Term]
    events: list[Term]


def read_doc(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4)
    return yaml.load(text[4:end], Loader=Loader), text[end + 5 :]


def read_terms(folder: Path, plural: str, md: MarkdownIt) -> dict[str, Term]:
    """Name, alias or slug (lower case) -> Term, for every actor or event file."""
    names: dict[str, Term] = {}
    for path in sorted(folder.glob("*.md")):
        front, body = read_doc(path)
        html = Markup(md.render(body))
        term = Term(front["name"], f"{plural}/{path.stem}.html", front, html)
        for name in [path.stem, front["name"], *front.get("aliases", [])]:
            names.setdefault(str(name).lower(), term)
    return names


def unique(terms: dict[str, Term]) -> list[Term]:
    return sorted({id(t): t for t in terms.values()}.values(), key=lambda t: t.name)


def build(corpus: Path, out: Path) -> int:
    """Build the site; return the number of pages written."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    site = yaml.load((corpus / "site.yaml").read_text(encoding="utf-8"), Loader=Loader)
    actors = read_terms(corpus / "content" / "actors", "actors", md)
    events = read_terms(corpus / "content" / "events", "events", md)
    articles = []
    for path in sorted((corpus / "content" / "articles").rglob("*.md")):
        front, body = read_doc(path)
        cast = [actors[str(n).lower()] for n in front.get("actors", [])]
        evs = [events[str(n).lower()] for n in front.get("events", [])]
        url = f"articles/{path.stem}.html"
        html = Markup(md.render(body))
        article = Article(front["title"], front["date"], url, front.get("source"), html, cast, evs)
        articles.append(article)
        for term in cast + evs:
            term.articles.append(article)
    articles.sort(key=lambda a: (a.date, a.url), reverse=True)
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True, trim_blocks=True)
    env.filters["long"] = lambda d: f"{d.day} {d:%B %Y}"
    env.globals.update(site_title=site["title"], language=site.get("language", "en"))
    home = {"latest": articles[:10], "actors": unique(actors), "events": unique(events)}
    pages: list[tuple[str, str, dict[str, Any]]] = [
        ("index.html", "index.html", home | {"root": ""})
    ]
    pages += [(a.url, "article.html", {"a": a, "root": "../"}) for a in articles]
    for term in unique(actors) + unique(events):
        term.articles.sort(key=lambda a: (a.date, a.url), reverse=True)
        pages.append((term.url, "term.html", {"t": term, "root": "../"}))
    for folder in ("articles", "actors", "events"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    for url, template, context in pages:
        page = env.get_template(template).render(context)
        (out / url).write_text(page, encoding="utf-8")
    return len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    count = build(args.corpus, args.out)
    if not args.quiet:
        print(f"floor: {count} pages in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
