"""Property-based: whatever the files hold, a build ends with exit 0 or 1, never with a
traceback, and writes nothing outside output/ (and its own cache).

Hypothesis makes the sites: front matter from valid YAML of every shape, from YAML
fragments and from arbitrary text; bodies from Markdown constructs, control characters
and any Unicode. The number of examples and the seed come from the profile loaded in
`tests/conftest.py` (fixed in CI; `HYPOTHESIS_PROFILE=deep` for a long local run).
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from hypothesis import event, given
from hypothesis import strategies as st

from generator.cli.main import main
from tests.helpers import parse_html

CONTROL = st.sampled_from([chr(c) for c in (*range(1, 9), 11, 12, *range(14, 32), 127)])
CHARACTERS = st.characters(codec="utf-8", exclude_characters="\x00")
ANY_TEXT = st.text(CHARACTERS, max_size=40)
SOME_TEXT = st.text(
    st.one_of(CHARACTERS, CONTROL, st.sampled_from("[]{}:-#>*&!|'\"\n\t")),
    max_size=40,
)
PROSE = st.text(CHARACTERS, min_size=1, max_size=40)
NAMES = st.sampled_from(["Anna Berg", "anna berg", "Berg", "Press Office", "Summit", "x"])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    NAMES,
    SOME_TEXT,
    st.just(""),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(NAMES, SOME_TEXT), inner, max_size=3)
    ),
    max_leaves=8,
)
ARTICLE_KEYS = ["title", "date", "actors", "events", "source", "summary", "tags", "draft"]
ARTICLE_KEYS += ["mentions", "claims", "unknown", "name", "aliases", "kind", "role", "parent"]
FIELDS = st.dictionaries(st.sampled_from(ARTICLE_KEYS), VALUES, max_size=6)
CLAIM = st.fixed_dictionaries(
    {"by": NAMES, "about": NAMES, "stance": st.sampled_from(["asserts", "denies"])},
    optional={"text": PROSE},
)
URLS = st.sampled_from(["https://example.org/a", "http://x.test/?q=<b>", "javascript:alert(1)"])
GOOD_ENOUGH = st.fixed_dictionaries(
    {"title": PROSE, "date": st.one_of(st.dates(), st.datetimes())},
    optional={
        "actors": st.lists(NAMES, max_size=3),
        "events": st.lists(NAMES, max_size=2),
        "claims": st.lists(CLAIM, max_size=1),
        "source": st.fixed_dictionaries({"name": PROSE}, optional={"url": URLS}),
        "summary": PROSE,
        "tags": st.lists(PROSE, max_size=2),
        "draft": st.booleans(),
    },
)
YAML_FRAGMENTS = st.lists(
    st.sampled_from(
        [
            "title: T\n",
            "date: 2023-05-03\n",
            "date: 2023-02-30\n",
            "actors: [Anna Berg, Berg]\n",
            "a: &x [1]\nb: *x\n",
            "x: !!python/object:os.system ls\n",
            "  - nested\n",
            "[[[[[[[[[[[[[[[[[[[[[[\n",
            "key: 'unclosed\n",
            "? complex\n: key\n",
            "title: |\n  multi\n  line\n",
            "\t\n",
            "---\n",
            "...\n",
        ]
    ),
    max_size=6,
).map("".join)
GOOD_ACTOR = st.fixed_dictionaries(
    {"name": st.one_of(NAMES, PROSE)},
    optional={
        "aliases": st.lists(NAMES, max_size=3),
        "kind": st.sampled_from(["person", "organization", "other"]),
        "affiliations": st.lists(NAMES, max_size=2),
        "role": PROSE,
    },
)
GOOD_EVENT = st.fixed_dictionaries(
    {"name": st.one_of(NAMES, PROSE), "date": st.one_of(st.dates(), st.datetimes())},
    optional={"end": st.dates(), "parent": NAMES, "place": PROSE},
)


def rarely(
    this: st.SearchStrategy[str], otherwise: st.SearchStrategy[str]
) -> st.SearchStrategy[str]:
    """`this` one time in ten (`one_of` draws its branches about equally often)."""
    return st.integers(0, 9).flatmap(lambda n: this if n == 0 else otherwise)


def front(good: st.SearchStrategy[dict[str, object]]) -> st.SearchStrategy[str]:
    """Front matter text: mostly fields a build accepts, sometimes anything at all."""
    as_yaml = good.map(lambda d: yaml.safe_dump(d, allow_unicode=True))
    anything = st.one_of(
        FIELDS.map(lambda d: yaml.safe_dump(d, allow_unicode=True)), YAML_FRAGMENTS, SOME_TEXT
    )
    return rarely(anything, otherwise=as_yaml)


RISKY = st.sampled_from(
    [
        "[[Anna Berg]]",
        "[[Berg|the minister]]",
        "[[Summit]]",
        "[[actors/../../x]]",
        "[[]]",
        "\x00",
    ]
)
MARKDOWN = st.lists(
    st.one_of(
        SOME_TEXT,
        ANY_TEXT,
        st.sampled_from(
            [
                "> A quote\n>\n> — Anna Berg\n",
                "<script>alert(1)</script>",
                "[x](javascript:alert(1))",
                "```\ncode\n```",
                "# Heading\n",
                "| a | b |\n|---|---|\n| 1 | 2 |\n",
                "Press Office said so, and so did Anna Berg.",
            ]
        ),
        CONTROL,
        rarely(RISKY, otherwise=PROSE),
    ),
    max_size=8,
).map("\n\n".join)


def doc(good: st.SearchStrategy[dict[str, object]]) -> st.SearchStrategy[str]:
    """A whole file: front matter between fences (nine times in ten), then a body."""
    fenced = st.sampled_from([True] * 9 + [False])
    return st.tuples(front(good), MARKDOWN, fenced).map(
        lambda t: ("---\n" + t[0] + "\n---\n" + t[1]) if t[2] else t[0] + t[1]
    )


FILES = st.tuples(
    st.lists(doc(GOOD_ENOUGH), min_size=1, max_size=3),
    st.lists(doc(GOOD_ACTOR), max_size=2),
    st.lists(doc(GOOD_EVENT), max_size=2),
)


def fingerprint(top: Path, skip: tuple[Path, ...]) -> dict[str, str]:
    """Every file and folder below `top` but those in `skip`, with a digest of each file."""
    found = {}
    for path in sorted(top.rglob("*")):
        if any(path == s or path.is_relative_to(s) for s in skip):
            continue
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else b"dir"
        found[str(path.relative_to(top))] = hashlib.blake2b(data, digest_size=8).hexdigest()
    return found


@given(FILES, st.sampled_from(["build", "check"]))
def test_any_content_builds_or_fails_cleanly(
    files: tuple[list[str], list[str], list[str]], command: str
) -> None:
    articles, actors, events = files
    with tempfile.TemporaryDirectory() as folder:
        top = Path(folder)
        site = top / "site"
        (top / "beside.txt").write_text("not the site's")
        texts = {"site.yaml": "title: Hostile\nbase_url: https://example.org/\n"}
        texts |= {f"content/articles/a{n}.md": text for n, text in enumerate(articles)}
        texts |= {f"content/actors/p{n}.md": text for n, text in enumerate(actors)}
        texts |= {f"content/events/e{n}.md": text for n, text in enumerate(events)}
        for relative, text in texts.items():
            (site / relative).parent.mkdir(parents=True, exist_ok=True)
            (site / relative).write_bytes(text.encode("utf-8", "surrogatepass"))
        skip = (site / "output", site / ".cache")
        before = fingerprint(top, skip)
        code = main(
            [command, str(site), "-q", "--jobs", "1"]
            if command == "build"
            else [command, str(site), "--jobs", "1"]
        )
        assert code in (0, 1)
        event(f"{command}: exit {code}")
        assert fingerprint(top, skip) == before  # nothing written outside output/
        if command == "build" and code == 0:
            for page in (site / "output").rglob("*.html"):
                assert_harmless(parse_html(page), page)


def assert_harmless(soup: BeautifulSoup, page: Path) -> None:
    """No script but the theme's, no event handler, no link that runs code."""
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":  # data, not code: it must be JSON
            assert not script.get("src") and isinstance(json.loads(script.string or ""), dict)
        else:
            assert str(script.get("src", "")).endswith("search.js"), page
    for tag in soup.find_all(True):
        assert not any(name.lower().startswith("on") for name in tag.attrs), (page, tag)
        for name in ("href", "src", "action"):
            value = "".join(str(tag.get(name, "")).split()).lower()
            assert not value.startswith(("javascript:", "vbscript:", "data:")), (page, tag)
