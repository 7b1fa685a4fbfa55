"""Corrections, updates and clarifications of a story: `updates:`.

In: an article's front matter, through its `FieldReader`, and the article's date. Out:
`UpdateDoc`s in the order written (newest last); an error at an entry's line for each
mistake, including an entry dated before the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.source.schema import CONTROL, FieldReader, Moment, day_of, kind_of, parse_moment

UPDATE_KINDS = ("correction", "update", "clarification")


@dataclass(frozen=True, slots=True)
class UpdateDoc:
    """One `updates:` entry: a dated correction, update or clarification of the story."""

    date: Moment
    kind: str  # one of UPDATE_KINDS
    text: str
    line: int


def read_updates(f: FieldReader, key: str, published: Moment | None) -> tuple[UpdateDoc, ...]:
    """`updates:`, each `{date, kind, text}` and none dated before `published`, the
    article's date; in the order written (newest last)."""
    shape = "a list of {date, kind, text} entries"
    return f.entries(key, shape, lambda _, item, line: _update(f, key, item, line, published))


def _update(
    f: FieldReader, key: str, item: object, line: int, published: Moment | None
) -> UpdateDoc | None:
    fields = ("date", "kind", "text")
    if not isinstance(item, dict) or set(item) != set(fields):
        f.fail(key, f"each update needs exactly: {', '.join(fields)}", line)
        return None
    raw_date, raw_kind, raw_text = (item[name] for name in fields)
    ok = True
    try:
        if not isinstance(raw_date, str):
            raise ValueError(f"not {kind_of(raw_date)}")
        date = parse_moment(raw_date)
    except ValueError as exc:
        f.fail(key, f'update "date: {raw_date}" is not a valid date ({exc}); use YYYY-MM-DD', line)
        ok = False
    kind = raw_kind.strip().lower() if isinstance(raw_kind, str) else ""
    if kind not in UPDATE_KINDS:
        f.fail(key, f'update "kind: {raw_kind}" is not one of: {", ".join(UPDATE_KINDS)}', line)
        ok = False
    text = " ".join(CONTROL.sub("", raw_text).split()) if isinstance(raw_text, str) else ""
    if not text:
        f.fail(key, "update text is empty; say what was corrected or changed", line)
        ok = False
    if not ok:
        return None
    if published is not None and day_of(date) < day_of(published):
        f.fail(
            key,
            f"{kind} dated {day_of(date)} is before the article's date "
            f"({day_of(published)}); fix either date",
            line,
        )
        return None
    return UpdateDoc(date, kind, text, line)
