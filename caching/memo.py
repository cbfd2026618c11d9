"""The store behind ``core.memo``: remembered facts kept in the shared cache under purge tokens.

An entry's key is built like a cached answer's (caching/keys.py): its name and parts, plus the current
tokens of ``path:<path>`` for each public path it depends on and ``layout:<lang>`` for each language
whose home and sections it shows. The invalidation service renews those tokens on every change that
could alter the fact, so a stale entry is never found again. While a purge has not reached the cache
(``outbox.cache_is_trustworthy()`` is False) nothing is read from it or written to it.
"""

import logging

from django.conf import settings
from django.core.cache import caches

from . import outbox
from .keys import current_tokens, entry_key, normalise_path

logger = logging.getLogger(__name__)
_MISSING = object()


class TokenMemo:
    def active(self):
        return settings.PAGE_DATA_CACHE

    def remember(self, name, parts, compute, *, paths=(), layouts=()):
        if not settings.PAGE_DATA_CACHE or not outbox.cache_is_trustworthy():
            return compute()
        cache = caches[outbox.CACHE_ALIAS]
        names = sorted({f"path:{normalise_path(path)}" for path in paths} | {f"layout:{code}" for code in layouts})
        try:
            key = entry_key(("memo", name, *map(str, parts)), current_tokens(cache, names))
            found = cache.get(key, _MISSING)
        except Exception:  # noqa: BLE001 - a cache that does not answer is a miss (django-redis ignores most)
            logger.warning("Could not read the page data cache; computing %s", name)
            return compute()
        if found is not _MISSING:
            return found
        value = compute()
        try:
            cache.set(key, value, settings.RESPONSE_CACHE_TIMEOUT)
        except Exception:  # noqa: BLE001
            logger.warning("Could not keep %s in the page data cache", name)
        return value
