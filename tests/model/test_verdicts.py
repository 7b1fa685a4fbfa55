"""The site's verdicts on claims: `status:` and `evidence:` read, checked and resolved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import Builder
from generator.model.citations import Citation
from generator.model.site import Site
from tests.conftest import MakeSite, SiteRunner
from tests.helpers import FIXTURES, write_files

STORY = "content/articles/2023/claims.md"


def claim(status: str = "", evidence: str = "", text: str = "The harbour is shut.") -> str:
    lines = [
        "  - by: Ada North",
        "    about: Harbour strike",
        "    stance: asserts",
        f"    text: {text}",
    ]
    lines += [f"    status: {status}"] if status else []
    lines += [f"    evidence: {evidence}"] if evidence else []
    return "\n".join(lines) + "\n"


def story(*claims: str) -> str:
    """A story whose claims start on line 7 (the first `- by:`), each four lines and one
    for each of status: and evidence:."""
    return (
        "---\ntitle: Claims\ndate: 2023-05-10\nactors: [Ada North]\nevents: [Harbour strike]\n"
        "claims:\n" + "".join(claims) + "---\n\nText.\n"
    )


@pytest.fixture
def site_with(tmp_path: Path) -> Path:
    """A copy of the `verdicts` fixture site, not built."""
    copy = tmp_path / "site"
    shutil.copytree(FIXTURES / "verdicts", copy)
    return copy


def built(site: Path) -> Site:
    result = Builder(site, site / "output").build()
    assert result.errors == []
    assert result.site is not None
    return result.site


def test_each_verdict_is_accepted_in_any_case_and_none_is_unverified(site_with: Path) -> None:
    claims = [
        claim(status, "[2023-05-09-harbour-reopens]", text=f"Said {n}.")
        for n, status in enumerate(("confirmed", "Disputed", "false", "RETRACTED", "unverified"))
    ]
    write_files(site_with, {STORY: story(*claims, claim(text="Said nothing checked."))})
    site = built(site_with)
    ours = {c.text: c.status for c in site.claims if site.articles[c.article].slug == "claims"}
    assert ours == {
        "Said 0.": "confirmed",
        "Said 1.": "disputed",
        "Said 2.": "false",
        "Said 3.": "retracted",
        "Said 4.": "unverified",
        "Said nothing checked.": "unverified",
    }


def test_evidence_by_slug_path_former_name_or_web_address_is_resolved(site_with: Path) -> None:
    reopens = site_with / "content/articles/2023/2023-05-09-harbour-reopens.md"
    reopens.write_text(
        reopens.read_text(encoding="utf-8").replace("---\n", "---\nredirect_from: [reopened]\n", 1),
        encoding="utf-8",
    )
    evidence = (
        "[2023-05-09-harbour-reopens, articles/2023/2023-05-03-talks-begin.md, reopened, "
        "https://example.org/report]"
    )
    write_files(site_with, {STORY: story(claim("confirmed", evidence))})
    site = built(site_with)
    slugs = [a.slug for a in site.articles]
    [found] = [c for c in site.claims if slugs[c.article] == "claims"]
    assert [slugs[e.article] if e.article is not None else e.url for e in found.evidence] == [
        "2023-05-09-harbour-reopens",  # its former name leads to it too: once
        "2023-05-03-talks-begin",
        "https://example.org/report",
    ]
    assert Citation(url="https://example.org/report") in found.evidence


def test_a_status_that_is_no_verdict_is_an_error_at_its_line(make_site: MakeSite) -> None:
    run = make_site(
        {STORY: story(claim("confimed")), "content/articles/2023/b.md": story(claim("maybe"))},
        fixture="verdicts",
    )
    assert run.code == 1
    allowed = "unverified, confirmed, disputed, false, retracted"
    b = run.site / "content/articles/2023/b.md"
    assert sorted(run.error_lines)[:2] == [
        f'{b}:11: claim "status: maybe" is not one of: {allowed}',
        f'{run.site / STORY}:11: claim "status: confimed" is not one of: {allowed} '
        '(did you mean "confirmed"?)',
    ]


def test_a_story_the_site_does_not_have_is_an_error_with_the_nearest(make_site: MakeSite) -> None:
    evidence = "\n      - 2023-05-09-harbour-reopen\n      - articles/nothing-like-it"
    run = make_site({STORY: story(claim("false", evidence))}, fixture="verdicts")
    assert run.code == 1
    path = run.site / STORY
    reopens = run.site / "content/articles/2023/2023-05-09-harbour-reopens.md"
    assert run.error_lines[:2] == [
        f'{path}:13: claim evidence "2023-05-09-harbour-reopen" names no story of the site; '
        f'did you mean "articles/2023-05-09-harbour-reopens" ({reopens})?',
        f'{path}:14: claim evidence "articles/nothing-like-it" names no story of the site; '
        "name a story by its file name without .md, as articles/2023-05-04-briefing",
    ]


def test_a_draft_named_as_evidence_or_source_is_said_to_be_a_draft(make_site: MakeSite) -> None:
    draft = "---\ntitle: Not yet\ndate: 2023-05-10\ndraft: true\n---\nSoon.\n"
    run = make_site(
        {
            STORY: story(claim("false", "\n      - articles/not-yet")),
            "content/articles/not-yet.md": draft,
        },
        fixture="verdicts",
    )
    assert run.code == 1
    assert run.error_lines == [
        f'{run.site / STORY}:13: claim evidence "articles/not-yet" is a draft, left out of this '
        f"build ({run.site / 'content/articles/not-yet.md'}); publish it (draft: false) or cite "
        "another story"
    ]
    built = make_site(None, "--drafts")  # the same site, with its drafts
    assert built.code == 0, built.err


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "JavaScript:void(0)",
        "file:///etc/passwd",
        "data:text/html,x",
        "ftp://example.org/x",
    ],
)
def test_an_address_that_is_not_http_is_refused(make_site: MakeSite, address: str) -> None:
    run = make_site({STORY: story(claim("false", f'["{address}"]'))}, fixture="verdicts")
    assert run.code == 1
    assert run.error_lines[0] == (
        f'{run.site / STORY}:12: claim evidence "{address}" is not an http:// or https:// '
        "address; link the web page that supports the verdict, or name a story of the site"
    )
    assert not run.output.exists()


def test_a_verdict_without_evidence_is_a_warning_and_under_strict_an_error(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    config = "title: Verdicts\nbase_url: https://example.org/\n"
    run = make_site(
        {"site.yaml": config, STORY: story(claim("false"), claim(text="Unchecked."))},
        fixture="verdicts",
    )
    warning = (
        f'{run.site / STORY}:7: warning: claim marked "status: false" gives no evidence; add '
        "evidence: with the story or web page that shows it, or leave the claim unverified"
    )
    assert run.code == 0, run.err
    checked = run_dossier(run.site, command="check")
    assert checked.code == 0
    warned = [line for line in checked.err.splitlines() if ": warning: " in line]
    assert warned == [warning]  # the unverified claim needs no evidence
    strict = run_dossier(run.site, "--strict")
    assert strict.code == 1
    assert warning in strict.err.splitlines()


def test_evidence_may_be_one_address_and_the_cache_keeps_the_verdict(site_with: Path) -> None:
    write_files(site_with, {STORY: story(claim("disputed", "https://example.org/one"))})
    first = built(site_with)
    talks = site_with / "content/articles/2023/2023-05-03-talks-begin.md"
    talks.write_text(talks.read_text(encoding="utf-8").replace("Talks begin", "Talks start"))
    again = built(site_with)  # a new Builder: the claims' story comes from the cache
    for site in (first, again):
        [found] = [c for c in site.claims if site.articles[c.article].slug == "claims"]
        assert found.status == "disputed"
        assert found.evidence == (Citation(url="https://example.org/one"),)
