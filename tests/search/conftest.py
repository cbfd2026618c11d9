"""Fixtures for the search tests.

``backend`` runs a test twice: on Wagtail's database backend (always) and on
the real Elasticsearch/OpenSearch node named by ELASTICSEARCH_URL (skipped
locally without it, failing under CI=true). Engine tests use their own index
prefix for the session and delete their indexes at the end.
"""

import datetime
import os
import urllib.request

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page

from search import outbox
from search.backends.engines import backend_path
from search.connection import engine_backend
from tests.conftest import require_service
from tests.factories import StoryPageFactory, publish

# The same prefix as cms/settings/test.py, so tests/conftest.py deletes these indexes at the end.
TEST_PREFIX = f"test_munasara_{os.getpid()}_"


def engine_url():
    """ELASTICSEARCH_URL, through the settings (the engine name comes from ELASTICSEARCH_ENGINE the same way)."""
    return settings.ELASTICSEARCH_URL or ""


def engine_reachable():
    if not engine_url():
        return False
    try:
        with urllib.request.urlopen(engine_url(), timeout=3) as response:
            return response.status == 200
    except OSError:
        return False


def engine_conf(url=None, prefix=TEST_PREFIX, **extra):
    return {
        "BACKEND": backend_path(settings.ELASTICSEARCH_ENGINE),
        "URLS": [url or engine_url()],
        "INDEX_PREFIX": prefix,
        "TIMEOUT": 5,
        "ATOMIC_REBUILD": True,
        "AUTO_UPDATE": False,
        **extra,
    }


def database_only():
    return {"default": {"BACKEND": "search.backends.database"}}


def with_engine(url=None, prefix=TEST_PREFIX):
    return {**database_only(), "public": engine_conf(url, prefix)}


def reset_engine_index(backend):
    """A fresh page index (behind its alias) with the mappings of every page model."""
    alias = backend.page_index()
    for name in backend.es.indices.get(index=f"{alias.name}*", ignore_unavailable=True):
        backend.es.indices.delete(index=name)
    backend._page_index_exists = False
    backend.ensure_page_index()
    return alias


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): …`` runs the after-commit work (index updates) at the end of the block."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached labels and locales belong to one test's database (a rollback sends no signal)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def engine(settings, db):
    require_service(engine_reachable(), f"search engine at ELASTICSEARCH_URL={engine_url()!r}")
    settings.WAGTAILSEARCH_BACKENDS = with_engine()
    backend = engine_backend()
    reset_engine_index(backend)
    return backend


@pytest.fixture
def database_backend(settings, db):
    settings.WAGTAILSEARCH_BACKENDS = database_only()
    return None


@pytest.fixture(params=["database", "engine"])
def backend(request):
    """The test runs once per backend; the engine run needs ELASTICSEARCH_URL."""
    return request.getfixturevalue("database_backend" if request.param == "database" else "engine")


@pytest.fixture
def site(backend, site_structure, committed):
    """The site structure, with whatever the structure published already in the index."""
    if backend is not None:
        with committed():
            outbox.schedule(Page.objects.values_list("pk", flat=True))
    return site_structure


@pytest.fixture
def make_story(site, committed):
    """Create (and by default publish) a story; its index update is applied as after a real commit."""

    def make(
        title,
        locale="ar",
        summary="",
        body="",
        violation_types=(),
        neighbourhood=None,
        date=datetime.date(2020, 5, 17),
        publish_page=True,
        **fields,
    ):
        parent = site["stories"][locale]
        with committed():
            story = StoryPageFactory.create(
                parent=parent,
                title=title,
                summary=summary or title,
                body=[{"type": "paragraph", "value": f"<p>{body}</p>"}] if body else [],
                violation_types=violation_types,
                neighbourhood=neighbourhood,
                date=date,
                publish_page=publish_page,
                **fields,
            )
        return story

    return make


@pytest.fixture
def api(client):
    def get(path="/api/v2/search/", **params):
        # Messages in English; the language searched is the ``locale`` parameter, not this header.
        return client.get(path, params, HTTP_ACCEPT_LANGUAGE="en")

    return get


__all__ = ["publish"]
