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
from wagtail.models import Page

from tests.conftest import require_service
from tests.factories import StoryPageFactory, publish

ENGINE_URL = os.environ.get("ELASTICSEARCH_URL", "")
ENGINE = os.environ.get("ELASTICSEARCH_ENGINE", "opensearch2")
TEST_PREFIX = f"test_munasara_{os.getpid()}_"
ENGINE_BACKENDS = {
    "elasticsearch9": "search.backends.engine.Elasticsearch9Backend",
    "opensearch2": "search.backends.engine.OpenSearch2Backend",
    "opensearch3": "search.backends.engine.OpenSearch3Backend",
}


def engine_reachable():
    if not ENGINE_URL:
        return False
    try:
        with urllib.request.urlopen(ENGINE_URL, timeout=3) as response:
            return response.status == 200
    except OSError:
        return False


def engine_conf(url=None, prefix=TEST_PREFIX, **extra):
    return {
        "BACKEND": ENGINE_BACKENDS[ENGINE],
        "URLS": [url or ENGINE_URL],
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


@pytest.fixture
def engine(settings, db):
    require_service(engine_reachable(), f"search engine at ELASTICSEARCH_URL={ENGINE_URL!r}")
    from search import sync

    settings.WAGTAILSEARCH_BACKENDS = with_engine()
    backend = sync.engine_backend()
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
    from search import sync

    if backend is not None:
        with committed():
            sync.schedule(Page.objects.values_list("pk", flat=True))
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
        return client.get(path, params)

    return get


__all__ = ["publish"]
