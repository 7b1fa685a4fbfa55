"""`updates:` on articles: the correction notice and the list on the story's page, the
modified time, the mark on cards, corrections.html and corrections.xml, and each mistake
reported at its line."""

from __future__ import annotations

import feedparser
from bs4 import BeautifulSoup

from generator.build import Builder
from generator.pages.paging import Limits
from generator.pages.render import make_env
from generator.pages.views import page_views
from generator.parallel.workers import render_all
from tests.conftest import MakeSite
from tests.helpers import Run, article, assert_rebuilds_as_a_clean_build, first, parse_html, texts

BASE = "https://example.org/dossier/"

CORRECTED = """\
---
title: Spokesman speaks
date: 2023-05-04
updates:
  - {date: 2023-05-05, kind: correction, text: "An earlier version misnamed the spokesman."}
  - {date: 2023-05-06, kind: clarification, text: "The briefing was by video & phone."}
  - {date: 2023-05-07T09:30, kind: update, text: "Adds the ministry's reply."}
---
Body.
"""

FIXED = """\
---
title: Figures fixed
date: 2023-05-01
updates:
  - {date: 2023-05-06, kind: correction, text: "The toll was 12, not 21."}
---
Body.
"""


def build(make_site: MakeSite, config: str = "title: Test dossier\n") -> Run:
    run = make_site(
        {
            "site.yaml": config,
            "content/articles/corrected.md": CORRECTED,
            "content/articles/fixed.md": FIXED,
            "content/articles/plain.md": article(title="Plain", date="2023-05-02"),
        }
    )
    assert run.code == 0, run.err
    return run


def test_a_correction_is_noticed_at_the_top_and_every_update_listed_at_the_end(
    make_site: MakeSite,
) -> None:
    page = build(make_site).page("articles/corrected.html")
    assert texts(page, ".corrections-notice p") == [
        "Correction, 5 May 2023: An earlier version misnamed the spokesman."
    ]
    assert first(page, ".corrections-notice a")["href"] == "#update-1"
    notice = first(page, ".corrections-notice")
    assert notice.find_next("div", class_="body") is not None  # above the story
    assert first(page, ".updates h2").get_text() == "Corrections and updates"
    items = page.select(".updates li")
    assert [li["id"] for li in items] == ["update-1", "update-2", "update-3"]
    assert [" ".join(li.get_text().split()) for li in items] == [
        "Correction, 5 May 2023: An earlier version misnamed the spokesman.",
        "Clarification, 6 May 2023: The briefing was by video & phone.",
        "Update, 7 May 2023, 09:30: Adds the ministry's reply.",
    ]
    meta = first(page, 'meta[property="article:modified_time"]')
    assert meta["content"] == "2023-05-07T09:30:00"


def test_a_story_without_updates_has_no_notice_list_or_modified_time(
    make_site: MakeSite,
) -> None:
    page = build(make_site).page("articles/plain.html")
    assert page.select(".corrections-notice, .updates") == []
    assert page.select('meta[property="article:modified_time"]') == []


def test_cards_and_timelines_mark_updated_and_corrected_stories(make_site: MakeSite) -> None:
    run = build(make_site)
    home = run.page("index.html")
    assert texts(home, ".card .updated") == ["Updated 7 May 2023, 09:30", "Corrected 6 May 2023"]
    timeline = run.page("timeline.html")
    assert texts(timeline, ".stories .updated") == [
        "Updated 7 May 2023, 09:30",
        "Corrected 6 May 2023",
    ]
    assert len(timeline.select(".stories li")) == 3


def test_corrections_page_lists_every_update_newest_first(make_site: MakeSite) -> None:
    page = build(make_site).page("corrections.html")
    rows = page.select("ol.corrections li")
    assert [" ".join(li.get_text().split()) for li in rows] == [
        "7 May 2023, 09:30 Update Spokesman speaks: Adds the ministry's reply.",
        # of one date, the later story's first
        "6 May 2023 Clarification Spokesman speaks: The briefing was by video & phone.",
        "6 May 2023 Correction Figures fixed: The toll was 12, not 21.",
        "5 May 2023 Correction Spokesman speaks: An earlier version misnamed the spokesman.",
    ]
    assert [li.a["href"] for li in rows] == [
        "articles/corrected.html#update-3",
        "articles/corrected.html#update-2",
        "articles/fixed.html#update-1",
        "articles/corrected.html#update-1",
    ]


def test_every_page_links_to_the_corrections_page_from_its_footer(make_site: MakeSite) -> None:
    run = build(make_site)
    for path, href in [
        ("index.html", "corrections.html"),
        ("articles/plain.html", "../corrections.html"),
        ("actors.html", "corrections.html"),
        ("corrections.html", "corrections.html"),
    ]:
        link = first(run.page(path), "footer.colophon a")
        assert (link["href"], link.get_text()) == (href, "Corrections")


def test_a_site_without_updates_still_has_its_corrections_page(make_site: MakeSite) -> None:
    run = make_site({"content/articles/plain.md": article(title="Plain")})
    assert run.code == 0, run.err
    page = run.page("corrections.html")
    assert texts(page, "p.empty") == ["No corrections or updates yet."]
    assert not (run.output / "corrections.xml").exists()


def test_corrections_feed_is_valid_atom_newest_first(make_site: MakeSite) -> None:
    run = build(make_site, f"title: Test dossier\nbase_url: {BASE}\n")
    feed = feedparser.parse((run.output / "corrections.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Corrections · Test dossier"
    assert feed.feed.link == BASE + "corrections.html"
    assert [e.title for e in feed.entries] == [
        "Update: Spokesman speaks",
        "Clarification: Spokesman speaks",
        "Correction: Figures fixed",
        "Correction: Spokesman speaks",
    ]
    assert [e.id for e in feed.entries][:2] == [
        BASE + "articles/corrected.html#update-3",
        BASE + "articles/corrected.html#update-2",
    ]
    assert feed.entries[1].summary == "The briefing was by video & phone."
    assert feed.entries[0].updated == "2023-05-07T09:30:00Z"
    assert len({e.id for e in feed.entries}) == 4


def test_each_mistake_in_updates_is_reported_at_its_line(make_site: MakeSite) -> None:
    text = """\
---
title: Bad updates
date: 2023-05-04
updates:
  - {date: 2023-05-05, kind: retraction, text: "Withdrawn."}
  - {date: 2023-02-30, kind: update, text: "More."}
  - {date: 2023-05-06, kind: correction, text: "  "}
  - {date: 2023-05-01, kind: correction, text: "Before the story."}
  - {date: 2023-05-02, kind: update, text: "Also before."}
  - {date: 2023-05-06, kind: update}
---
Body.
"""
    run = make_site({"content/articles/bad.md": text})
    assert run.code == 1
    prefix = str(run.site) + "/"
    assert [line.replace(prefix, "") for line in run.error_lines] == [
        'content/articles/bad.md:5: update "kind: retraction" is not one of: '
        "correction, update, clarification",
        'content/articles/bad.md:6: update "date: 2023-02-30" is not a valid date '
        "(day is out of range for month); use YYYY-MM-DD",
        "content/articles/bad.md:7: update text is empty; say what was corrected or changed",
        "content/articles/bad.md:8: correction dated 2023-05-01 is before the article's date "
        "(2023-05-04); fix either date",
        "content/articles/bad.md:9: update dated 2023-05-02 is before the article's date "
        "(2023-05-04); fix either date",
        "content/articles/bad.md:10: each update needs exactly: date, kind, text",
    ]


def test_updates_that_are_not_a_list_are_reported(make_site: MakeSite) -> None:
    text = "---\ntitle: T\ndate: 2023-05-04\nupdates: corrected\n---\nBody.\n"
    run = make_site({"content/articles/bad.md": text})
    assert run.code == 1
    prefix = str(run.site) + "/"
    assert [line.replace(prefix, "") for line in run.error_lines] == [
        'content/articles/bad.md:4: "updates" must be a list of {date, kind, text} entries'
    ]


def test_updates_speak_the_site_language(make_site: MakeSite) -> None:
    run = build(make_site, "title: Test dossier\nlanguage: fr\n")
    page = run.page("articles/corrected.html")
    assert texts(page, ".corrections-notice p") == [
        "Correction, 5 mai 2023 : An earlier version misnamed the spokesman."
    ]
    assert first(page, ".updates h2").get_text() == "Corrections et mises à jour"
    assert texts(run.page("index.html"), ".card .updated")[1] == "Corrigé le 6 mai 2023"
    assert first(page, "footer.colophon a").get_text() == "Corrections"


def test_adding_an_update_rebuilds_as_a_clean_build_would(make_site: MakeSite) -> None:
    run = build(make_site)
    plain = run.site / "content/articles/plain.md"
    text = plain.read_text(encoding="utf-8").replace(
        "date: 2023-05-02\n",
        'date: 2023-05-02\nupdates: [{date: 2023-05-08, kind: correction, text: "Fixed."}]\n',
    )
    plain.write_text(text, encoding="utf-8")
    assert_rebuilds_as_a_clean_build(run.site)  # with the first build's cache and output/
    assert "Corrected 8 May 2023" in texts(run.page("index.html"), ".card .updated")


def test_a_long_corrections_page_is_split_by_year_newest_first(make_site: MakeSite) -> None:
    older = article(title="Older story", date="2022-03-01").replace(
        "---\n", '---\nupdates: [{date: 2022-03-02, kind: update, text: "Adds a reply."}]\n', 1
    )
    run = build(make_site)
    (run.site / "content/articles/older.md").write_text(older, encoding="utf-8")
    built = Builder(run.site, run.output).build()  # the default limit: one page holds all
    assert built.errors == []
    assert len(parse_html(run.output / "corrections.html").select("ol.corrections li")) == 5

    site = built.site
    assert site is not None
    pages = {p.path: p for p in page_views(site, Limits(index_entries=2))}
    rendered, errors = render_all(
        [pages["corrections.html"], pages["corrections.2022.html"]], make_env(None), site.config
    )
    assert errors == []
    newest, oldest = (BeautifulSoup(page.html, "html.parser") for page in rendered)
    # 2023 holds four entries, over the limit of two: slices of it, newest first
    assert texts(newest, "nav.parts a") == ["2023 (1/2)", "2023 (2/2)", "2022"]
    assert len(newest.select("ol.corrections li")) == 2
    assert "Spokesman speaks" in texts(newest, "ol.corrections li")[0]
    assert [" ".join(t.split()) for t in texts(oldest, "ol.corrections li")] == [
        "2 March 2022 Update Older story: Adds a reply."
    ]
    assert "2022" in texts(oldest, "title")[0]
    assert "corrections.2023-2.html" in pages


def test_the_corrections_page_points_feed_readers_at_its_feed(make_site: MakeSite) -> None:
    run = build(make_site, f"title: Test dossier\nbase_url: {BASE}\n")
    links = run.page("corrections.html").select('link[rel=alternate][type="application/atom+xml"]')
    assert [link["href"] for link in links] == ["corrections.xml", "feed.xml"]
    assert links[0]["title"] == "Corrections · Test dossier"
    assert (run.output / "corrections.xml").is_file()
    # other pages name only the site's feed; without base_url, no feed at all
    others = run.page("index.html").select("link[rel=alternate]")
    assert [link["href"] for link in others] == ["feed.xml"]
    plain = build(make_site).page("corrections.html")
    assert plain.select("link[rel=alternate]") == []
