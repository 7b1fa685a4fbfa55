"""The reader's language: dates, months, labels and text direction (generator/language.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from generator.language import LOCALE_DIR, TEMPLATE, Language, direction
from generator.pages.render import make_env, show_date

MAY_3 = dt.date(2023, 5, 3)


@pytest.mark.parametrize(
    ("code", "day", "month"),
    [
        ("en", "3 May 2023", "May 2023"),
        ("en-GB", "3 May 2023", "May 2023"),
        ("fr", "3 mai 2023", "mai 2023"),
        ("de", "3. Mai 2023", "Mai 2023"),
        ("es", "3 de mayo de 2023", "mayo de 2023"),
        ("uk", "3 травня 2023\u202fр.", "травень 2023\u202fр."),  # noqa: RUF001
        ("ru", "3 мая 2023\u202fг.", "май 2023\u202fг."),  # noqa: RUF001
        ("pt-BR", "3 de maio de 2023", "maio de 2023"),
    ],
)
def test_dates_and_months_in_each_language(code: str, day: str, month: str) -> None:
    language = Language(code)
    assert language.date(MAY_3) == day
    assert language.month(2023, 5) == month


def test_english_dates_are_those_dossier_always_wrote() -> None:
    for moment in (MAY_3, dt.datetime(2023, 5, 3, 14, 5), dt.date(1999, 12, 31)):
        assert Language("en").date(moment) == show_date(moment)


def test_a_time_of_day_follows_the_date() -> None:
    assert Language("fr").date(dt.datetime(2023, 5, 3, 8, 30)) == "3 mai 2023, 08:30"


def test_an_unknown_language_falls_back_to_english() -> None:
    language = Language("xx")
    assert language.date(MAY_3) == "3 May 2023"
    assert language.gettext("Latest stories") == "Latest stories"
    assert direction("xx") == "ltr"


def test_chart_labels_are_short() -> None:
    assert Language("en").short_month(5) == "May"
    assert Language("en").short_date(dt.date(2023, 5, 30)) == "30 May"
    assert Language("de").short_date(dt.date(2023, 5, 30)) == "30. Mai"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("fr", "ltr"), ("en", "ltr")],
)
def test_text_direction(code: str, expected: str) -> None:
    assert direction(code) == expected


def test_labels_in_the_shipped_languages() -> None:
    assert Language("fr").gettext("Latest stories") == "Derniers articles"
    assert Language("de").gettext("Timeline") == "Chronik"
    assert Language("es").gettext("Actors") == "Actores"
    assert Language("uk").gettext("Home") == "Головна"
    assert Language("ru").gettext("Events") == "События"
    assert Language("fr-CA").gettext("Home") == "Accueil"  # a region falls back to its language


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 матеріал"), (3, "3 матеріали"), (5, "5 матеріалів"), (21, "21 матеріал")],
)
def test_ukrainian_plural_forms(count: int, expected: str) -> None:
    message = Language("uk").ngettext("%(count)s story", "%(count)s stories", count)
    assert message % {"count": count} == expected


def test_every_shipped_catalogue_has_every_message_of_the_theme() -> None:
    template = _read_catalogue(LOCALE_DIR / TEMPLATE)
    wanted = [message.id for message in template if message.id]
    assert len(wanted) > 100
    for code in ("fr", "de", "es", "uk", "ru"):
        catalogue = _read_catalogue(LOCALE_DIR / f"{code}.po")
        for key in wanted:
            found = catalogue.get(key[0] if isinstance(key, tuple) else key)
            strings = found.string if found is not None else None
            forms = strings if isinstance(strings, tuple) else (strings,)
            assert found is not None and all(forms), (code, key)


def test_the_template_catalogue_has_every_message_the_templates_use() -> None:
    from babel.messages.extract import extract_from_dir

    extracted = {
        message[2] if isinstance(message[2], str) else message[2][0]
        for message in extract_from_dir(
            str(LOCALE_DIR.parent / "templates"),
            method_map=[("*.html", "jinja2"), ("*.xml", "jinja2")],
            options_map={"*": {"extensions": "jinja2.ext.i18n"}},
        )
    }
    template = _read_catalogue(LOCALE_DIR / TEMPLATE)
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    assert len(extracted) > 50
    assert extracted - known == set()


def _read_catalogue(path: Path) -> Catalog:
    """A catalogue, read strictly: a malformed entry (a msgid without its msgstr) fails."""
    with path.open("rb") as file:
        return read_po(file, abort_invalid=True)


def test_a_site_label_replaces_a_message() -> None:
    labels = (
        ("Latest stories", "À la une"),
        ("%(count)s story", ("%(count)s sujet", "%(count)s sujets")),
    )
    language = Language("fr", labels)
    assert language.gettext("Latest stories") == "À la une"
    assert language.gettext("Timeline") == "Chronologie"  # the others stay
    assert language.ngettext("%(count)s story", "%(count)s stories", 2) == "%(count)s sujets"
    assert Language("en", (("Home", "Front page"),)).gettext("Home") == "Front page"


def test_templates_get_labels_as_they_compile() -> None:
    source = (
        '{% trans %}Home{% endtrans %}|{{ _("Timeline") }}|{% trans n=3 %}{{ n }}{% endtrans %}'
    )
    assert make_env(None, Language("fr")).from_string(source).render() == "Accueil|Chronologie|3"
    assert make_env(None).from_string(source).render() == "Home|Timeline|3"
    plural = "{% trans count=n %}{{ count }} story{% pluralize %}{{ count }} stories{% endtrans %}"
    assert make_env(None, Language("uk")).from_string(plural).render(n=2) == "2 матеріали"
