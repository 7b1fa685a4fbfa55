"""The front matter edit of `dossier archive`: two keys added to one source, in the forms
people write, every other byte kept; anything else refused with a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.archive.frontmatter import Unusual, add_snapshot

SNAP = "https://web.archive.org/web/20240102030405/https://example.org/1"
URL = "https://example.org/1"
DAY = dt.date(2024, 1, 2)
ADDED = f'archived: "{SNAP}", archived_on: 2024-01-02'


@pytest.mark.parametrize(
    ("before", "line", "after"),
    [
        (f"source: {{name: W, url: {URL}}}\n", 3, f"source: {{name: W, url: {URL}, {ADDED}}}\n"),
        (f"source: {{ url: {URL} }} # c\n", 3, f"source: {{ url: {URL}, {ADDED} }} # c\n"),
        (f"source: {URL}\n", 3, f"source: {{url: {URL}, {ADDED}}}\n"),
        (
            f"source:\n  name: W\n  url: {URL}\n",
            3,
            f'source:\n  name: W\n  url: {URL}\n  archived: "{SNAP}"\n  archived_on: 2024-01-02\n',
        ),
        (
            f"sources:\n- url: {URL}\n  name: W\n- Agency\n",
            4,
            f'sources:\n- url: {URL}\n  name: W\n  archived: "{SNAP}"\n'
            "  archived_on: 2024-01-02\n- Agency\n",
        ),
        (
            f"sources:\n  - Agency\n  - {URL}\n",
            5,
            f"sources:\n  - Agency\n  - {{url: {URL}, {ADDED}}}\n",
        ),
    ],
)
def test_forms_people_write(before: str, line: int, after: str) -> None:
    head, tail = "---\ntitle: A\n", "date: 2023-05-04\n---\nBody: source: x\n"
    assert add_snapshot(head + before + tail, line, URL, SNAP, DAY) == head + after + tail


@pytest.mark.parametrize(
    ("front", "line"),
    [
        (f"source: {{name: W,\n  url: {URL}}}\n", 3),  # braces over two lines
        (f"sources: [{URL}, https://example.org/2]\n", 3),  # a list in brackets
        (f'source: "{URL}"\n', 3),  # quoted
        (f"source: {{url: {URL}}}\n", 2),  # another line
    ],
)
def test_unusual_forms_are_refused(front: str, line: int) -> None:
    with pytest.raises(Unusual):
        add_snapshot(f"---\ntitle: A\n{front}---\nBody\n", line, URL, SNAP, DAY)
