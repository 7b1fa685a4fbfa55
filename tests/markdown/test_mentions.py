"""Mentions, wiki links, quotes, claims and backlinks, on small sites written per test."""

from __future__ import annotations

import re
import timeit
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from generator.markdown.found import CONTEXT_CHARS, sentence_around
from generator.markdown.markup import Rendered, make_markdown, render_markdown
from generator.model.linking import make_linking
from generator.source.discover import SourceFile
from generator.source.parse import parse_source
from tests.conftest import MakeSite, SiteRunner
from tests.helpers import article, first, texts

ACTORS: dict[str, str | bytes] = {
    "content/actors/dmitry-peskov.md": (
        "---\nname: Dmitry Peskov\naliases: [Peskov, Kremlin spokesman]\nkind: person\n---\n"
        "Spokesman. Works with [[Vladimir Putin]].\n"
    ),
    "content/actors/vladimir-putin.md": "---\nname: Vladimir Putin\naliases: [Putin]\n---\n",
    "content/actors/nsc.md": (
        "---\nname: National Security Council\naliases: [NSC]\nkind: organization\n---\n"
    ),
    "content/events/kremlin-drone-incident.md": (
        "---\nname: Kremlin drone incident\ndate: 2023-05-03\n---\n"
    ),
}


def linked(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="mention" href="([^"]+)">([^<]+)</a>', html)


def render(body: str, raw_html: bool = False) -> str:
    return str(render_fully(body, raw_html).html)


def render_fully(body: str, raw_html: bool = False) -> Rendered:
    docs = []
    for path, text in ACTORS.items():
        kind = "actor" if "/actors/" in path else "event"
        doc, errors = parse_source(SourceFile(kind, Path(path), str(text).encode()))
        assert doc is not None, errors
        docs.append(doc)
    linking, _ = make_linking(docs, drafts=False)
    md = make_markdown(raw_html=raw_html, linking=linking)
    return render_markdown(md, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Peskov spoke. Peskov again.", [("../actors/dmitry-peskov.html", "Peskov")]),
        ("The Kremlin spokesman said so.", [("../actors/dmitry-peskov.html", "Kremlin spokesman")]),
        ("Peskov's words.", [("../actors/dmitry-peskov.html", "Peskov")]),
        (
            "vladimir putin and VLADIMIR PUTIN",
            [("../actors/vladimir-putin.html", "vladimir putin")],
        ),
        ("The NSC answered.", [("../actors/nsc.html", "NSC")]),
        ("The nsc answered; no link for a short name in the wrong case.", []),
        ("Peskovs and Putinism are other words.", []),
        ("`Peskov` in code, [Peskov](https://x.org) in a link.", []),
        ("# Peskov in a heading\n\nPutin below.", [("../actors/vladimir-putin.html", "Putin")]),
        ("    Peskov in an indented code block", []),
        ("```\nPeskov in a fence\n```", []),
        (
            "The Kremlin drone incident.",
            [("../events/kremlin-drone-incident.html", "Kremlin drone incident")],
        ),
        # casefolding "ß" gives "ss": the names after it must still be linked in place
        ("Die Straße, dann Peskov.", [("../actors/dmitry-peskov.html", "Peskov")]),
        ("STRASSE und Straße: dmitry peskov", [("../actors/dmitry-peskov.html", "dmitry peskov")]),
        (
            "Dmitry\nPeskov, then Putin",  # a soft break splits the text: the alias is found
            [
                ("../actors/dmitry-peskov.html", "Peskov"),
                ("../actors/vladimir-putin.html", "Putin"),
            ],
        ),
        (
            "*Dmitry Peskov* and **Putin**",
            [
                ("../actors/dmitry-peskov.html", "Dmitry Peskov"),
                ("../actors/vladimir-putin.html", "Putin"),
            ],
        ),
    ],
)
def test_first_mention_is_linked_and_only_outside_code_links_and_headings(
    body: str, expected: list[tuple[str, str]]
) -> None:
    assert linked(render(body)) == expected


def test_a_linked_name_stays_in_the_summary_and_the_attribution() -> None:
    body = "> No comment.\n>\n> — Dmitry Peskov, on 4 May\n\nThen *Vladimir Putin* spoke.\n"
    rendered = render_fully(body)
    assert rendered.first_paragraph == "Then Vladimir Putin spoke."
    assert [quote.actor for quote in rendered.quotes] == ["dmitry-peskov"]
    assert linked(str(rendered.html)) == [("../actors/vladimir-putin.html", "Vladimir Putin")]


def test_no_mention_links_inside_raw_html() -> None:
    html = render('<a href="https://x.org">Peskov</a> and <b>Putin</b>', raw_html=True)
    assert linked(html) == []
    assert html.count("<a ") == 1


# CommonMark constructs with names in them: with mention links removed, the output must
# equal plain markdown-it-py's, byte for byte.
CONSTRUCTS = [
    "Peskov",
    "Dmitry\nPeskov spoke",
    "Peskov  \nPutin",
    "Peskov\\\nPutin",
    "*Peskov*",
    "_Putin_ and __Peskov__",
    "***Peskov***",
    "*Pes*kov",
    "`Peskov`",
    "`` Peskov ` Putin ``",
    "Peskov `x` Putin",
    "[Peskov](https://example.org/Peskov)",
    '[x](https://e.org "Peskov says")',
    "[Peskov][ref]\n\n[ref]: https://example.org",
    "[ref]\n\n[ref]: /u 'Putin'",
    "<https://example.org/Peskov>",
    "<peskov@example.org>",
    "![Peskov at a briefing](p.jpg)",
    "![Putin](p.jpg 'Putin')",
    "# Peskov",
    "Peskov\n======",
    "Putin\n------",
    "## Putin ##",
    "> Peskov said\n> more",
    "> > Putin\n> > nested",
    "- Peskov\n- Putin\n  - Peskov again",
    "1. Peskov\n2. Putin",
    "3) Putin",
    "- [ ] Peskov",
    "* Peskov\n\n  Putin paragraph",
    "    Peskov code",
    "```python\nPeskov = 1\n```",
    "~~~\nPutin\n~~~",
    "| Who | Said |\n|---|---|\n| Peskov | Putin |",
    "| a |\n|---|\n| `Peskov` |",
    "Peskov &amp; Putin &copy; &#35;",
    "\\*Peskov\\* \\[Putin\\]",
    "<div>Peskov</div>",
    "<span>Putin</span> text",
    "<!-- Peskov -->",
    "Peskov<br>Putin",
    "***\nPeskov\n***",
    "Peskov\n\n---\n\nPutin",
    "Dmitry Peskov, Peskov, Kremlin spokesman.",
    "Putin's office and Putin",
    "Kremlin drone incident on 3 May",
    "The NSC and Vladimir Putin",
    "Peskov.Putin",
    "(Peskov)",
    '"Putin"',
    "Peskov—Putin",
    "Peskov-Putin",
    "[[not a wiki link",
    "[Peskov]",
    "Peskov*",
    "**Peskov",
    "_Putin",
    "Line one\n\nPeskov\n\n\nPutin",
    "\tPeskov tabbed",
    "> - Peskov\n>   Putin",
    "1. > Peskov\n   > Putin",
    "- ```\n  Peskov\n  ```",
    "Peskov <https://putin.example>",
    "www.peskov.example Putin",
    "&nbsp;Peskov",
    "Pe**sk**ov Putin",
    "Ünïcode Peskov",
]


@pytest.mark.parametrize("raw_html", [False, True], ids=["html-off", "html-on"])
@pytest.mark.parametrize("text", CONSTRUCTS)
def test_mentions_leave_every_construct_intact(text: str, raw_html: bool) -> None:
    plain = MarkdownIt("js-default", {"html": raw_html}).disable("strikethrough").render(text)
    ours = render(text, raw_html=raw_html)
    unlinked = re.sub(r'<a class="mention" href="[^"]+">([^<]*)</a>', r"\1", ours)
    assert unlinked == plain


def test_wiki_links_resolve_names_aliases_labels_and_paths(make_site: MakeSite) -> None:
    body = (
        "Said by [[Peskov|the spokesman]] about [[events/kremlin-drone-incident]]; "
        "see [[articles/b]] and [[vladimir putin]]."
    )
    run = make_site(
        {
            **ACTORS,
            "content/articles/a.md": article(title="A", body=body),
            "content/articles/b.md": article(title="Story B", date="2023-05-04"),
        }
    )
    assert run.code == 0, run.err
    links = [
        (a["href"], a.get_text()) for a in run.page("articles/a.html").select(".body a.wikilink")
    ]
    assert links == [
        ("../actors/dmitry-peskov.html", "the spokesman"),
        ("../events/kremlin-drone-incident.html", "Kremlin drone incident"),
        ("../articles/b.html", "Story B"),
        ("../actors/vladimir-putin.html", "Vladimir Putin"),
    ]
    backlinks = run.page("articles/b.html")
    assert texts(backlinks, "#linked-from ~ ul a") == ["A"]


def test_wiki_link_to_nothing_is_an_error_at_its_line(make_site: MakeSite) -> None:
    body = "First line.\n\nSecond paragraph with [[Nobody Known]] in it."
    run = make_site({"content/articles/a.md": article(body=body)})
    assert run.code == 1
    assert run.error_lines == [
        f"{run.site}/content/articles/a.md:10: [[Nobody Known]] links to nothing: no actor, "
        "event or article has that name or slug; correct it, or write actors/SLUG, "
        "events/SLUG or articles/SLUG"
    ]


def test_mentions_can_be_turned_off_per_article_and_per_site(make_site: MakeSite) -> None:
    off = article(body="Peskov spoke.").replace("---\n\n", "mentions: false\n---\n\n", 1)
    run = make_site(
        {
            **ACTORS,
            "content/articles/a.md": off,
            "content/articles/b.md": article(title="B", body="Peskov spoke."),
        }
    )
    assert run.code == 0, run.err
    assert run.page("articles/a.html").select(".body a.mention") == []
    assert len(run.page("articles/b.html").select(".body a.mention")) == 1
    site_off = make_site({"site.yaml": "title: T\nlink_mentions: false\n"})
    assert site_off.code == 0, site_off.err
    assert site_off.page("articles/b.html").select(".body a.mention") == []


def test_backlinks_carry_the_sentence(make_site: MakeSite) -> None:
    body = "Nothing here. Later, Peskov made a claim about it. The end."
    run = make_site({**ACTORS, "content/articles/a.md": article(title="Story A", body=body)})
    assert run.code == 0, run.err
    page = run.page("actors/dmitry-peskov.html")
    assert texts(page, "#mentioned ~ ul a") == ["Story A"]
    assert texts(page, "#mentioned ~ ul q") == ["Later, Peskov made a claim about it."]
    putin = run.page("actors/vladimir-putin.html")  # linked from Peskov's biography
    assert texts(putin, "#mentioned ~ ul a") == ["Dmitry Peskov"]


CUT_CASES = [  # (text, what the context begins with, what it ends with)
    ("First. Then Peskov spoke. Last.", "Then Peskov spoke.", "Then Peskov spoke."),
    (
        "Start. " + "alpha beta, " * 60 + "Peskov said " + "gamma delta " * 60 + "end.",
        "…alpha beta, alpha",
        "delta gamma…",  # "delta gamma delta" would pass 300 characters
    ),
    ("word " * 90_000 + "Peskov " + "word " * 90_000, "…word word", "word word…"),  # no stop
    ("x" * 2000 + " Peskov said so.", "…Peskov said so.", "…Peskov said so."),  # one long word
    ("Peskov " + "said " * 200 + "end.", "Peskov said said", "said said…"),  # room on the right
    ("One. " + "said " * 200 + "Peskov.", "…said said", "said said Peskov."),  # on the left
]


@pytest.mark.parametrize(("text", "begins", "ends"), CUT_CASES)
def test_the_context_is_the_sentence_cut_to_about_300_characters_on_words(
    text: str, begins: str, ends: str
) -> None:
    at = text.index("Peskov")
    context = sentence_around(text, at, at + len("Peskov"))
    assert context.startswith(begins)
    assert context.endswith(ends)
    assert "Peskov" in context
    assert len(context) <= CONTEXT_CHARS + 2  # the two ellipses
    for word in context.strip("…").split():  # cut between words, never inside one
        assert re.search(rf"(^|\s){re.escape(word)}(\s|$)", text), word


def test_a_context_costs_the_same_in_a_huge_paragraph() -> None:
    """Only about 300 characters either side of a mention are read (linear in mentions)."""
    small = "word " * 100 + "Peskov " + "word " * 100
    huge = "word " * 400_000 + "Peskov " + "word " * 400_000

    def cost(text: str) -> float:
        at = text.index("Peskov")
        return min(timeit.repeat(lambda: sentence_around(text, at, at + 6), number=200, repeat=3))

    assert cost(huge) < 5 * cost(small) + 0.005


def test_a_paragraph_of_450_kb_is_not_quoted_whole_on_actor_pages(make_site: MakeSite) -> None:
    body = ("Peskov and Putin met, " + "then they talked and talked " * 16_500) + "and NSC"
    body += " and the Kremlin drone incident, all without a full stop"
    assert len(body) > 450_000
    run = make_site({**ACTORS, "content/articles/a.md": article(title="Huge", body=body)})
    assert run.code == 0, run.err
    for page_path in (
        "actors/dmitry-peskov.html",
        "actors/vladimir-putin.html",
        "actors/nsc.html",
        "events/kremlin-drone-incident.html",
    ):
        page = run.page(page_path)
        [huge] = [q for q in page.select("#mentioned ~ ul li") if q.a and q.a.text == "Huge"]
        context = huge.q.text if huge.q else ""
        assert len(context) <= CONTEXT_CHARS + 2, page_path
        assert "…" in context, page_path
        assert (run.output / page_path).stat().st_size < 30_000, page_path


def test_attributed_quote_becomes_a_figure_and_joins_in_their_words(make_site: MakeSite) -> None:
    body = "Intro.\n\n> We know full well.\n> It was planned.\n>\n> — Peskov, to reporters"
    run = make_site({**ACTORS, "content/articles/a.md": article(title="Briefing", body=body)})
    assert run.code == 0, run.err
    figure = first(run.page("articles/a.html"), ".body figure.quote")
    assert "We know full well." in first(figure, "blockquote").get_text()
    caption = first(figure, "figcaption")
    assert " ".join(caption.get_text().split()) == "— Peskov, to reporters"
    assert first(caption, "a")["href"] == "../actors/dmitry-peskov.html"
    words = run.page("actors/dmitry-peskov.html")
    assert texts(words, "#in-their-words ~ figure blockquote") == [
        "We know full well. It was planned."
    ]
    assert texts(words, "#in-their-words ~ figure figcaption a") == ["Briefing"]


def test_blockquote_without_known_speaker_stays_a_blockquote(make_site: MakeSite) -> None:
    body = "> Words.\n>\n> — Somebody Unknown"
    run = make_site({**ACTORS, "content/articles/a.md": article(body=body)})
    assert run.code == 0, run.err
    assert run.page("articles/a.html").select(".body figure") == []


CLAIMS = """
---
title: Denial
date: 2023-05-04
actors: [Peskov]
events: [Kremlin drone incident]
claims:
  - by: Peskov
    about: Kremlin drone incident
    stance: asserts
    text: Washington decides the targets.
  - by: NSC
    about: kremlin-drone-incident
    stance: denies
    text: The US had nothing to do with it.
---
Body.
"""


def test_claims_show_on_event_and_actor_pages(make_site: MakeSite) -> None:
    run = make_site({**ACTORS, "content/articles/a.md": CLAIMS})
    assert run.code == 0, run.err
    event = run.page("events/kremlin-drone-incident.html")
    rows = [texts(row, "td") for row in event.select(".claims tbody tr:not(.group-head)")]
    assert [row[:3] for row in rows] == [  # the site's verdict before each claim
        ["Dmitry Peskov", "asserts", "? Unverified Washington decides the targets."],
        ["National Security Council", "denies", "? Unverified The US had nothing to do with it."],
    ]
    assert rows[0][3] == "Denial 4 May 2023"
    actor = run.page("actors/nsc.html")
    assert [texts(r, "td")[:2] for r in actor.select(".claims tbody tr")] == [
        ["Kremlin drone incident", "denies"]
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "stance: denies",
            "stance: shrugs",
            '"stance: shrugs" is not one of: asserts, denies, disputes, confirms',
        ),
        (
            "by: NSC",
            "by: Nobody",
            'claim: "Nobody" names no actor of the site; use the name or slug of one actor',
        ),
        (
            "about: kremlin-drone-incident",
            "about: Other",
            'claim: "Other" names no event of the site; use the name or slug of one event',
        ),
    ],
)
def test_claim_mistakes_are_errors_at_their_line(
    make_site: MakeSite, old: str, new: str, message: str
) -> None:
    run = make_site({**ACTORS, "content/articles/a.md": CLAIMS.replace(old, new)})
    assert run.code == 1
    assert run.error_lines == [f"{run.site}/content/articles/a.md:11: {message}"]


def test_check_suggests_actors_the_body_mentions_but_does_not_name(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    body = "Intro.\n\nLater Putin spoke, and Peskov too."
    run = make_site({**ACTORS, "content/articles/a.md": article(actors="[Peskov]", body=body)})
    checked = run_dossier(run.site, command="check")
    assert checked.code == 0
    assert [line for line in checked.out.splitlines() if "suggestion" in line] == [
        f'{run.site}/content/articles/a.md:10: suggestion: the story mentions "Putin" '
        "(Vladimir Putin) but does not name them; add Vladimir Putin to actors:"
    ]
