"""`source:` with `archived:` and `archived_on:`, and `sources:`: read, checked, and shown as
Robust Links (the original, with the snapshot's address and day as data attributes, and a
visible link to the archived copy)."""

from __future__ import annotations

from tests.conftest import MakeSite
from tests.helpers import first

SNAPSHOT = "https://web.archive.org/web/20230504120000/https://example.org/wire/1"


def story(front: str) -> str:
    return f"---\ntitle: A story\ndate: 2023-05-04\n{front}---\nBody text.\n"


def test_an_archived_source_is_a_robust_link(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/articles/a.md": story(
                "source: {name: Wire, url: https://example.org/wire/1,\n"
                f"         archived: {SNAPSHOT}, archived_on: 2023-05-05}}\n"
            )
        }
    )
    assert run.code == 0, run.err
    page = run.page("articles/a.html")
    original = first(page, "a[href='https://example.org/wire/1']")
    assert original.get_text() == "Wire"
    assert original["data-originalurl"] == "https://example.org/wire/1"
    assert original["data-versionurl"] == SNAPSHOT
    assert original["data-versiondate"] == "2023-05-05"
    copy = first(page, f"a[href='{SNAPSHOT}']")
    assert copy.get_text() == "archived copy"
    assert copy["data-originalurl"] == "https://example.org/wire/1"


def test_the_day_defaults_to_the_snapshots_timestamp(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/articles/a.md": story(
                "source:\n  name: Wire\n  url: https://example.org/wire/1\n"
                f"  archived: {SNAPSHOT}\n"
            )
        }
    )
    assert run.code == 0, run.err
    original = first(run.page("articles/a.html"), "a[href='https://example.org/wire/1']")
    assert original["data-versiondate"] == "2023-05-04"


def test_several_sources(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/articles/a.md": story(
                "sources:\n"
                f"  - {{name: Wire, url: https://example.org/wire/1, archived: {SNAPSHOT}}}\n"
                "  - https://example.org/two\n"
                "  - Agency\n"
            )
        }
    )
    assert run.code == 0, run.err
    meta = first(run.page("articles/a.html"), "p.meta")
    assert "Sources:" in meta.get_text()
    assert "Agency" in meta.get_text()
    assert first(meta, "a[href='https://example.org/two']").get_text() == "example.org"
    assert first(meta, f"a[href='{SNAPSHOT}']").get_text() == "archived copy"


def test_mistakes_are_reported_at_their_line(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/articles/a.md": story(
                "source: https://example.org/1\nsources: [https://example.org/2]\n"
            ),
            "content/articles/b.md": story(
                "sources:\n  - https://example.org/1\n"
                "  - {url: https://example.org/2, archived: javascript:alert(1)}\n"
                "  - {url: https://example.org/3, archived_on: 2023-02-30}\n"
            ),
        }
    )
    assert run.code == 1
    prefix = str(run.site) + "/"
    assert [line.replace(prefix, "") for line in run.error_lines] == [
        'content/articles/a.md:5: "source" and "sources" are both given; put every source'
        ' in "sources"',
        'content/articles/b.md:6: "sources[1].archived" must be an http:// or https://'
        " address, not 'javascript:alert(1)'",
        'content/articles/b.md:7: "sources[2].archived_on: 2023-02-30" is not a valid date;'
        " use YYYY-MM-DD",
    ]


def test_a_language_translates_the_label(make_site: MakeSite) -> None:
    run = make_site(
        {
            "site.yaml": "title: T\nlanguage: fr\n",
            "content/articles/a.md": story(
                f"source: {{url: https://example.org/1, archived: {SNAPSHOT}}}\n"
            ),
        }
    )
    assert run.code == 0, run.err
    assert (
        first(run.page("articles/a.html"), f"a[href='{SNAPSHOT}']").get_text() == "copie archivée"
    )
