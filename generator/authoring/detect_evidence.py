"""The evidence that a name is an actor's, what kind of actor, and its role, for `detect`.

In: a text, its tokens and where a name is in them. Out: a `Mention` (`single`, for a name
of one word, which is an actor only with evidence), a role (`role`, the title before a
name; `appositive`, one set off by commas), and tests `detect_names` asks of a run: is a
lone "Parliament" bare (`bare`), is a role in lower case followed by a name after it
(`role_follows`), "the Islamic State group" (`group_after`), does the text treat the
name as a body ("X said", "staff of the X": `acts`), "the biotech company Veralis"
(`org_noun_before`), and the kind of a name of several words (`kind_of`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.authoring.detect_tokens import ALL_ROLES, LINKS, Token, is_cap, is_name_word, plain
from generator.authoring.detect_words import (
    ABBREVIATIONS,
    ARTICLES,
    BUSINESS_ROLES,
    GROUP_NOUNS,
    HEAD_ENDS,
    HONORIFICS,
    KIN,
    LOCATIVE,
    MEMBERS,
    NAME_ARTICLES,
    ORG_FOLLOW,
    ORG_HEAD,
    ORG_NOUNS,
    PLACE_HEAD,
    PLACES,
    ROLE,
    SPEECH,
    STOP,
    STOP_NOUNS,
    SUBJECT_VERBS,
    TIME,
)

_BEFORE = re.compile(
    r"(?:(?:^|\s)(?i:its|his|her|their|the|a|an)\s+|(?:^|\s)(?=[A-Z][\w.-]*['\u2019]s\s))"
    r"([^,]{2,60}),\s*$"
)  # "Its lawyer, ", "Lebanon's caretaker prime minister, "
_AFTER = re.compile(
    r",\s+(?:(?:the|a|an|its|his|her|their)\s+)?([^,.;:!?\u201c\u201d\"()]{2,80}?)\s*(?=[,.;(]|$)"
)  # ", the vaccine alliance,", ", its chief executive,"
_DETERMINERS = frozenset(("the", "a", "an", "its", "his", "her", "their", "our", "this", "that"))
_ROLE_LINKS = frozenset(("of", "for", "the"))
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O')(?=[A-Z])")
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_WITHIN = frozenset(
    ("in", "near", "through", "across", "outside", "inside", "around", "within", "into")
)
_HELD = frozenset(("shares", "stake", "stakes", "stock", "investors", "investment"))
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


def bare(tokens: list[Token], i: int) -> bool:
    """A word in mid-sentence with no determiner before it: "suspend Parliament"."""
    token = tokens[i]
    if token.initial or i == 0 or not plain(token.gap):
        return False
    before = tokens[i - 1]
    return before.text.islower() and before.low not in _DETERMINERS


def role_follows(tokens: list[Token], j: int) -> bool:
    """Is the run followed by a role in lower case, then a name: "... spokeswoman Maria"?"""
    if j >= len(tokens) or not plain(tokens[j].gap) or not tokens[j].text.islower():
        return False
    return tokens[j].low in ROLE and name_follows(tokens, j)


def group_after(tokens: list[Token], j: int) -> bool:
    after = tokens[j] if j < len(tokens) and plain(tokens[j].gap) else None
    return after is not None and after.text.islower() and after.low in GROUP_NOUNS


def acts(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Does the text treat the name as a body: "X said", "staff of the X"?"""
    after = tokens[j].low if j < len(tokens) and plain(tokens[j].gap) else ""
    before = [t.low for t in tokens[max(0, i - 3) : i]]
    return after in SPEECH or (
        len(before) == 3 and before[0] in _STAFF and before[1] in LINKS and before[2] == "the"
    )


def org_noun_before(tokens: list[Token], i: int, comma: bool = False) -> bool:
    """ "the biotech company Veralis"; with `comma`, "the state nuclear company, Energoatom,"."""
    if i == 0:
        return False
    before, gap = tokens[i - 1], tokens[i].gap
    near = plain(gap) or (comma and gap.strip() == "," and not tokens[i].initial)
    return near and before.text.islower() and before.low in ORG_NOUNS


def kind_of(text: str, tokens: list[Token], i: int, j: int) -> str:
    """The kind of a name of several words with no title before it: a person's unless the
    text says otherwise. "the Liberal Democrats", "Scholz's Social Democrats", "economists at
    Goldman Sachs", "OpenAI", "Les Républicains", "Renew Europe" are organisations; "in Deir
    al-Balah" is a place."""
    seq = tokens[i:j]
    article = seq[0].low in ARTICLES or (seq[0].low in NAME_ARTICLES and seq[0].text[0].isupper())
    if article or any(camel(t) for t in seq) or _business(tokens, i):
        return "organization"  # "Les Républicains", "OpenAI", "shares in Exxon Mobil"
    before = tokens[i - 1] if i > 0 and not tokens[i].initial and plain(tokens[i].gap) else None
    if before is not None and before.low in _WITHIN and before.text.islower():
        return "place"  # "in Deir al-Balah", "through Expo City"
    if seq[-1].low in PLACES | PLACE_HEAD:
        return "organization"  # "Renew Europe", "Manchester City"
    described = _AFTER.match(text, seq[-1].end)  # "Blue Origin, the rival company founded by"
    if described is not None and _head_noun(described.group(1)) in ORG_NOUNS | ORG_HEAD:
        return "organization"
    if _its_after(tokens, j):  # "Tyson Foods said its plants"
        return "organization"
    if before is None:
        return "person"
    if before.low == "the" or (before.possessive and is_name_word(before)):
        return "organization"
    if before.low == "at" and i > 1 and plain(before.gap) and _people(tokens[i - 2]):
        return "organization"
    return "person"


def _people(token: Token) -> bool:
    """Words for people who work somewhere: "economists", "analysts", "a professor"."""
    low = token.low
    return low in STOP_NOUNS or low in ROLE or low.removesuffix("s") in ROLE | {"employee"}


def camel(token: Token) -> bool:
    """A capital inside a word, as companies write their names: "OpenAI", "JPMorgan",
    "YouTube" (not "McDonald", "DeSantis", "MacLeod", "LeBron")."""
    rest = _NAME_PREFIX.sub("", token.text)
    return _CAMEL.search(rest) is not None


def single(text: str, tokens: list[Token], i: int) -> Mention:
    """One word names an actor only with evidence: a role before it, "said" after it."""
    token = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) and plain(tokens[i + 1].gap) else None
    after = nxt.text if nxt is not None else ""
    role = role_before(text, tokens, i, i)
    described = _AFTER.match(text, token.end)  # "Gavi, the vaccine alliance,"
    org = (
        _business(tokens, i)  # "chief executive of Quora"
        or after in ORG_FOLLOW
        or (after in ROLE and name_follows(tokens, i + 1))  # "Veralis chief executive Tom"
        or after in MEMBERS  # "Wagner mercenaries"
        or (after in GROUP_NOUNS and nxt is not None and nxt.text.islower())  # "Fidesz party"
        or org_noun_before(tokens, i, comma=True)  # "the biotech company Veralis"
        or (described is not None and _head_noun(described.group(1)) in ORG_NOUNS | ORG_HEAD)
    )
    org = org or _its_after(tokens, i + 1)  # "Moderna said its trial had begun"
    person = role is not None or _honoured(tokens, i) or _kin(text, token)
    said = after in SPEECH and not (token.initial and _plural(token))  # "Neighbours said"
    evident = org or person or said
    kind = "organization" if org or camel(token) else "person"
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
        subject=_verb(after),
        located=before in LOCATIVE,
    )


def _business(tokens: list[Token], i: int) -> bool:
    """A company's name after a role in it or its shares: "chief executive of Quora",
    "founder of X", "shares in Gazprom"."""
    if i < 2 or not plain(tokens[i].gap) or tokens[i - 1].text not in ("of", "in"):
        return False
    owner = tokens[i - 2].low
    held = owner in _HELD and tokens[i - 1].text == "in"
    return (held or (owner in BUSINESS_ROLES and tokens[i - 1].text == "of")) and plain(
        tokens[i - 1].gap
    )


def _verb(word: str) -> bool:
    """Does the word after a name make it a sentence's subject: "was", "said", "called"?"""
    low = word.lower()
    return low in SUBJECT_VERBS | SPEECH or (word.islower() and len(low) > 4 and low.endswith("ed"))


def _plural(token: Token) -> bool:
    """A word in the plural, as people are named at a sentence's start: "Mediators",
    "Medics", "Families" (a surname alone there, "Jones said", is a short form of a name
    given earlier, or lost)."""
    low = token.low
    return len(low) > 4 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _honoured(tokens: list[Token], i: int) -> bool:
    """Is a word after "Mr", "Ms", "Dr" or "Sir": a person ("Mr. Xi's visit")?"""
    if i == 0 or tokens[i].initial:
        return False
    before = tokens[i - 1]
    return before.low in HONORIFICS and is_cap(before) and tokens[i].gap.strip() in ("", ".")


def _its_after(tokens: list[Token], k: int) -> bool:
    """Is a name followed by "said its": a body, not a person ("said it" may be anyone's)?"""
    if k + 1 >= len(tokens) or not plain(tokens[k].gap) or not plain(tokens[k + 1].gap):
        return False
    return tokens[k].low in SPEECH and tokens[k + 1].text == "its"


def name_follows(tokens: list[Token], k: int) -> bool:
    """Do role words from `k` lead to a capitalised name: "chief executive Tom Ellery"?"""
    while k < len(tokens) and tokens[k].low in ALL_ROLES and plain(tokens[k].gap):
        k += 1
    return k < len(tokens) and plain(tokens[k].gap) and is_name_word(tokens[k])


def _head_noun(phrase: str) -> str:
    """The head of a description: "a founder of the Workers' Party" -> "founder"."""
    words: list[str] = []
    for word in phrase.lower().split():
        if word in HEAD_ENDS or (words and word.endswith("ed")):  # "company founded by"
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
    return described is not None and appositive(text, token.start, token.end) is not None


def role_before(text: str, tokens: list[Token], start: int, end: int) -> str | None:
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


def appositive(text: str, start: int, end: int) -> str | None:
    """A role set off by commas: "Its lawyer, Julien Fabre," or "Karin Eide, chief economist"."""
    before = re.split(r"[.!?;:\u201c\u201d\"\n(]", text[max(0, start - 80) : start])[-1]
    match = _BEFORE.search(before) or _AFTER.match(text, end)
    if match is None:
        return None
    phrase = re.sub(r"^[a-z]\w*['\u2019]s\s+", "", match.group(1).strip())
    words = phrase.lower().split()
    if not 1 <= len(words) <= 12 or not set(words[:3]) & ROLE:
        return None
    return phrase
