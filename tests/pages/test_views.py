"""The views: what templates receive, and one article's page made alone."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from generator.build import Builder
from generator.model.site import Actor, Article, Event, Site
from generator.pages.views import article_page_view, page_views
from tests.helpers import FIXTURES, REPO


@pytest.fixture(params=["small", "example"])
def site(request: pytest.FixtureRequest, tmp_path: Path) -> Site:
    folder = tmp_path / "site"
    if request.param == "small":
        shutil.copytree(FIXTURES / "small", folder)
    else:  # the example site: quotes, claims, mentions from actors' and events' pages
        folder.mkdir()
        shutil.copy(REPO / "site.yaml", folder)
        for part in ("content", "templates"):
            shutil.copytree(REPO / part, folder / part)
    built = Builder(folder, None).build().site
    assert built is not None
    return built


def model_records(value: object, path: str = "") -> list[str]:
    """Where in `value` a model record (or the whole Site) is, walked through views."""
    if isinstance(value, (Article, Actor, Event, Site)):
        return [f"{path}: {type(value).__name__}"]
    if isinstance(value, dict):
        return [f for k, v in value.items() for f in model_records(v, f"{path}[{k!r}]")]
    if isinstance(value, (list, tuple)):
        return [f for n, v in enumerate(value) for f in model_records(v, f"{path}[{n}]")]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found = (
            model_records(getattr(value, f.name), f"{path}.{f.name}")
            for f in dataclasses.fields(value)
        )
        return [f for fields in found for f in fields]
    return []


def test_templates_never_see_model_records(site: Site) -> None:
    found = [f for page in page_views(site) for f in model_records(page.context, page.path)]
    assert found == []


def test_one_article_page_alone_is_the_page_of_the_whole_build(site: Site) -> None:
    pages = {page.path: page for page in page_views(site)}
    for index in range(len(site.articles)):
        alone = article_page_view(site, index)
        assert alone == pages[alone.path]
