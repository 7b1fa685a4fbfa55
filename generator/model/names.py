"""The names of one kind of entity (actors, or events): which entity a name means, and
which names two files claim at once.

An entity is known by its name, its aliases and its slug (its file name), kept in the
name resolver's `NameTable` (`model.resolver`: names compared by `name_key`, and a text no
name matches tried as a file name). A name that two entities go by (two people called
Berg who share an alias, two files with one name, one actor's name that is another's
alias) cannot be resolved: naming it anywhere is an error, and the clash is reported
against both files, as an error when something names it and as a warning otherwise.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError
from generator.model.resolver import NameTable, name_key
from generator.slugs import make_slug
from generator.source.schema import Name
from generator.spelling import nearest, sound_key

Where = tuple[Path, int]  # a file and a line


@dataclass(frozen=True, slots=True)
class Holder:
    """One way an entity goes by a name: as its name, an alias, or its file name."""

    slug: str
    text: str  # as the file spells it
    how: str  # "name", "alias" or "file name"
    path: Path | None  # None: an entity known only from the articles that name it
    line: int


class Names:
    """The names of one kind of entity, filled as files are read; then asked to resolve."""

    def __init__(self, what: str) -> None:
        self.what = what  # "actor" or "event", for messages
        self._table = NameTable[str]()  # every entity, by slug, under its names and file name
        self._holders: list[tuple[str, Holder]] = []  # (key, how one goes by it), for clashes
        self._file: dict[str, Path | None] = {}  # slug -> its file, for every entity
        self._used: dict[str, Where] = {}  # clashing key -> the first place that names it
        self._near: _Near | None = None  # made at the first unknown name (see `suggest`)
        self.spelling: dict[str, str] = {}  # slug -> its name as spelled
        self.hints: list[ContentError] = []  # "did you mean", at names with no file
        self._meant: dict[str, Holder | None] = {}  # entity with no file -> what it may be
        self._first: dict[str, Where] = {}  # entity with no file -> where it was first named

    def register(self, slug: str, spelling: str, path: Path | None, line: int = 1) -> None:
        """An entity, by its name and its slug."""
        self._file[slug] = path
        self.spelling[slug] = spelling
        self._table.add_slug(slug, slug)
        self._hold(spelling, Holder(slug, spelling, "name", path, line))
        if path is not None:  # one known only from articles is found by its slug anyway
            self._hold(slug, Holder(slug, slug, "file name", path, line))

    def add_aliases(self, slug: str, aliases: Iterable[Name], path: Path) -> None:
        for alias in aliases:
            self._hold(alias.text, Holder(slug, alias.text, "alias", path, alias.line))

    def _hold(self, text: str, holder: Holder) -> None:
        self._holders.append((self._table.add(text, holder.slug), holder))

    def lookup(self, text: str, where: Where | None = None) -> Collection[str]:
        """Every entity that `text` may mean (more than one: it cannot be resolved).
        `where` names the place that asks, for the report of a clash."""
        found = self._table.find(text, by_file_name=True)
        if len(found) > 1 and where is not None:
            self._used.setdefault(self._table.key(text), where)
        return found

    def resolve_or_add(self, name: Name, path: Path, errors: list[ContentError]) -> str | None:
        """Find a name; an unknown one becomes an entity known only from the articles."""
        found = self.lookup(name.text, (path, name.line))
        if len(found) > 1:
            errors.append(ContentError(path, name.line, self.ambiguous(name.text, found)))
            return None
        if found:
            slug = next(iter(found))
            if self._file[slug] is None:
                self._hint(slug, name, path)
            return slug
        slug = make_slug(name.text)
        fresh = slug not in self._file
        self.register(slug, name.text, None)
        if fresh:
            self._first[slug] = (path, name.line)
            self._meant[slug] = self.suggest(name.text)
            self._hint(slug, name, path)
        return slug

    def _hint(self, slug: str, name: Name, path: Path) -> None:
        """A warning at each use of a name that has no file but looks like one that has."""
        meant = self._meant.get(slug)
        if meant is not None:
            message = (
                f'"{name.text}" has no {self.what} file; did you mean "{meant.text}" '
                f"({meant.path})? add it to that file's aliases"
            )
            self.hints.append(ContentError(path, name.line, message))

    def split(self) -> list[ContentError]:
        """Warnings for one actor split in two among the names with no file: "Peskov"
        where other stories name "Dmitry Peskov" (as when the file that gave him both
        names was deleted). At the first place that names the one-word name."""
        if self.what != "actor":
            return []  # events have no surnames
        fileless = [h for _, h in self._holders if h.path is None and h.how == "name"]
        full = surnames(fileless)
        warnings = []
        for holder in fileless:
            words = name_key(holder.text).split()
            meant = full.get(words[0]) if len(words) == 1 else None
            where = self._first.get(holder.slug)
            if meant is None or meant.slug == holder.slug or where is None:
                continue
            message = (
                f'"{holder.text}" and "{meant.text}" have no {self.what} file, and may be '
                f"one {self.what}; write one name for them, or give them a file with the "
                "other as an alias"
            )
            warnings.append(ContentError(where[0], where[1], message))
        return warnings

    def suggest(self, text: str) -> Holder | None:
        """The name or alias in a file that `text`, which no name matches, most likely
        means: one that sounds the same (`sound_key`: Volodymyr and Vladimir, Serhiy and
        Sergei), or one a typo away (`nearest`). None when nothing is near."""
        if self._near is None:
            held = [h for _, h in self._holders if h.path is not None and h.how != "file name"]
            self._near = _Near(held, self.what)
        return self._near.find(text)

    def ambiguous(self, text: str, found: Collection[str]) -> str:
        """What to say where `text`, which means all of `found`, is used."""
        files = " and ".join(str(self._file[slug]) for slug in sorted(found))
        return (
            f'"{text}" is ambiguous: it names the {self.what}s in {files}; write a name only '
            f"one of them goes by, or settle the clash in those files"
        )

    def clashes(self) -> tuple[list[ContentError], list[ContentError]]:
        """Each file's part in each clash: errors where something names the clashing
        name, warnings where nothing does."""
        errors: list[ContentError] = []
        warnings: list[ContentError] = []
        holders: dict[str, list[Holder]] = {key: [] for key, _ in self._table.shared()}
        for key, holder in self._holders:
            if key in holders:
                holders[key].append(holder)
        for key, held in holders.items():
            # each entity once, by the way it goes by the name: a name or alias first
            first: dict[str, Holder] = {}
            for holder in sorted(held, key=lambda h: h.how == "file name"):
                first.setdefault(holder.slug, holder)
            used = self._used.get(key)
            for holder in first.values():
                if holder.path is None:
                    continue
                others = self._others([o for o in first.values() if o.slug != holder.slug])
                if not others:
                    continue  # only entities known from articles: nothing to rename
                message = (
                    f'"{holder.text}", {_AS[holder.how]} here, is also {others}; rename one, '
                    f"or merge the {self.what}s and delete the other file"
                )
                if used is None:
                    warnings.append(ContentError(holder.path, holder.line, message))
                else:
                    message += f" ({used[0]}:{used[1]} names it)"
                    errors.append(ContentError(holder.path, holder.line, message))
        return errors, warnings

    def _others(self, others: list[Holder]) -> str:
        """The other files in a clash, by how they go by the name; a few of each, named."""
        parts = []
        for how, said in _AS.items():
            group = [str(o.path) for o in others if o.how == how and o.path is not None]
            if len(group) == 1:
                parts.append(f"{said} of the {self.what} in {group[0]}")
            elif group:
                shown = ", ".join(group[:SHOWN])
                more = f" and {len(group) - SHOWN} more" if len(group) > SHOWN else ""
                parts.append(f"{said} of {len(group)} other {self.what}s ({shown}{more})")
        return " and ".join(parts)


class _Near:
    """The names and aliases in files, by sound key and by name key, for suggestions."""

    def __init__(self, holders: list[Holder], what: str) -> None:
        self.by_sound: dict[str, Holder] = {}
        for holder in holders:
            self.by_sound.setdefault(sound_key(holder.text), holder)
        self.holders = holders
        self.keys = [name_key(holder.text) for holder in holders]
        people = [h for h in holders if h.how == "name" and what == "actor"]
        self.by_surname = surnames(people)  # events have no surnames

    def find(self, text: str) -> Holder | None:
        holder = self.by_sound.get(sound_key(text)) or self.by_surname.get(name_key(text))
        if holder is not None:
            return holder
        at = nearest(name_key(text), self.keys)
        return None if at is None else self.holders[at]


def surnames(holders: Iterable[Holder]) -> dict[str, Holder]:
    """The last word of each name of several words (its key), where only one name ends so:
    "Peskov" may mean Dmitry Peskov; "Berg", shared by Anna and Jonas Berg, means nobody."""
    found: dict[str, Holder | None] = {}
    for holder in holders:
        words = name_key(holder.text).split()
        if len(words) > 1:
            last = words[-1]
            before = found.get(last, holder)
            found[last] = holder if before is not None and before.slug == holder.slug else None
    return {key: holder for key, holder in found.items() if holder is not None}


SHOWN = 3  # files named in a clash's message, of each kind; the rest are counted
_AS = {"name": "the name", "alias": "an alias", "file name": "the file name"}
