"""The search's settings: the engine named by ELASTICSEARCH_ENGINE, and the cache named by REDIS_URL or CACHE_URL."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils.module_loading import import_string

from search.backends import engines

ROOT = Path(__file__).resolve().parents[2]


def settings_under(env):
    """The search and cache settings, imported in a fresh interpreter with ``env``."""
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps({'engine': settings.ELASTICSEARCH_ENGINE, "
        "'public': settings.WAGTAILSEARCH_BACKENDS.get('public'), 'cache': settings.CACHES['default']}))"
    )
    # REDIS_URL wins over CACHE_URL (cms/settings/base.py): a developer's or CI's must not decide these tests.
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "ELASTICSEARCH_", "CACHE_", "REDIS_"))
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="cms.settings.dev")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("name", "client_package"),
    [("elasticsearch9", "elasticsearch"), *[(name, "opensearchpy") for name in ("opensearch2", "opensearch3")]],
)
def test_each_engine_name_selects_a_backend_speaking_to_that_engine(name, client_package):
    result = settings_under({"ELASTICSEARCH_URL": "http://127.0.0.1:9200", "ELASTICSEARCH_ENGINE": name})
    assert result.returncode == 0, result.stderr
    path = json.loads(result.stdout)["public"]["BACKEND"]
    assert path == engines.backend_path(name)  # The mapping the tests and benchmarks read too.
    assert import_string(path).client_class.__module__.split(".")[0] == client_package


@pytest.mark.smoke
def test_without_an_engine_url_the_default_engine_is_named_but_unused():
    result = settings_under({})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "elasticsearch9" and values["public"] is None


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        (None, "django.core.cache.backends.locmem.LocMemCache", "munasara"),
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache", "munasara"),
        (
            "redis://cache.internal:6379/1",
            "django.core.cache.backends.redis.RedisCache",
            "redis://cache.internal:6379/1",
        ),
        (
            "memcached://a.internal:11211,b.internal:11211",
            "django.core.cache.backends.memcached.PyMemcacheCache",
            [
                "a.internal:11211",
                "b.internal:11211",
            ],
        ),
    ],
)
def test_cache_url_names_the_shared_cache(url, backend, location):
    result = settings_under({"CACHE_URL": url} if url else {})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["cache"] == {"BACKEND": backend, "LOCATION": location}


@pytest.mark.smoke
def test_an_unknown_cache_url_is_refused_with_a_clear_message():
    result = settings_under({"CACHE_URL": "ftp://cache.internal"})
    assert result.returncode != 0
    assert "CACHE_URL='ftp://cache.internal'" in result.stderr


@pytest.mark.smoke
def test_redis_url_wins_over_cache_url_and_redis_errors_are_misses():
    result = settings_under({"REDIS_URL": "redis://cache.internal:6379/2", "CACHE_URL": "memcached://a.internal:11211"})
    assert result.returncode == 0, result.stderr
    cache = json.loads(result.stdout)["cache"]
    assert (cache["BACKEND"], cache["LOCATION"]) == ("django_redis.cache.RedisCache", "redis://cache.internal:6379/2")
    # Redis down must be a cache miss, never a 5xx (the response cache, the rate limits, the sessions' cache).
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
