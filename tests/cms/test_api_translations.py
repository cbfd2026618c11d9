"""``meta.translations`` in the pages API: a page's live public translations in the other languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core.i18n import translate_page
from tests.factories import StoryPageFactory, UnitPageFactory, fresh, locale, publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(site_structure):
    """An Arabic story, live in English, with a French translation still a draft."""
    arabic = StoryPageFactory(parent=site_structure["stories"]["ar"], title="هدم منزل في سلوان", slug="silwan")
    english = publish_translation(arabic, "en", title="A home demolished in Silwan", slug="silwan")
    french = translate_page(arabic, locale("fr"), title="Une maison démolie à Silwan", slug="silwan")
    french.save_revision()
    return {"ar": fresh(arabic), "en": fresh(english), "fr": fresh(french)}


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_a_story_lists_its_live_translations_but_not_a_draft(client, story):
    assert detail(client, story["ar"])["meta"]["translations"] == [
        {"locale": "en", "id": story["en"].pk, "url": f"http://testserver{story['en'].url}"}
    ]
    assert detail(client, story["en"])["meta"]["translations"] == [
        {"locale": "ar", "id": story["ar"].pk, "url": f"http://testserver{story['ar'].url}"}
    ]


def test_translations_follow_publishing_in_the_order_of_the_languages(client, story):
    publish_translation(story["ar"], "fr")

    translations = detail(client, story["en"])["meta"]["translations"]

    assert [(entry["locale"], entry["id"]) for entry in translations] == [
        ("ar", story["ar"].pk),
        ("fr", story["fr"].pk),
    ]
    assert translations[1]["url"] == "http://testserver/fr/stories/silwan/"


def test_urls_are_on_the_requests_host(client, story, settings):
    settings.ALLOWED_HOSTS = ["munasara.example"]

    response = client.get(f"/api/v2/pages/{story['ar'].pk}/", HTTP_HOST="munasara.example", secure=True)

    assert response.json()["meta"]["translations"][0]["url"] == "https://munasara.example/en/stories/silwan/"


def test_an_untranslated_page_lists_no_translations(client, site_structure):
    unit = UnitPageFactory(parent=site_structure["units"]["ar"], title="وحدة التوثيق")

    assert detail(client, unit)["meta"]["translations"] == []


def test_a_restricted_translation_is_never_listed(client, story):
    """Even a restriction on the English page alone (written without core.restrictions copying it) hides it."""
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=story["en"], restriction_type="login")])

    assert detail(client, story["ar"])["meta"]["translations"] == []


queries = []


def listing(client, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/v2/pages/", {"type": "stories.StoryPage", "locale": "ar", **params})
    assert response.status_code == 200, response.content
    queries[:] = captured.captured_queries
    return response.json()["items"], len(captured)


def test_listings_show_translations_on_request_only(client, story):
    items, _ = listing(client)
    assert "translations" not in items[0]["meta"]

    items, _ = listing(client, fields="translations")
    assert items[0]["meta"]["translations"] == [
        {"locale": "en", "id": story["en"].pk, "url": f"http://testserver{story['en'].url}"}
    ]
    items, _ = listing(client, fields="*")
    assert [entry["locale"] for entry in items[0]["meta"]["translations"]] == ["en"]


def test_a_listings_query_count_does_not_grow_with_its_length(client, story, site_structure):
    listing(client, fields="translations")  # warm the site and locale caches
    _, few = listing(client, fields="translations")
    for number in range(6):
        extra = StoryPageFactory(parent=site_structure["stories"]["ar"], title=f"قصة {number}")
        publish_translation(extra, "en", title=f"Story {number}")
        publish_translation(extra, "fr", title=f"Histoire {number}")

    items, many = listing(client, fields="translations")

    assert len(items) == 7
    assert all(len(item["meta"]["translations"]) in (1, 2) for item in items)
    assert many == few, "\n".join(query["sql"][:300] for query in queries)
