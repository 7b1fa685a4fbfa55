"""Long timelines are split by year (then month) into linked pages; no page passes 1 MB."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.build import Builder
from generator.model.site import Site
from generator.pages.paging import Limits
from generator.pages.render import make_env
from generator.pages.shared import index_site
from generator.pages.timelines import timeline_parts
from generator.pages.views import PageView, page_views
from generator.parallel.workers import render_all
from tests.helpers import FIXTURES, REPO, parse_html, texts

MAKE_CORPUS = REPO.parent / "shared" / "bench" / "make_corpus.py"


def test_a_timeline_over_the_limit_splits_by_year_then_month(tmp_path: Path) -> None:
    site_dir = tmp_path / "small"
    shutil.copytree(FIXTURES / "small", site_dir)
    site = Builder(site_dir, None).build().site
    assert site is not None
    stories = site.actor_articles["ada-north"]  # 2023-05-02, 2023-05-03 and 2022-11-02
    parts = timeline_parts(index_site(site), stories, limit=1)
    # 2023 has two stories, over the limit of one: split by month, and May, still too
    # full, in slices; 2022 has one. The newest part is the main page.
    assert [(p.key, p.label, len(p.items)) for p in parts] == [
        ("", "May 2023 (1/2)", 1),
        ("2023-05-2", "May 2023 (2/2)", 1),
        ("2022", "2022", 1),
    ]
    pages = html_pages(site, Limits(page_stories=1))
    assert "actors/ada-north.2022.html" in pages
    assert "timeline.2022.html" in pages
    rendered, errors = render_all(list(pages.values()), make_env(None), site.config)
    assert errors == []
    html = {page.path: page.html for page in rendered}
    assert 'href="../actors/ada-north.2022.html"' in html["actors/ada-north.html"]
    assert 'href="../actors/ada-north.html"' in html["actors/ada-north.2022.html"]


def test_long_indexes_split_actors_by_initial_and_events_by_year(tmp_path: Path) -> None:
    site_dir = tmp_path / "small"
    shutil.copytree(FIXTURES / "small", site_dir)
    site = Builder(site_dir, None).build().site
    assert site is not None
    pages = html_pages(site, Limits(index_entries=2))  # 4 actors, 2 events: only actors split
    rendered, errors = render_all(list(pages.values()), make_env(None), site.config)
    assert errors == []
    html = {page.path: BeautifulSoup(page.html, "html.parser") for page in rendered}
    actor_parts = ["actors.html", "actors.b.html", "actors.d.html", "actors.h.html"]
    assert [p for p in html if p.startswith("actors.")] == actor_parts
    for path in actor_parts:
        nav = html[path].select(".parts a")
        assert [a["href"] for a in nav] == actor_parts
        assert [a["href"] for a in nav if a.get("aria-current") == "page"] == [path]
    assert texts(html["actors.d.html"], ".az li a") == ["Dock Workers Union"]
    assert texts(html["actors.d.html"], ".masthead [aria-current=page]") == ["Actors"]
    assert texts(html["actors.d.html"], ".az h2") == ["Others"]
    assert html["events.html"].select(".parts") == []

    pages = html_pages(site, Limits(index_entries=1))  # events too: a page per year, oldest first
    chosen = [pages["events.html"], pages["events.2023.html"]]
    rendered, errors = render_all(chosen, make_env(None), site.config)
    first, second = (BeautifulSoup(page.html, "html.parser") for page in rendered)
    assert texts(first, ".chronology a") == ["Harbour crisis"]
    assert texts(second, ".chronology a") == ["Harbour strike"]
    assert texts(second, ".parts a") == ["2022", "2023"]
    assert "2023" in texts(second, "title")[0]


def html_pages(site: Site, limits: Limits) -> dict[str, PageView]:
    return {page.path: page for page in page_views(site, limits) if page.path.endswith(".html")}


@pytest.mark.slow
def test_no_page_passes_one_megabyte_on_a_big_corpus(tmp_path: Path) -> None:
    site = tmp_path / "corpus"
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(site), "--articles", "2500"], check=True)
    result = Builder(site, site / "output", jobs=2).build()
    assert result.errors == []
    sizes = {p: p.stat().st_size for p in (site / "output").rglob("*.html")}
    biggest = max(sizes, key=sizes.__getitem__)
    assert sizes[biggest] < 1_000_000, (biggest, sizes[biggest])
    heavy = max(result.site.actor_articles.items(), key=lambda kv: len(kv[1]))[0]  # type: ignore[union-attr]
    parts = sorted((site / "output/actors").glob(f"{heavy}.*.html"))
    assert parts, f"{heavy} has {len(result.site.actor_articles[heavy])} stories but no parts"  # type: ignore[union-attr]
    page = parse_html(site / "output/actors" / f"{heavy}.html")
    links = texts(page, ".parts a")
    assert len(links) == len(parts) + 1
    for part in parts:
        back = parse_html(part)
        assert back.select_one(".kicker a")["href"] == f"../actors/{heavy}.html"  # type: ignore[index]
