"""core.i18n: the content languages, their locales, and how a page finds or gains a translation."""

import pytest
from wagtail.models import Locale

from core.i18n import SOURCE_LANGUAGE, ensure_locales, language_codes, page_translation, translate_page
from core.models import Neighbourhood, ViolationType
from home.models import UnitIndexPage, UnitPage
from monitoring.models import LegalReference
from tests.factories import UnitPageFactory, fresh, locale

pytestmark = pytest.mark.django_db


def test_arabic_is_the_source_language_and_comes_first():
    assert SOURCE_LANGUAGE == "ar"
    assert language_codes() == ["ar", "en", "fr"]


def test_ensure_locales_creates_the_missing_ones_once():
    # As on a database that has only the source language (the vocabulary migration and the legal
    # references seeded after migrate fill every locale).
    for model in (ViolationType, Neighbourhood, LegalReference):
        model.objects.exclude(locale__language_code=SOURCE_LANGUAGE).delete()
    Locale.objects.exclude(language_code=SOURCE_LANGUAGE).delete()

    first = ensure_locales()
    second = ensure_locales()

    assert {code: found.language_code for code, found in first.items()} == {"ar": "ar", "en": "en", "fr": "fr"}
    assert {code: found.pk for code, found in second.items()} == {code: found.pk for code, found in first.items()}
    assert Locale.objects.count() == 3


@pytest.fixture
def unit(site_structure):
    return UnitPageFactory(parent=site_structure["units"]["ar"], title="وحدة المناصرة الدولية", slug="advocacy")


def test_page_translation_finds_the_page_in_a_locale_or_none(site_structure, unit):
    about = site_structure["about"]

    assert page_translation(about["ar"], locale("en")).pk == about["en"].pk
    assert page_translation(about["en"], locale("ar")).pk == about["ar"].pk
    assert page_translation(about["ar"], locale("ar")).pk == about["ar"].pk
    assert page_translation(unit, locale("fr")) is None


def test_translate_page_copies_the_source_under_the_translated_parent_without_saving_the_fields(site_structure, unit):
    english = translate_page(unit, locale("en"), title="International Advocacy Unit", mission="End it.")

    assert isinstance(english, UnitPage)
    assert (english.title, english.mission) == ("International Advocacy Unit", "End it.")
    assert english.locale == locale("en")
    assert english.translation_key == unit.translation_key
    assert english.get_parent().pk == site_structure["units"]["en"].pk
    stored = fresh(english)
    assert stored.title == unit.title, "the fields are set on the instance, not saved"
    assert not stored.live, "a new translation starts as a draft"


def test_translate_page_returns_the_existing_translation(unit):
    first = translate_page(unit, locale("en"), title="International Advocacy Unit")
    first.save()

    again = translate_page(unit, locale("en"), summary="A new summary")

    assert again.pk == first.pk
    assert (again.title, again.summary) == ("International Advocacy Unit", "A new summary")
    assert UnitPage.objects.filter(translation_key=unit.translation_key).count() == 2


def test_translate_page_brings_along_a_parent_that_has_no_translation_yet(site_structure, unit):
    site_structure["units"]["fr"].delete()

    french = translate_page(unit, locale("fr"), title="Unité de plaidoyer international")

    parent = french.get_parent().specific
    assert isinstance(parent, UnitIndexPage)
    assert parent.locale == locale("fr")
    assert parent.translation_key == site_structure["units"]["ar"].translation_key
    assert parent.get_parent().pk == site_structure["home"]["fr"].pk
