"""The configured engine backend (``WAGTAILSEARCH_BACKENDS["public"]``), if there is one.

Without ``ELASTICSEARCH_URL`` there is none: the public search answers from the
database backend, and nothing is queued for an engine.
"""

import json

from django.conf import settings

ENGINE_BACKEND_NAME = "public"
_backend_cache = {}


class EngineUnavailableError(Exception):
    """The search engine could not be reached or refused the request."""


def engine_configured():
    return ENGINE_BACKEND_NAME in getattr(settings, "WAGTAILSEARCH_BACKENDS", {})


def engine_backend():
    """The engine backend instance (cached per configuration), or None on the database backend."""
    conf = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).get(ENGINE_BACKEND_NAME)
    if conf is None:
        return None
    key = json.dumps(conf, sort_keys=True, default=str)
    backend = _backend_cache.get(key)
    if backend is None:
        from modelsearch.backends import get_search_backend

        _backend_cache.clear()
        backend = _backend_cache[key] = get_search_backend(ENGINE_BACKEND_NAME)
    return backend
