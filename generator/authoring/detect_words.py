"""Word lists and word runs for `detect`: tokens, sentence starts, capitalised names.

The lists are small, hand-made and English, in lower case (PLACES and ORG_KNOWN hold
phrases). Extend them when an import proposes a place or misses a role;
`bench/import_detection.py` measures what a change does to precision and recall.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.replace(",", " ").split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split(",") if p.strip())


STOP = _words("""a an the this that these those it its he she they we i you his her their our my
 your there here some many most much all both each every any no not none nobody nothing everyone
 everybody someone anyone but and or so yet if when while after before although though as since
 because until however meanwhile later earlier then also still even only just once instead despite
 according yesterday today tomorrow tonight asked speaking unlike like for with without from in on
 at by of to into over under about against between among during what which who whom whose where
 why how such other another officials analysts critics residents witnesses experts observers
 diplomats authorities sources protesters investigators voters workers troops soldiers people
 others several few neither either thanks please yes one two three four five six seven
 eight nine ten eleven twelve twenty hundred hundreds thousands dozens""")
TIME = _words("""january february march april may june july august september october november
 december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
 friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays christmas
 easter ramadan weekend""")
ROLE = _words("""president presidents vice prime minister ministers secretary spokesman spokeswoman
 spokesperson chancellor senator sen governor gov mayor general gen admiral colonel col lieutenant
 lt captain capt sergeant commander chief head director deputy ambassador envoy chairman chairwoman
 chair chairperson ceo cfo coo founder co-founder leader king queen prince princess pope archbishop
 bishop cardinal rabbi imam sheikh judge justice attorney prosecutor lawyer lawmaker mp mep
 congressman congresswoman representative rep speaker adviser advisor official officer analyst
 economist professor prof dr doctor mr mrs ms miss mx sir dame lord lady historian researcher
 scientist editor correspondent reporter journalist coach manager striker goalkeeper negotiator
 mediator diplomat premier emir sultan candidate nominee commissioner inspector magistrate
 councillor councilor dean rector principal teacher counsel consul executive superintendent
 sheriff detective constable campaigner activist secretary-general director-general marshal
 brigadier treasurer ombudsman owner presidential""")
DOMAIN = _words("""state foreign defence defense interior home finance treasury security national
 health energy economy trade labour labor education culture transport environment agriculture
 affairs staff first senior former acting interim top managing press public federal military
 police intelligence""")
HONORIFICS = _words("mr mrs ms miss mx dr sir dame lord lady prof")
ORG_HEAD = _words("""council ministry department agency bank party union committee commission office
 service services court corporation corp company group institute university college academy
 association organization organisation fund foundation federation front army navy forces guard
 assembly parliament duma senate congress inc ltd llc plc gmbh times post news network
 broadcasting television radio airlines airways railways motors industries holdings systems
 technologies labs watch press international alliance coalition movement authority board bureau
 cabinet government administration directorate secretariat tribunal chamber centre center society
 trust club brigade battalion regiment command embassy nations museum library hospital church
 athletic rovers united orchestra choir ensemble theatre theater opera ballet""")
NON_ACTOR_HEAD = _words("""war wars summit games olympics cup championship agreement accord treaty
 act convention declaration protocol day week festival conference plan deal street square avenue
 road bridge airport station port river sea ocean mountains mountain island islands valley lake
 bay gulf coast region province oblast district county park palace tower cathedral stadium hotel
 plant dam pipeline pass strait peninsula desert canal highway crossing prize award index report
 programme program project strategy budget law bill doctrine crisis pandemic storm hurricane hall
 arena basin hill hills heights forest beach cape falls reservoir gardens""")
ORG_KNOWN = _phrases("""kremlin, pentagon, white house, downing street, vatican, elysee, élysée,
 bundestag, knesset, interpol, europol, hamas, hezbollah, taliban, reuters, bloomberg, tass,
 interfax, xinhua, ria novosti""")
ACRONYM_STOP = _words("""us usa uk uae ussr ceo cfo coo mp mep gdp tv ai id pm am hq ngo uav covid
 dna ok pr vip ii iii iv gmt utc""")
PARTICLES = _words("de van von der den da di du la le bin ibn al el dos das del della ter ten")
SPEECH = _words("""said says told tells added adds stated announced announces reported wrote
 tweeted warned warns argued argues claimed claims insisted insists confirmed confirms denied
 denies replied noted explained urged admitted admits acknowledged apologised apologized""")
ORG_FOLLOW = _words("""spokesman spokeswoman spokesperson officials executives shareholders board
 employees staff""")
ORG_NOUNS = _words("""company firm group developer agency union party charity broadcaster newspaper
 journal magazine regulator insurer airline carrier retailer startup operator maker manufacturer
 alliance club team network bank lender publisher website organisation organization association
 institute university foundation coalition movement""")
ABBREVIATIONS = _words("mr mrs ms dr prof gen sen rep gov lt col capt st sgt jr sr mt rev")
DEMONYMS = _words("""american british english french german italian spanish portuguese dutch
 belgian swiss austrian polish czech slovak hungarian romanian bulgarian greek turkish russian
 ukrainian belarusian georgian armenian azerbaijani kazakh uzbek chinese japanese korean indian
 pakistani afghan iranian iraqi syrian lebanese israeli palestinian jordanian saudi egyptian
 libyan tunisian algerian moroccan nigerian kenyan ethiopian somali sudanese canadian mexican
 brazilian argentine argentinian chilean colombian venezuelan cuban australian irish scottish
 welsh swedish norwegian danish finnish icelandic estonian latvian lithuanian serbian croatian
 bosnian albanian european western eastern northern southern african asian arab soviet nordic
 baltic emirati qatari yemeni vietnamese thai indonesian filipino malaysian taiwanese kurdish
 chechen crimean ghanaian ugandan tanzanian rwandan congolese senegalese zimbabwean peruvian""")
PLACES = _phrases("""afghanistan, albania, algeria, angola, argentina, armenia, australia, austria,
 azerbaijan, bahrain, bangladesh, belarus, belgium, bolivia, bosnia, brazil, bulgaria, cambodia,
 cameroon, canada, chad, chile, china, colombia, congo, costa rica, croatia, cuba, cyprus,
 czechia, czech republic, denmark, ecuador, egypt, el salvador, eritrea, estonia, ethiopia,
 finland, france, gabon, gambia, georgia, germany, ghana, greece, guatemala, guinea, haiti,
 honduras, hungary, iceland, india, indonesia, iran, iraq, ireland, israel, italy, jamaica,
 japan, jordan, kazakhstan, kenya, kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, liberia,
 libya, lithuania, luxembourg, madagascar, malawi, malaysia, mali, malta, mexico, moldova,
 monaco, mongolia, montenegro, morocco, mozambique, myanmar, namibia, nepal, netherlands,
 new zealand, nicaragua, niger, nigeria, north korea, north macedonia, norway, oman, pakistan,
 palestine, panama, paraguay, peru, philippines, poland, portugal, qatar, romania, russia,
 rwanda, saudi arabia, senegal, serbia, sierra leone, singapore, slovakia, slovenia, somalia,
 south africa, south korea, south sudan, spain, sri lanka, sudan, sweden, switzerland, syria,
 taiwan, tajikistan, tanzania, thailand, tunisia, turkey, türkiye, turkmenistan, uganda, ukraine,
 united arab emirates, united kingdom, united states, america, uruguay, uzbekistan, venezuela,
 vietnam, yemen, zambia, zimbabwe, britain, great britain, england, scotland, wales,
 northern ireland, crimea, donbas, donbass, gaza, west bank, kashmir, tibet, hong kong, europe,
 asia, africa, arctic, middle east, latin america, north america, south america, balkans,
 caucasus, scandinavia, siberia, moscow, kyiv, kiev, washington, london, paris, berlin,
 brussels, geneva, rome, madrid, lisbon, vienna, warsaw, prague, budapest, bucharest, sofia,
 athens, ankara, istanbul, beijing, shanghai, tokyo, seoul, new delhi, delhi, mumbai, sydney,
 canberra, ottawa, toronto, new york, los angeles, chicago, san francisco, boston, minsk,
 vilnius, riga, tallinn, helsinki, stockholm, oslo, copenhagen, amsterdam, rotterdam, antwerp,
 the hague, dublin, edinburgh, manchester, cairo, tehran, baghdad, damascus, beirut, jerusalem,
 tel aviv, riyadh, dubai, doha, kabul, islamabad, karachi, dhaka, jakarta, manila, bangkok,
 hanoi, nairobi, lagos, abuja, johannesburg, cape town, addis ababa, mexico city, sao paulo,
 são paulo, rio de janeiro, buenos aires, santiago, lima, bogota, caracas, havana, kharkiv,
 odesa, odessa, lviv, dnipro, zaporizhzhia, mariupol, kherson, donetsk, luhansk, bakhmut,
 belgorod, st petersburg, saint petersburg, lyon, marseille, munich, frankfurt, hamburg, milan,
 naples, barcelona, zurich, krakow, gdansk, strasbourg, burkina faso, cape verde,
 central african republic, ivory coast, côte d'ivoire, equatorial guinea, guinea-bissau,
 djibouti, dominican republic, east timor, timor-leste, eswatini, lesotho, botswana, mauritania,
 mauritius, solomon islands, papua new guinea, trinidad, tobago, bahamas, barbados, belize,
 benin, bhutan, brunei, burundi, comoros, fiji, grenada, guyana, kiribati, liechtenstein,
 maldives, micronesia, nauru, palau, samoa, san marino, seychelles, suriname, togo, tonga,
 tuvalu, vanuatu, antarctica, oceania, pacific, atlantic""")

ALL_ROLES = ROLE | DOMAIN
LINKS = frozenset(("of", "for"))
_NOT_NAMES = STOP | TIME | ROLE | DOMAIN | ORG_HEAD | DEMONYMS
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]\w*(?:['\u2019-]\w+)*")
_PREFIXED = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|ul|d|l)['\u2019-]")
_BLANK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?:]")
_OPENERS = '\u201c"\u2018(['


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # without a possessive 's
    start: int
    end: int  # where `text` ends
    gap: str  # what separates it from the token before
    initial: bool  # starts a paragraph, a sentence or a quotation
    possessive: bool

    @property
    def low(self) -> str:
        return self.text.lower().replace(".", "")


def tokenize(text: str) -> list[Token]:
    """Words with where they are; "Putin's" becomes "Putin", marked possessive."""
    tokens: list[Token] = []
    last_end, last_raw = 0, ""
    for match in _TOKEN.finditer(text):
        raw, gap = match.group(), text[last_end : match.start()]
        word = raw[:-2] if len(raw) > 2 and raw[-2:] in ("'s", "\u2019s") else raw
        initial = not tokens or _opens(gap, last_raw)
        end = match.start() + len(word)
        tokens.append(Token(word, match.start(), end, gap, initial, word != raw))
        last_end, last_raw = match.end(), raw
    return tokens


def _opens(gap: str, before: str) -> bool:
    """Does the word after `gap` start a paragraph, a sentence or a quotation?"""
    stripped = gap.strip()
    if _BLANK.search(gap) or (stripped and stripped[-1] in _OPENERS):
        return True
    if not _SENTENCE_END.search(gap):
        return False
    shortened = before.lower() in ABBREVIATIONS or (len(before) == 1 and before.isupper())
    return not (stripped == "." and shortened)


def plain(gap: str) -> bool:
    return not gap.strip() and not _BLANK.search(gap)


def is_cap(token: Token) -> bool:
    if token.text[0].isupper():
        return True
    prefix = _PREFIXED.match(token.text)  # al-Assad, d'Alembert
    return prefix is not None and token.text[prefix.end() :][:1].isupper()


def is_acronym(token: Token) -> bool:
    letters = token.text.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def is_name_word(token: Token) -> bool:
    return (
        is_cap(token)
        and not is_acronym(token)
        and not any(c.isdigit() for c in token.text)
        and token.low not in _NOT_NAMES
    )


def _joins(before: Token, token: Token) -> bool:
    if before.possessive:  # "Putin's office" ends a name; "Commissioner's Office" does not
        return token.low in ORG_HEAD and plain(token.gap)
    if plain(token.gap):
        return True
    shortened = before.low in ABBREVIATIONS or (len(before.text) == 1 and before.text.isupper())
    return token.gap.strip() == "." and shortened and not _BLANK.search(token.gap)


def _link_length(tokens: list[Token], i: int, j: int) -> int:
    """How many lower-case words join the name to a next capitalised word: "of the", "de"."""
    before = tokens[j - 1]
    if before.possessive:
        return 0
    words = [t.low for t in tokens[i:j]]
    org_tail = any(w in ORG_HEAD for w in words) and any(w in LINKS for w in words)
    for size in (1, 2):
        if j + size >= len(tokens):
            return 0
        link, after = tokens[j : j + size], tokens[j + size]
        if not is_cap(after) or not all(plain(t.gap) and t.text.islower() for t in link):
            continue
        first = link[0].low
        if size == 1 and (first in PARTICLES or (org_tail and first in ("and", "in", "on"))):
            return 1
        joins = first in LINKS and before.low in ALL_ROLES | ORG_HEAD
        if joins and (size == 1 or link[1].low == "the"):
            return size
    return 0


def runs(tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """Runs of capitalised words, as [i, j) token ranges: "US Secretary of State Antony Blinken"."""
    i = 0
    while i < len(tokens):
        if not is_cap(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            if is_cap(tokens[j]) and _joins(tokens[j - 1], tokens[j]):
                j += 1
            elif link := _link_length(tokens, i, j):
                j += link
            else:
                break
        yield i, j
        i = j
