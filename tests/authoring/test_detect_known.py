"""Import resolves before it proposes: each name a story gives is matched to the site's
actors (and to the actors this run of `dossier import` proposed already) by name, alias,
`name_key`, another romanisation (`sound_key`) or a surname only one known person has,
before anything new is proposed. Sentences written for these tests."""

from __future__ import annotations

from generator.authoring.detect import Detection, Known, detect

SITE = [
    Known("Dmitry Peskov", ("Peskov",)),
    Known("Volodymyr Zelensky", ("Zelensky",)),
]


def test_other_romanisations_of_known_names_resolve_to_the_known_actors() -> None:
    found = detect(
        "Kremlin dismisses offer",
        "Kremlin spokesman Dmitri Peskov said on Tuesday that Moscow had no reply for "
        "Vladimir Zelensky. Peskov did not take questions.",
        SITE,
    )
    assert found.proposals == ()
    assert found.known == ("Dmitry Peskov", "Volodymyr Zelensky")


def test_an_empty_site_gets_one_proposal_for_a_name_and_its_short_form() -> None:
    found = detect(
        "Kyiv asks for air defence",
        "President Volodymyr Zelenskyy asked allies for more air defence on Monday. "
        "Zelensky said the winter would be hard.",
        [],
    )
    assert [(p.name, p.aliases) for p in found.proposals] == [
        ("Volodymyr Zelenskyy", ("Zelensky",))
    ]


def test_a_known_persons_surname_alone_is_that_person() -> None:
    site = [Known("Yulia Tymoshenko"), Known("Recep Tayyip Erdoğan")]
    said = detect("Vote delayed", "Tymoshenko said the vote would be delayed.", site)
    assert (said.known, said.proposals) == (("Yulia Tymoshenko",), ())
    alone = detect(
        "Vote delayed",
        "Tymoshenko, in a statement on Friday, called the delay a disgrace. "
        "Erdogan had phoned her the night before.",
        site,
    )
    assert (alone.known, alone.proposals) == (("Yulia Tymoshenko", "Recep Tayyip Erdoğan"), ())


def test_a_middle_initial_does_not_hide_a_known_person() -> None:
    found = detect(
        "Talks", "U.S. Secretary of State Antony J. Blinken arrived.", [Known("Antony Blinken")]
    )
    assert (found.known, found.proposals) == (("Antony Blinken",), ())


def test_a_known_organisation_by_its_name_and_its_acronym() -> None:
    site = [Known("International Atomic Energy Agency", ("IAEA",))]
    named = detect(
        "Inspectors arrive",
        "Inspectors from the International Atomic Energy Agency (IAEA) arrived on Monday.",
        site,
    )
    assert (named.known, named.proposals) == (("International Atomic Energy Agency",), ())
    short = detect("Inspectors arrive", "The IAEA said its inspectors had arrived.", site)
    assert (short.known, short.proposals) == (("International Atomic Energy Agency",), ())


def test_a_sound_two_known_people_share_resolves_to_neither() -> None:
    site = [Known("Oleksandr Kovalenko"), Known("Aleksandr Kovalenko")]
    found = detect("Talks", "Deputy Minister Olexandr Kowalenko said talks had stalled.", site)
    assert found.known == ()
    assert [p.name for p in found.proposals] == ["Olexandr Kowalenko"]


def remembered(found: Detection) -> list[Known]:
    """What `dossier import` remembers of a story's proposals for the next story."""
    return [Known(p.name, p.aliases) for p in found.proposals]


def test_a_run_resolves_a_later_story_to_an_earlier_storys_proposal() -> None:
    first = detect(
        "Kyiv asks for air defence",
        "President Volodymyr Zelenskyy asked allies for air defence. "
        "Foreign Minister Dmytro Kuleba, whose first name is also written Dmitry, agreed.",
        [],
    )
    run = remembered(first)
    assert [p.name for p in first.proposals] == ["Volodymyr Zelenskyy", "Dmytro Kuleba"]
    later = detect(
        "Moscow responds",
        "State television said Vladimir Zelensky and Dmitry Kuleba had lied. Kuleba said nothing.",
        run,
    )
    assert later.proposals == ()
    assert later.known == ("Volodymyr Zelenskyy", "Dmytro Kuleba")


def test_a_known_person_by_a_given_name_or_initial_and_the_surname() -> None:
    site = [Known("Recep Tayyip Erdoğan"), Known("Antony Blinken")]
    found = detect(
        "Talks", "President Tayyip Erdogan met Maria Blinken, then A. Blinken, on Monday.", site
    )
    assert found.known == ("Recep Tayyip Erdoğan", "Antony Blinken")
    assert [p.name for p in found.proposals] == ["Maria Blinken"]
