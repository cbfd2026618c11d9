"""/api/v2/site/: the site's name, languages, home pages, contact and the organisation's texts."""

import pytest
from wagtail.models import Site

from home.models import OrganisationDetails, SiteSettings
from tests.factories import fresh, locale

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(site_structure):
    settings = SiteSettings.load()
    settings.contact_email = "info@example.org"
    settings.phone = "+970 2 000 0000"
    settings.save()
    OrganisationDetails.objects.all().delete()
    OrganisationDetails.objects.create(
        locale=locale("ar"), organisation_name="مناصرة", footer_text="منظمة حقوقية في القدس.", address="القدس"
    )
    # The English record lacks an address: the answer falls back to the Arabic one and says so.
    OrganisationDetails.objects.create(
        locale=locale("en"), organisation_name="Munasara", footer_text="A rights group in Jerusalem."
    )
    # French has no record at all yet, and its home page is not public.
    fresh(site_structure["home"]["fr"]).unpublish()
    return site_structure


def get_site(client, **params):
    response = client.get("/api/v2/site/", params, HTTP_HOST="front.example.org")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_site_in_english(client, site):
    answer = get_site(client, locale="en")

    assert answer["name"] == Site.objects.get(is_default_site=True).site_name
    assert answer["locale"] == "en"
    assert answer["contact"] == {"email": "info@example.org", "phone": "+970 2 000 0000"}
    assert answer["organisation"] == {
        "name": {"text": "Munasara", "language": "en"},
        "description": {"text": "A rights group in Jerusalem.", "language": "en"},
        "address": {"text": "القدس", "language": "ar"},
    }


def test_site_in_arabic_is_the_default(client, site):
    answer = get_site(client)

    assert answer["locale"] == "ar"
    assert answer["organisation"] == {
        "name": {"text": "مناصرة", "language": "ar"},
        "description": {"text": "منظمة حقوقية في القدس.", "language": "ar"},
        "address": {"text": "القدس", "language": "ar"},
    }
    assert "مناصرة" in client.get("/api/v2/site/").content.decode()  # written out, not \\u-escaped


def test_a_language_without_its_own_texts_falls_back_to_arabic(client, site):
    organisation = get_site(client, locale="fr")["organisation"]

    assert {text["language"] for text in organisation.values()} == {"ar"}
    assert organisation["name"]["text"] == "مناصرة"


@pytest.mark.parametrize("code", ["ar", "en"])
def test_locales_with_their_own_names_directions_and_public_home_pages(client, site, code):
    locales = {item["code"]: item for item in get_site(client, locale=code)["locales"]}

    assert list(locales) == ["ar", "en", "fr"]
    assert {code: (item["name"], item["direction"]) for code, item in locales.items()} == {
        "ar": ("العربيّة", "rtl"),
        "en": ("English", "ltr"),
        "fr": ("français", "ltr"),
    }
    for language in ("ar", "en"):
        home = site["home"][language]
        root = locales[language]["root"]
        assert root["id"] == home.pk
        assert root["url"] == f"http://front.example.org/{language}/"
        assert root["detail_url"] == f"http://front.example.org/api/v2/pages/{home.pk}/"
        # The front end can follow the root to its content.
        assert client.get(root["detail_url"], HTTP_HOST="front.example.org").json()["id"] == home.pk
    assert locales["fr"]["root"] is None  # not public


def test_query_count_does_not_grow_with_languages(client, site, django_assert_max_num_queries):
    # The site, view restrictions, home pages (one query for every language), site settings, organisation texts,
    # the site's root paths for the URLs and the site root.
    with django_assert_max_num_queries(7):
        get_site(client, locale="en")
    fresh(site["home"]["fr"]).save_revision().publish()

    with django_assert_max_num_queries(7):
        locales = get_site(client, locale="en")["locales"]
    assert all(item["root"] for item in locales)


@pytest.mark.parametrize(
    ("query", "named"),
    [("?locale=de", "locale"), ("?locale=", "locale"), ("?locale=%E2%80%AEar", "locale"), ("?expand=all", "expand")],
)
def test_bad_parameters_answer_400_json_naming_them(client, site_structure, query, named):
    response = client.get(f"/api/v2/site/{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith(f"{named}:")


def test_only_get_and_head_are_allowed(client, site_structure):
    assert client.head("/api/v2/site/").status_code == 200
    response = client.put("/api/v2/site/")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]


def test_a_wrong_method_is_explained_in_the_readers_language(client, site_structure):
    english = client.delete("/api/v2/site/", HTTP_ACCEPT_LANGUAGE="en")
    arabic = client.delete("/api/v2/site/", HTTP_ACCEPT_LANGUAGE="ar")

    assert english.json()["message"] == "This method is not allowed here; allowed: GET, HEAD."
    assert english["Allow"] == "GET, HEAD"
    assert arabic.status_code == 405 and "GET, HEAD" in arabic.json()["message"]
    assert arabic.json()["message"] != english.json()["message"]
