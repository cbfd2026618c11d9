"""The full-response cache: what is cached, for whom, with which HTTP headers, and with the cache down."""

import pytest
from django.conf import settings
from django.test import override_settings

from stories.models import StoryPage
from tests.caching.conftest import warm

pytestmark = pytest.mark.django_db

BROKEN_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


def english(story):
    return StoryPage.objects.get(translation_key=story.translation_key, locale__language_code="en")


def test_the_second_anonymous_get_is_a_hit_with_the_same_page(visitor, story):
    url = english(story).url
    first = visitor.get(url)
    second = visitor.get(url)
    assert (first.status_code, first["X-Cache"]) == (200, "MISS")
    assert (second.status_code, second["X-Cache"]) == (200, "HIT")
    assert second.content == first.content
    # A hit carries every header the page had: security headers set inside the cache's middleware too.
    assert {name.lower() for name in first.headers} - {"x-cache"} <= {name.lower() for name in second.headers}
    for header in ("X-Frame-Options", "Content-Security-Policy", "Content-Type", "Cache-Control", "ETag"):
        assert second.get(header) == first.get(header), header
    assert "A house demolished in Silwan" in second.content.decode()
    assert visitor.head(url)["X-Cache"] == "HIT"


@pytest.mark.parametrize(
    "address",
    ["/api/v2/pages/{pk}/", "/api/v2/pages/?type=stories.StoryPage&locale=en", "/en/", "/en/stories/", "/sitemap.xml"],
)
def test_pages_listings_and_the_api_are_cached(visitor, story, address):
    url = address.format(pk=english(story).pk)
    assert visitor.get(url)["X-Cache"] == "MISS"
    assert visitor.get(url)["X-Cache"] == "HIT"


def test_the_key_ignores_tracking_parameters_and_order_but_not_other_parameters(visitor, story):
    visitor.get("/en/stories/?page=1&year=2023")
    assert visitor.get("/en/stories/?year=2023&utm_source=news&page=1&fbclid=x")["X-Cache"] == "HIT"
    assert visitor.get("/en/stories/?year=2024&page=1")["X-Cache"] == "MISS"


def test_pages_have_cache_control_an_etag_and_answer_304(visitor, story):
    url = english(story).url
    with override_settings(PAGE_CACHE_MAX_AGE=123):
        response = visitor.get(url)
        # Browsers revalidate every time (no browser keeps a withdrawn story); a CDN keeps it 123 s unless purged.
        assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=0", "must-revalidate", "s-maxage=123"}
        etag = response["ETag"]
        not_modified = visitor.get(url, HTTP_IF_NONE_MATCH=etag)
    assert (not_modified.status_code, not_modified["X-Cache"], not_modified.content) == (304, "HIT", b"")
    assert visitor.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_logged_in_user_is_never_served_nor_stored(visitor, staff, story):
    url = english(story).url
    warm(visitor, url)
    for _ in range(2):
        response = staff.get(url)
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    api = staff.get(f"/api/v2/pages/{story.pk}/")
    assert "X-Cache" not in api


def test_a_preview_token_credentials_and_post_are_never_cached(visitor, story):
    url = english(story).url
    api = f"/api/v2/pages/{story.pk}/"
    visitor.get(api)
    for response in (
        visitor.get(api, {"token": "whatever"}),
        visitor.get(api, HTTP_AUTHORIZATION="Bearer abc"),
        visitor.post(url),
    ):
        assert "X-Cache" not in response
    assert visitor.get(url)["X-Cache"] == "MISS"  # the POST stored nothing


def test_errors_are_not_cached(visitor, site_structure):
    for _ in range(2):
        response = visitor.get("/en/no-such-page/")
        assert response.status_code == 404
        assert "X-Cache" not in response


def test_the_response_cache_can_be_turned_off(visitor, story):
    with override_settings(RESPONSE_CACHE=False):
        visitor.get("/en/")
        assert "X-Cache" not in visitor.get("/en/")


def test_redis_down_the_site_answers_uncached_and_publishing_works(visitor, story, committed):
    url = english(story).url
    with override_settings(CACHES=BROKEN_REDIS):
        for address in (url, "/en/", "/en/stories/", f"/api/v2/pages/{story.pk}/", "/api/v2/pages/"):
            for _ in range(2):
                response = visitor.get(address)
                assert response.status_code == 200, address
                assert response["X-Cache"] != "HIT"
        page = english(story)
        page.title = "Renamed while Redis is down"
        with committed():
            page.save_revision().publish()
        response = visitor.get(url)
        assert response.status_code == 200 and response["X-Cache"] == "BYPASS"
        assert "Renamed while Redis is down" in response.content.decode()


@pytest.fixture
def shared_cache():
    """The real Redis when REDIS_URL is set (CI exports it), else the tests' memory cache: the same assertions."""
    if not settings.REDIS_URL:
        yield "locmem"
        return
    prefix = f"munasara-test-{id(object())}"
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"IGNORE_EXCEPTIONS": False},
        }
    }
    with override_settings(CACHES=caches):
        from django.core.cache import caches as connections

        yield "redis"
        client = connections["default"].client.get_client()
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


def test_hit_and_purge_cycle_on_the_configured_cache(shared_cache, visitor, story, committed):
    from django.core.cache import caches

    page = english(story)
    warm(visitor, page.url, "/en/stories/")
    if shared_cache == "redis":
        assert type(caches["default"]).__module__.startswith("django_redis")
    page.title = "A new title"
    with committed():
        page.save_revision().publish()
    for address in (page.url, "/en/stories/"):
        response = visitor.get(address)
        assert response["X-Cache"] == "MISS" and "A new title" in response.content.decode(), address
        assert visitor.get(address)["X-Cache"] == "HIT"
