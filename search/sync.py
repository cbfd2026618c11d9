"""Keeping the public search index in step with the database, without losing updates.

Wagtail's own handlers queue index updates as tasks and its Elasticsearch
backend logs and drops errors, so an outage leaves the index stale without a
trace. Here every change that can alter what the public may find (save,
publish, unpublish, move, delete, view restrictions, vocabulary renames,
consent withdrawal through ``unpublish``) records the page in
:class:`search.models.IndexUpdate` inside the same transaction (an outbox), and
after the commit a task applies the queued pages: a public page's document is
(re)written, any other page's document is deleted. A failure leaves the rows
pending, with the error, for ``manage.py search_sync``.

Nothing here runs when no engine is configured: the database backend is
updated by Wagtail inside the transaction, and the public search filters with
``public_pages()`` at query time.
"""

import datetime
import json
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from .models import IndexUpdate

logger = logging.getLogger(__name__)

ENGINE_BACKEND_NAME = "public"
BATCH_SIZE = 200
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


# Scheduling ---------------------------------------------------------------------------------


_to_flush = set()


def schedule(page_ids):
    """Record that these pages' documents must be refreshed; apply after the current transaction commits."""
    page_ids = {int(pk) for pk in page_ids if pk is not None}
    if not page_ids or not engine_configured():
        return
    now = timezone.now()
    IndexUpdate.objects.bulk_create(
        [IndexUpdate(page_id=pk, requested_at=now) for pk in sorted(page_ids)],
        update_conflicts=True,
        unique_fields=["page_id"],
        update_fields=["requested_at", "applied_at"],
    )
    _to_flush.update(page_ids)
    transaction.on_commit(_flush)


def _flush():
    # Every commit drains what is waiting; ids left by a rolled-back transaction are harmless
    # (applying a page just writes its current state).
    page_ids = sorted(_to_flush)
    _to_flush.clear()
    if not page_ids:
        return
    from .tasks import apply_index_updates

    try:
        apply_index_updates.enqueue(page_ids)
    except Exception:  # noqa: BLE001 - the rows stay pending for search_sync
        logger.exception("Could not enqueue the search index update for pages %s", page_ids)


def schedule_subtree(page):
    schedule(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


# Applying -----------------------------------------------------------------------------------


def write_pages(backend, page_ids, index_name=None, refresh=True):
    """Write the current state of these pages to the engine: public pages indexed, others removed."""
    from core.visibility import public_pages

    page_ids = sorted(set(page_ids))
    if not page_ids:
        return
    pages = list(public_pages(Page.objects.filter(pk__in=page_ids)).exclude(depth=1).specific())
    public_ids = {page.pk for page in pages}
    if index_name is None:
        backend.ensure_page_index()
    actions = backend.page_actions(pages)
    actions += [{"_op_type": "delete", "_id": str(pk)} for pk in page_ids if pk not in public_ids]
    backend.bulk_write(actions, index_name=index_name, refresh=refresh)


def apply(page_ids=None, limit=None):
    """Apply pending updates (for ``page_ids``, or the oldest ``limit`` pending ones), in batches.

    Returns ``(applied, failed)`` counts; never raises because the engine is down.
    """
    backend = engine_backend()
    if backend is None:
        return 0, 0
    if page_ids is None:
        pending = IndexUpdate.objects.filter(applied_at__isnull=True).order_by("requested_at")
        ids = list((pending[:limit] if limit else pending).values_list("page_id", flat=True))
    else:
        ids = []
        wanted = sorted({int(pk) for pk in page_ids})
        for start in range(0, len(wanted), BATCH_SIZE):
            batch = wanted[start : start + BATCH_SIZE]
            pending = IndexUpdate.objects.filter(page_id__in=batch, applied_at__isnull=True)
            ids.extend(pending.values_list("page_id", flat=True))
    applied = 0
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        started = timezone.now()
        try:
            write_pages(backend, batch)
        except Exception as error:  # noqa: BLE001 - connection refused, timeouts, rejected writes…
            failed = ids[start:]
            logger.warning("Search index update failed for %d page(s), kept in the queue: %s", len(failed), error)
            for rest in range(0, len(failed), BATCH_SIZE):
                IndexUpdate.objects.filter(
                    page_id__in=failed[rest : rest + BATCH_SIZE], applied_at__isnull=True
                ).update(attempts=F("attempts") + 1, last_attempt_at=timezone.now(), last_error=str(error)[:2000])
            return applied, len(failed)
        # A change requested after we read the pages keeps its row pending.
        IndexUpdate.objects.filter(page_id__in=batch, requested_at__lte=started).update(
            applied_at=timezone.now(), attempts=0, last_error=""
        )
        applied += len(batch)
    return applied, 0


def apply_all(batch_size=BATCH_SIZE):
    """Apply every pending update in batches; stops at the first failing batch. Returns (applied, failed)."""
    applied_total = 0
    while True:
        applied, failed = apply(limit=batch_size)
        applied_total += applied
        if failed or not applied:
            return applied_total, failed


def pending_count():
    return IndexUpdate.objects.filter(applied_at__isnull=True).count()


def prune(days):
    """Forget updates applied more than ``days`` ago."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return IndexUpdate.objects.filter(applied_at__lt=cutoff).delete()[0]


def replay_changes_since(since, index):
    """Rewrite, into ``index`` (a rebuild's new index), every page changed since ``since``."""
    backend = index.backend
    page_ids = list(IndexUpdate.objects.filter(requested_at__gte=since).values_list("page_id", flat=True))
    for start in range(0, len(page_ids), BATCH_SIZE):
        write_pages(backend, page_ids[start : start + BATCH_SIZE], index_name=index.name, refresh=False)
