"""Content mistakes: every one reported as `path:line: message`, all in one run, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentError, in_order
from tests.conftest import MakeSite, SiteRunner
from tests.helpers import article

A = "content/articles/a.md"


def errors_for(make_site: MakeSite, files: dict[str, str | bytes]) -> list[str]:
    run = make_site(files)
    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    assert not run.output.exists()
    prefix = str(run.site) + "/"
    return [line.replace(prefix, "") for line in run.error_lines]


def test_broken_yaml_names_the_line(make_site: MakeSite) -> None:
    text = "---\ntitle: ok\ndate: 2023-05-03\nactors: [a, b\n---\nBody\n"
    (message,) = errors_for(make_site, {A: text})
    assert message.startswith(f"{A}:5: YAML syntax error: ")
    assert "check quoting and indentation" in message


def test_missing_title_and_date(make_site: MakeSite) -> None:
    text = "---\nactors: [x]\n---\nBody\n"
    assert errors_for(make_site, {A: text}) == [
        f'{A}:2: missing "date"; add `date: ...`',
        f'{A}:2: missing "title"; add `title: ...`',
    ]


def test_impossible_date_names_its_line(make_site: MakeSite) -> None:
    (message,) = errors_for(make_site, {A: article(date="2023-02-30")})
    assert message == (
        f'{A}:3: "date: 2023-02-30" is not a valid date (day is out of range for month); '
        "use YYYY-MM-DD"
    )


def test_date_of_the_wrong_type(make_site: MakeSite) -> None:
    (message,) = errors_for(make_site, {A: article(date="[2023]")})
    assert message == f'{A}:3: "date" must be a date like 2023-05-04, not a list'


SHARED_ALIAS: dict[str, str | bytes] = {
    "content/actors/anna.md": "---\nname: Anna Berg\naliases: [Berg, The Minister]\n---\n",
    "content/actors/otto.md": "---\nname: Otto Berg\naliases:\n  - Otto\n  - the minister\n---\n",
}


def test_naming_a_shared_alias_is_an_error_naming_both_files(make_site: MakeSite) -> None:
    files = {**SHARED_ALIAS, A: article(actors="[Anna Berg, The minister]")}
    advice = "rename one, or merge the actors and delete the other file"
    assert errors_for(make_site, files) == [
        'content/actors/anna.md:3: "The Minister", an alias here, is also an alias of the '
        f"actor in content/actors/otto.md; {advice} ({A}:4 names it)",
        'content/actors/otto.md:5: "the minister", an alias here, is also an alias of the '
        f"actor in content/actors/anna.md; {advice} ({A}:4 names it)",
        f'{A}:4: "The minister" is ambiguous: it names the actors in content/actors/anna.md '
        "and content/actors/otto.md; write a name only one of them goes by, or settle the "
        "clash in those files",
    ]


def test_a_shared_alias_alone_is_a_warning_in_check(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    config = "title: Test dossier\nbase_url: https://example.org/\n"  # no feeds warning
    built = make_site({**SHARED_ALIAS, A: article(actors="[Anna Berg, otto]")}, config=config)
    assert built.code == 0, built.err
    assert built.out.startswith("built 1 article, 2 actors, 0 events: ")
    assert "2 warnings (dossier check lists them)" in built.out
    checked = run_dossier(built.site, command="check")
    assert checked.code == 0
    advice = "rename one, or merge the actors and delete the other file"
    assert checked.err.replace(f"{built.site}/", "").splitlines() == [
        'content/actors/anna.md:3: warning: "The Minister", an alias here, is also an alias '
        f"of the actor in content/actors/otto.md; {advice}",
        'content/actors/otto.md:5: warning: "the minister", an alias here, is also an alias '
        f"of the actor in content/actors/anna.md; {advice}",
    ]


def test_unknown_front_matter_key_suggests_the_right_one(make_site: MakeSite) -> None:
    text = "---\ntitle: T\ndate: 2023-05-03\nactor: [Anna]\n---\n"
    assert errors_for(make_site, {A: text}) == [
        f'{A}:4: unknown field "actor" (did you mean "actors"?)'
    ]


def test_all_errors_of_all_files_in_one_run(make_site: MakeSite) -> None:
    files: dict[str, str | bytes] = {
        "content/articles/one.md": article(date="2023-13-01"),
        "content/articles/two.md": "no front matter\n",
        "content/events/e.md": "---\nname: E\n---\n",
        "content/actors/p.md": "---\nname: P\nkind: robot\n---\n",
    }
    messages = errors_for(make_site, files)
    assert [m.split(": ")[0] for m in messages] == [
        "content/actors/p.md:3",
        "content/articles/one.md:3",
        "content/articles/two.md:1",
        "content/events/e.md:2",
    ]
    assert messages[0].endswith('"kind: robot" is not one of: person, organization, other')
    assert messages[2].endswith("no front matter: start the file with a `---` line")


def test_unclosed_front_matter(make_site: MakeSite) -> None:
    (message,) = errors_for(make_site, {A: "---\ntitle: x\n"})
    assert message == f"{A}:1: front matter is not closed: add a `---` line after it"


def test_yaml_tags_are_refused(make_site: MakeSite) -> None:
    text = "---\ntitle: !!python/object/apply:os.system [echo hi]\ndate: 2023-05-03\n---\n"
    (message,) = errors_for(make_site, {A: text})
    assert message == f"{A}:2: YAML tags (!tag) are not allowed here; remove the tag"


def test_billion_laughs_is_refused_at_the_anchor(make_site: MakeSite) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)
    ]
    text = "---\ntitle: t\ndate: 2023-05-03\n" + "\n".join(lines) + "\n---\n"
    (message,) = errors_for(make_site, {A: text})
    assert message == f"{A}:4: YAML anchors (&name) are not allowed here; write the value out"


@pytest.mark.parametrize(
    "nesting",
    ["[" * 50_000, "\n" + "- " * 5_000 + "x", "{a: " * 5_000],
    ids=["flow-sequences", "block-sequences", "flow-mappings"],
)
def test_deep_nesting_is_refused_without_crashing(make_site: MakeSite, nesting: str) -> None:
    text = f"---\ntitle: t\ndate: 2023-05-03\ntags: {nesting}\n---\n"
    (message,) = errors_for(make_site, {A: text})
    assert message.startswith((f"{A}:4: ", f"{A}:5: "))
    assert "nests deeper than 16 levels; flatten it" in message


def test_front_matter_over_64_kib(make_site: MakeSite) -> None:
    text = "---\ntitle: t\ndate: 2023-05-03\nsummary: " + "x" * 70_000 + "\n---\n"
    (message,) = errors_for(make_site, {A: text})
    assert message == f"{A}:1: front matter is larger than 64 KiB; shorten it"


def test_undecodable_bytes_name_their_line(make_site: MakeSite) -> None:
    data = b"---\ntitle: t\ndate: 2023-05-03\n---\n\nfine\ncaf\xe9\n"
    (message,) = errors_for(make_site, {A: data})
    assert message == f"{A}:7: not valid UTF-8 (byte 0xe9); save the file as UTF-8"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "ftp://x.org/a"]
)
def test_source_url_must_be_http(make_site: MakeSite, url: str) -> None:
    text = f'---\ntitle: t\ndate: 2023-05-03\nsource: {{name: S, url: "{url}"}}\n---\n'
    (message,) = errors_for(make_site, {A: text})
    assert message == f"{A}:4: \"source.url\" must be an http:// or https:// address, not '{url}'"


def test_values_of_the_wrong_type(make_site: MakeSite) -> None:
    text = "---\ntitle: [a, b]\ndate: 2023-05-03\nactors: {a: 1}\ndraft: maybe\n---\n"
    assert errors_for(make_site, {A: text}) == [
        f'{A}:2: "title" must be text, not a list; quote it',
        f'{A}:4: "actors" must be a list like [First Name, Other Name]',
        f'{A}:5: "draft" must be true or false',
    ]


def test_two_sources_for_one_page_name_both(make_site: MakeSite) -> None:
    files: dict[str, str | bytes] = {
        "content/articles/2022/report.md": article(),
        "content/articles/2023/report.md": article(),
    }
    assert errors_for(make_site, files) == [
        "content/articles/2023/report.md:1: would write articles/report.html, "
        "as content/articles/2022/report.md does; rename one file"
    ]


def test_event_parent_loop(make_site: MakeSite) -> None:
    files: dict[str, str | bytes] = {
        "content/events/a.md": "---\nname: A\ndate: 2023-01-01\nparent: B\n---\n",
        "content/events/b.md": "---\nname: B\ndate: 2023-01-01\nparent: A\n---\n",
    }
    messages = errors_for(make_site, files)
    assert [m.split(": ")[0] for m in messages] == [
        "content/events/a.md:4",
        "content/events/b.md:4",
    ]
    assert all("makes a loop" in m for m in messages)


def test_a_nul_byte_is_an_error_at_its_line(make_site: MakeSite) -> None:
    text = article(body="First paragraph.\n\nA damaged\x00 save.").encode()
    (message,) = errors_for(make_site, {A: text})
    assert message.startswith(f"{A}:10: NUL byte: the file is damaged, or not UTF-8 text")


def test_a_file_saved_as_utf16_is_refused_for_its_nul_bytes(make_site: MakeSite) -> None:
    (message,) = errors_for(make_site, {A: article().encode("utf-16-le")})
    assert message.startswith(f"{A}:1: NUL byte: ")
    assert "(UTF-16? a binary file?)" in message


def test_control_characters_are_removed_with_a_warning_at_each_line(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    config = "title: Test dossier\nbase_url: https://example.org/\n"  # no feeds warning
    text = article(title='"Bell\x07 title"', body="Plain.\n\nEsc\x1b and bell\x07.\n\nTab\tok.")
    built = make_site({A: text}, config=config)
    assert built.code == 0, built.err
    assert "2 warnings (dossier check lists them)" in built.out
    assert "Bell title" in (built.output / "articles/a.html").read_text(encoding="utf-8")
    checked = run_dossier(built.site, command="check")
    assert checked.code == 0
    assert checked.err.replace(f"{built.site}/", "").splitlines() == [
        f"{A}:2: warning: control character U+0007 removed (invisible, and not allowed in a "
        "page); delete it from the file",
        f"{A}:10: warning: control characters U+0007, U+001B removed (invisible, and not "
        "allowed in a page); delete it from the file",
    ]
    # the warnings come from the cache as well as from a fresh read
    again = run_dossier(built.site, command="check")
    assert again.err == checked.err


def test_control_characters_on_many_lines_are_summed_up(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    body = "\n\n".join(f"Line\x01 {n}." for n in range(14))
    built = make_site({A: article(body=body)})
    assert built.code == 0, built.err
    checked = run_dossier(built.site, command="check")
    lines = [line for line in checked.err.splitlines() if "control character" in line]
    assert len(lines) == 11
    assert lines[-1].endswith(
        f"{A}:28: warning: control characters removed on 4 more lines from here on; delete them too"
    )


def test_an_empty_source_is_no_source(make_site: MakeSite) -> None:
    """Found by tests/test_hostile.py: `source: ''` raised an IndexError."""
    text = article().replace("events: []\n", "events: []\nsource: '  '\n")
    run = make_site({A: text})
    assert run.code == 0, run.err
    assert "Source:" not in run.page("articles/a.html").get_text()


def test_errors_are_put_in_order_as_sorting_them_would() -> None:
    paths = ["content/a-b.md", "content/a/b.md", "content/A.md", "content/a.md", "site.yaml"]
    errors = [
        ContentError(Path(p), line, message)
        for p in paths
        for line in (10, 2, 0)
        for message in ("b", "a")
    ]
    errors.reverse()
    assert in_order(errors) == sorted(errors)
    assert in_order(errors) != errors
