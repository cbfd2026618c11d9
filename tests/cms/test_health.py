"""/healthz and /readyz: what a process supervisor and a load balancer ask, answered without a cache."""

import pytest
from django.db import OperationalError, connection

from search import connection as search_connection
from tests.conftest import require_service


@pytest.mark.smoke
@pytest.mark.django_db
def test_liveness_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.smoke
@pytest.mark.django_db
def test_readiness_checks_the_database_and_the_configured_search_engine(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["checks"]["database"] == "ok"
    expected_engine = "ok" if search_connection.engine_configured() else "not configured"
    assert body["checks"]["search_engine"] == expected_engine
    assert "no-cache" in response["Cache-Control"]
    assert client.post("/readyz").status_code == 405


@pytest.mark.django_db
def test_readiness_fails_when_the_database_does_not_answer(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"
    assert "refused" not in response.content.decode()  # No error detail for a passer-by.


@pytest.mark.django_db
def test_readiness_fails_when_the_search_engine_does_not_answer(client, settings):
    require_service(search_connection.engine_configured(), "search engine")
    unreachable = {**settings.WAGTAILSEARCH_BACKENDS["public"], "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1}
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "public": unreachable}

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "search_engine": "unavailable"}
