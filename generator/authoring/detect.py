"""Who a story names: known actors and events by name or alias, proposals for the rest.

Pure: a title, a text and the site's names in, a `Detection` out. Proposals come
from runs of capitalised words ("US Secretary of State Antony Blinken"), split
into a role and a name with small word lists, and from single words only with
evidence (a title or role before, "said" after, an acronym). A later short form
("Blinken", "Mr Bassey", "Kestrel", "ICO") joins the full name it stands for.
Places, nationalities, months and sentence-initial common words are left out.
Which known actor a name means, and where a known name occurs, is `authoring.known`'s
(through the name resolver, `model.resolver`); the word lists are `detect_words`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.authoring.detect_words import (
    ACRONYM_STOP,
    ALL_ROLES,
    DEMONYMS,
    HONORIFICS,
    LINKS,
    NON_ACTOR_HEAD,
    ORG_FOLLOW,
    ORG_HEAD,
    ORG_KNOWN,
    ORG_NOUNS,
    PARTICLES,
    PLACES,
    ROLE,
    SPEECH,
    STOP,
    TIME,
    Token,
    is_acronym,
    is_cap,
    is_name_word,
    plain,
    runs,
    tokenize,
)
from generator.authoring.known import Known, KnownActors, first_hit
from generator.model.resolver import loose_key, plain_key, straighten

__all__ = ["Detection", "Known", "Proposal", "detect"]

_BEFORE = re.compile(r"(?i:(?:^|\s)(?:its|his|her|their|the|a|an)\s+)([^,]{2,60}),\s*$")
_AFTER = re.compile(r",\s+(?:(?:the|a|an)\s+)?([^,.;:!?\u201c\u201d\"()]{2,60}?)\s*(?=[,.;]|$)")


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


@dataclass(frozen=True, slots=True)
class _Mention:
    name: str
    start: int
    end: int
    kind: str
    single: bool  # one word: a short form, or an actor only with evidence
    evident: bool = False
    role: str | None = None
    initial: bool = False  # first word of a sentence: "City" there is no sure alias


@dataclass
class _Group:
    """One proposed actor while its mentions are being gathered."""

    name: str
    kind: str
    start: int
    role: str | None = None
    names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    def add(self, mention: _Mention) -> None:
        self.names.append(mention.name)
        if not mention.initial or mention.evident:
            self.aliases.append(mention.name)
        self.spans.append((mention.start, mention.end))
        self.role = self.role or mention.role

    def proposal(self) -> Proposal:
        aliases = {loose_key(n): n for n in self.aliases if loose_key(n) != loose_key(self.name)}
        return Proposal(self.name, self.kind, tuple(aliases.values()), self.role)


def detect(
    title: str, text: str, actors: Sequence[Known], events: Sequence[Known] = ()
) -> Detection:
    """Known actors and events named in the story, and proposals for the other actors."""
    full = f"{title}\n\n{text}"
    skip = len(title) if _title_case(title) else 0  # Every Word Capitalised: no clues there
    mentions = [m for m in _mentions(full) if m.start >= skip]
    # "Blinken" for a known Antony Blinken, unless the story names another Blinken in full
    known = KnownActors(actors, (m.name.split()[-1] for m in mentions if not m.single))
    seen: dict[str, int] = {}
    new: list[_Mention] = []
    for mention in mentions:
        found = known.resolve(mention.name, person=mention.kind == "person")
        if found is None:
            new.append(mention)
        else:
            seen[found.name] = min(seen.get(found.name, mention.start), mention.start)
    groups: list[_Group] = []
    for group in _group(new):
        found = next((k for n in group.names if (k := known.get(n)) is not None), None)
        if found is None:
            groups.append(group)
        else:
            seen[found.name] = min(seen.get(found.name, group.start), group.start)
    taken = [span for group in groups for span in group.spans]
    for actor in actors:
        at = first_hit(full, (actor.name, *actor.aliases), taken)
        if at is not None:
            seen[actor.name] = min(seen.get(actor.name, at), at)
    found_events = {e.name: first_hit(full, (e.name, *e.aliases), []) for e in events}
    order = sorted(
        [*((at, name) for name, at in seen.items()), *((g.start, g.name) for g in groups)]
    )
    return Detection(
        actors=tuple(dict.fromkeys(name for _, name in order)),
        known=tuple(name for _, name in sorted((at, name) for name, at in seen.items())),
        proposals=tuple(group.proposal() for group in groups),
        events=tuple(
            n for _, n in sorted((at, n) for n, at in found_events.items() if at is not None)
        ),
    )


def _title_case(title: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", title) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _mentions(text: str) -> list[_Mention]:
    tokens = tokenize(text)
    lower = {t.low for t in tokens if t.text[0].islower()}
    out: list[_Mention] = []
    for i, j in runs(tokens):
        the = tokens[i] if tokens[i].text == "The" and not tokens[i].initial else None
        while i < j and (
            tokens[i].low in STOP | TIME
            or not is_cap(tokens[i])
            or (tokens[i].initial and tokens[i].low in lower and tokens[i].low not in ALL_ROLES)
        ):
            i += 1
        while j > i and (tokens[j - 1].low in TIME or not is_cap(tokens[j - 1])):
            j -= 1
        if i < j:
            found = _classify(text, tokens, i, j)
            if the is not None and i > 0 and tokens[i - 1] is the:  # "in The Lancet": a title
                found = [_titled(text, the, m) if m.start == tokens[i].start else m for m in found]
            out += found
    return out


def _titled(text: str, the: Token, mention: _Mention) -> _Mention:
    """A name after a capitalised "The" in mid-sentence: a paper, a band, a firm."""
    name = text[the.start : mention.end]
    return _Mention(name, the.start, mention.end, "organization", mention.single, True)


def _classify(text: str, tokens: list[Token], i: int, j: int) -> list[_Mention]:
    """One run of capitalised words -> the people and organisations it names."""
    seq = tokens[i:j]
    words = [t.low for t in seq]
    phrase = text[seq[0].start : seq[-1].end]
    listed = plain_key(straighten(phrase))  # as the word lists spell it
    if listed in ORG_KNOWN:
        return [_Mention(phrase, seq[0].start, seq[-1].end, "organization", False, True)]
    if listed in PLACES or all(w in PLACES | DEMONYMS | ACRONYM_STOP for w in words):
        return []
    roles = [k for k, w in enumerate(words) if w in ALL_ROLES]
    titles = roles and set(words[: roles[-1] + 1]) & ROLE  # "First" alone is no title
    if titles and (run := _name_run(seq[roles[-1] + 1 :])):
        first = i + roles[-1] + 1
        person = _named(text, tokens, first, first + run, "person", True)
        role = _role(text, tokens, i, first) or _appositive(text, tokens[i].start, person.end)
        found = _classify(text, tokens, i, i + roles[0]) if roles[0] else []
        return [
            *found,
            _Mention(person.name, person.start, person.end, "person", run == 1, True, role),
        ]
    if any(w in ORG_HEAD for w in words) and len(seq) > 1:
        return [_Mention(phrase, seq[0].start, seq[-1].end, "organization", False, True)]
    if words[-1] in NON_ACTOR_HEAD or words[0] == "operation":
        return []
    while j - i > 1 and tokens[i].low in PLACES | DEMONYMS:
        if tokens[i].low not in DEMONYMS and j - i < 3:
            break  # "Sofia Almeida" is a person; "Ukrainian Vladimir Zelensky" has a nationality
        i += 1
    if tokens[i].low in ACRONYM_STOP and j - i > 1:
        i += 1
    rest = tokens[i:j]
    if any(is_acronym(t) for t in rest):
        kind_single = len(rest) == 1
        return [_named(text, tokens, i, j, "organization", True, single=kind_single)]
    run = _name_run(rest)
    if run != len(rest) or not 1 <= run <= 4:
        return []
    if run > 1:
        return [_named(text, tokens, i, j, "person", True)]
    return [_single(text, tokens, i)]


def _name_run(seq: Sequence[Token]) -> int:
    """How many of the first words make a name; particles (de, van, bin) only inside it."""
    length = 0
    for k, token in enumerate(seq):
        if is_name_word(token):
            length = k + 1
        elif not (k and token.low in PARTICLES):
            break
    return length


def _named(
    text: str, tokens: list[Token], i: int, j: int, kind: str, evident: bool, single: bool = False
) -> _Mention:
    start, end = tokens[i].start, tokens[j - 1].end
    role = None
    if _org_noun_before(tokens, i):  # "the developer Seaborne Renewables"
        kind = "organization"
    elif kind == "person":
        role = _role(text, tokens, i, i) or _appositive(text, start, end)
    return _Mention(text[start:end], start, end, kind, single, evident, role)


def _org_noun_before(tokens: list[Token], i: int) -> bool:
    before = tokens[i - 1] if i > 0 and plain(tokens[i].gap) else None
    return before is not None and before.text.islower() and before.low in ORG_NOUNS


def _single(text: str, tokens: list[Token], i: int) -> _Mention:
    """One word names an actor only with evidence: a role before it, "said" after it."""
    token = tokens[i]
    after = tokens[i + 1].text if i + 1 < len(tokens) and plain(tokens[i + 1].gap) else ""
    role = _role(text, tokens, i, i)
    described = _AFTER.match(text, token.end)  # "Gavi, the vaccine alliance,"
    org = (
        after in ORG_FOLLOW
        or after in ROLE  # "Veralis chief executive Tom Ellery"
        or _org_noun_before(tokens, i)  # "the biotech company Veralis"
        or (described is not None and _last_word(described.group(1)) in ORG_NOUNS | ORG_HEAD)
    )
    evident = org or role is not None or after in SPEECH
    kind = "organization" if org else "person"
    return _Mention(token.text, token.start, token.end, kind, True, evident, role, token.initial)


def _last_word(phrase: str) -> str:
    words = phrase.split()
    return words[-1].lower() if words else ""


def _role(text: str, tokens: list[Token], start: int, end: int) -> str | None:
    """The role words before a name: "US Secretary of State", "senior Russian lawmaker"."""
    first = start
    while first > 0 and start - first < 6 and plain(tokens[first].gap):
        token = tokens[first - 1]
        if token.low in STOP | TIME or not (token.low in ALL_ROLES or is_cap(token)):
            break
        first -= 1
        if token.initial:
            break
    words = {t.low for t in tokens[first:end]}
    if first == end or not words & ROLE or words <= HONORIFICS | LINKS:
        return None
    return text[tokens[first].start : tokens[end - 1].end]


def _appositive(text: str, start: int, end: int) -> str | None:
    """A role set off by commas: "Its lawyer, Julien Fabre," or "Karin Eide, chief economist"."""
    before = re.split(r"[.!?;:\u201c\u201d\"\n(]", text[max(0, start - 80) : start])[-1]
    match = _BEFORE.search(before) or _AFTER.match(text, end)
    if match is None:
        return None
    phrase = re.sub(r"^[a-z]\w*['\u2019]s\s+", "", match.group(1).strip())
    words = phrase.lower().split()
    if not 1 <= len(words) <= 8 or not set(words[:3]) & ROLE:
        return None
    return phrase


def _group(mentions: list[_Mention]) -> list[_Group]:
    """Full names become proposals; short forms join the full name they stand for."""
    groups: dict[str, _Group] = {}
    for mention in mentions:
        if not mention.single:
            key = loose_key(mention.name)
            groups.setdefault(key, _Group(mention.name, mention.kind, mention.start)).add(mention)
    for key, group in list(groups.items()):  # "De Vries" after "Pieter de Vries"
        owner = next((g for k, g in groups.items() if k.endswith(" " + key)), None)
        if owner is not None and group.kind == "person":
            owner.names += group.names
            owner.aliases += group.aliases
            owner.spans += group.spans
            del groups[key]
    for mention in mentions:
        if mention.single:
            owner = groups.get(loose_key(mention.name)) or _owner(mention, list(groups.values()))
            if owner is not None:
                owner.add(mention)
            elif mention.evident:
                group = _Group(mention.name, mention.kind, mention.start)
                groups[loose_key(mention.name)] = group
                group.add(mention)
    return sorted(groups.values(), key=lambda g: g.start)


def _owner(mention: _Mention, groups: list[_Group]) -> _Group | None:
    """The full name a one-word mention stands for, the nearest one before it if several."""
    word = loose_key(mention.name)
    fits = [
        g
        for g in groups
        if len(g.name.split()) > 1
        and (
            loose_key(g.name.split()[0]) == word
            or (g.kind == "person" and loose_key(g.name.split()[-1]) == word)
            or (g.kind == "organization" and mention.name.isupper() and _initials(g.name, word))
        )
    ]
    before = [g for g in fits if g.start <= mention.start]
    return (before[-1] if before else None) or (fits[0] if fits else None)


def _initials(name: str, acronym: str) -> bool:
    words = [w for w in name.split() if w.lower() not in {"of", "for", "the", "and", "in", "on"}]
    letters = "".join(w[0] for w in words).lower()
    return acronym in (letters, letters[1:])
