"""Hostile or careless input never escapes: escaped HTML, safe links, safe paths, safe output."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.slugs import make_slug
from generator.source.schema import CONTROL, CONTROL_BYTES
from tests.conftest import MakeSite, SiteRunner
from tests.helpers import article, first, write_files

SCRIPT = "<script>alert(1)</script>"


def test_script_in_titles_names_and_body_is_escaped(make_site: MakeSite) -> None:
    files: dict[str, str | bytes] = {
        "content/articles/a.md": article(
            title=f'"{SCRIPT} title"',
            actors=f'["{SCRIPT} actor"]',
            events='["<img src=x onerror=alert(1)>"]',
            body=f"Raw {SCRIPT} and <b onclick='x()'>bold</b>.\n\n<div>block</div>",
        ),
        "content/actors/p.md": f'---\nname: "{SCRIPT} person"\nrole: "<i>r</i>"\n---\n{SCRIPT}\n',
    }
    run = make_site(files)
    assert run.code == 0, run.err
    for path in run.output.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        scripts = BeautifulSoup(html, "html.parser").find_all("script")
        kinds = [s.get("src", "").rsplit("/", 1)[-1] or s.get("type") for s in scripts]
        assert kinds == ["search.js", "application/ld+json"], path
        json_ld = '<script type="application/ld+json">'
        assert "<script" not in html.replace('<script src="', "").replace(json_ld, ""), path
        assert "<img" not in html, path
        handlers = [
            (tag.name, attr)
            for tag in BeautifulSoup(html, "html.parser").find_all(True)
            for attr in tag.attrs
            if attr.startswith("on")
        ]
        assert handlers == [], path
    page = run.page("articles/a.html")
    assert first(page, "h1").get_text() == f"{SCRIPT} title"
    assert "&lt;b onclick=" in (run.output / "articles/a.html").read_text(encoding="utf-8")
    assert "<div>" not in (run.output / "articles/a.html").read_text(encoding="utf-8")


def test_raw_html_passes_only_when_the_site_enables_it(make_site: MakeSite) -> None:
    body = "Some <mark>marked</mark> words.\n\n<div class=box>block</div>"
    run = make_site(
        {"content/articles/a.md": article(body=body)},
        config="title: T\nraw_html: true\n",
    )
    assert run.code == 0, run.err
    page = run.page("articles/a.html")
    assert first(page, ".body mark").get_text() == "marked"
    assert first(page, ".body div.box").get_text() == "block"


@pytest.mark.parametrize(
    "link",
    [
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x](  javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
    ],
)
def test_no_javascript_links(make_site: MakeSite, link: str) -> None:
    run = make_site({"content/articles/a.md": article(body=link)})
    assert run.code == 0, run.err
    hrefs = [str(a.get("href", "")) for a in run.page("articles/a.html").select(".body a")]
    assert not any(h.lower().lstrip().startswith(("javascript", "vbscript", "data")) for h in hrefs)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("../../x", "x"),
        ("..", None),
        ("/etc/passwd", "etc-passwd"),
        ("a/../../b", "a-b"),
        ("Дмитрий Песков", "dmitrii-peskov"),
        ("Володимир Зеленський", "volodimir-zelenskii"),
        ("   ", None),
    ],
)
def test_slugs_are_never_empty_or_paths(text: str, slug: str | None) -> None:
    made = make_slug(text)
    if slug is not None:
        assert made == slug
    assert made and "/" not in made and ".." not in made and "\\" not in made


def test_hostile_names_stay_inside_output(tmp_path: Path, run_dossier: SiteRunner) -> None:
    site = tmp_path / "deep" / "site"
    write_files(
        site,
        {
            "site.yaml": "title: T\n",
            "content/articles/a.md": article(actors='["../../x", "..", "/etc/passwd"]'),
            "content/articles/..md": article(title="dots"),
        },
    )
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    run = run_dossier(site)
    assert run.code == 0, run.err
    new = {p for p in tmp_path.rglob("*") if p.is_file()} - before
    cache = site / ".cache" / "dossier"
    assert new and all(p.is_relative_to(run.output) or p.is_relative_to(cache) for p in new)
    assert (run.output / "actors/x.html").is_file()
    assert (run.output / "actors/etc-passwd.html").is_file()


def test_cyrillic_names_get_readable_ascii_pages(make_site: MakeSite) -> None:
    run = make_site({"content/articles/a.md": article(actors="[Дмитрий Песков]")})
    assert run.code == 0, run.err
    page = run.page("actors/dmitrii-peskov.html")
    assert first(page, "h1").get_text() == "Дмитрий Песков"


def test_failed_build_leaves_previous_output_exactly_as_it_was(make_site: MakeSite) -> None:
    good = make_site({"content/articles/a.md": article(title="Good")})
    assert good.code == 0
    before = {p: p.read_bytes() for p in good.output.rglob("*") if p.is_file()}
    bad = make_site({"content/articles/b.md": article(date="2023-02-30")})
    assert bad.code == 1
    after = {p: p.read_bytes() for p in bad.output.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in good.site.iterdir() if p.name.startswith(".output")] == []


@pytest.mark.parametrize("target", [".", "content", "content/articles", "templates", "..", "/"])
def test_output_pointing_at_sources_is_refused(
    tmp_path: Path, run_dossier: SiteRunner, target: str
) -> None:
    site = tmp_path / "site"
    write_files(site, {"site.yaml": "title: T\n", "content/articles/a.md": article()})
    (site / "templates").mkdir()
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    out = target if target == "/" else str(site / target)
    run = run_dossier(site, "--output", out)
    assert run.code == 2
    assert "refusing to write to" in run.err
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_a_foreign_folder_is_not_replaced(tmp_path: Path, run_dossier: SiteRunner) -> None:
    site = tmp_path / "site"
    write_files(site, {"site.yaml": "title: T\n", "elsewhere/notes.txt": "mine"})
    run = run_dossier(site, "--output", str(site / "elsewhere"))
    assert run.code == 2
    assert "was not written by dossier" in run.err
    assert (site / "elsewhere/notes.txt").read_text() == "mine"


def test_control_characters_never_reach_pages_or_feeds(make_site: MakeSite) -> None:
    text = article(title='"Bell\\x07 title"', body="Start\x01 and escape\x1b in the body.")
    run = make_site(
        {"content/articles/a.md": text}, config="title: T\nbase_url: https://example.org/\n"
    )
    assert run.code == 0, run.err
    for path in run.output.rglob("*"):
        if path.suffix in (".html", ".xml", ".js"):
            data = path.read_text(encoding="utf-8")
            assert not any(ord(c) < 32 and c not in "\t\n\r" for c in data), path
    assert first(run.page("articles/a.html"), "h1").get_text() == "Bell title"


def test_control_bytes_removed_from_files_are_the_control_characters() -> None:
    """Files lose their control characters as bytes (one byte each in UTF-8), other
    text as characters: both must name the same ones."""
    as_chars = bytes(code for code in range(256) if CONTROL.fullmatch(chr(code)))
    assert as_chars == CONTROL_BYTES


def test_bytes_valid_only_without_their_control_bytes_are_still_refused(
    make_site: MakeSite,
) -> None:
    """`\\xc3\\x01\\xa9` is not UTF-8, though `\\xc3\\xa9` ("é") is."""
    text = article(title="Caf\xe9").encode("utf-8").replace(b"\xc3\xa9", b"\xc3\x01\xa9")
    run = make_site({"content/articles/a.md": text})
    assert run.code == 1
    assert "a.md:2: not valid UTF-8 (byte 0xc3)" in run.err
