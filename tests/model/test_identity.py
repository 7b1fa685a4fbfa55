"""Identity that outlives a file: Wikidata ids, and old addresses kept by redirect_from."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import MakeSite, SiteRunner
from tests.helpers import article, first, snapshot

BEN = "content/actors/ben-south.md"


def actor(name: str, extra: str = "") -> str:
    return f"---\nname: {name}\nkind: person\n{extra}---\nWho they are.\n"


def test_a_wikidata_id_is_checked_and_may_be_the_item_address(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/actors/a.md": actor("Anna A", "wikidata: Q7747\n"),
            "content/actors/b.md": actor("Bea B", "wikidata: https://www.wikidata.org/wiki/Q42\n"),
            "content/actors/c.md": actor("Cy C", "wikidata: Putin\n"),
            "content/events/e.md": "---\nname: Summit\ndate: 2023-05-03\nwikidata: Q0\n---\n",
        }
    )
    assert run.code == 1
    assert (
        run.error_lines
        == [
            f'{run.site / "content/actors/c.md"}:4: "wikidata: Putin" is not a Wikidata item id; '
            "copy the Q-number from the item's page on wikidata.org, as in Q7747",
            f'{run.site / "content/events/e.md"}:4: "wikidata: Q0" is not a Wikidata item id; '
            "copy the Q-number from the item's page on wikidata.org, as in Q7747",
            "2 errors: build failed; " + str(run.output) + " was left as it was",
        ][:2]
    )


def test_one_wikidata_id_on_two_actors_is_an_error_at_both(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/actors/dmitry-peskov.md": actor("Dmitry Peskov", "wikidata: Q1129436\n"),
            "content/actors/d-peskov.md": actor("D. Peskov", "wikidata: Q1129436\n"),
            "content/articles/a.md": article(actors="[Dmitry Peskov]"),
        }
    )
    assert run.code == 1
    one, other = (
        run.site / "content/actors/d-peskov.md",
        run.site / "content/actors/dmitry-peskov.md",
    )
    assert run.error_lines == [
        f'{one}:4: "wikidata: Q1129436" is also the id of the actor in {other}; one item is one '
        "actor: merge the files (keep the old one's name with redirect_from:) or correct the id",
        f'{other}:4: "wikidata: Q1129436" is also the id of the actor in {one}; one item is one '
        "actor: merge the files (keep the old one's name with redirect_from:) or correct the id",
    ]
    assert not run.output.exists()


def test_a_merged_actor_keeps_its_old_address(
    make_site: MakeSite, run_dossier: SiteRunner, tmp_path: Path
) -> None:
    built = make_site({}, fixture="small", config="")
    old_page = built.output / "actors/ben-south.html"
    assert old_page.is_file()
    # Ben South's file is renamed; its old name is kept as a redirect
    text = (built.site / BEN).read_text(encoding="utf-8")
    (built.site / BEN).unlink()
    renamed = text.replace("kind: person\n", "kind: person\nredirect_from: [ben-south]\n")
    (built.site / "content/actors/benjamin-south.md").write_text(renamed, encoding="utf-8")
    run = run_dossier(built.site)
    assert run.code == 0, run.err
    page = run.page("actors/ben-south.html")
    refresh = first(page, 'meta[http-equiv="refresh"]')["content"]
    assert refresh == "0; url=../actors/benjamin-south.html"
    assert first(page, 'meta[name="robots"]')["content"] == "noindex"
    assert first(page, "main a")["href"] == "../actors/benjamin-south.html"
    assert first(page, "main a").get_text() == "Ben South"
    assert (built.output / "actors/benjamin-south.html").is_file()
    # the incremental result is the clean build's
    fresh = tmp_path / "fresh"
    shutil.copytree(built.site, fresh, ignore=shutil.ignore_patterns("output", ".cache"))
    assert run_dossier(fresh).code == 0
    assert snapshot(built.output) == snapshot(fresh / "output")


def test_redirects_stay_out_of_the_sitemap_and_the_search_index(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/articles/new-name.md": article(title="Renamed").replace(
                "events: []", "events: []\nredirect_from: [old-name]"
            )
        },
        config="title: T\nbase_url: https://example.org/d/\n",
    )
    assert run.code == 0, run.err
    assert (run.output / "articles/old-name.html").is_file()
    canonical = first(run.page("articles/old-name.html"), 'link[rel="canonical"]')["href"]
    assert canonical == "https://example.org/d/articles/new-name.html"
    sitemap = (run.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "articles/new-name.html" in sitemap and "old-name" not in sitemap
    for path in run.output.rglob("*.js"):
        assert "old-name" not in path.read_text(encoding="utf-8"), path


def test_an_old_address_that_is_taken_is_an_error_at_its_line(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/actors/anna.md": actor(
                "Anna", "redirect_from:\n  - bea\n  - anna\n  - old-anna\n"
            ),
            "content/actors/bea.md": actor("Bea", "redirect_from: [old-anna]\n"),
        }
    )
    assert run.code == 1
    anna, bea = run.site / "content/actors/anna.md", run.site / "content/actors/bea.md"
    assert run.error_lines == [
        f'{anna}:5: "redirect_from: bea" is the address of another page (actors/bea.html); '
        "remove it or rename that file",
        f'{anna}:6: "redirect_from: anna" is this page\'s own name; remove it',
        f'{bea}:4: "redirect_from: old-anna" also redirects from {anna}; keep it in one file',
    ]


def test_an_old_address_must_be_a_file_name(make_site: MakeSite) -> None:
    run = make_site({"content/actors/anna.md": actor("Anna", "redirect_from: [Old Anna.md]\n")})
    assert run.code == 1
    assert run.error_lines == [
        f'{run.site / "content/actors/anna.md"}:4: "Old Anna.md" is not a page\'s name; '
        'write the old file name without ".md", as in old-anna',
    ]


def test_an_actor_page_links_its_wikidata_item(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/actors/vladimir-putin.md": actor("Vladimir Putin", "wikidata: Q7747\n"),
            "content/actors/anna.md": actor("Anna"),
        }
    )
    assert run.code == 0, run.err
    link = first(run.page("actors/vladimir-putin.html"), ".infobox dd a[href*=wikidata]")
    assert (link["href"], link.get_text()) == ("https://www.wikidata.org/wiki/Q7747", "Q7747")
    assert "wikidata" not in (run.output / "actors/anna.html").read_text(encoding="utf-8")
