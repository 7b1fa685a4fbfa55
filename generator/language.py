"""The reader's language: the theme's labels in it, and its dates, for one site.

`Language(code, labels)` is plain frozen data (so a page's signature covers it); what it
needs is made once per language and kept: the message catalogue
(`generator/theme/locale/LANG.po`, read by Babel's `read_po` when first asked, with the
site's `labels:` from site.yaml over it) and Babel's `Locale` for dates. English, the
language the theme is written in, takes no catalogue and keeps its own date format
("3 May 2023", "May 2023"); a language dossier has no catalogue for falls back to the
English labels, with its dates still in its own words where Babel knows the locale.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.source.schema import MONTH_NAMES
from generator.when import When

if TYPE_CHECKING:  # Babel is imported when a site is not in English, not before
    from babel import Locale
    from babel.messages.catalog import Catalog

LOCALE_DIR = Path(__file__).parent / "theme" / "locale"
TEMPLATE = "messages.pot"  # every message of the theme, as `pybabel extract` wrote it
DASH = "\u2013"  # between the two ends of a span of dates
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# a message and what the site says instead: one text, or one per plural form
Labels = tuple[tuple[str, str | tuple[str, ...]], ...]


def N_(message: str) -> str:
    """Marks a message for `pybabel extract` where it is written, translated where shown."""
    return message


@lru_cache(maxsize=64)
def babel_locale(code: str) -> Locale | None:
    """Babel's locale for a language tag (`pt-BR`), or None when Babel has none."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        try:
            return Locale.parse(code.split("-")[0])
        except (UnknownLocaleError, ValueError):
            return None


def is_english(code: str) -> bool:
    return code.split("-")[0].lower() == "en"


def catalogue_file(code: str) -> Path | None:
    """The theme's catalogue for a language tag: `pt_BR.po`, else `pt.po`; None for none."""
    parts = code.replace("_", "-").split("-")
    for name in ("_".join([parts[0].lower(), *parts[1:]]), parts[0].lower()):
        path = LOCALE_DIR / f"{name}.po"
        if path.is_file():
            return path
    return None


def read_catalogue(path: Path, locale: Locale | None) -> Catalog:
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        return read_po(file, locale=locale)


@lru_cache(maxsize=16)
def translations(code: str, labels: Labels = ()) -> gettext.NullTranslations:
    """The theme's messages in this language, the site's `labels:` over them."""
    found = None if is_english(code) else catalogue_file(code)
    if found is None and not labels:
        return gettext.NullTranslations()  # English: every message as it is written
    from babel.messages.mofile import write_mo
    from babel.support import Translations

    locale = babel_locale(code) if found is not None else None
    catalog = read_catalogue(found or LOCALE_DIR / TEMPLATE, locale)
    for message, text in labels:
        known = catalog.get(message)
        forms = (text,) if isinstance(text, str) else text
        if known is None:
            catalog.add(message, forms[0])
        elif isinstance(known.id, (tuple, list)):
            count = catalog.num_plurals
            known.string = tuple((forms + forms[-1:] * count)[:count])
        else:
            known.string = forms[0]
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


@lru_cache(maxsize=16)
def direction(code: str) -> str:
    """`rtl` for a language written right to left (Arabic, Hebrew, Persian, Urdu...)."""
    if is_english(code):
        return "ltr"
    locale = babel_locale(code)
    return "rtl" if locale is not None and locale.character_order == "right-to-left" else "ltr"


@dataclass(frozen=True, slots=True)
class Language:
    """What a page is written in: its language tag and the site's own `labels:`."""

    code: str = "en"
    labels: Labels = ()

    @property
    def english(self) -> bool:
        """Dates as dossier always wrote them, and no catalogue unless the site has labels."""
        return is_english(self.code) or babel_locale(self.code) is None

    def gettext(self, message: str) -> str:
        if not self.labels and is_english(self.code):
            return message
        return translations(self.code, self.labels).gettext(message)

    def ngettext(self, one: str, many: str, count: int) -> str:
        if not self.labels and is_english(self.code):
            return one if count == 1 else many
        return translations(self.code, self.labels).ngettext(one, many, count)

    def date(self, moment: dt.date) -> str:
        """`3 May 2023` (`3 mai 2023`, `3. Mai 2023`); a time of day after a comma."""
        if self.english:
            text = f"{moment.day} {MONTH_NAMES[moment.month - 1]} {moment.year}"
        else:
            text = _long_date(self.code, _day(moment))
        if isinstance(moment, dt.datetime):
            text += f", {moment:%H:%M}"
        return text

    def month(self, year: int, month: int) -> str:
        """`May 2023` (`mai 2023`, `Mai 2023`)."""
        if self.english:
            return f"{MONTH_NAMES[month - 1]} {year}"
        return _month(self.code, year, month)

    def when(self, when: When) -> str:
        """A date at the precision given: `2019`, `May 2023`, `3 May 2023`; `c. 2019`."""
        day = when.day
        if when.precision == "year":
            text = str(day.year)
        elif when.precision == "month":
            text = self.month(day.year, day.month)
        else:
            text = self.date(when.first)
        return self.gettext("c. %(date)s") % {"date": text} if when.circa else text

    def span(self, start: When, end: When | None) -> str:
        """`3-5 May 2023`, `May-June 2023`, `2019-2021` (with an en dash): a start and an end at one
        precision share what they have in common; otherwise each is written whole."""
        if end is None or end == start:
            return self.when(start)
        joinable = (
            start.precision == end.precision
            and not start.circa
            and not end.circa
            and not isinstance(start.first, dt.datetime)
            and not isinstance(end.first, dt.datetime)
        )
        if not joinable:
            return f"{self.when(start)} {DASH} {self.when(end)}"
        if self.english:
            return _english_span(start, end)
        return _interval(self.code, start.day, end.day, start.precision)

    def short_month(self, month: int) -> str:
        """`May`, for the labels under a chart's bars."""
        if self.english:
            return SHORT_MONTHS[month - 1]
        return _short_month(self.code, month)

    def short_date(self, day: dt.date) -> str:
        """`3 May`, for the labels under a chart's bars."""
        if self.english:
            return f"{day.day} {SHORT_MONTHS[day.month - 1]}"
        return _short_date(self.code, day)


ENGLISH = Language()


def _english_span(start: When, end: When) -> str:
    a, b = start.day, end.day
    if start.precision == "year":
        return f"{a.year}{DASH}{b.year}"
    if start.precision == "month":
        if a.year == b.year:
            return f"{MONTH_NAMES[a.month - 1]}{DASH}{MONTH_NAMES[b.month - 1]} {a.year}"
        return f"{MONTH_NAMES[a.month - 1]} {a.year} {DASH} {MONTH_NAMES[b.month - 1]} {b.year}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}{DASH}{b.day} {MONTH_NAMES[a.month - 1]} {a.year}"
    if a.year == b.year:
        return (
            f"{a.day} {MONTH_NAMES[a.month - 1]} {DASH} {b.day} {MONTH_NAMES[b.month - 1]} {a.year}"
        )
    return f"{ENGLISH.date(a)} {DASH} {ENGLISH.date(b)}"


_SKELETONS = {"year": "y", "month": "yMMMM", "day": "yMMMMd"}


@lru_cache(maxsize=4096)
def _interval(code: str, first: dt.date, last: dt.date, precision: str) -> str:
    from babel.dates import format_interval

    return format_interval(first, last, _SKELETONS[precision], locale=babel_locale(code))


def _day(moment: dt.date) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


@lru_cache(maxsize=65536)
def _long_date(code: str, day: dt.date) -> str:
    from babel.dates import format_date

    return format_date(day, "long", locale=babel_locale(code))


@lru_cache(maxsize=4096)
def _month(code: str, year: int, month: int) -> str:
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=babel_locale(code))


@lru_cache(maxsize=1024)
def _short_month(code: str, month: int) -> str:
    from babel.dates import format_date

    return format_date(dt.date(2000, month, 1), "LLL", locale=babel_locale(code))


@lru_cache(maxsize=4096)
def _short_date(code: str, day: dt.date) -> str:
    from babel.dates import format_skeleton

    return format_skeleton("MMMd", day, locale=babel_locale(code))
