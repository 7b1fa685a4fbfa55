"""Who a story names: known actors and events by name or alias, proposals for the rest.

Pure: a title, a text and the site's names in, a `Detection` out. Import resolves before
it proposes: each name the story gives is matched to the site's actors first (by name,
alias, `name_key`, another romanisation by `sound_key`, or a surname only one known
person has), and only what no known actor goes by is proposed. The steps, each a module:

- `dateline`: the place a story was filed from is no actor, its agency ("(AP)") is one;
- `detect_tokens`: words, and runs of capitalised words that may be one name;
- `detect_names`: the people and organisations each run names, with their roles
  (places, titles, sentence starts, particles, regnal numbers, long organisation names);
- `detect_evidence`: whether one word is an actor, a name's kind, a role and appositives;
- `detect_words`: the word lists the others share (roles, heads, places);
- `detect_groups`: the names of one actor in the story gathered (short forms, acronyms,
  other spellings, "also written X");
- `known`: which known actor a name means, and where a known name first occurs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.authoring.dateline import dateline
from generator.authoring.detect_evidence import Mention
from generator.authoring.detect_groups import Group, group
from generator.authoring.detect_names import mentions
from generator.authoring.known import Known, KnownActors, first_hit, words_of
from generator.model.resolver import loose_key

__all__ = ["Detection", "Known", "Proposal", "detect"]


@dataclass(frozen=True, slots=True)
class Proposal:
    """A person or organisation the site does not know yet, as the story names it."""

    name: str
    kind: str  # person | organization
    aliases: tuple[str, ...] = ()
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Detection:
    actors: tuple[str, ...]  # known names and proposed names, first mentioned first
    known: tuple[str, ...]
    proposals: tuple[Proposal, ...]
    events: tuple[str, ...]


def detect(
    title: str, text: str, actors: Sequence[Known], events: Sequence[Known] = ()
) -> Detection:
    """Known actors and events named in the story, and proposals for the other actors."""
    full = f"{title}\n\n{text}"
    skip = len(title) if _title_case(title) else 0  # Every Word Capitalised: no clues there
    found = [m for m in mentions(full) if m.start >= skip]
    filed = dateline(full, len(title) + 2)
    if filed is not None:
        found = [m for m in found if not filed.start <= m.start < filed.end]
        if filed.agency is not None:
            start, end = filed.agency
            found.append(Mention(full[start:end], start, end, "organization", False, True))
            found.sort(key=lambda m: m.start)
    # "Blinken" for a known Antony Blinken, unless the story names another Blinken in full
    people = [m for m in found if not m.single and m.kind == "person"]
    known = KnownActors(actors)
    known.named_in_full(
        [m.name.split()[-1] for m in people if known.resolve(m.name, person=True) is None]
    )
    seen: dict[str, int] = {}
    new: list[Mention] = []
    for mention in found:  # each name as the story writes it, then the story's actors
        match = known.resolve(mention.name, person=mention.kind == "person")
        if match is None:
            new.append(mention)
        else:
            seen[match.name] = min(seen.get(match.name, mention.start), mention.start)
    groups: list[Group] = []
    for each in group(new, full):
        match = _resolve(known, each)
        if match is None:
            groups.append(each)
        else:
            seen[match.name] = min(seen.get(match.name, each.start), each.start)
    taken = [span for g in groups for span in g.spans]
    words = words_of(full)
    for actor in actors:
        at = first_hit(full, known.terms(actor), taken, words)
        if at is not None:
            seen[actor.name] = min(seen.get(actor.name, at), at)
    found_events = {e.name: first_hit(full, (e.name, *e.aliases), []) for e in events}
    order = sorted(
        [*((at, name) for name, at in seen.items()), *((g.start, g.name) for g in groups)]
    )
    return Detection(
        actors=tuple(dict.fromkeys(name for _, name in order)),
        known=tuple(name for _, name in sorted((at, name) for name, at in seen.items())),
        proposals=tuple(_proposal(g) for g in groups),
        events=tuple(
            n for _, n in sorted((at, n) for n, at in found_events.items() if at is not None)
        ),
    )


def _resolve(known: KnownActors, found: Group) -> Known | None:
    """The known actor a group of names means, by its full names and acronyms (a surname
    it took in may be another's: "Jane Smith", then "Smith" for a known John Smith); a
    group of one word by that word."""
    person = found.kind == "person"
    terms = list(dict.fromkeys(found.terms()))
    full = [t for t in terms if len(t.split()) > 1 or t.isupper()]
    for name in full if len(found.name.split()) > 1 else terms:
        match = known.resolve(name, person=person)
        if match is not None:
            return match
    return None


def _proposal(found: Group) -> Proposal:
    key = loose_key(found.name)
    aliases = {loose_key(n): n for n in found.aliases if loose_key(n) != key}
    return Proposal(found.name, found.kind, tuple(aliases.values()), found.role)


def _title_case(title: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", title) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)
