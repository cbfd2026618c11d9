"""Configuration comes from the environment, read by cms/settings/ only."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def settings_under(env, module="cms.settings.dev"):
    """Import the settings in a fresh interpreter with ``env`` and return a few values."""
    code = (
        "import json, django; from django.conf import settings; "
        "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
        "'db_name': str(settings.DATABASES['default']['NAME']), "
        "'search': settings.WAGTAILSEARCH_BACKENDS.get('public', settings.WAGTAILSEARCH_BACKENDS['default']), "
        "'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS, 'email': settings.EMAIL_BACKEND, "
        "'media': str(settings.MEDIA_ROOT)}, default=str))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "ELASTICSEARCH_", "EMAIL_"))}
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)
    return result


@pytest.mark.smoke
def test_embedded_default_is_sqlite_and_database_search():
    result = settings_under({})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["db_name"].endswith("db.sqlite3")
    assert values["search"]["BACKEND"] == "search.backends.database"


@pytest.mark.smoke
def test_production_setup_comes_from_the_environment():
    result = settings_under(
        {
            "DATABASE_URL": "postgres://editor@db.internal:5432/munasara",
            "ELASTICSEARCH_URL": "http://search.internal:9200",
            "ELASTICSEARCH_ENGINE": "opensearch2",
            "ELASTICSEARCH_INDEX_PREFIX": "staging_",
            "SECRET_KEY": "x" * 50,
            "FIELD_ENCRYPTION_KEY": "staging-field-key",
            "ALLOWED_HOSTS": "munasara.example, www.munasara.example",
            "EMAIL_URL": "smtp://mailer:pw@mail.internal:587/?tls=True",
            "MEDIA_ROOT": "/srv/media",
        },
        module="cms.settings.production",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["search"]["BACKEND"] == "search.backends.engine.OpenSearch2Backend"
    assert values["search"]["URLS"] == ["http://search.internal:9200"]
    assert values["search"]["INDEX_PREFIX"] == "staging_"
    assert values["debug"] is False
    assert values["hosts"] == ["munasara.example", "www.munasara.example"]
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["media"] == "/srv/media"


@pytest.mark.smoke
def test_elasticsearch9_is_the_default_engine():
    result = settings_under({"ELASTICSEARCH_URL": "http://127.0.0.1:9200"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["search"]["BACKEND"] == "search.backends.engine.Elasticsearch9Backend"


@pytest.mark.smoke
def test_unknown_engine_is_refused_with_a_clear_message():
    result = settings_under({"ELASTICSEARCH_URL": "http://127.0.0.1:9200", "ELASTICSEARCH_ENGINE": "solr"})
    assert result.returncode != 0
    assert "ELASTICSEARCH_ENGINE='solr'" in result.stderr


@pytest.mark.smoke
def test_production_refuses_to_start_without_a_secret_key():
    result = settings_under({"SECRET_KEY": ""}, module="cms.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


@pytest.mark.smoke
def test_production_refuses_to_start_without_the_field_encryption_key():
    result = settings_under({"SECRET_KEY": "x" * 50, "FIELD_ENCRYPTION_KEY": ""}, module="cms.settings.production")
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEY must be set in production" in result.stderr


@pytest.mark.django_db
def test_postgresql_sessions_run_without_query_compilation(settings):
    """JIT compilation costs more than the short queries of a page or an API answer (bench/README.md)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        assert "OPTIONS" not in settings.DATABASES["default"] or not settings.DATABASES["default"]["OPTIONS"]
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@pytest.mark.smoke
def test_the_search_engine_may_be_a_cluster_of_nodes():
    nodes = ["http://search-1.internal:9200", "http://search-2.internal:9200", "https://search-3.internal:9200"]
    result = settings_under(
        {"ELASTICSEARCH_URL": f"{nodes[0]}, {nodes[1]},{nodes[2]}", "ELASTICSEARCH_ENGINE": "opensearch2"}
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["search"]["URLS"] == nodes


@pytest.mark.django_db
def test_readiness_holds_while_one_node_of_the_cluster_is_down(client, settings):
    from search import connection as search_connection
    from tests.conftest import require_service

    require_service(search_connection.engine_configured(), "search engine")
    engine = settings.WAGTAILSEARCH_BACKENDS["public"]
    cluster = {**engine, "URLS": ["http://127.0.0.1:9", *engine["URLS"]], "TIMEOUT": 2}
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "public": cluster}

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "search_engine": "ok"}
