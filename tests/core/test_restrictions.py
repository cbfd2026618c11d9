"""A privacy setting made on the Arabic page in the admin holds for its English and French translations."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from search import outbox
from search.connection import engine_backend
from tests.conftest import require_service
from tests.factories import StoryPageFactory, fresh, publish_translation
from tests.search.conftest import database_only, engine_reachable, engine_url, reset_engine_index, with_engine

pytestmark = pytest.mark.django_db

PASSWORD = "kalimat-sirr-2024"
ENGLISH_TITLE = "The olive grove of Battir"


@pytest.fixture(params=["database", "engine"])
def search_backend(request, settings):
    """The public search on the database, then on the real engine (ELASTICSEARCH_URL)."""
    if request.param == "database":
        settings.WAGTAILSEARCH_BACKENDS = database_only()
        return None
    require_service(engine_reachable(), f"search engine at ELASTICSEARCH_URL={engine_url()!r}")
    settings.WAGTAILSEARCH_BACKENDS = with_engine()
    backend = engine_backend()
    reset_engine_index(backend)
    return backend


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs the after-commit work (search index updates) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def story(site_structure, search_backend, committed):
    """A public Arabic story with a published English translation, in the search index."""
    with committed():
        arabic = StoryPageFactory(parent=site_structure["stories"]["ar"], title="بستان الزيتون في بتير")
        english = publish_translation(arabic, "en", title=ENGLISH_TITLE, summary="Olive trees in Battir.")
        outbox.schedule(Page.objects.values_list("pk", flat=True))
    return {"ar": fresh(arabic), "en": fresh(english)}


@pytest.fixture
def admin(client):
    client.force_login(get_user_model().objects.create_superuser("publisher", "publisher@example.org", "pw"))
    return client


def set_privacy(client, page, committed, **form):
    with committed():
        response = client.post(f"/admin/pages/{page.pk}/privacy/", form)
    assert response.status_code == 200, response.content.decode()[:1000]
    assert '"step": "set_privacy_done"' in response.content.decode()


def public_view(client, page):
    """What an anonymous reader gets for ``page`` on the site, the API, the sitemap and the search."""
    client.logout()
    listed = client.get("/api/v2/pages/", {"type": "stories.StoryPage", "locale": "en"}).json()["items"]
    found = client.get("/api/v2/search/", {"q": "olive", "locale": "en"}, HTTP_ACCEPT_LANGUAGE="en").json()
    return {
        "page": client.get(page.url),
        "api": [item["id"] for item in listed],
        "api_detail": client.get(f"/api/v2/pages/{page.pk}/").status_code,
        "sitemap": page.full_url in client.get("/sitemap.xml").content.decode(),
        "search": [result["id"] for result in found["results"]],
    }


def assert_public(client, page):
    seen = public_view(client, page)
    assert seen["page"].status_code == 200
    assert ENGLISH_TITLE in seen["page"].content.decode()
    assert seen["api"] == [page.pk]
    assert seen["api_detail"] == 200
    assert seen["sitemap"]
    assert seen["search"] == [page.pk]


def assert_hidden(client, page):
    seen = public_view(client, page)
    assert ENGLISH_TITLE not in seen["page"].content.decode()
    assert seen["api"] == []
    assert seen["api_detail"] == 404
    assert not seen["sitemap"]
    assert seen["search"] == []
    return seen["page"]


def test_a_password_on_the_arabic_page_protects_the_english_translation(client, admin, story, committed):
    assert_public(client, story["en"])
    client.force_login(get_user_model().objects.get(username="publisher"))

    set_privacy(client, story["ar"], committed, restriction_type="password", password=PASSWORD)

    page = assert_hidden(client, story["en"])
    assert page.status_code == 200
    assert 'name="password"' in page.content.decode()
    restriction = PageViewRestriction.objects.get(page=story["en"])
    assert (restriction.restriction_type, restriction.password) == ("password", PASSWORD)
    # With the password, the reader gets the translation.
    action = re.search(r'<form[^>]+action="([^"]+)"', page.content.decode()).group(1)
    unlocked = client.post(action, {"password": PASSWORD, "return_url": story["en"].url})
    assert unlocked.status_code == 302
    assert ENGLISH_TITLE in client.get(story["en"].url).content.decode()


def test_login_and_group_restrictions_follow_and_removing_them_frees_every_translation(client, admin, story, committed):
    reviewers = Group.objects.create(name="Reviewers")

    set_privacy(client, story["ar"], committed, restriction_type="login")
    response = assert_hidden(client, story["en"])
    assert response.status_code == 302
    assert "login" in response["Location"]

    client.force_login(get_user_model().objects.get(username="publisher"))
    set_privacy(client, story["ar"], committed, restriction_type="groups", groups=[reviewers.pk])
    restriction = PageViewRestriction.objects.get(page=story["en"])
    assert restriction.restriction_type == "groups"
    assert list(restriction.groups.all()) == [reviewers]

    client.force_login(get_user_model().objects.get(username="publisher"))
    set_privacy(client, story["ar"], committed, restriction_type="none")
    assert not PageViewRestriction.objects.filter(page__translation_key=story["ar"].translation_key).exists()
    assert_public(client, story["en"])


def test_a_change_made_on_a_translation_reaches_the_source_too(client, admin, story, committed):
    set_privacy(client, story["en"], committed, restriction_type="password", password=PASSWORD)

    restriction = PageViewRestriction.objects.get(page=story["ar"])
    assert (restriction.restriction_type, restriction.password) == ("password", PASSWORD)
    assert 'name="password"' in client.get(story["ar"].url).content.decode()


def test_a_translation_made_later_starts_restricted_and_deleting_it_leaves_the_others(client, admin, story, committed):
    set_privacy(client, story["ar"], committed, restriction_type="password", password=PASSWORD)

    with committed():
        french = publish_translation(story["ar"], "fr", title="L'oliveraie de Battir")
    restriction = PageViewRestriction.objects.get(page=french)
    assert (restriction.restriction_type, restriction.password) == ("password", PASSWORD)
    client.logout()
    assert 'name="password"' in client.get(fresh(french).url).content.decode()

    with committed():
        fresh(french).delete()

    assert PageViewRestriction.objects.filter(page__in=[story["ar"], story["en"]]).count() == 2
