"""Recording purges durably and applying them: the outbox half of the invalidation service.

:func:`record` writes a :class:`~caching.models.CachePurge` row in the transaction of the change, gives
the stale names new tokens at once (so this transaction's own requests, and tests, see the change), and
again after the commit (a request that rendered the old content in between may have cached it under a
new token), then sends the URLs to the CDN. A row whose purge did not reach our cache stays pending;
:func:`cache_is_trustworthy`, asked by the response cache at most every ``CHECK_INTERVAL`` seconds per
process, answers False while any row is pending (the response cache is then bypassed) and tries to
apply them first, so the cache is used again as soon as it answers.

A per-process cache (local memory, several workers) cannot be purged from another process: each
process also applies, on that same check, the rows written since it last looked.
"""

import logging
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from . import frontend
from .keys import Purge, renew_tokens
from .models import CachePurge

logger = logging.getLogger(__name__)

CHECK_INTERVAL = 2.0
CACHE_ALIAS = "default"

_to_flush = set()
_recorded_here = set()  # rows this process applied itself (now and after the commit)
_lock = threading.Lock()
_state = {"checked_at": None, "pending": False, "last_seen_id": None}


def record(purge):
    """Record what a change makes stale, in the change's transaction; applied now and after the commit."""
    if not purge:
        return None
    row = CachePurge.objects.create(
        resources=sorted(purge.resources),
        content_languages=sorted(purge.content_languages),
        layout_languages=sorted(purge.layout_languages),
        urls=sorted(purge.urls),
        # Nothing to send when no CDN is configured.
        frontend_purged_at=None if frontend.configured() else timezone.now(),
    )
    _purge_cache(purge)
    _to_flush.add(row.pk)
    _recorded_here.add(row.pk)
    transaction.on_commit(_flush)
    return row


def _flush():
    ids = sorted(_to_flush)
    _to_flush.clear()
    if not ids:
        return
    try:
        apply(CachePurge.objects.filter(pk__in=ids))
    except Exception:  # noqa: BLE001 - the change is committed; the rows stay pending for the next look
        _state["pending"] = True
        logger.exception("Could not apply cache purges %s; they stay pending", ids)


def pending():
    """Rows not yet applied to our cache or, when one is configured, to the CDN."""
    condition = Q(cache_purged_at__isnull=True) | Q(frontend_purged_at__isnull=True)
    return CachePurge.objects.filter(condition).order_by("pk")


def apply(rows):
    """Apply these rows to our cache and the CDN; rows that fail stay pending. Returns how many still are."""
    rows = list(rows)
    now = timezone.now()
    failed = set()
    for_cache = [row for row in rows if row.cache_purged_at is None]
    if for_cache:
        if _purge_cache(_merged(for_cache)):
            CachePurge.objects.filter(pk__in=[row.pk for row in for_cache]).update(cache_purged_at=now)
        else:
            failed |= {row.pk for row in for_cache}
            _state["pending"] = True
            _note_failure(for_cache, "the cache did not answer")
    for_frontend = [row for row in rows if row.frontend_purged_at is None]
    if for_frontend:
        try:
            frontend.purge_urls(sorted(_merged(for_frontend).urls))
        except Exception as error:  # noqa: BLE001 - any backend failure leaves the rows for cache_purge_sync
            logger.warning("CDN purge failed, kept for cache_purge_sync: %s", error)
            failed |= {row.pk for row in for_frontend}
            _note_failure(for_frontend, f"CDN: {error}")
        else:
            CachePurge.objects.filter(pk__in=[row.pk for row in for_frontend]).update(frontend_purged_at=now)
    return len(failed)


def apply_pending():
    return apply(pending())


def _merged(rows):
    purge = Purge()
    for row in rows:
        purge.update(
            Purge(
                resources=row.resources,
                content_languages=row.content_languages,
                layout_languages=row.layout_languages,
                urls=row.urls,
            )
        )
    return purge


def _purge_cache(purge):
    try:
        return renew_tokens(caches[CACHE_ALIAS], purge.token_names())
    except Exception:  # noqa: BLE001 - a cache backend that raises (Django's own RedisCache) is a failed purge
        logger.warning("The cache did not answer a purge; the response cache is bypassed until it does")
        return False


def _note_failure(rows, error):
    for row in rows:
        row.attempts += 1
        row.last_error = error
    CachePurge.objects.bulk_update(rows, ["attempts", "last_error"])


def cache_is_trustworthy():
    """False while a purge has not reached our cache: the response cache must then be bypassed.

    Checked against the database at most every CHECK_INTERVAL seconds per process; pending purges are
    applied on that check when the cache answers again.
    """
    now = time.monotonic()
    checked_at = _state["checked_at"]
    if checked_at is not None and now - checked_at < CHECK_INTERVAL:
        return not _state["pending"]
    if not _lock.acquire(blocking=False):
        return not _state["pending"]  # another thread of this process is checking
    try:
        _state["checked_at"] = now
        _state["pending"] = _check()
    finally:
        _lock.release()
    return not _state["pending"]


def _check():
    try:
        if isinstance(caches[CACHE_ALIAS], LocMemCache):
            _apply_rows_of_other_processes()
        if not CachePurge.objects.filter(cache_purged_at__isnull=True).exists():
            return False
        apply(CachePurge.objects.filter(cache_purged_at__isnull=True).order_by("pk")[:500])
        return CachePurge.objects.filter(cache_purged_at__isnull=True).exists()
    except DatabaseError:
        logger.warning("Could not read the pending cache purges; bypassing the response cache")
        return True


def _apply_rows_of_other_processes():
    last_seen = _state["last_seen_id"]
    if last_seen is None:
        _state["last_seen_id"] = CachePurge.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        return
    rows = list(CachePurge.objects.filter(pk__gt=last_seen).order_by("pk")[:500])
    if rows:
        others = [row for row in rows if row.pk not in _recorded_here]
        if others:
            _purge_cache(_merged(others))
        _state["last_seen_id"] = rows[-1].pk
        _recorded_here.difference_update(row.pk for row in rows)


def reset_process_state():
    """Forget what this process knows (tests: each starts with an empty cache and no rows)."""
    _to_flush.clear()
    _recorded_here.clear()
    _state.update(checked_at=None, pending=False, last_seen_id=None)


def prune(days):
    """Forget rows applied everywhere more than ``days`` ago."""
    cutoff = timezone.now() - timezone.timedelta(days=days)
    applied = CachePurge.objects.filter(cache_purged_at__lt=cutoff, frontend_purged_at__isnull=False)
    return applied.delete()[0]
