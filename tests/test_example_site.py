"""The repo's own example dossier builds, links up, and takes a new story."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import SiteRunner
from tests.helpers import REPO, Run, first, texts, write_files


@pytest.fixture
def example(tmp_path: Path, run_dossier: SiteRunner) -> Run:
    site = tmp_path / "example"
    site.mkdir()
    shutil.copy(REPO / "site.yaml", site)
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, site / folder)
    run = run_dossier(site, "-q")
    assert run.code == 0, run.err
    return run


def test_example_has_enough_real_stories(example: Run) -> None:
    dates = sorted({t["datetime"][:10] for t in example.page("timeline.html").select("time")})
    assert dates == ["2023-05-03", "2023-05-04"]
    assert len(list((example.output / "articles").glob("*.html"))) >= 8
    titles = texts(example.page("timeline.html"), ".stories a")
    assert any("Zelensky" in t for t in titles)
    assert any("Kirby" in t or "White House" in t for t in titles)


def test_every_actor_and_event_named_has_a_page(example: Run) -> None:
    for path in (example.output / "articles").glob("*.html"):
        page = example.page(f"articles/{path.name}")
        for link in page.select(".facts a"):
            assert (path.parent / str(link["href"])).resolve().is_file()


def test_peskov_dossier(example: Run) -> None:
    page = example.page("actors/dmitry-peskov.html")
    assert first(page, "h1").get_text() == "Dmitry Peskov"
    assert "Kremlin drone incident" in texts(page, "#events ~ ul a")
    assert len(page.select(".timeline .stories li")) >= 3
    kremlin = example.page("actors/kremlin.html")
    members = texts(kremlin, ".infobox dd")
    assert any("Dmitry Peskov" in m and "Vladimir Putin" in m for m in members)


def test_a_name_without_a_file_still_gets_a_dossier(example: Run) -> None:
    assert not (example.site / "content/actors/msnbc.md").exists()
    naming = sorted(
        path.stem
        for path in (example.site / "content/articles").rglob("*.md")
        if "MSNBC" in front_matter(path).get("actors", [])
    )
    assert naming  # the example names it somewhere
    page = example.page("actors/msnbc.html")
    assert first(page, "h1").get_text() == "MSNBC"
    linked = [str(a["href"]) for a in page.select(".timeline .stories a")]
    assert sorted(linked) == [f"../articles/{stem}.html" for stem in naming]


def front_matter(path: Path) -> dict[str, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert isinstance(data, dict)
    return data


def test_the_draft_is_not_published(example: Run) -> None:
    drafts = [
        p.stem for p in (example.site / "content").rglob("*.md") if "draft: true" in p.read_text()
    ]
    assert drafts
    for stem in drafts:
        assert not (example.output / f"articles/{stem}.html").exists()


def test_a_new_story_shows_up_on_its_actor_and_event_pages(
    example: Run, run_dossier: SiteRunner
) -> None:
    write_files(
        example.site,
        {
            "content/articles/2023/2023-05-05-follow-up.md": """
            ---
            title: A follow-up on the drones
            date: 2023-05-05
            actors: [peskov, Antony Blinken]
            events: [Kremlin drone incident]
            ---

            A follow-up.
            """
        },
    )
    run = run_dossier(example.site, "-q")
    assert run.code == 0, run.err
    for page in ("actors/dmitry-peskov.html", "actors/antony-blinken.html"):
        assert "A follow-up on the drones" in texts(run.page(page), ".timeline a")
    assert "A follow-up on the drones" in texts(
        run.page("events/kremlin-drone-incident.html"), ".timeline a"
    )
    home = run.page("index.html")
    assert texts(home, ".latest .card-title")[0] == "A follow-up on the drones"
