"""Fixtures of the cache tests: an anonymous visitor, a logged-in editor, a story in three languages."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import StoryPageFactory, publish_translation


@pytest.fixture(autouse=True)
def _response_cache_on(settings):
    """The test settings leave the response cache off (query-count tests); here it is what we test."""
    settings.RESPONSE_CACHE = True


@pytest.fixture
def visitor():
    """An anonymous client, asking in English (the pages' language comes from their address anyway)."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def staff(site_structure):
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def story(site_structure, django_capture_on_commit_callbacks):
    """A story live in Arabic, English and French; what its creation purged is applied (committed)."""
    with django_capture_on_commit_callbacks(execute=True):
        arabic = StoryPageFactory(parent=site_structure["stories"]["ar"], title="هدم منزل في سلوان", slug="silwan")
        publish_translation(arabic, "en", title="A house demolished in Silwan", slug="silwan")
        publish_translation(arabic, "fr", title="Une maison démolie à Silwan", slug="silwan")
    return arabic


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed: the after-commit purges run, as in production."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def warm(client, *urls):
    """GET every URL until it is a cache HIT, so a later fresh answer proves a purge."""
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, (url, first.status_code)
        second = client.get(url)
        assert second["X-Cache"] == "HIT", (url, second.get("X-Cache"))
