"""Word lists for `detect`: roles, heads of organisation and place names, places.

The lists are small, hand-made and English, in lower case (PLACES and ORG_KNOWN hold
phrases). They name kinds of words (a role, the head noun of an organisation's name, a
place), never the actors of a story: a rule that needs a name listed here is the wrong
rule. Extend them when an import proposes a place or misses a role;
`bench/import_detection.py` measures what a change does to precision and recall.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.replace(",", " ").split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split(",") if p.strip())


# people a sentence may start with ("Officials said"), a name's first word only before the
# head noun of an organisation ("Workers' Party", "People Power Party")
STOP_NOUNS = _words("""officials analysts critics residents witnesses experts observers diplomats
 authorities sources protesters investigators voters workers troops soldiers people""")
STOP = STOP_NOUNS | _words("""a an the this that these those it its he she they we i you his her
 their our my your there here some many most much all both each every any no not none nobody
 nothing everyone everybody someone anyone but and or so yet if when while after before although
 though as since because until however meanwhile later earlier then also still even only just once
 instead despite according yesterday today tomorrow tonight asked speaking unlike like for with
 without from in on at by of to into over under about against between among during what which who
 whom whose where why how such other another others several few neither either thanks please yes
 one two three four five six seven eight nine ten eleven twelve twenty hundred hundreds thousands
 dozens""")
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
 brigadier treasurer ombudsman owner presidential duke duchess earl countess baron baroness
 marquess viscount administrator ayatollah brig adm rear maj cmdr cpl pvt supt insp det
 atty barrister solicitor""")
DOMAIN = _words("""state foreign defence defense interior home finance treasury security national
 health energy economy trade labour labor education culture transport environment agriculture
 affairs staff first senior former acting interim top managing press public federal military
 police intelligence crown opposition""")
# words before a role that say when or how high, never the first word of a body's name
STATUS = _words("former acting interim senior top managing")
HONORIFICS = _words("mr mrs ms miss mx dr sir dame lord lady prof")
ORG_HEAD = _words("""council ministry department agency bank party union committee commission office
 service services court corporation corp company group institute university college academy
 association organization organisation fund foundation federation front army navy forces guard
 assembly parliament duma senate congress inc ltd llc plc gmbh times post news network
 broadcasting television radio airlines airways railways motors industries holdings systems
 technologies labs watch press international alliance coalition movement authority board bureau
 cabinet government administration directorate secretariat tribunal chamber centre center society
 trust club brigade battalion regiment command embassy nations museum library hospital church
 athletic rovers united orchestra choir ensemble theatre theater opera ballet school house
 police community league confederation caucus synod junta militia force co institution
 exchange""")
# the last words of the names of events and documents, and of places and buildings
EVENT_HEAD = _words("""war wars summit games olympics cup championship agreement accord treaty act
 convention declaration protocol day week festival conference plan deal prize award index report
 strategy budget law bill doctrine crisis pandemic storm hurricane olympiad tournament battle
 siege average composite""")
# the last words of the names of states: "the Islamic Republic", "the Hashemite Kingdom"
STATE_TAILS = _words("republic kingdom emirates sultanate emirate")
# buildings and streets: a name before one is the place's, whoever it is named after
BUILDINGS = _words("""stadium airport station square avenue street road bridge palace cathedral
 hotel arena abbey chapel basilica mosque synagogue shrine monastery statue plaza boulevard tower
 canal highway""")
PLACE_NOUNS = BUILDINGS | _words("""port river sea ocean mountains mountain island islands valley
 lake bay gulf coast region province oblast district county park plant dam pipeline pass strait
 peninsula desert crossing hall basin hill hills heights forest beach cape falls reservoir gardens
 temple corridor route strip""")
NON_ACTOR_HEAD = EVENT_HEAD | PLACE_NOUNS
# heads that name a plan as often as the body that runs it: an actor only with evidence
AMBIGUOUS_HEAD = _words("programme program project initiative")
# first words of the names of places ("Lake Chad", "Place Sainctelette", "St. Peter's")
PLACE_HEAD = _words("""place lake mount mt fort port cape camp rue via piazza plaza isle gulf bay
 sea republic kingdom city state province county district island islands st saint""")
COMPASS = _words("""north south east west northern southern eastern western central north-east
 north-west south-east south-west northeast northwest southeast southwest northeastern
 northwestern southeastern southwestern upper lower greater""")
ORG_KNOWN = _phrases("""bundestag, knesset, interpol, europol, hamas, hezbollah, taliban, reuters,
 bloomberg, tass, interfax, xinhua, ria novosti""")
# buildings that stand for a government are places, as the labelling guideline says
SEATS = _phrases("""kremlin, pentagon, white house, downing street, vatican, holy see, elysee,
 élysée, elysee palace, élysée palace, quai d'orsay, capitol hill, zhongnanhai, blue house,
 oval office""")
# capitals that name no actor: places, things, post-nominals ("Jane Ross KC")
ACRONYM_STOP = _words("""us usa uk uae ussr ceo cfo coo cto mp mep mps gdp tv ai id pm am hq ngo uav
 covid dna rna ok pr vip ii iii iv gmt utc dc hiv aids lng cctv ppe icu gps suv atm vat cpi ipo etf
 ev lgbt lgbtq nft mri sms kc qc obe mbe cbe phd""")
# letters after a person's name: "Jane Ross KC", "Tom Hale MP"
POST_NOMINALS = _words("kc qc mp mep msp ms obe mbe cbe kbe dbe phd md")
PARTICLES = _words("de van von der den da di du la le bin ibn al el dos das del della ter ten")
SPEECH = _words("""said says told tells added adds stated announced announces reported wrote
 tweeted warned warns argued argues claimed claims insisted insists confirmed confirms denied
 denies replied noted explained urged admitted admits acknowledged apologised apologized""")
ORG_FOLLOW = _words("""spokesman spokeswoman spokesperson officials executives shareholders board
 employees staff shares stock""")
# the first words of ships' names: "the MV Galaxy Leader", "HMS Queen Elizabeth"
VESSELS = _words("mv ms hms uss ss rms ins mt")
ORG_NOUNS = _words("""company firm group developer agency union party charity broadcaster newspaper
 journal magazine regulator insurer airline carrier retailer startup operator maker manufacturer
 alliance club team network bank lender publisher website organisation organization association
 institute university foundation coalition movement tank think-tank""")
# bodies a text names with no article, as a name: "suspend Parliament", "told Congress"
LEGISLATURES = _words("parliament congress senate duma assembly")
# a lower-case noun after a name that makes it an organisation's ("the Islamic State group")
GROUP_NOUNS = _words("group party movement militia faction network alliance coalition union")
# people a one-word name leads ("Wagner mercenaries"): the name is an organisation's
MEMBERS = _words("mercenaries fighters militants militiamen rebels insurgents paramilitaries")
# last words of capitalised compounds that are no names: "Sixteen-year-old", "Well-known"
COMPOUND_TAILS = _words("""old year based born run made wide style era type like scale level term
 time long free friendly bound owned known""")
# roles in a company: "chief executive of Quora" names a company
BUSINESS_ROLES = _words("""executive ceo cfo coo founder co-founder cofounder chairman chairwoman
 owner shareholder investor""")
# articles of other languages that start the names of bodies, never of people: "Les Républicains"
ARTICLES = _words("les los las die het il")
# articles that start the names of bodies ("La Libertad Avanza", "Le Monde", "El País") and
# the surnames of people ("Marine Le Pen", "Ignazio La Russa"), who have a given name before
NAME_ARTICLES = _words("la le el lo")
# the words that end the head of a description: "a founder [of the Workers' Party]"
HEAD_ENDS = _words("""of for in at with who whose which that from and to on by under over after
 since as whom where when""")
# a relative named beside a one-word name is evidence of a person ("his wife, Meghan,")
KIN = _words("""wife husband son daughter mother father brother sister widow widower partner
 fiancee fiancée fiance fiancé grandson granddaughter grandmother grandfather uncle aunt nephew
 niece cousin""")
# after a lone name, words that make it the subject of a sentence ("Putin was to blame")
SUBJECT_VERBS = _words("""was is had has would will could should did does must might may can
 cannot wants wanted""")
# before a lone name, words that make it a place ("in Darfur")
LOCATIVE = _words("""in at from to near across into toward towards outside inside via through
 around within""")
ABBREVIATIONS = _words("""mr mrs ms dr prof gen sen rep gov lt col capt st sgt jr sr mt rev adm maj
 brig cmdr cpl pvt supt insp det atty""")
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
 tuvalu, vanuatu, antarctica, oceania, pacific, atlantic, russian federation""")
