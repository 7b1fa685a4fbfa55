"""An article's `claims:` as written: who says what about which event, and the site's
verdict on it.

In: the article's `FieldReader`. Out: a `ClaimDoc` per entry: `by` (an actor), `about` (an
event), `stance` and `text`, and, optionally, `status` (the site's verdict, one of
`VERDICTS`; `unverified` when none is given) and `evidence` (stories of the site, by slug
or path, resolved in `model.citations`, or http(s) addresses), each mistake an error at
its line. An address with any other scheme (`javascript:`, `file:`, `data:`) is refused
here, before any page could link to it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from generator.source.schema import (
    CONTROL,
    STANCES,
    ClaimDoc,
    FieldReader,
    Name,
    is_address,
    is_web_url,
)

REQUIRED = ("by", "about", "stance", "text")
OPTIONAL = ("status", "evidence")
VERDICTS = ("unverified", "confirmed", "disputed", "false", "retracted")
UNVERIFIED = VERDICTS[0]
EVIDENCE_SHAPE = (
    "claim evidence must be a story of the site or a web address, or a list of them, as in "
    "evidence: [articles/2023-05-05-follow-up, https://example.org/report]"
)

Problem = tuple[int, str]  # a line and what is wrong there


def read_claims(f: FieldReader, key: str) -> tuple[ClaimDoc, ...]:
    shape = "a list of {by, about, stance, text} entries"
    return f.entries(key, shape, lambda index, item, _: _claim(f, key, index, item))


def _claim(f: FieldReader, key: str, index: int, item: object) -> ClaimDoc | None:
    line = f.fm.item_line(key, index)
    if not isinstance(item, dict) or not set(REQUIRED) <= set(item) <= {*REQUIRED, *OPTIONAL}:
        f.fail(
            key,
            f"each claim needs exactly: {', '.join(REQUIRED)} (and may have "
            f"{' and '.join(OPTIONAL)})",
            line,
        )
        return None
    values = {k: CONTROL.sub("", v) if isinstance(v := item[k], str) else v for k in REQUIRED}
    bad = [k for k, v in values.items() if not isinstance(v, str) or not v.strip()]
    if bad:
        f.fail(key, f"claim field{'s' if len(bad) > 1 else ''} {', '.join(bad)}: write text", line)
        return None
    stance = values["stance"].strip().lower()
    if stance not in STANCES:  # reported; the claim is kept, so its names are checked too
        f.fail(key, f'"stance: {values["stance"]}" is not one of: {", ".join(STANCES)}', line)

    def line_of(inner: str) -> int:
        return f.fm.inner_line(key, index, inner)

    status, problems = read_status(item.get("status"), line_of("status"))
    evidence, more = read_evidence(
        item.get("evidence"), lambda n: line_of("evidence" if n is None else f"evidence[{n}]")
    )
    for at, message in problems + more:
        f.fail(key, message, at)
    by, about = " ".join(values["by"].split()), " ".join(values["about"].split())
    text = values["text"].strip()
    return ClaimDoc(Name(by, line), Name(about, line), stance, text, line, status, evidence)


def read_status(raw: object, line: int) -> tuple[str, list[Problem]]:
    """The verdict in `status:`, in any case; `unverified` when it is missing or wrong."""
    if raw is None:
        return UNVERIFIED, []
    word = "false" if raw is False else raw.strip().lower() if isinstance(raw, str) else ""
    if word in VERDICTS:
        return word, []
    shown = str(raw).lower() if isinstance(raw, bool) else raw
    hint = difflib.get_close_matches(word, VERDICTS, n=1) if word else []
    fix = f' (did you mean "{hint[0]}"?)' if hint else ""
    allowed = ", ".join(VERDICTS)
    return UNVERIFIED, [(line, f'claim "status: {shown}" is not one of: {allowed}{fix}')]


def read_evidence(
    raw: object, line_of: Callable[[int | None], int]
) -> tuple[tuple[Name, ...], list[Problem]]:
    """`evidence:`, one entry or a list of them: each a story of the site (its slug, or its
    path as `articles/2023-05-05-follow-up`) or an http(s) address. `line_of(n)` is the
    line of item n, `line_of(None)` that of the key."""
    if raw is None:
        return (), []
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list):
        return (), [(line_of(None), EVIDENCE_SHAPE)]
    found: list[Name] = []
    problems: list[Problem] = []
    for index, item in enumerate(items):
        line = line_of(None if isinstance(raw, str) else index)
        text = CONTROL.sub("", item).strip() if isinstance(item, str) else ""
        if not text:
            problems.append((line, EVIDENCE_SHAPE))
        elif is_address(text) and not is_web_url(text):
            problems.append(
                (
                    line,
                    f'claim evidence "{text}" is not an http:// or https:// address; link the '
                    "web page that supports the verdict, or name a story of the site",
                )
            )
        else:
            found.append(Name(text, line))
    return tuple(found), problems
