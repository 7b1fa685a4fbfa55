"""Typed reading of front matter fields, each mistake reported at its line."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar
from urllib.parse import urlsplit

from generator.errors import ContentError
from generator.slugs import make_slug
from generator.source.yamlsafe import YamlMapping
from generator.when import When, parse_when

Moment = dt.date | dt.datetime
T = TypeVar("T")
MONTH_NAMES = (
    ("January", "February", "March", "April", "May", "June")  # noqa: RUF005
    + ("July", "August", "September", "October", "November", "December")
)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # invalid in HTML and XML text
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])  # the same
WEB_SCHEMES = ("http", "https")
WIKIDATA = re.compile(r"(?:https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/)?(Q[1-9][0-9]*)")


@dataclass(frozen=True, slots=True)
class Name:
    """A reference to an actor or event, as written, with its line."""

    text: str
    line: int


STANCES = ("asserts", "denies", "disputes", "confirms")


@dataclass(frozen=True, slots=True)
class ClaimDoc:
    """One `claims:` entry as written: who says what about which event."""

    by: Name
    about: Name
    stance: str
    text: str
    line: int
    status: str = "unverified"  # the site's verdict: see source.claims.VERDICTS
    evidence: tuple[Name, ...] = ()  # stories of the site (slug or path) or web addresses


class FrozenMap(dict[Any, Any]):
    """A mapping that cannot change and can be hashed: `extra:` as templates receive it
    (`article.extra.desk`, `article.extra["desk"]`, `| tojson`, since it is a dict), with
    every mapping inside it frozen too and every list a tuple (see `frozen`). Equal and
    hashed by its items in order, so view records holding it stay frozen data, and a
    page's signature (which reads its repr, the dict's) changes when a value does."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self.items()))

    def __reduce__(self) -> tuple[type[FrozenMap], tuple[tuple[tuple[Any, Any], ...]]]:
        return FrozenMap, (tuple(self.items()),)

    def _frozen(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("extra: is read-only")

    __setitem__ = __delitem__ = __ior__ = _frozen
    clear = pop = popitem = setdefault = update = _frozen


NO_EXTRA = FrozenMap()


def frozen(value: object) -> object:
    """A YAML value as frozen data: mappings as `FrozenMap`s, lists as tuples, text without
    control characters (as every other field), the rest as it is."""
    if isinstance(value, dict):
        return FrozenMap((frozen(k), frozen(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(frozen(item) for item in value)
    if isinstance(value, str):
        return CONTROL.sub("", value)
    return value


def is_address(ref: str) -> bool:
    """Whether a reference is written as an address (`https://...`, `mailto:...`) rather
    than as a story's file name or path (which has no colon before its first slash)."""
    return ":" in ref.strip().split("/", 1)[0]


def is_web_url(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def parse_moment(raw: str) -> Moment:
    """An ISO date (`2023-05-04`) or date-time (`2023-05-04T10:30`, `... 10:30+03:00`)."""
    text = raw.strip()
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text)


class FieldReader:
    """Reads one document's fields; collects every error instead of stopping at the first."""

    def __init__(self, fm: YamlMapping, allowed: Iterable[str]) -> None:
        self.fm = fm
        self.errors: list[ContentError] = []
        known = sorted(allowed)
        for key in fm.data:
            if key not in known:
                hint = difflib.get_close_matches(key, known, n=1)
                fix = f'did you mean "{hint[0]}"?' if hint else "known: " + ", ".join(known)
                self.fail(key, f'unknown field "{key}" ({fix})')

    def fail(self, key: str, message: str, line: int | None = None) -> None:
        self.errors.append(ContentError(self.fm.path, line or self.fm.line(key), message))

    def _raw(self, key: str, required: bool) -> Any:
        value = self.fm.data.get(key)
        if value is None and required:
            self.errors.append(
                ContentError(self.fm.path, self.fm.line(key), f'missing "{key}"; add `{key}: ...`')
            )
        return value

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self._raw(key, required)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.fail(key, f'"{key}" must be text, not {kind_of(value)}; quote it')
            return None
        value = CONTROL.sub("", value)  # YAML escapes such as "\x07" can write them
        if required and not value.strip():
            self.fail(key, f'"{key}" is empty; write one')
            return None
        return value.strip() or None

    def names(self, key: str) -> tuple[Name, ...]:
        value = self._raw(key, False)
        if value is None:
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            self.fail(key, f'"{key}" must be a list like [First Name, Other Name]')
            return ()
        out: list[Name] = []
        for index, item in enumerate(items):
            line = self.fm.item_line(key, index) if not isinstance(value, str) else None
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                self.fail(key, f'each entry of "{key}" must be a name (text)', line)
                continue
            out.append(Name(" ".join(CONTROL.sub("", item).split()), line or self.fm.line(key)))
        return tuple(out)

    def authors(self) -> tuple[str, ...]:
        """`author: Jane Reporter` or `authors: [Jane Reporter, Sam Writer]`, not both: the
        names in order, each once."""
        one, many = self._raw("author", False), self._raw("authors", False)
        if one is not None and many is not None:
            first, second = sorted(("author", "authors"), key=self.fm.line)
            self.fail(
                second,
                f'"author" and "authors" are both given (line {self.fm.line(first)}); keep '
                "one: authors: [First Name, Other Name] for several",
            )
            return ()
        if one is not None:
            if isinstance(one, (int, float)) and not isinstance(one, bool):
                one = str(one)
            if not isinstance(one, str):
                self.fail(
                    "author", '"author" must be a name (text); for several write authors: [...]'
                )
                return ()
            name = " ".join(CONTROL.sub("", one).split())
            if not name:
                self.fail("author", '"author" is empty; write a name, or remove the line')
                return ()
            return (name,)
        found = self.names("authors")
        if many == []:
            self.fail("authors", '"authors" is empty; write a name, or remove the line')
        return tuple(dict.fromkeys(name.text for name in found))

    def mapping(self, key: str) -> FrozenMap:
        """Any mapping, kept as it is (frozen, see `FrozenMap`): read by templates only."""
        value = self._raw(key, False)
        if value is None:
            return NO_EXTRA
        if not isinstance(value, dict):
            what = "text" if isinstance(value, str) else kind_of(value)
            what = "a number" if isinstance(value, (int, float)) and what != "true/false" else what
            self.fail(key, f'"{key}" must be a mapping like {{desk: Europe}}, not {what}')
            return NO_EXTRA
        result = frozen(value)
        assert isinstance(result, FrozenMap)
        return result

    def entries(
        self, key: str, shape: str, read: Callable[[int, Any, int], T | None]
    ) -> tuple[T, ...]:
        """A list field, entry by entry: `read(index, item, line)` gives an entry's record,
        or None once it has reported what is wrong with it. A value that is not a list is
        an error: `"key" must be <shape>`."""
        value = self.fm.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail(key, f'"{key}" must be {shape}')
            return ()
        found = (read(i, item, self.fm.item_line(key, i)) for i, item in enumerate(value))
        return tuple(entry for entry in found if entry is not None)

    def words(self, key: str) -> tuple[str, ...]:
        return tuple(name.text for name in self.names(key))

    def moment(self, key: str, *, required: bool = False) -> Moment | None:
        value = self._raw(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(key, f'"{key}" must be a date like 2023-05-04, not {kind_of(value)}')
            return None
        try:
            return parse_moment(value)
        except ValueError as exc:
            self.fail(key, f'"{key}: {value}" is not a valid date ({exc}); use YYYY-MM-DD')
            return None

    def when(self, key: str, *, required: bool = False) -> When | None:
        """A date at the precision written: `2023`, `2023-05`, `2023-05-03` or a date-time."""
        value = self._raw(key, required)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # `since: 2012` is read by YAML as a number
        if not isinstance(value, str):
            self.fail(key, f'"{key}" must be a date like 2023-05-04, 2023-05 or 2023')
            return None
        try:
            return parse_when(value)
        except ValueError as exc:
            self.fail(
                key,
                f'"{key}: {value}" is not a valid date ({exc}); use YYYY-MM-DD, YYYY-MM or YYYY',
            )
            return None

    def flag(self, key: str, *, default: bool = False) -> bool:
        value = self._raw(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(key, f'"{key}" must be true or false')
            return False
        return value

    def choice(
        self,
        key: str,
        options: tuple[str, ...],
        default: str,
        spellings: Mapping[str, str] | None = None,
    ) -> str:
        """One of `options`, in any case; `spellings` maps other accepted words to them."""
        value = self.text(key)
        if value is None:
            return default
        word = value.lower()
        word = (spellings or {}).get(word, word)
        if word not in options:
            self.fail(key, f'"{key}: {value}" is not one of: {", ".join(options)}')
            return default
        return word

    def wikidata(self, key: str) -> Name | None:
        """A Wikidata item id (`Q7747`, or the item's address), with its line."""
        value = self.text(key)
        if value is None:
            return None
        found = WIKIDATA.fullmatch(value)
        if found is None:
            self.fail(
                key,
                f'"{key}: {value}" is not a Wikidata item id; copy the Q-number from the '
                "item's page on wikidata.org, as in Q7747",
            )
            return None
        return Name(found[1], self.fm.line(key))

    def page_names(self, key: str) -> tuple[Name, ...]:
        """Former file names of a page (`redirect_from`): each a slug, as the file's name
        without `.md` was."""
        out = []
        for name in self.names(key):
            text = name.text.removesuffix(".md")
            if make_slug(text) != text:
                self.fail(
                    key,
                    f'"{name.text}" is not a page\'s name; write the old file name without '
                    f'".md", as in {make_slug(text)}',
                    name.line,
                )
                continue
            out.append(Name(text, name.line))
        return tuple(out)


def day_of(moment: Moment) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
