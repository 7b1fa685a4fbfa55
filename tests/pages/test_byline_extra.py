"""Front matter brought from Hugo, Pelican or Jekyll: `author`/`authors` (a byline, and the
authors of feed entries) and `extra` (a free mapping that only templates read)."""

from __future__ import annotations

import os

import feedparser

from generator.build import Builder
from tests.conftest import MakeSite
from tests.helpers import Run, first, texts

BASE = "https://example.org/dossier/"


def story(*lines: str, title: str = "Strike", body: str = "Body text.") -> str:
    return "\n".join(["---", f"title: {title}", "date: 2023-05-03", *lines, "---", body, ""])


def errors(run: Run) -> list[str]:
    prefix = str(run.site) + "/"
    return [line.replace(prefix, "") for line in run.error_lines]


def test_one_author_and_two_make_a_byline(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/articles/one.md": story("author: Jane Reporter", title="One"),
            "content/articles/two.md": story("authors: [Jane Reporter, Sam Writer]", title="Two"),
            "content/articles/three.md": story("authors: [A One, B Two, C Three]", title="Three"),
            "content/articles/none.md": story(title="None"),
        }
    )
    assert run.code == 0, run.err
    assert texts(run.page("articles/one.html"), ".story .byline") == ["By Jane Reporter"]
    assert texts(run.page("articles/two.html"), ".story .byline") == [
        "By Jane Reporter and Sam Writer"
    ]
    assert texts(run.page("articles/three.html"), ".story .byline") == [
        "By A One, B Two and C Three"
    ]
    assert run.page("articles/none.html").select(".byline") == []


def test_the_byline_is_in_the_readers_language(make_site: MakeSite) -> None:
    run = make_site(
        {"content/articles/two.md": story("authors: [Jeanne, Sam <Writer>]")},
        config="title: Dossier\nlanguage: fr\n",
    )
    assert run.code == 0, run.err
    byline = first(run.page("articles/two.html"), ".byline")
    assert byline.get_text() == "Par Jeanne et Sam <Writer>"  # escaped, then read as text
    assert byline.find("writer") is None


def test_author_and_authors_together_are_an_error_at_the_second(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/articles/a.md": story("author: Jane Reporter", "authors: [Sam Writer]"),
            "content/articles/b.md": story('author: "  "'),
            "content/articles/c.md": story("authors: [Jane, '']"),
            "content/articles/d.md": story("author: [Jane, Sam]"),
        }
    )
    assert run.code == 1
    assert errors(run) == [
        'content/articles/a.md:5: "author" and "authors" are both given (line 4); keep one: '
        "authors: [First Name, Other Name] for several",
        'content/articles/b.md:4: "author" is empty; write a name, or remove the line',
        'content/articles/c.md:4: each entry of "authors" must be a name (text)',
        'content/articles/d.md:4: "author" must be a name (text); for several write authors: [...]',
    ]


def test_feed_entries_carry_their_authors(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/articles/two.md": story(
                "authors: [Jane Reporter, Sam Writer]",
                "source: {name: Wire, url: https://example.org/wire/1}",
                title="Two",
            ),
            "content/articles/wire.md": story("source: {name: Wire}", title="Wired"),
        },
        config=f"title: Dossier\nbase_url: {BASE}\n",
    )
    assert run.code == 0, run.err
    feed = feedparser.parse((run.output / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    entries = {entry.title: entry for entry in feed.entries}
    assert [a["name"] for a in entries["Two"].authors] == ["Jane Reporter", "Sam Writer"]
    assert [a["name"] for a in entries["Wired"].authors] == ["Wire"]  # as before: the source


EXTRA_TEMPLATE = (
    '{% extends "theme/article.html" %}\n'
    "{% block main %}<p class=desk>{{ article.extra.desk }}</p>"
    "{% if article.extra.beats is defined %}<p class=beats>{{ article.extra.beats | join('/') }}"
    "</p>{% endif %}{% if 'who' in article.extra %}<p class=nested>"
    "{{ article.extra['who']['editor'] }}</p>{% endif %}{{ super() }}{% endblock %}\n"
)


def test_extra_reaches_the_sites_templates(make_site: MakeSite) -> None:
    run = make_site(
        {
            "templates/article.html": EXTRA_TEMPLATE,
            "templates/actor.html": (
                '{% extends "theme/actor.html" %}\n'
                "{% block main %}<p class=photo>{{ actor.extra.photo }}</p>{% endblock %}\n"
            ),
            "templates/event.html": (
                '{% extends "theme/event.html" %}\n'
                "{% block main %}<p class=json>{{ event.extra | tojson }}</p>{% endblock %}\n"
            ),
            "templates/base.html": (
                '{% extends "theme/base.html" %}\n'
                "{% block footer %}<p class=motto>{{ site.extra.motto }}</p>{% endblock %}\n"
            ),
            "content/actors/ada.md": "---\nname: Ada North\nextra: {photo: ada.jpg}\n---\n",
            "content/events/e.md": (
                "---\nname: Harbour strike\ndate: 2023-05-02\nextra: {n: 2, list: [a, {b: c}]}\n"
                "---\n"
            ),
            "content/articles/a.md": story(
                "actors: [Ada North]",
                "events: [Harbour strike]",
                "extra:",
                "  desk: Europe",
                "  beats: [ports, labour]",
                "  who: {editor: Sam}",
            ),
        },
        config="title: Dossier\nextra: {motto: All the news}\n",
    )
    assert run.code == 0, run.err
    page = run.page("articles/a.html")
    assert texts(page, ".desk") == ["Europe"]
    assert texts(page, ".beats") == ["ports/labour"]
    assert texts(page, ".nested") == ["Sam"]
    assert texts(page, ".motto") == ["All the news"]
    assert texts(run.page("actors/ada.html"), ".photo") == ["ada.jpg"]
    assert texts(run.page("events/e.html"), ".json") == ['{"list":["a",{"b":"c"}],"n":2}']


def test_a_change_to_extra_rebuilds_that_page(make_site: MakeSite) -> None:
    files = {
        "templates/article.html": EXTRA_TEMPLATE,
        "content/articles/a.md": story("extra: {desk: Europe, beats: [ports]}"),
        "content/articles/b.md": story("extra: {desk: Asia}", title="Other"),
    }
    run = make_site(files)
    assert run.code == 0, run.err
    site = run.site
    target = site / "content/articles/a.md"
    then = target.stat().st_mtime_ns
    target.write_text(story("extra: {desk: Europe, beats: [ports, docks]}"), encoding="utf-8")
    if target.stat().st_mtime_ns <= then:  # a save a moment later, on a coarse clock
        os.utime(target, ns=(then + 1_000_000_000, then + 1_000_000_000))
    result = Builder(site, site / "output").build()
    assert result.errors == []
    assert result.written == ["articles/a.html"]
    assert texts(run.page("articles/a.html"), ".beats") == ["ports/docks"]


def test_extra_that_is_not_a_mapping_is_an_error_at_its_line(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/articles/a.md": story("tags: [x]", "extra: 5"),
            "content/actors/ada.md": "---\nname: Ada North\nextra: [a, b]\n---\n",
            "content/events/e.md": "---\nname: E\ndate: 2023-05-02\nextra: text\n---\n",
        }
    )
    assert run.code == 1
    assert errors(run) == [
        'content/actors/ada.md:3: "extra" must be a mapping like {desk: Europe}, not a list',
        'content/articles/a.md:5: "extra" must be a mapping like {desk: Europe}, not a number',
        'content/events/e.md:4: "extra" must be a mapping like {desk: Europe}, not text',
    ]


def test_extra_in_site_yaml_that_is_not_a_mapping_stops_the_build(make_site: MakeSite) -> None:
    run = make_site({}, config="title: Dossier\nextra: [a, b]\n")
    assert run.code == 2
    assert run.err.strip().endswith(
        'site.yaml:2: "extra" must be a mapping like {desk: Europe}, not a list'
    )
