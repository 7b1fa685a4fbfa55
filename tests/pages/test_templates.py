"""Site templates override the theme; static/ is copied; template errors point home."""

from __future__ import annotations

import datetime as dt

import jinja2
from markupsafe import Markup, escape

from generator.pages.render import iso_date, make_env, show_date, time_tag
from tests.conftest import MakeSite
from tests.helpers import article, first


def test_site_template_replaces_the_built_in_one(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/articles/a.md": article(title="<Hello>"),
            "templates/article.html": "<p id=mine>{{ article.title }} {{ 'index.html' | rel }}</p>",
        }
    )
    assert run.code == 0, run.err
    html = (run.output / "articles/a.html").read_text(encoding="utf-8")
    assert html == "<p id=mine>&lt;Hello&gt; ../index.html</p>"
    assert first(run.page("index.html"), "h1").get_text() == "Test dossier"  # others untouched


def test_site_template_can_extend_the_theme_version(make_site: MakeSite) -> None:
    plain = make_site({"content/articles/a.md": article()})
    assert plain.code == 0, plain.err
    pages = ("index.html", "articles/a.html", "actors.html")
    theme = {page: plain.page(page) for page in pages}
    base = (
        '{% extends "theme/base.html" %}\n'
        "{% block footer %}<p class=custom>Our own footer</p>{% endblock %}\n"
    )
    run = make_site({"templates/base.html": base})
    assert run.code == 0, run.err
    for page in pages:
        soup = run.page(page)
        assert first(soup, "footer .custom").get_text() == "Our own footer"
        assert first(soup, "footer").get_text(strip=True) == "Our own footer"
        for part in ("header", "main"):  # the rest of the theme is as it was
            assert str(first(soup, part)) == str(first(theme[page], part)), (page, part)


def test_static_files_are_copied_as_they_are(make_site: MakeSite) -> None:
    run = make_site(
        {
            "static/img/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "static/robots.txt": "User-agent: *\n",
        }
    )
    assert run.code == 0, run.err
    assert (run.output / "img/logo.svg").read_text() == "<svg xmlns='http://www.w3.org/2000/svg'/>"
    assert (run.output / "robots.txt").read_text() == "User-agent: *\n"
    assert (run.output / "assets/dossier.css").is_file()


def test_static_file_that_would_replace_a_page_is_an_error(make_site: MakeSite) -> None:
    run = make_site({"static/index.html": "<p>mine</p>"})
    assert run.code == 1
    assert run.error_lines == [
        f"{run.site}/static/index.html:1: static file would overwrite the page index.html; "
        "rename or move it"
    ]


def test_template_syntax_error_names_template_and_line(make_site: MakeSite) -> None:
    run = make_site({"templates/index.html": "<p>\n{% if x %}\n<p>no endif\n"})
    assert run.code == 1
    (line,) = run.error_lines
    assert line.startswith(f"{run.site}/templates/index.html:3: template error: Unexpected end")
    assert "endif" in line
    assert "Traceback" not in run.err


def test_template_runtime_error_names_template_and_line(make_site: MakeSite) -> None:
    run = make_site({"templates/index.html": "<p>\n{{ no_such_thing.title }}\n"})
    assert run.code == 1
    assert run.error_lines == [
        f"{run.site}/templates/index.html:2: template error: 'no_such_thing' is undefined"
    ]


def test_autoescape_is_on_in_site_templates(make_site: MakeSite) -> None:
    run = make_site(
        {"templates/index.html": "{{ site.title }}"}, config='title: "<script>x</script>"\n'
    )
    assert run.code == 0, run.err
    assert (run.output / "index.html").read_text() == "&lt;script&gt;x&lt;/script&gt;"


class _Shown:
    def __html__(self) -> str:
        return "<em>made safe by its owner</em>"


def test_values_are_escaped_exactly_as_stock_jinja_escapes_them() -> None:
    """Templates compile with a cheaper `escape` for the values they write (no `Markup`
    per value): the text must be stock Jinja's, through macros, blocks and filters too."""
    source = (
        "{% macro box(x) %}<b>{{ x }}</b>{% endmacro %}"
        "{% macro frame(x) %}<b>{{ x }}</b>{{ caller() }}{% endmacro %}"
        "{{ text }}|{{ safe }}|{{ shown }}|{{ number }}|{{ nothing }}|{{ text ~ safe }}"
        "{% set kept %}<i>{{ text }}</i>{% endset %}{{ kept }}{{ kept | upper }}"
        "{% filter lower %}{{ text }}{% endfilter %}{{ box(text) }}"
        "{% call frame(safe) %}{{ text }}{% endcall %}{{ [text] | join(safe) }}"
    )
    values = {
        "text": "<a href=\"x\">Tom & 'Jerry'</a>",
        "safe": Markup("<br>"),
        "shown": _Shown(),
        "number": 3.5,
        "nothing": None,
    }
    stock = jinja2.Environment(autoescape=True).from_string(source).render(values)
    ours = make_env(None).from_string(source).render(values)
    assert ours == stock
    assert "&lt;a href=&#34;x&#34;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;" in ours
    assert "escape_text" in make_env(None).compile(source, raw=True)


def test_time_tags_need_no_escaping() -> None:
    """`timetag` writes dates and times unescaped: what they print has nothing to escape."""
    east = dt.timezone(dt.timedelta(hours=3, minutes=30))
    for moment in [dt.date(2023, 5, 3), dt.datetime(2023, 5, 3, 14, 30, 5, 120, tzinfo=east)]:
        shown = f'<time datetime="{escape(iso_date(moment))}">{escape(show_date(moment))}</time>'
        assert str(time_tag(moment)) == shown
