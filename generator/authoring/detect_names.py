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
- a compass point or a place's first word ("West Africa", "Lake Chad") starts no actor's
  name, a state's last word ends none ("the Islamic Republic");
- one word is an actor only with evidence (`detect_evidence.single`), and what surrounds
  a name of several words tells its kind (`detect_evidence.kind_of`).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.authoring.detect_evidence import (
    Mention,
    acts,
    appositive,
    bare,
    group_after,
    kind_of,
    org_noun_before,
    role_before,
    role_follows,
    single,
)
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
    ACRONYM_STOP,
    AMBIGUOUS_HEAD,
    BUILDINGS,
    COMPASS,
    DEMONYMS,
    DOMAIN,
    LEGISLATURES,
    NON_ACTOR_HEAD,
    ORG_HEAD,
    ORG_KNOWN,
    PLACE_HEAD,
    PLACE_NOUNS,
    PLACES,
    POST_NOMINALS,
    ROLE,
    SEATS,
    SPEECH,
    STATE_TAILS,
    STATUS,
    STOP,
    STOP_NOUNS,
    SUBJECT_VERBS,
    TIME,
    VESSELS,
)
from generator.model.resolver import plain_key, straighten


def mentions(text: str) -> list[Mention]:
    """Every person and organisation the text names, in the text's order."""
    tokens = tokenize(text)
    lower = {t.low for t in tokens if t.text[0].islower()}
    out: list[Mention] = []
    for first, j in runs(tokens, text):
        i = _trim_start(tokens, first, j, lower)
        while j > i and (tokens[j - 1].low in TIME or not is_cap(tokens[j - 1])):
            j -= 1
        while j - i > 1 and _post_nominal(tokens[j - 1]):
            j -= 1  # "Jane Ross KC", "Tom Hale MP"
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
        named = token.low in STOP_NOUNS and any(t.low in ORG_HEAD for t in tokens[i + 1 : j])
        named = named or _initial_letter(tokens, i, j)  # "A. Blinken" is no article
        stop = token.low in STOP | TIME and not named  # "Workers' Party" is a name
        if not (stop or not is_cap(token) or common or verb or is_compound(token)):
            break
        i += 1
    return i


def _initial_letter(tokens: list[Token], i: int, j: int) -> bool:
    token = tokens[i]
    return (
        len(token.text) == 1
        and token.text.isupper()
        and i + 1 < j
        and tokens[i + 1].gap.strip() == "."
    )


def _post_nominal(token: Token) -> bool:
    return token.low in POST_NOMINALS and is_acronym(token)


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
    if len(seq) > 1 and words[0] in VESSELS and seq[0].text.isupper():
        return []  # a ship: "the MV Galaxy Leader"
    if _place_named(tokens, i, j) or (len(seq) > 1 and words[-1] in BUILDINGS):
        return []  # "Charles de Gaulle airport", "King Baudouin Stadium"
    if _function(seq) and role_follows(tokens, j):
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
    if len(seq) > 1 and words[-1] in STATE_TAILS and not any(w in ORG_HEAD for w in words):
        return []  # "the Islamic Republic": a state is a place
    if any(w in ORG_HEAD for w in words) and len(seq) > 1:
        return [_org(text, seq)]
    if len(seq) > 1 and words[0] in PLACE_HEAD:
        return []  # "Lake Chad", "St. Peter", "Place Sainctelette", "Republic of Korea"
    if head in AMBIGUOUS_HEAD:
        return [_org(text, seq)] if acts(text, tokens, i, j) else []
    if any(w in LINKS for w in words[1:-1]):  # joined by `runs` as an organisation's name
        if seq[-1].possessive:  # "Representatives of Sudan's army": no name of one
            link = next(k for k, w in enumerate(words) if k and w in LINKS)
            return classify(text, tokens, i, i + link)
        if words[0] in COMPASS or _of_place(seq, text):  # "the Horn of Africa"
            return []
        return [_org(text, seq)]
    if len(seq) > 1 and (abbreviation_after(tokens, j - 1, text) or group_after(tokens, j)):
        return [_org(text, seq)]  # "Open Flemish Liberals and Democrats (Open VLD)"
    if len(seq) == 2 and words[0] in DOMAIN and words[1] in PLACES:
        return [_org(text, seq)]  # "Transport Scotland"
    if _domain_named(words):
        return [_org(text, seq)]  # "Federal Reserve", "National Grid", "First Bus"
    if len(seq) == 1 and words[0] in LEGISLATURES and bare(tokens, i):
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
        kind = kind_of(text, tokens, i, j)
        return [] if kind == "place" else [_named(text, tokens, i, j, kind, True)]
    return [single(text, tokens, i)]


def _of_place(seq: Sequence[Token], text: str) -> bool:
    """Is what follows the name's first "of" (and "the") a place: "Horn of Africa"?"""
    words = [t.low for t in seq]
    if "of" not in words:
        return False
    at = words.index("of") + 1
    at += at < len(words) and words[at] == "the"
    return at < len(seq) and _listed(seq[at:], text) in PLACES


def _domain_named(words: list[str]) -> bool:
    """A body named by a field and a word of its own, with no role: "Federal Reserve"."""
    return (
        len(words) > 1
        and words[0] in DOMAIN - STATUS
        and not any(w in ROLE for w in words)
        and not all(w in DOMAIN | PLACES | DEMONYMS | ACRONYM_STOP for w in words)
    )


def _head(words: list[str]) -> str:
    """The head noun of a name: its last word, or the word before its first "of"/"for"."""
    link = next((k for k, w in enumerate(words) if k and w in LINKS), None)
    return words[-1] if link is None else words[link - 1]


def _numbered(seq: Sequence[Token], k: int) -> bool:
    return k > 0 and is_numeral(seq[k]) and is_name_word(seq[k - 1])


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
        role = role_before(text, tokens, i, i + first) or appositive(
            text, tokens[i].start, person.end
        )
        out = []
        body = seq[:start]
        if body and not _function(body):  # "Chicago Fed President": a body, not a person
            out += [_as_body(m) for m in classify(text, tokens, i, i + start)]
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


def _as_body(mention: Mention) -> Mention:
    """A name of several words before a title is a body's: "Chicago Fed President"."""
    if mention.single or mention.kind != "person":
        return mention
    return Mention(mention.name, mention.start, mention.end, "organization", False, True)


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
    if org_noun_before(tokens, i):  # "the developer Seaborne Renewables"
        kind = "organization"
    elif kind == "person":
        role = role_before(text, tokens, i, i) or appositive(text, start, end)
    return Mention(text[start:end], start, end, kind, single, evident, role)
