"""Each kind of detection mistake, shown on sentences written for these tests (none is taken
from the labelled stories), through the public `detect` API with an empty site."""

from __future__ import annotations

from generator.authoring.detect import Proposal, detect


def proposals(text: str, title: str = "Talks resume") -> dict[str, Proposal]:
    return {p.name: p for p in detect(title, text, actors=[]).proposals}


def names(text: str, title: str = "Talks resume") -> set[str]:
    return set(proposals(text, title))


# datelines


def test_a_dateline_place_is_no_actor_and_its_agency_is_one() -> None:
    found = proposals(
        "NAIROBI, Kenya (Reuters) — Aid agencies said on Monday that the rains had failed."
    )
    assert set(found) == {"Reuters"}
    assert found["Reuters"].kind == "organization"


def test_datelines_of_several_words_in_capitals() -> None:
    for dateline in ("ST. LOUIS, Missouri —", "THE VALLEY, Anguilla (AP) —", "SAN JOSÉ -"):
        text = f"{dateline} The governor, Maria Alves, said the port would reopen."
        assert "Maria Alves" in names(text)
        assert not any(n.isupper() and n not in ("AP",) for n in names(text)), dateline


def test_a_dateline_ends_where_the_sentence_begins() -> None:
    found = names("OSLO (AP) — The Norwegian Refugee Council said the camp was full.")
    assert found == {"AP", "Norwegian Refugee Council"}  # not "The Norwegian Refugee Council"


# place abbreviations


def test_place_abbreviations_are_no_actors_and_cut_no_name() -> None:
    found = proposals(
        "The Hollis Institute, a research group in Washington, D.C., said U.S. Ambassador "
        "Clara Finch had left St. Petersburg for the U.K. on Sunday."
    )
    assert set(found) == {"Hollis Institute", "Clara Finch"}
    assert found["Clara Finch"].role == "U.S. Ambassador"


# regnal and papal numbers


def test_a_regnal_number_stays_with_the_name_and_the_title_does_not() -> None:
    found = proposals("King Frederik X received Pope Pius XIII and Queen Margrethe II at noon.")
    assert set(found) == {"Frederik X", "Margrethe II", "Pius XIII"}
    assert found["Frederik X"].role == "King"


def test_two_numbers_are_two_people() -> None:
    found = names("The crowd cheered Henry VIII. Historians compare him with Henry VII.")
    assert {"Henry VIII", "Henry VII"} <= found


# particles


def test_particles_stay_inside_a_name_and_may_open_a_sentence() -> None:
    found = proposals(
        "Foreign Minister Pieter van den Berg met Ana de la Cruz in Lisbon. "
        "Van den Berg said the two had agreed. Later, de la Cruz said talks would go on."
    )
    assert set(found) == {"Pieter van den Berg", "Ana de la Cruz"}
    assert "Van den Berg" in found["Pieter van den Berg"].aliases


def test_arabic_particles_and_prefixes() -> None:
    found = names(
        "Crown Prince Khalid bin Hamad met Interior Minister Faisal al-Otaibi and "
        "Abu Bakr ibn Yusuf, a cleric."
    )
    assert found == {"Khalid bin Hamad", "Faisal al-Otaibi", "Abu Bakr ibn Yusuf"}


# sentence starts


def test_a_sentence_start_word_is_not_glued_to_a_name() -> None:
    found = names(
        "Entering Kyiv by train, the delegation was met by Oksana Hrytsenko. "
        "Speaking to reporters, Tomasz J. Nowak said the visit had gone well. "
        "Negotiators said more talks were planned. Mediators added that nothing was signed."
    )
    assert found == {"Oksana Hrytsenko", "Tomasz J. Nowak"}


# titles run into names


def test_a_body_named_by_its_function_in_a_title_is_part_of_the_role() -> None:
    found = proposals("Interior Ministry spokesman Oleg Dronov said the border was calm.")
    assert set(found) == {"Oleg Dronov"}
    assert found["Oleg Dronov"].role == "Interior Ministry spokesman"


def test_a_body_named_in_full_before_a_title_is_an_organisation() -> None:
    found = proposals(
        "Ministry of Internal Affairs of Moldova spokeswoman Irina Popa said three men were held."
    )
    assert set(found) == {"Ministry of Internal Affairs of Moldova", "Irina Popa"}
    assert found["Ministry of Internal Affairs of Moldova"].kind == "organization"


def test_a_titles_object_stays_with_the_title() -> None:
    found = proposals(
        "Minister of the Interior Lucas Ferreira and Archbishop of Braga Rui Sousa spoke."
    )
    assert set(found) == {"Lucas Ferreira", "Rui Sousa"}
    assert found["Rui Sousa"].role == "Archbishop of Braga"


# long organisation names


def test_organisation_names_with_of_and_for_come_whole() -> None:
    found = names(
        "Researchers at the Centre for the Study of Coastal Erosion and the Tallinn School of "
        "Design said the Union of Baltic Fishing Cooperatives had been consulted. Friends of "
        "the Forest, a campaign group, disagreed; so did the Order of Saint Brigid."
    )
    assert found == {
        "Centre for the Study of Coastal Erosion",
        "Tallinn School of Design",
        "Union of Baltic Fishing Cooperatives",
        "Friends of the Forest",
        "Order of Saint Brigid",
    }


def test_an_organisation_named_before_its_abbreviation_comes_whole() -> None:
    found = proposals(
        "The Economic Council of Southern Lakeland States (ECSLS) met on Friday. "
        "The ECSLS said it would meet again."
    )
    assert set(found) == {"Economic Council of Southern Lakeland States"}
    assert found["Economic Council of Southern Lakeland States"].aliases == ("ECSLS",)


def test_an_abbreviation_in_another_language_is_still_an_alias() -> None:
    found = proposals(
        "Soldiers formed the National Committee for Popular Renewal (CNRP) overnight. "
        "The CNRP closed the borders."
    )
    assert set(found) == {"National Committee for Popular Renewal"}
    assert "CNRP" in found["National Committee for Popular Renewal"].aliases


def test_a_place_named_after_someone_is_no_actor() -> None:
    found = names(
        "Flights left Jomo Kenyatta airport for King Fahd Stadium. Crowds filled St. Mark's "
        "Square near the Lake Tana region, where Abebe Kebede said he was waiting."
    )
    assert found == {"Abebe Kebede"}


# variants of one name within a story


def test_explicit_variants_are_aliases_of_one_proposal() -> None:
    found = proposals(
        "Gen. Oleksandr Tarnavskyi, whose name is also spelled Alexander Tarnavsky, took over. "
        "Kamila Rustamova, also transliterated Kamilla Rustamova, said so. "
        "Ahmed Salah, who is widely known as Abu Salah, said the same. "
        "The Coastal Defence League (CDL) agreed. Tarnavsky said nothing more."
    )
    assert set(found) == {
        "Oleksandr Tarnavskyi",
        "Kamila Rustamova",
        "Ahmed Salah",
        "Coastal Defence League",
    }
    assert "Alexander Tarnavsky" in found["Oleksandr Tarnavskyi"].aliases
    assert "Abu Salah" in found["Ahmed Salah"].aliases
    assert "CDL" in found["Coastal Defence League"].aliases


def test_a_one_word_variant_replaces_the_word_it_spells() -> None:
    found = proposals(
        "Yevgeny Surovkin, whose first name is also written Eugene, spoke. "
        "Gen. Amadou Tchiroma, also written Tiroma, listened."
    )
    assert "Eugene Surovkin" in found["Yevgeny Surovkin"].aliases
    assert "Amadou Tiroma" in found["Amadou Tchiroma"].aliases


def test_another_romanisation_and_a_name_without_its_middle_name_are_one_person() -> None:
    found = proposals(
        "Cardinal Tomas Halik preached. Later Cardinal Tomas Josef Halik met Serhiy Lysenko; "
        "state media wrote that Sergei Lysenko had come from Kharkiv."
    )
    assert set(found) == {"Tomas Josef Halik", "Serhiy Lysenko"}
    assert "Tomas Halik" in found["Tomas Josef Halik"].aliases
    assert "Sergei Lysenko" in found["Serhiy Lysenko"].aliases


def test_a_papal_name_taken_is_an_alias() -> None:
    found = proposals(
        "Cardinal Joaquim Ferreira Lopes was elected on Thursday. He took the name Gregory XVII."
    )
    assert set(found) == {"Joaquim Ferreira Lopes"}
    assert "Gregory XVII" in found["Joaquim Ferreira Lopes"].aliases


def test_a_lone_name_the_story_makes_its_subject_twice_is_a_person() -> None:
    found = names(
        "The court said that Orlov was responsible. Critics say Orlov has ignored the ruling."
    )
    assert found == {"Orlov"}


def test_a_lone_place_after_in_is_not_made_a_person() -> None:
    found = names("Fighting was reported in Marinka. Marinka was shelled again on Sunday.")
    assert found == set()


# kinds


def test_the_kind_of_a_name_follows_what_surrounds_it() -> None:
    found = proposals(
        "Analysts at Halvorsen Partners said shares in Brightwater Foods fell, and Lumio "
        "chief executive Ines Varga resigned. The Liberal Greens said OpenGrid, the rival "
        "company founded by Ines Varga, would bid."
    )
    kinds = {name: p.kind for name, p in found.items()}
    assert kinds == {
        "Halvorsen Partners": "organization",
        "Brightwater Foods": "organization",
        "Lumio": "organization",
        "Ines Varga": "person",
        "Liberal Greens": "organization",
        "OpenGrid": "organization",
    }


def test_buildings_that_stand_for_a_government_are_places() -> None:
    found = names(
        "The Kremlin said the Pentagon and the White House had been told. "
        "Kremlin spokesman Ivan Sorokin said no more."
    )
    assert found == {"Ivan Sorokin"}


def test_a_list_inside_an_organisations_name_and_a_common_nouns_possessive() -> None:
    found = names(
        "A spokesperson for the Department for Food, Farming and Rural Affairs said the "
        "Fishermen's Protection League had been told. Prime Minister Ola Dahl's Progress Party "
        "disagreed."
    )
    assert found == {
        "Department for Food, Farming and Rural Affairs",
        "Fishermen's Protection League",
        "Ola Dahl",
        "Progress Party",
    }


def test_letters_after_a_name_and_capitals_that_name_things_are_no_actors() -> None:
    found = proposals(
        "Barrister Nadia Okafor KC said CCTV and GPS data showed the car. Tim Ross MP agreed."
    )
    assert set(found) == {"Nadia Okafor", "Tim Ross"}
    assert found["Nadia Okafor"].role == "Barrister"


def test_an_article_starts_a_bodys_name_unless_a_given_name_comes_first() -> None:
    found = proposals(
        "La Voz Libre, a party founded in 2019, backed Marcela Le Roux. Le Roux said she was "
        "grateful."
    )
    assert {name: p.kind for name, p in found.items()} == {
        "La Voz Libre": "organization",
        "Marcela Le Roux": "person",
    }
    assert "Le Roux" in found["Marcela Le Roux"].aliases


def test_a_legislature_named_without_an_article_is_an_organisation() -> None:
    found = proposals("The king agreed to dissolve Parliament. Government sources said little.")
    assert set(found) == {"Parliament"}
    assert found["Parliament"].kind == "organization"


def test_a_word_after_an_honorific_is_a_person() -> None:
    found = proposals("Talks ended on Monday. Ms Harlow left early and Mr. Qin's car was waiting.")
    assert {name: p.kind for name, p in found.items()} == {"Harlow": "person", "Qin": "person"}


def test_plural_nouns_opening_a_sentence_are_no_names_but_a_known_surname_is() -> None:
    found = proposals(
        "Neighbours said the fire began at night. Medics said two were hurt. "
        "Mayor Tom Jones visited the street. Jones said he was shocked."
    )
    assert set(found) == {"Tom Jones"}
    assert found["Tom Jones"].aliases == ("Jones",)
