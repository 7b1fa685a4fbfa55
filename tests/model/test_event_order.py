"""Events in order of the earliest day each could be; ties keep name order; undated last."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.build import Builder
from generator.model.site import Site
from generator.when import When
from tests.helpers import article, write_files


def site_of(tmp_path: Path, events: dict[str, str], *stories: str) -> Site:
    files: dict[str, str | bytes] = {"site.yaml": "title: T\n"}
    files |= {f"content/events/{slug}.md": f"---\n{front}---\n" for slug, front in events.items()}
    files |= {f"content/articles/{n}.md": text for n, text in enumerate(stories)}
    write_files(tmp_path, files)
    result = Builder(tmp_path, None).build()
    assert result.errors == [] and result.site is not None
    return result.site


def test_events_sort_by_their_earliest_possible_day(tmp_path: Path) -> None:
    site = site_of(
        tmp_path,
        {
            "summit": "name: Summit\ndate: 2023-05-03\n",
            "talks": "name: Talks\ndate: 2023-05\n",
            "year": "name: The year\ndate: 2023\n",
            "older": "name: Older\ndate: 2022-12-31\ncirca: true\n",
            "later": "name: Later\ndate: 2023-05-03T09:00\n",
        },
    )
    assert list(site.events) == ["older", "year", "talks", "summit", "later"]


def test_events_of_one_earliest_day_keep_name_order(tmp_path: Path) -> None:
    site = site_of(
        tmp_path,
        {
            "b": "name: Beta\ndate: 2023-05\n",
            "c": "name: Gamma\ndate: 2023-05-01\n",
            "a": "name: alpha\ndate: 2023-05-01\n",
            "y": "name: Year\ndate: 2023\n",
            "x": "name: Xenon\ndate: 2023-01-01\n",
        },
    )
    assert list(site.events) == ["x", "y", "a", "b", "c"]


def test_an_event_known_only_from_articles_is_dated_by_the_first_to_the_day(
    tmp_path: Path,
) -> None:
    site = site_of(
        tmp_path,
        {"old": "name: Old\ndate: 2019\n"},
        article(title="Later", date="2023-05-04T10:00:00", events="[Unfiled talks]"),
        article(title="Earlier", date="2023-05-02", events="[Unfiled talks]"),
        article(title="Undated", date="2023-05-05", events="[]"),
    )
    assert site.events["unfiled-talks"].date == When(dt.date(2023, 5, 2), "day")
    assert site.events["old"].date == When(dt.date(2019, 1, 1), "year")
    assert list(site.events) == ["old", "unfiled-talks"]
