"""One key for every spelling of a name: what is one name, what only looks like one."""

from __future__ import annotations

import pytest

from generator.spelling import close, name_key, sound_key

ONE_NAME = [
    ("Dmitry Peskov", "Dmitri Peskov"),
    ("Dmitriy Peskov", "DMITRY  peskov"),
    ("Дмитрий Песков", "Dmitry Peskov"),  # Cyrillic, as the Russian press writes it
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Volodymyr Zelenskiy", "Volodymyr Zelenskyi"),
    ("Володимир Зеленський", "Volodymyr Zelensky"),
    ("J. K. Rowling", "JK Rowling"),
    ("J.K. Rowling", "J K Rowling"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("Sergei Lavrov", "Sergey Lavrov"),
    ("Alexei Navalny", "Aleksei Navalny"),
    ("Yevgeny Prigozhin", "Evgeny Prigozhin"),
    ("Yuliia Svyrydenko", "Yulia Svyrydenko"),
    ("Mariya Zakharova", "Maria Zakharova"),
    ("Mikhail Mishustin", "Mihail Mishustin"),
    ("Oleksandr Syrskyi", "Oleksandr Syrsky"),
    ("Conor O'Brien", "Conor OBrien"),
    ("Frances Adeyemi-Clarke", "Frances Adeyemi Clarke"),
    ("Øystein Sørensen", "Oystein Sorensen"),
]

OTHER_NAMES = [
    ("King Charles III", "King Charles II"),  # numerals are never folded
    ("Hill", "Gill"),
    ("Dmitry Peskov", "Dmitry Peskova"),
    ("Ursula von der Leyen", "Ursula Leyen"),
    ("Institute for the Study of War", "Institute for the Study"),
    ("George W. Bush", "George H. W. Bush"),  # initials tell people apart
    ("Boris M. Berg", "Boris Berg"),
]


@pytest.mark.parametrize(("one", "other"), ONE_NAME)
def test_spellings_of_one_name_have_one_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)
    assert sound_key(one) == sound_key(other)


@pytest.mark.parametrize(("one", "other"), OTHER_NAMES)
def test_other_names_keep_other_keys(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Volodymyr Zelensky", "Vladimir Zelensky"),  # Ukrainian and Russian given names
        ("Serhiy Lysak", "Sergei Lysak"),  # h and g
        ("Hennadiy Korban", "Gennady Korban"),
        ("Mykhailo Fedorov", "Mikhail Fedorov"),
        ("Wladimir Klitschko", "Vladimir Klitschko"),
        ("Antony J. Blinken", "Antony Blinken"),  # a middle initial left out
    ],
)
def test_looser_variants_share_only_the_sound_key(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)  # never merged on their own
    assert sound_key(one) == sound_key(other)  # but suggested, and matched by import


def test_a_key_is_lower_case_ascii_words() -> None:
    assert name_key("  Łukasz   Kamiński ") == "lukasz kaminski"
    assert name_key("Charles III") == "charles iii"
    assert name_key("") == ""
    assert name_key("Xi Jinping") == "xi jinping"
    assert name_key("George H. W. Bush") == "george hw bush"


@pytest.mark.parametrize(
    ("one", "other", "typo"),
    [
        ("Priya Natarajn", "Priya Natarajan", True),  # a letter left out
        ("Dmitry Pesokv", "Dmitry Peskov", True),  # two swapped: two edits in a long name
        ("Marcus Webb", "Marcus Wepp", False),  # two edits in a short one
        ("Li", "Lu", False),  # short names: one letter makes another name
        ("King Charles III", "King Charles II", False),
        ("Ben South", "Ben Smith", False),
    ],
)
def test_close_finds_typos_not_other_names(one: str, other: str, typo: bool) -> None:
    assert close(name_key(one), name_key(other)) is typo
