"""Which people and organisations a run of capitalised words names, for `detect`.

In: a text, its tokens and a run of capitalised words (`detect_tokens.runs`). Out:
`Mention`s, each a person or an organisation as the text writes it, with the evidence
that it is one (a role, "said", an appositive) and its role. The rules, in order:

- a sentence's first word is no name when it is a common word ("However"), a compound
  ("Sixteen-year-old") or a verb's -ing form before a place ("Entering Niger"); a
  particle there opens one ("Von der Leyen said");
- a place, a building that stands for a government (the Kremlin), a place named after
  someone ("Charles de Gaulle airport", "King Baudouin Stadium", "St. Peter's Square"),
  an event or a document is no actor;
- a title splits from the name after it ("Foreign Ministry spokeswoman Maria
  Zakharova"): a body named only by its function inside the title ("Foreign Ministry",
  "Kremlin") is part of the role, a body named in full is an organisation ("Ministry of
  Foreign Affairs of Russia"), and a title's object stays with the title ("Chancellor of
  the Exchequer Kwasi Kwarteng");
- an organisation's name comes whole: a head noun ("Council", "School"), "the X of Y",
  a plural before "of" or "for" ("Friends of the Earth"), an abbreviation in brackets
  after it, a noun after it ("the Islamic State group");
- a regnal number stays with its name ("Charles III"); particles stay inside a name;
- one word is an actor only with evidence (`_single`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.authoring.detect_tokens import (
    ALL_ROLES,
    LINKS,
    Token,
    abbreviation_after,
    is_acronym,
    is_cap,
    is_compound,
    is_name_word,
    is_numeral,
    is_particle,
    plain,
    runs,
    tokenize,
)
from generator.authoring.detect_words import (
    ABBREVIATIONS,
    ACRONYM_STOP,
    AMBIGUOUS_HEAD,
    BUILDINGS,
    COMPASS,
    DEMONYMS,
    DOMAIN,
    GROUP_NOUNS,
    HONORIFICS,
    KIN,
    LOCATIVE,
    MEMBERS,
    NON_ACTOR_HEAD,
    ORG_FOLLOW,
    ORG_HEAD,
    ORG_KNOWN,
    ORG_NOUNS,
    PLACE_HEAD,
    PLACE_NOUNS,
    PLACES,
    ROLE,
    SEATS,
    SPEECH,
    STOP,
    SUBJECT_VERBS,
    TIME,
)
from generator.model.resolver import plain_key, straighten

_BEFORE = re.compile(r"(?i:(?:^|\s)(?:its|his|her|their|the|a|an)\s+)([^,]{2,60}),\s*$")
_AFTER = re.compile(r",\s+(?:(?:the|a|an)\s+)?([^,.;:!?\u201c\u201d\"()]{2,60}?)\s*(?=[,.;]|$)")
_HEAD_ENDS = frozenset(("of", "for", "in", "at", "with", "who", "which", "that", "from", "and"))
_DETERMINERS = frozenset(("the", "a", "an", "its", "his", "her", "their", "our", "this", "that"))
_AGENTS = ("ors", "ers", "ists", "ians", "ants", "ents", "ives")  # "Mediators said"
_ROLE_LINKS = frozenset(("of", "for", "the"))
_STAFF = frozenset(("staff", "members", "head", "chief", "director", "spokesman", "spokeswoman"))


@dataclass(frozen=True, slots=True)
class Mention:
    name: str
    start: int
    end: int
    kind: str  # person | organization
    single: bool  # one word: a short form, or an actor only with evidence
    evident: bool = False
    role: str | None = None
    initial: bool = False  # first word of a sentence: "City" there is no sure alias
    subject: bool = False  # one word followed by a verb: "Putin was"
    located: bool = False  # one word after "in", "at", "from": a place, likely


def mentions(text: str) -> list[Mention]:
    """Every person and organisation the text names, in the text's order."""
    tokens = tokenize(text)
    lower = {t.low for t in tokens if t.text[0].islower()}
    out: list[Mention] = []
    for first, j in runs(tokens, text):
        i = _trim_start(tokens, first, j, lower)
        while j > i and (tokens[j - 1].low in TIME or not is_cap(tokens[j - 1])):
            j -= 1
        if i >= j:
            continue
        found = classify(text, tokens, i, j)
        the = tokens[i - 1] if i > 0 else None
        if the is not None and the.text == "The" and not the.initial and i - 1 >= first:
            found = [_titled(text, the, m) if m.start == tokens[i].start else m for m in found]
        out += found
    return out


def _trim_start(tokens: list[Token], i: int, j: int, lower: set[str]) -> int:
    while i < j:
        token = tokens[i]
        opens = (
            is_particle(token)
            and i + 1 < j
            and (is_particle(tokens[i + 1]) or is_name_word(tokens[i + 1]))
        )
        if opens:
            break
        common = token.initial and token.low in lower and token.low not in ALL_ROLES
        verb = (  # "Entering Niger": a verb's -ing form, then a place or a role
            token.initial
            and token.low.endswith("ing")
            and len(token.low) > 5
            and i + 1 < j
            and tokens[i + 1].low in PLACES | DEMONYMS | ALL_ROLES | ORG_HEAD
        )
        named = i + 1 < j and tokens[i + 1].low in ORG_HEAD and token.low.endswith("s")
        stop = token.low in STOP | TIME and not named  # "Workers' Party" is a name
        if not (stop or not is_cap(token) or common or verb or is_compound(token)):
            break
        i += 1
    return i


def _titled(text: str, the: Token, mention: Mention) -> Mention:
    """A name after a capitalised "The" in mid-sentence: a paper, a band, a firm."""
    name = text[the.start : mention.end]
    return Mention(name, the.start, mention.end, "organization", mention.single, True)


def _listed(seq: Sequence[Token], text: str) -> str:
    """The run as the word lists spell it: "St. Petersburg" is "st petersburg"."""
    return plain_key(straighten(text[seq[0].start : seq[-1].end]).replace(".", ""))


def _org(text: str, seq: Sequence[Token], single: bool = False) -> Mention:
    start, end = seq[0].start, seq[-1].end
    return Mention(text[start:end], start, end, "organization", single, True)


def classify(text: str, tokens: list[Token], i: int, j: int) -> list[Mention]:
    """One run of capitalised words -> the people and organisations it names."""
    seq = tokens[i:j]
    words = [t.low for t in seq]
    listed = _listed(seq, text)
    if listed in ORG_KNOWN:
        return [_org(text, seq)]
    if listed in PLACES | SEATS or all(w in PLACES | DEMONYMS | ACRONYM_STOP for w in words):
        return []
    if _place_named(tokens, i, j) or (len(seq) > 1 and words[-1] in BUILDINGS):
        return []  # "Charles de Gaulle airport", "King Baudouin Stadium"
    if _function(seq) and _role_follows(tokens, j):
        return []  # "Foreign Ministry spokeswoman Maria Zakharova": part of her role
    owner = next((k for k, t in enumerate(seq[:-1]) if t.possessive), None)
    if owner is not None and _listed(seq[: owner + 1], text) in PLACES | SEATS | DEMONYMS:
        return classify(text, tokens, i + owner + 1, j)  # "Russia's Ministry of Defence"
    titled = _titled_person(text, tokens, i, j)
    if titled is not None:
        return titled
    head = _head(words)
    if head in NON_ACTOR_HEAD or words[0] == "operation":
        return []
    if len(seq) > 1 and words[0] in PLACE_HEAD:
        return []  # "Lake Chad", "St. Peter", "Place Sainctelette", "Republic of Korea"
    if any(w in ORG_HEAD for w in words) and len(seq) > 1:
        return [_org(text, seq)]
    if head in AMBIGUOUS_HEAD:
        return [_org(text, seq)] if _acts(text, tokens, i, j) else []
    if any(w in LINKS for w in words[1:-1]):  # joined by `runs` as an organisation's name
        if seq[-1].possessive:  # "Representatives of Sudan's army": no name of one
            link = next(k for k, w in enumerate(words) if k and w in LINKS)
            return classify(text, tokens, i, i + link)
        return [] if words[0] in COMPASS else [_org(text, seq)]
    if len(seq) > 1 and (abbreviation_after(tokens, j - 1, text) or _group_after(tokens, j)):
        return [_org(text, seq)]  # "Open Flemish Liberals and Democrats (Open VLD)"
    if len(seq) == 2 and words[0] in DOMAIN and words[1] in PLACES:
        return [_org(text, seq)]  # "Transport Scotland"
    if len(seq) == 1 and words[0] in ORG_HEAD and _bare(tokens, i):
        return [_org(text, seq)]  # "suspend Parliament"
    while j - i > 1 and tokens[i].low in PLACES | DEMONYMS:
        if tokens[i].low not in DEMONYMS and j - i < 3:
            break  # "Sofia Almeida" is a person; "Ukrainian Vladimir Zelensky" has a nationality
        i += 1
    if tokens[i].low in ACRONYM_STOP and j - i > 1:
        i += 1
    rest = tokens[i:j]
    if rest[0].low in COMPASS and len(rest) > 1:
        return []  # "West Africa", "West Texas Intermediate"
    if any(is_acronym(t) and not _numbered(rest, k) for k, t in enumerate(rest)):
        return [_named(text, tokens, i, j, "organization", True, single=len(rest) == 1)]
    run = _name_run(rest)
    if run != len(rest) or not 1 <= run <= 5:
        return []
    if run > 1:
        kind = "organization" if rest[-1].low in PLACES else "person"  # "Renew Europe"
        return [_named(text, tokens, i, j, kind, True)]
    return [_single(text, tokens, i)]


def _head(words: list[str]) -> str:
    """The head noun of a name: its last word, or the word before its first "of"/"for"."""
    link = next((k for k, w in enumerate(words) if k and w in LINKS), None)
    return words[-1] if link is None else words[link - 1]


def _numbered(seq: Sequence[Token], k: int) -> bool:
    return k > 0 and is_numeral(seq[k]) and is_name_word(seq[k - 1])


def _bare(tokens: list[Token], i: int) -> bool:
    """A word in mid-sentence with no determiner before it: "suspend Parliament"."""
    token = tokens[i]
    if token.initial or i == 0 or not plain(token.gap):
        return not token.initial and i > 0
    before = tokens[i - 1]
    return before.low not in _DETERMINERS and not before.possessive


def _place_named(tokens: list[Token], i: int, j: int) -> bool:
    """A place named after someone: "Charles de Gaulle airport", "Planalto presidential
    palace", "Zaporizhzhia nuclear power plant", "St. Peter's Square"."""
    for k in range(j, min(j + 3, len(tokens))):
        token = tokens[k]
        if not plain(token.gap):
            return False
        if k == j and tokens[j - 1].possessive and token.low in PLACE_NOUNS:
            return True  # "St. Peter's Square"
        if not token.text.islower() or token.low in STOP | SPEECH | SUBJECT_VERBS:
            return False
        if token.low in PLACE_NOUNS:
            return True
    return False


def _role_follows(tokens: list[Token], j: int) -> bool:
    """Is the run followed by a role in lower case, then a name: "... spokeswoman Maria"?"""
    if j >= len(tokens) or not plain(tokens[j].gap) or not tokens[j].text.islower():
        return False
    return tokens[j].low in ROLE and _name_follows(tokens, j)


def _group_after(tokens: list[Token], j: int) -> bool:
    after = tokens[j] if j < len(tokens) and plain(tokens[j].gap) else None
    return after is not None and after.text.islower() and after.low in GROUP_NOUNS


def _acts(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Does the text treat the name as a body: "X said", "staff of the X"?"""
    after = tokens[j].low if j < len(tokens) and plain(tokens[j].gap) else ""
    before = [t.low for t in tokens[max(0, i - 3) : i]]
    return after in SPEECH or (
        len(before) == 3 and before[0] in _STAFF and before[1] in LINKS and before[2] == "the"
    )


def _titled_person(text: str, tokens: list[Token], i: int, j: int) -> list[Mention] | None:
    """A title before a name: "Foreign Ministry spokeswoman Maria Zakharova", "Chancellor
    of the Exchequer Kwasi Kwarteng"; a title with no name ("the Speaker of the House of
    Commons"): what its object names. None when the run starts with no title."""
    seq = tokens[i:j]
    words = [t.low for t in seq]
    heads = [k for k, w in enumerate(words) if w in ROLE]
    for r in reversed(heads):
        after = r + 1
        while after < len(seq) and words[after] in DOMAIN:  # "Secretary General"
            after += 1
        found = _person_after(seq, after)
        if found is None:
            continue
        first, end, object_at = found
        start = r
        while start > 0 and (words[start - 1] in ALL_ROLES or words[start - 1] in LINKS):
            start -= 1  # "Prime Minister", "Foreign Minister", "Defence Minister"
        person = _named(text, tokens, i + first, i + end, "person", True)
        role = _role(text, tokens, i, i + first) or _appositive(text, tokens[i].start, person.end)
        out = []
        body = seq[:start]
        if body and not _function(body):
            out += classify(text, tokens, i, i + start)
        if object_at is not None:  # "Governor of the Bank of England Andrew Bailey"
            out += [m for m in classify(text, tokens, i + object_at, i + first) if not m.single]
        single = end - first == 1
        return [*out, Mention(person.name, person.start, person.end, "person", single, True, role)]
    lead = 0
    while lead < len(words) and words[lead] in ALL_ROLES | DEMONYMS | ACRONYM_STOP:
        lead += 1
    if heads and heads[0] < lead < len(words) - 1 and words[lead] in LINKS:
        start = lead + 1 + (words[lead + 1] == "the")
        return classify(text, tokens, i + start, j) if start < len(words) else []
    return None


def _person_after(seq: Sequence[Token], k: int) -> tuple[int, int, int | None] | None:
    """Where the name after a title starts and ends, and where the title's object starts:
    "[Antony Blinken]", "of the [Exchequer] [Kwasi Kwarteng]"."""
    if k >= len(seq):
        return None
    run = _name_run(seq[k:])
    if run:
        return k, k + run, None
    if seq[k].low not in LINKS:
        return None
    start = k + 1 + (1 if k + 1 < len(seq) and seq[k + 1].low == "the" else 0)
    first = len(seq)
    while first > start and (is_name_word(seq[first - 1]) or _inside_name(seq, first - 1)):
        first -= 1
    while first < len(seq) and is_particle(seq[first]):
        first += 1
    if first == start:
        first += 1  # the title's object is one word at least: "Exchequer"
    if len(seq) - first < 2:
        return None
    return first, len(seq), start


def _inside_name(seq: Sequence[Token], k: int) -> bool:
    return is_particle(seq[k]) or _numbered(seq, k)


def _function(body: Sequence[Token]) -> bool:
    """A body named only by its function, part of a title: "Foreign Ministry", "State
    Department", "Kremlin" (not "US National Security Council", nor "NATO"); or no body,
    a nationality: "Saudi", "US"."""
    if all(t.low in SEATS for t in body) or plain_key(" ".join(t.low for t in body)) in SEATS:
        return True
    words = [t.low for t in body if t.low not in PLACES | DEMONYMS | ACRONYM_STOP]
    if not words:
        return True
    return len(words) <= 2 and words[-1] in ORG_HEAD and all(w in DOMAIN for w in words[:-1])


def _name_run(seq: Sequence[Token]) -> int:
    """How many of the first words make a name; particles (de, van, bin) only inside it, a
    regnal number only at its end ("Charles III")."""
    length = 0
    for k, token in enumerate(seq):
        if is_name_word(token):
            length = k + 1
        elif _numbered(seq, k):
            return k + 1
        elif not (k and is_particle(token)):
            break
    return length


def _named(
    text: str, tokens: list[Token], i: int, j: int, kind: str, evident: bool, single: bool = False
) -> Mention:
    start, end = tokens[i].start, tokens[j - 1].end
    role = None
    if _org_noun_before(tokens, i):  # "the developer Seaborne Renewables"
        kind = "organization"
    elif kind == "person":
        role = _role(text, tokens, i, i) or _appositive(text, start, end)
    return Mention(text[start:end], start, end, kind, single, evident, role)


def _org_noun_before(tokens: list[Token], i: int) -> bool:
    """ "the biotech company Veralis", "the state nuclear company, Energoatom,"."""
    if i == 0:
        return False
    before, gap = tokens[i - 1], tokens[i].gap
    near = plain(gap) or (gap.strip() == "," and not tokens[i].initial)
    return near and before.text.islower() and before.low in ORG_NOUNS


def _single(text: str, tokens: list[Token], i: int) -> Mention:
    """One word names an actor only with evidence: a role before it, "said" after it."""
    token = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) and plain(tokens[i + 1].gap) else None
    after = nxt.text if nxt is not None else ""
    role = _role(text, tokens, i, i)
    described = _AFTER.match(text, token.end)  # "Gavi, the vaccine alliance,"
    org = (
        after in ORG_FOLLOW
        or (after in ROLE and _name_follows(tokens, i + 1))  # "Veralis chief executive Tom"
        or after in MEMBERS  # "Wagner mercenaries"
        or (after in GROUP_NOUNS and nxt is not None and nxt.text.islower())  # "Fidesz party"
        or _org_noun_before(tokens, i)  # "the biotech company Veralis"
        or (described is not None and _head_noun(described.group(1)) in ORG_NOUNS | ORG_HEAD)
    )
    person = role is not None or _kin(text, token)
    said = after in SPEECH and not (token.initial and token.low.endswith(_AGENTS))
    evident = org or person or said
    kind = "organization" if org else "person"
    role = None if org else role
    before = tokens[i - 1].low if i > 0 and not token.initial else ""
    return Mention(
        token.text,
        token.start,
        token.end,
        kind,
        True,
        evident,
        role,
        token.initial,
        subject=after.lower() in SUBJECT_VERBS | SPEECH,
        located=before in LOCATIVE,
    )


def _name_follows(tokens: list[Token], k: int) -> bool:
    """Do role words from `k` lead to a capitalised name: "chief executive Tom Ellery"?"""
    while k < len(tokens) and tokens[k].low in ALL_ROLES and plain(tokens[k].gap):
        k += 1
    return k < len(tokens) and plain(tokens[k].gap) and is_name_word(tokens[k])


def _head_noun(phrase: str) -> str:
    """The head of a description: "a founder of the Workers' Party" -> "founder"."""
    words = []
    for word in phrase.lower().split():
        if word in _HEAD_ENDS:
            break
        words.append(word)
    return words[-1] if words else ""


def _kin(text: str, token: Token) -> bool:
    """ "his wife, Meghan," or "Meghan, the Duchess of Sussex": a person by an appositive."""
    before = re.split(r"[.!?;:\u201c\u201d\"\n(]", text[max(0, token.start - 60) : token.start])
    match = _BEFORE.search(before[-1])
    if match is not None and _head_noun(match.group(1)) in KIN:
        return True
    described = re.match(r",\s+(?:the|a|an)\s", text[token.end :])  # ", the Duchess of"
    return described is not None and _appositive(text, token.start, token.end) is not None


def _role(text: str, tokens: list[Token], start: int, end: int) -> str | None:
    """The role words before a name: "US Secretary of State", "senior Russian lawmaker",
    "Ministry of Foreign Affairs of Russia spokeswoman"."""
    first = start
    while first > 0 and start - first < 8 and plain(tokens[first].gap):
        token = tokens[first - 1]
        inside = (  # "Ministry of Foreign Affairs of Russia spokeswoman"
            token.low in _ROLE_LINKS and start > first > 1 and is_cap(tokens[first - 2])
        )
        if not inside and (
            token.low in STOP | TIME or not (token.low in ALL_ROLES or is_cap(token))
        ):
            break
        first -= 1
        if token.initial:
            break
    while first < end and tokens[first].low in _ROLE_LINKS:
        first += 1
    words = {t.low for t in tokens[first:end]}
    if first == end or not words & ROLE or words <= HONORIFICS | LINKS:
        return None
    last = tokens[end - 1]
    dot = text[last.end : last.end + 1] == "." and last.low in ABBREVIATIONS  # "Gen."
    return text[tokens[first].start : last.end + dot]


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
