"""Atom feeds and sitemap.xml: made only with a base_url, valid, escaped, absolute, linked."""

from __future__ import annotations

import datetime as dt
import http.client
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest

from generator.build import Builder
from generator.dev.serve import LiveState, make_server
from generator.outputs.feeds import FEED_ENTRIES, absolute_url, rfc3339
from generator.pages.paging import Limits
from generator.pages.render import make_env
from generator.pages.views import page_views
from generator.parallel.workers import render_all
from tests.conftest import MakeSite, SiteRunner
from tests.helpers import Run, article, first, snapshot

BASE = "https://example.org/dossier/"
CONFIG = f"title: Harbour & <Docks> dossier\nbase_url: {BASE}\n"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HOSTILE = "<script>alert(1)</script> & co"

FILES: dict[str, str | bytes] = {
    "content/actors/ada.md": "---\nname: Ada North\naliases: [North]\nkind: person\n---\nBio.\n",
    "content/actors/quiet.md": "---\nname: Quiet Person\n---\nNamed by no story.\n",
    "content/events/strike.md": "---\nname: Harbour strike\ndate: 2023-05-02\n---\n",
    "content/articles/old.md": article(
        title='"First warning"', date="2022-11-03", actors="[Ada North]", body="It began."
    ),
    "content/articles/hostile.md": (
        "---\n"
        f'title: "{HOSTILE}"\n'
        "date: 2023-05-02T08:30:00\n"
        "actors: [Ada North, Smith & Jones]\n"
        "events: [Harbour strike]\n"
        'source: {name: "Wire & Co", url: "https://example.org/wire?a=1&b=2"}\n'
        f'summary: "Summary with {HOSTILE}"\n'
        "---\n\nBody.\n"
    ),
    "content/articles/zoned.md": article(
        title='"Strike ends"', date="2023-05-03T18:00:00+02:00", events="[Harbour strike]"
    ),
}


def parse_feed(path: Path) -> Any:
    feed = feedparser.parse(path.read_bytes())
    assert feed.bozo == 0, f"{path}: {feed.get('bozo_exception')}"
    return feed


@pytest.fixture
def built(make_site: MakeSite) -> Run:
    run = make_site(FILES, config=CONFIG)
    assert run.code == 0, run.err
    return run


def test_site_feed_lists_the_newest_stories_first_with_absolute_links(built: Run) -> None:
    feed = parse_feed(built.output / "feed.xml")
    assert feed.version == "atom10"
    assert feed.feed.title == "Harbour & <Docks> dossier"
    assert feed.feed.id == BASE + "feed.xml"
    assert [(link.rel, link.href) for link in feed.feed.links] == [
        ("self", BASE + "feed.xml"),
        ("alternate", BASE + "index.html"),
    ]
    assert feed.feed.updated == "2023-05-03T18:00:00+02:00"  # the newest story
    assert [e.title for e in feed.entries] == ["Strike ends", HOSTILE, "First warning"]
    assert [e.id for e in feed.entries] == [
        BASE + "articles/zoned.html",
        BASE + "articles/hostile.html",
        BASE + "articles/old.html",
    ]
    assert [e.link for e in feed.entries] == [e.id for e in feed.entries]
    for entry in feed.entries:
        assert (built.output / entry.link.removeprefix(BASE)).is_file()


def test_entry_dates_are_rfc3339_with_a_zone(built: Run) -> None:
    feed = parse_feed(built.output / "feed.xml")
    assert [e.updated for e in feed.entries] == [
        "2023-05-03T18:00:00+02:00",  # kept as written
        "2023-05-02T08:30:00Z",  # a date-time without a zone: UTC
        "2022-11-03T00:00:00Z",  # a date alone: midnight UTC
    ]
    assert [e.published for e in feed.entries] == [e.updated for e in feed.entries]


def test_summary_source_and_author(built: Run) -> None:
    feed = parse_feed(built.output / "feed.xml")
    assert feed.feed.author == "Harbour & <Docks> dossier"  # for entries without a source
    entry = feed.entries[1]
    assert entry.summary == f"Summary with {HOSTILE}"
    assert entry.author == "Wire & Co"
    assert ("via", "https://example.org/wire?a=1&b=2") in [(x.rel, x.href) for x in entry.links]
    assert "author" not in feed.entries[0]


def test_titles_are_escaped_in_the_xml(built: Run) -> None:
    for name in ("feed.xml", "actors/ada.xml", "actors/smith-jones.xml", "events/strike.xml"):
        text = (built.output / name).read_text(encoding="utf-8")
        assert "<script" not in text, name
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in text, name
        assert "Wire &amp; Co" in text, name


def test_a_feed_per_actor_and_event_with_only_their_stories(built: Run) -> None:
    ada = parse_feed(built.output / "actors/ada.xml")
    assert ada.feed.title == "Ada North · Harbour & <Docks> dossier"
    assert ada.feed.id == BASE + "actors/ada.xml"
    assert ada.feed.link == BASE + "actors/ada.html"
    assert [e.title for e in ada.entries] == [HOSTILE, "First warning"]
    strike = parse_feed(built.output / "events/strike.xml")
    assert [e.title for e in strike.entries] == ["Strike ends", HOSTILE]
    smith = parse_feed(built.output / "actors/smith-jones.xml")  # known only from a story
    assert smith.feed.title == "Smith & Jones · Harbour & <Docks> dossier"
    assert [e.title for e in smith.entries] == [HOSTILE]


def test_a_feed_with_no_stories_is_still_valid(built: Run) -> None:
    quiet = parse_feed(built.output / "actors/quiet.xml")
    assert quiet.entries == []
    assert quiet.feed.updated == "1970-01-01T00:00:00Z"


def test_pages_link_to_their_feeds(built: Run) -> None:
    def alternates(page: str) -> list[tuple[str, str]]:
        soup = built.page(page)
        links = soup.select('head link[rel="alternate"][type="application/atom+xml"]')
        return [(str(link["title"]), str(link["href"])) for link in links]

    site_feed = ("Harbour & <Docks> dossier", "../feed.xml")
    assert alternates("actors/ada.html") == [
        ("Ada North · Harbour & <Docks> dossier", "../actors/ada.xml"),
        site_feed,
    ]
    assert alternates("events/strike.html") == [
        ("Harbour strike · Harbour & <Docks> dossier", "../events/strike.xml"),
        site_feed,
    ]
    assert alternates("articles/old.html") == [site_feed]
    assert alternates("index.html") == [("Harbour & <Docks> dossier", "feed.xml")]
    for page in ("index.html", "timeline.html", "actors.html", "events.html"):
        assert alternates(page) == [("Harbour & <Docks> dossier", "feed.xml")], page
    for path in built.output.rglob("*.html"):
        page = path.relative_to(built.output).as_posix()
        for _, href in alternates(page):
            assert (path.parent / href).resolve().is_file(), (page, href)


def test_feeds_hold_the_newest_fifty_stories(make_site: MakeSite) -> None:
    start = dt.date(2023, 1, 1)
    files: dict[str, str | bytes] = {
        f"content/articles/s{n:02d}.md": article(
            title=f"Story {n}", date=str(start + dt.timedelta(days=n)), actors="[Ada]"
        )
        for n in range(FEED_ENTRIES + 5)
    }
    run = make_site(files, config=CONFIG)
    assert run.code == 0, run.err
    for name in ("feed.xml", "actors/ada.xml"):
        titles = [e.title for e in parse_feed(run.output / name).entries]
        assert titles == [f"Story {n}" for n in range(FEED_ENTRIES + 4, 4, -1)], name


def test_sitemap_lists_every_html_page(built: Run) -> None:
    tree = ET.parse(built.output / "sitemap.xml")
    assert tree.getroot().tag == f"{SITEMAP_NS}urlset"
    locs = [str(loc.text) for loc in tree.getroot().iter(f"{SITEMAP_NS}loc")]
    assert all(loc.startswith(BASE) for loc in locs)
    pages = sorted(loc.removeprefix(BASE) for loc in locs)
    assert pages == sorted(
        p.relative_to(built.output).as_posix() for p in built.output.rglob("*.html")
    )
    assert len(set(pages)) == len(pages)
    assert "articles/hostile.html" in pages and "actors/smith-jones.html" in pages


def test_past_the_protocols_limit_the_sitemap_is_an_index_of_sitemaps(built: Run) -> None:
    site = Builder(built.site, None).build().site
    assert site is not None
    pages = list(page_views(site, Limits(sitemap_urls=4)))
    html = sorted(page.path for page in pages if page.path.endswith(".html"))
    maps = [page for page in pages if page.template.startswith("sitemap")]
    rendered, errors = render_all(maps, make_env(None), site.config)
    assert errors == []
    xml = {page.path: ET.fromstring(page.html.encode()) for page in rendered}
    index = xml.pop("sitemap.xml")
    assert index.tag == f"{SITEMAP_NS}sitemapindex"
    listed = [str(loc.text).removeprefix(BASE) for loc in index.iter(f"{SITEMAP_NS}loc")]
    assert listed == sorted(xml) == [f"sitemap-{n}.xml" for n in range(1, len(xml) + 1)]
    locs = [str(loc.text) for tree in xml.values() for loc in tree.iter(f"{SITEMAP_NS}loc")]
    assert all(len(list(tree.iter(f"{SITEMAP_NS}url"))) <= 4 for tree in xml.values())
    assert sorted(loc.removeprefix(BASE) for loc in locs) == html


def test_without_base_url_no_feeds_no_sitemap_and_a_warning(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    run = make_site(FILES)  # the default config has no base_url
    assert run.code == 0, run.err
    assert run.out.rstrip().endswith("; 1 warning (dossier check lists it)")
    assert sorted(p.name for p in run.output.rglob("*.xml")) == []
    assert run.page("actors/ada.html").select('link[rel="alternate"]') == []
    checked = run_dossier(run.site, command="check")
    assert checked.code == 0
    assert checked.err.splitlines() == [
        f"{run.site}/site.yaml:1: warning: base_url is not set: feeds and sitemap.xml are left "
        "out; add base_url: https://..."
    ]


def test_setting_base_url_later_adds_feeds_and_links(make_site: MakeSite) -> None:
    make_site(FILES)
    run = make_site({"site.yaml": CONFIG})  # the same site, built again
    assert run.code == 0, run.err
    assert "warning" not in run.out
    assert (run.output / "feed.xml").is_file() and (run.output / "sitemap.xml").is_file()
    assert first(run.page("index.html"), 'link[rel="alternate"]')["href"] == "feed.xml"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (dt.date(2023, 5, 3), "2023-05-03T00:00:00Z"),
        (dt.datetime(2023, 5, 3, 10, 30), "2023-05-03T10:30:00Z"),
        (dt.datetime(2023, 5, 3, 10, 30, 15, 500), "2023-05-03T10:30:15Z"),
        (dt.datetime(2023, 5, 3, 10, 30, tzinfo=dt.UTC), "2023-05-03T10:30:00Z"),
        (
            dt.datetime(2023, 5, 3, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
            "2023-05-03T10:30:00-05:00",
        ),
    ],
)
def test_rfc3339(moment: dt.date, expected: str) -> None:
    assert rfc3339(moment) == expected


@pytest.mark.parametrize(
    ("base", "url", "expected"),
    [
        ("https://example.org/", "feed.xml", "https://example.org/feed.xml"),
        ("https://example.org/d/", "actors/a.html", "https://example.org/d/actors/a.html"),
        ("https://example.org/d", "/index.html", "https://example.org/d/index.html"),
    ],
)
def test_absolute_url(base: str, url: str, expected: str) -> None:
    assert absolute_url(base, url) == expected


@pytest.fixture
def server(built: Run) -> Iterator[int]:
    state = LiveState()
    httpd = make_server(built.output, "127.0.0.1", 0, state)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield httpd.server_address[1]
    state.close()
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/feed.xml", "application/xml"),
        ("/actors/ada.xml", "application/xml"),
        ("/sitemap.xml", "application/xml"),
        ("/search-index.js", "text/javascript"),
    ],
)
def test_serve_gives_feeds_their_type_and_no_reload_script(
    built: Run, server: int, path: str, kind: str
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=5)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    assert response.status == 200
    assert response.getheader("Content-Type") == kind
    assert body == (built.output / path.lstrip("/")).read_bytes()  # nothing injected


def test_incremental_feeds_equal_a_clean_build(
    make_site: MakeSite, run_dossier: SiteRunner, tmp_path: Path
) -> None:
    run = make_site(FILES, config=CONFIG)
    old = run.site / "content/articles/old.md"
    old.write_text(old.read_text().replace("First warning", "First & last warning"))
    (run.site / "content/articles/zoned.md").unlink()
    again = run_dossier(run.site)
    assert again.code == 0, again.err
    clean = run_dossier(run.site, "--output", str(tmp_path / "clean"))
    assert clean.code == 0, clean.err
    assert snapshot(run.output) == snapshot(tmp_path / "clean")
    titles = [e.title for e in parse_feed(run.output / "events/strike.xml").entries]
    assert titles == [HOSTILE]
