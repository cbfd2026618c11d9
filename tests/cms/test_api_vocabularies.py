"""/api/v2/vocabularies/…: the terms in a language, with the number of public stories using each."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import Neighbourhood, ViolationType
from stories.records import ConsentRecord
from stories.services import CONSENT_PENDING, record_consent
from tests.factories import StoryPageFactory, locale, publish_translation

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "violation-types": (ViolationType, "home-demolition"),
    "neighbourhoods": (Neighbourhood, "silwan"),
}


@pytest.fixture
def stories(site_structure):
    """One public story (Arabic and English) and, on the same terms, a draft, a story whose consent was
    refused (taken offline) and a live story whose consent is pending (hidden by the visibility rule alone)."""
    terms = {"neighbourhood": "silwan", "violation_types": ["home-demolition"]}
    public = StoryPageFactory(parent=site_structure["stories"]["ar"], slug="public", **terms)
    publish_translation(public, "en", title="A house demolished", slug="public")
    StoryPageFactory(parent=site_structure["stories"]["ar"], slug="draft", publish_page=False, **terms)
    unconsented = StoryPageFactory(parent=site_structure["stories"]["ar"], slug="unconsented", **terms)
    record_consent(unconsented, status="refused")
    pending = StoryPageFactory(parent=site_structure["stories"]["ar"], slug="pending", **terms)
    # As a record edited outside the service would leave it: live, without consent.
    ConsentRecord.objects.filter(story_translation_key=pending.translation_key).update(status=CONSENT_PENDING)
    pending.refresh_from_db()
    assert pending.live
    return public


def get_terms(client, name, **params):
    response = client.get(f"/api/v2/vocabularies/{name}/", params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize("code", ["ar", "en"])
def test_terms_carry_their_label_in_the_locale_and_count_only_public_stories(client, stories, name, code):
    model, used_slug = ENDPOINTS[name]
    answer = get_terms(client, name, locale=code)

    terms = {item["slug"]: item for item in answer["items"]}
    expected = model.objects.filter(locale=locale(code))
    assert answer["meta"] == {"locale": code, "total_count": expected.count()}
    assert {term.slug: term.name for term in expected} == {slug: item["label"] for slug, item in terms.items()}
    # The draft and the story without consent use the term too, but only the public story is counted.
    assert terms[used_slug]["story_count"] == 1
    assert all(item["story_count"] == 0 for slug, item in terms.items() if slug != used_slug)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_labels_differ_by_language_and_arabic_is_the_default(client, stories, name):
    model, used_slug = ENDPOINTS[name]
    default = get_terms(client, name)
    english = get_terms(client, name, locale="en")

    assert default["meta"]["locale"] == "ar"
    arabic_label = next(item["label"] for item in default["items"] if item["slug"] == used_slug)
    english_label = next(item["label"] for item in english["items"] if item["slug"] == used_slug)
    assert arabic_label == model.objects.get(slug=used_slug, locale=locale("ar")).name
    assert english_label == model.objects.get(slug=used_slug, locale=locale("en")).name
    assert arabic_label != english_label
    assert arabic_label in default_response_text(client, name)  # Arabic written out, not \\u-escaped


def default_response_text(client, name):
    return client.get(f"/api/v2/vocabularies/{name}/").content.decode()


def test_withdrawing_consent_takes_the_story_out_of_the_count(client, stories):
    record_consent(stories, status="withdrawn")

    for code in ("ar", "en"):
        terms = {item["slug"]: item for item in get_terms(client, "neighbourhoods", locale=code)["items"]}
        assert terms["silwan"]["story_count"] == 0


@pytest.mark.parametrize("name", ENDPOINTS)
def test_query_count_stays_the_same_as_terms_and_stories_grow(
    client, stories, site_structure, name, django_assert_max_num_queries
):
    model, _used_slug = ENDPOINTS[name]
    with CaptureQueriesContext(connection) as before:
        get_terms(client, name, locale="ar")

    for number in range(5):
        term = model.objects.create(slug=f"extra-{number}", name=f"مصطلح {number}", locale=locale("ar"))
        extra = {"neighbourhood": term.slug} if model is Neighbourhood else {"violation_types": [term.slug]}
        StoryPageFactory(parent=site_structure["stories"]["ar"], slug=f"extra-{number}", **extra)

    with django_assert_max_num_queries(len(before.captured_queries)):
        answer = get_terms(client, name, locale="ar")
    assert len(before.captured_queries) <= 2  # the view restrictions (Wagtail's public()), then the terms
    counts = {item["slug"]: item["story_count"] for item in answer["items"]}
    assert all(counts[f"extra-{number}"] == 1 for number in range(5))


@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize(
    ("query", "named"),
    [("?locale=xx", "locale"), ("?locale=", "locale"), ("?locale=ar%00", "locale"), ("?lang=ar", "lang")],
)
def test_bad_parameters_answer_400_json_naming_them(client, site_structure, name, query, named):
    response = client.get(f"/api/v2/vocabularies/{name}/{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith(f"{named}:")


@pytest.mark.parametrize("name", ENDPOINTS)
def test_only_get_and_head_are_allowed(client, site_structure, name):
    assert client.head(f"/api/v2/vocabularies/{name}/").status_code == 200
    response = client.post(f"/api/v2/vocabularies/{name}/")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert "GET" in response["Allow"]
    assert response.json()["message"]
