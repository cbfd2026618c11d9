"""HTTP caching of the API: ETag and 304 for anonymous reads, public caching only of what anyone may see."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag

from cms.middleware import ApiHttpCacheMiddleware
from tests.accounts import staff_user
from tests.factories import fresh

pytestmark = pytest.mark.django_db

MAX_AGE = 120


@pytest.fixture(autouse=True)
def max_age(settings):
    settings.API_CACHE_MAX_AGE = MAX_AGE


def endpoints(pages):
    """One address of each kind of API answer a front end reads, with the site's pages in place."""
    story = pages["story"]["ar"]
    return {
        "page detail": f"/api/v2/pages/{story.pk}/",
        "page list": "/api/v2/pages/?type=stories.StoryPage&fields=*&locale=en",
        "site": "/api/v2/site/?locale=en",
        "vocabulary": "/api/v2/vocabularies/violation-types/?locale=ar",
        "search": "/api/v2/search/?q=silwan&locale=en",
    }


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


@pytest.mark.parametrize("kind", ["page detail", "page list", "site", "vocabulary", "search"])
def test_an_anonymous_read_is_publicly_cacheable_and_revalidates_to_304(client, site_pages, kind):
    address = endpoints(site_pages)[kind]

    response = client.get(address)

    assert response.status_code == 200, response.content
    assert directives(response) == {"public", f"max-age={MAX_AGE}"}
    assert {"accept-language", "origin"} <= vary(response)
    etag = response["ETag"]
    assert etag.startswith('"') and len(etag) > 2

    again = client.get(address, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert directives(again) == {"public", f"max-age={MAX_AGE}"}

    head = client.head(address, HTTP_IF_NONE_MATCH=etag)
    assert head.status_code == 304

    stale = client.get(address, HTTP_IF_NONE_MATCH=quote_etag("something-else"))
    assert stale.status_code == 200
    assert stale.content == response.content


def test_an_edited_page_gets_a_new_etag_and_the_old_one_no_longer_matches(client, site_pages):
    story = site_pages["story"]["en"]
    address = f"/api/v2/pages/{story.pk}/"
    before = client.get(address)

    story = fresh(story)
    story.title = "A home demolished in Silwan, and rebuilt"
    story.save_revision().publish()

    after = client.get(address, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["title"] == "A home demolished in Silwan, and rebuilt"
    assert after["ETag"] != before["ETag"]
    assert client.get(address, HTTP_IF_NONE_MATCH=after["ETag"]).status_code == 304


def test_a_logged_in_users_read_is_private_and_never_stored(client, site_pages):
    client.force_login(staff_user("publisher", groups=["Publishers"]))
    for kind, address in endpoints(site_pages).items():
        response = client.get(address)

        assert response.status_code == 200, (kind, response.content)
        assert {"private", "no-store"} <= directives(response), kind
        assert "public" not in directives(response), kind
        assert "ETag" not in response, kind


def test_a_request_carrying_a_preview_token_is_private(client, site_pages):
    story = site_pages["story"]["ar"]

    response = client.get(f"/api/v2/pages/{story.pk}/", {"token": "anything"})

    assert response.status_code == 200, response.content
    assert {"private", "no-store"} <= directives(response)
    assert "public" not in directives(response)


@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("/api/v2/pages/999999/", 404),
        ("/api/v2/pages/?limit=abc", 400),
        ("/api/v2/site/?locale=xx", 400),
        ("/api/v2/vocabularies/neighbourhoods/?locale=xx", 400),
        ("/api/v2/search/?locale=xx", 400),
        ("/api/v2/no-such-endpoint/", 404),  # rewritten to JSON by ApiJsonErrorMiddleware, headers kept
    ],
)
def test_errors_are_never_cached(client, site_pages, address, status):
    response = client.get(address, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    assert {"private", "no-store"} <= directives(response)
    assert "public" not in directives(response)
    assert "ETag" not in response
    assert "accept-language" in vary(response)  # The message is in the reader's language.


def test_the_html_site_is_left_to_its_own_rules(client, site_pages):
    response = client.get(site_pages["home"]["en"].url)

    assert response.status_code == 200
    assert "public" not in directives(response)
    assert "ETag" not in response


def test_the_max_age_comes_from_the_setting(client, site_pages, settings):
    settings.API_CACHE_MAX_AGE = 0

    response = client.get("/api/v2/site/")

    assert directives(response) == {"public", "max-age=0"}


@pytest.mark.parametrize("keep", [{"private": True}, {"no_store": True}, {"no_cache": True}])
def test_a_view_that_keeps_its_answer_from_caches_is_not_made_public(rf, keep):
    def view(request):
        response = JsonResponse({"mine": True})
        patch_cache_control(response, **keep)
        return response

    request = rf.get("/api/v2/anything/")
    request.user = AnonymousUser()

    response = ApiHttpCacheMiddleware(view)(request)

    assert "public" not in directives(response)
    assert "ETag" not in response
