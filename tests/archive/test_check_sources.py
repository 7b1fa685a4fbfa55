"""`dossier check --sources`: every source with a web address and no archived copy."""

from __future__ import annotations

from tests.conftest import MakeSite, SiteRunner

SNAPSHOT = "https://web.archive.org/web/20230504120000/https://example.org/1"


def test_check_lists_sources_without_a_snapshot(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    run = make_site(
        {
            "site.yaml": "title: T\nbase_url: https://example.org/\n",
            "content/articles/a.md": (
                "---\ntitle: A\ndate: 2023-05-04\n"
                f"source: {{url: https://example.org/1, archived: {SNAPSHOT}}}\n---\nText.\n"
            ),
            "content/articles/b.md": (
                "---\ntitle: B\ndate: 2023-05-04\nsources:\n  - Agency\n"
                "  - https://example.org/2\n  - {name: Wire, url: https://example.org/3}\n"
                "---\nText.\n"
            ),
        }
    )
    assert run.code == 0, run.err
    listed = run_dossier(run.site, "--sources", command="check")
    assert listed.code == 0, listed.err
    prefix = str(run.site) + "/"
    lines = [line.replace(prefix, "") for line in listed.out.splitlines()]
    assert lines[:3] == [
        "content/articles/b.md:6: no archived copy: https://example.org/2",
        "content/articles/b.md:7: no archived copy: https://example.org/3",
        "2 sources without an archived copy; dossier archive saves them",
    ]
    strict = run_dossier(run.site, "--sources", "--strict", command="check")
    assert strict.code == 1
    assert "2 sources without an archived copy (--strict)" in strict.err
    plain = run_dossier(run.site, "--strict", command="check")
    assert plain.code == 0 and "no archived copy" not in plain.out


def test_a_site_whose_sources_are_all_saved_passes_strict(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    run = make_site(
        {
            "site.yaml": "title: T\nbase_url: https://example.org/\n",
            "content/articles/a.md": (
                "---\ntitle: A\ndate: 2023-05-04\n"
                f"source: {{url: https://example.org/1, archived: {SNAPSHOT}}}\n---\nText.\n"
            ),
        }
    )
    assert run.code == 0, run.err
    listed = run_dossier(run.site, "--sources", "--strict", command="check")
    assert listed.code == 0, listed.err
    assert "no archived copy" not in listed.out
