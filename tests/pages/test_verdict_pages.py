"""The site's verdicts on the pages: badges, legend, groups by verdict, an actor's tally,
the evidence under each claim, and the story's source beside each claim and quote."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import MakeSite, SiteRunner
from tests.helpers import Run, assert_rebuilds_as_a_clean_build, first, parse_html, texts

EVENT = "events/harbour-strike.html"
ADA = "actors/ada-north.html"
BEN = "actors/ben-south.html"
GAZETTE = "https://example.org/gazette/strike-called"
SNAPSHOT = "https://web.archive.org/web/20230501120000/" + GAZETTE


@pytest.fixture
def run(make_site: MakeSite) -> Run:
    built = make_site(fixture="verdicts")
    assert built.code == 0, built.err
    return built


def row_of(page: BeautifulSoup, text: str) -> Tag:
    for row in page.select(".claims tbody tr:not(.group-head)"):
        if text in row.get_text():
            return row
    raise AssertionError(f"no claim row holds {text!r}")


def test_every_verdict_has_its_badge_with_its_word_and_a_mark(run: Run) -> None:
    page = run.page(EVENT)
    badges = {
        row_of(page, text).select_one(".verdict")["class"][1]: texts(row_of(page, text), ".verdict")
        for text in ("offered talks", "turned away", "for a month", "Half the ships", "not serious")
    }
    assert badges == {
        "verdict-confirmed": ["✓ Confirmed"],
        "verdict-disputed": ["⇄ Disputed"],
        "verdict-false": ["✗ False"],
        "verdict-retracted": ["↺ Retracted"],
        "verdict-unverified": ["? Unverified"],
    }
    for mark in page.select(".claims td .verdict-mark"):
        assert mark["aria-hidden"] == "true"  # the word is what is read out


def test_the_legend_explains_each_verdict(run: Run) -> None:
    for path in (EVENT, ADA):
        legend = first(run.page(path), ".claims details.verdict-legend")
        assert texts(legend, "summary") == ["What the verdicts mean"]
        assert texts(legend, "dt") == [
            "✓ Confirmed",
            "⇄ Disputed",
            "✗ False",
            "↺ Retracted",
            "? Unverified",
        ]
        assert all(text for text in texts(legend, "dd"))


def test_an_events_claims_are_grouped_by_verdict_in_a_fixed_order(run: Run) -> None:
    page = run.page(EVENT)
    groups = page.select(".claims tbody.verdict-group")
    heads = [texts(group, ".group-head .verdict") for group in groups]
    assert heads == [
        ["✓ Confirmed"],
        ["⇄ Disputed"],
        ["✗ False"],
        ["↺ Retracted"],
        ["? Unverified"],
    ]
    for group in groups:  # every claim under the heading of its verdict
        status = group["id"].removeprefix("verdict-")
        rows = group.select("tr:not(.group-head)")
        assert rows and all(
            f"verdict-{status}" in row.select_one(".verdict")["class"] for row in rows
        )
    assert first(groups[0], ".group-head th")["scope"] == "rowgroup"


def test_an_actors_page_counts_the_verdicts_on_their_claims(run: Run) -> None:
    assert texts(run.page(ADA), ".verdict-tally") == [
        "Of 3 claims: 1 false, 1 retracted, 1 unverified"
    ]
    assert texts(run.page(BEN), ".verdict-tally") == ["Of 2 claims: 1 confirmed, 1 disputed"]
    assert not run.page(EVENT).select(".verdict-tally")


def test_the_tally_is_in_the_readers_language_with_its_plural_forms(
    run: Run, run_dossier: SiteRunner
) -> None:
    (run.site / "site.yaml").write_text("title: Harbour\nlanguage: ru\n", encoding="utf-8")
    again = run_dossier(run.site)
    assert again.code == 0, again.err
    assert texts(again.page(ADA), ".verdict-tally") == [
        "Из 3 утверждений: 1 ложное, 1 отозванное, 1 непроверенное"
    ]
    assert texts(again.page(BEN), ".verdict-tally") == [
        "Из 2 утверждений: 1 подтверждённое, 1 спорное"
    ]
    assert "Ложное" in texts(again.page(ADA), ".claims td .verdict")[-1]


def test_evidence_links_lead_to_the_story_or_name_the_web_pages_domain(run: Run) -> None:
    page = run.page(EVENT)
    confirmed = first(row_of(page, "offered talks"), ".evidence")
    assert " ".join(confirmed.get_text().split()) == (
        "Evidence: Talks begin at the ministry · example.org"
    )
    links = [(a["href"], a.get_text()) for a in confirmed.select("a")]
    assert links == [
        ("../articles/2023-05-03-talks-begin.html", "Talks begin at the ministry"),
        ("https://www.example.org/ministry/talks-offered", "example.org"),
    ]
    for path in (EVENT, ADA, BEN):
        for link in run.page(path).select(".claims .evidence a"):
            href = str(link["href"])
            if urlsplit(href).scheme:
                assert urlsplit(href).scheme == "https"
            else:  # a story of the site: a file in output/, from the page's folder
                assert (run.output / Path(path).parent / href).resolve().is_file(), href
    assert not row_of(page, "not serious").select(".evidence")  # none given, none shown


def test_the_storys_source_stands_beside_each_claim_and_quote(run: Run) -> None:
    page = run.page(ADA)
    source = first(row_of(page, "for a month"), ".story-source")
    assert " ".join(source.get_text().split()) == "Source: Harbour Gazette (archived copy)"
    original, archived = source.select("a")
    assert (original["href"], original["data-versionurl"]) == (GAZETTE, SNAPSHOT)
    assert archived["href"] == SNAPSHOT and archived["data-originalurl"] == GAZETTE
    talks = first(row_of(page, "Half the ships"), ".story-source")
    assert [a["href"] for a in talks.select("a")] == ["https://example.org/ministry/talks"]
    assert not talks.select(".archived")
    caption = first(page, ".quotes figcaption")
    assert "in Dockers call a strike" in " ".join(caption.get_text().split())
    assert [a["href"] for a in caption.select(".story-source a")] == [GAZETTE, SNAPSHOT]
    event = run.page(EVENT)
    assert texts(row_of(event, "turned away"), ".story-source")[0].startswith(
        "Source: Harbour Gazette"
    )


def test_a_story_without_a_source_shows_none_and_the_article_page_keeps_robust_links(
    make_site: MakeSite,
) -> None:
    files = {
        "content/articles/2023/2023-05-09-harbour-reopens.md": (
            "---\ntitle: Reopened\ndate: 2023-05-09\nactors: [Ada North]\n"
            "events: [Harbour strike]\nclaims:\n  - by: Ada North\n    about: Harbour strike\n"
            "    stance: asserts\n    text: All is calm.\n---\n\nText.\n"
        )
    }
    built = make_site(files, fixture="verdicts")
    assert built.code == 0, built.err
    assert not row_of(built.page(ADA), "All is calm").select(".story-source")
    meta = first(built.page("articles/2023-05-01-strike-called.html"), ".story .meta")
    assert [a["href"] for a in meta.select("a")] == [GAZETTE, SNAPSHOT]
    assert first(meta, "a")["data-versiondate"] == "2023-05-01"


def test_a_site_without_claims_shows_no_legend(make_site: MakeSite) -> None:
    built = make_site(fixture="small")
    for page in built.output.glob("*/*.html"):
        assert not parse_html(page).select(".verdict-legend, .verdict-tally"), page


def test_a_changed_verdict_or_evidence_title_rebuilds_as_a_clean_build_would(run: Run) -> None:
    called = run.site / "content/articles/2023/2023-05-01-strike-called.md"
    called.write_text(
        called.read_text(encoding="utf-8").replace("status: disputed", "status: retracted"),
        encoding="utf-8",
    )
    reopens = run.site / "content/articles/2023/2023-05-09-harbour-reopens.md"
    reopens.write_text(
        reopens.read_text(encoding="utf-8").replace("after nine days", "after nine quiet days"),
        encoding="utf-8",
    )
    assert_rebuilds_as_a_clean_build(run.site)  # with the first build's cache and output/
    row = row_of(run.page(BEN), "turned away")
    assert texts(row, ".verdict") == ["↺ Retracted"]
    assert "The harbour reopens after nine quiet days" in texts(run.page(ADA), ".evidence")[0]
    assert texts(run.page(BEN), ".verdict-tally") == ["Of 2 claims: 1 confirmed, 1 retracted"]
