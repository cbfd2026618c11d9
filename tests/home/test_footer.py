"""The footer speaks the page's language: the organisation's details in that language, or marked as Arabic."""

import re

import pytest
from wagtail.models import Locale

from home.models import OrganisationDetails, SiteSettings
from tests.markup import parse

pytestmark = pytest.mark.django_db

ARABIC_LETTERS = re.compile("[\u0600-\u06ff]")
DETAILS = {
    "ar": {
        "organisation_name": "مركز العمل المجتمعي – جامعة القدس",
        "footer_text": "وحدة المناصرة الدولية في مركز العمل المجتمعي.",
        "address": "البلدة القديمة، القدس",
    },
    "en": {
        "organisation_name": "Community Action Center – Al-Quds University",
        "footer_text": "The International Advocacy Unit of the Community Action Center.",
        "address": "Old City, Jerusalem",
    },
    "fr": {
        "organisation_name": "Centre d'action communautaire – Université Al-Quds",
        "footer_text": "L'Unité de plaidoyer international du Centre d'action communautaire.",
        "address": "Vieille ville, Jérusalem",
    },
}


def publish_details(code, **texts):
    """The organisation details in ``code``, published (a translation of the others, as Translate makes them)."""
    source = OrganisationDetails.objects.filter(locale__language_code="ar").first()
    details = source.copy_for_translation(Locale.objects.get(language_code=code)) if source else None
    details = details or OrganisationDetails(locale=Locale.objects.get(language_code=code))
    for name, value in texts.items():
        setattr(details, name, value)
    details.live = False
    details.save()
    details.save_revision().publish()
    return details


@pytest.fixture
def contact():
    site_settings = SiteSettings.load()
    site_settings.contact_email = "cac@example.org"
    site_settings.phone = "+970 2 627 0000"
    site_settings.save()
    return site_settings


def footer_of(client, url):
    soup = parse(client.get(url))
    return soup.find("html")["lang"], soup.find("footer")


def language_of(element, page_language):
    """The language a screen reader reads ``element`` in: its own ``lang`` or its nearest ancestor's."""
    for node in (element, *element.parents):
        if getattr(node, "get", None) and node.get("lang"):
            return node["lang"], node.get("dir")
    return page_language, None


def organisation(footer):
    """``{field: (text, lang attribute, dir attribute)}`` of the organisation's texts in the footer."""
    found = {
        "organisation_name": footer.select_one("#footer-organisation"),
        "footer_text": footer.select_one(".site-footer__about p"),
        "address": footer.select_one(".contact-list dd"),
    }
    return {
        name: (" ".join(element.get_text(" ").split()), element.get("lang"), element.get("dir"))
        for name, element in found.items()
        if element is not None
    }


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_the_footer_shows_the_organisation_in_the_pages_language(client, site_structure, contact, language):
    for code in ("ar", "en", "fr"):
        publish_details(code, **DETAILS[code])

    page_language, footer = footer_of(client, f"/{language}/")

    assert page_language == language
    assert organisation(footer) == {name: (text, None, None) for name, text in DETAILS[language].items()}
    for link in (footer.select_one('a[href^="mailto:"]'), footer.select_one('a[href^="tel:"]')):
        assert link["dir"] == "ltr", link
    assert footer.select_one('a[href="tel:+97026270000"]').get_text() == "+970 2 627 0000"
    if language != "ar":
        assert not ARABIC_LETTERS.search(footer.get_text()), f"Arabic in the {language} footer"


def test_a_language_without_details_shows_the_arabic_ones_marked_as_arabic(client, site_structure, contact):
    publish_details("ar", **DETAILS["ar"])
    publish_details("en", **DETAILS["en"])

    page_language, footer = footer_of(client, "/fr/about/")

    assert page_language == "fr"
    assert organisation(footer) == {name: (text, "ar", "rtl") for name, text in DETAILS["ar"].items()}
    # Every Arabic word in the French footer is inside an element that says it is Arabic, right to left.
    for string in footer.find_all(string=ARABIC_LETTERS):
        assert language_of(string.parent, page_language) == ("ar", "rtl"), string
    assert footer.select_one("#footer-contact").get("lang") is None  # the page's own words are not marked


def test_a_text_missing_in_the_pages_language_comes_from_the_arabic_details(client, site_structure, contact):
    publish_details("ar", **DETAILS["ar"])
    english = publish_details("en", **DETAILS["en"])
    english.address = ""
    english.save_revision().publish()

    _language, footer = footer_of(client, "/en/")

    assert organisation(footer) == {
        "organisation_name": (DETAILS["en"]["organisation_name"], None, None),
        "footer_text": (DETAILS["en"]["footer_text"], None, None),
        "address": (DETAILS["ar"]["address"], "ar", "rtl"),
    }


def test_unpublished_details_stay_out_of_the_footer(client, site_structure, contact):
    publish_details("ar", **DETAILS["ar"])
    draft = OrganisationDetails.objects.get(locale__language_code="ar").copy_for_translation(
        Locale.objects.get(language_code="en")
    )
    draft.organisation_name = "A draft nobody approved"
    draft.live = False
    draft.save()
    draft.save_revision()

    _language, footer = footer_of(client, "/en/")

    assert "A draft nobody approved" not in footer.get_text()
    assert organisation(footer)["organisation_name"] == (DETAILS["ar"]["organisation_name"], "ar", "rtl")


def test_without_any_details_the_footer_still_gives_the_contact(client, site_structure, contact):
    _language, footer = footer_of(client, "/en/")

    assert footer.select_one("#footer-organisation") is None
    assert footer.select_one('a[href="mailto:cac@example.org"]') is not None
