"""CSV text: one header row, RFC 4180 quoting (the `csv` module), UTF-8, and no formulas.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
return before one) as a formula; such a cell gets a leading apostrophe, which spreadsheets
hide and which keeps the text as text (OWASP's advice on CSV injection). Every other cell
is written as it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a data file: its header and what it holds (English, translated on
    the "Open data" page)."""

    name: str
    about: str


def neutralised(cell: str) -> str:
    """The cell, with a leading apostrophe when a spreadsheet would take it for a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_text(columns: Sequence[Column], rows: Iterable[Sequence[str]]) -> str:
    """The header and the rows as CSV (lines end in CRLF, as RFC 4180 has it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.name for column in columns])
    writer.writerows([neutralised(cell) for cell in row] for row in rows)
    return buffer.getvalue()
