"""Applying the index-update queue: writing each recorded page's current state to the engine.

The outbox (``search.outbox``) records pages in :class:`search.models.IndexUpdate`;
this module empties it. For each page, the document of a public page is
(re)written and any other page's document is deleted, with a refresh so the
change is visible at once (a withdrawn story disappears when the withdrawal
commits). A failure leaves the rows pending, with the error and attempt count,
for ``manage.py search_sync``. ``replay_changes_since`` serves the rebuild
(``search.backends.rebuild``).
"""

import logging

from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from core.visibility import public_pages

from .connection import engine_backend
from .models import IndexUpdate

logger = logging.getLogger(__name__)

BATCH_SIZE = 200


def write_pages(backend, page_ids, index_name=None, refresh=True):
    """Write the current state of these pages to the engine: public pages indexed, others removed."""
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


def _pending_ids(page_ids, limit):
    if page_ids is None:
        pending = IndexUpdate.objects.filter(applied_at__isnull=True).order_by("requested_at")
        return list((pending[:limit] if limit else pending).values_list("page_id", flat=True))
    ids = []
    wanted = sorted({int(pk) for pk in page_ids})
    for start in range(0, len(wanted), BATCH_SIZE):
        pending = IndexUpdate.objects.filter(page_id__in=wanted[start : start + BATCH_SIZE], applied_at__isnull=True)
        ids.extend(pending.values_list("page_id", flat=True))
    return ids


def _record_failure(page_ids, error):
    for start in range(0, len(page_ids), BATCH_SIZE):
        IndexUpdate.objects.filter(page_id__in=page_ids[start : start + BATCH_SIZE], applied_at__isnull=True).update(
            attempts=F("attempts") + 1, last_attempt_at=timezone.now(), last_error=str(error)[:2000]
        )


def apply(page_ids=None, limit=None):
    """Apply pending updates (for ``page_ids``, or the oldest ``limit`` pending ones), in batches.

    Returns ``(applied, failed)`` counts; never raises because the engine is down.
    """
    backend = engine_backend()
    if backend is None:
        return 0, 0
    ids = _pending_ids(page_ids, limit)
    applied = 0
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        started = timezone.now()
        try:
            write_pages(backend, batch)
        except Exception as error:  # noqa: BLE001 - connection refused, timeouts, rejected writes…
            failed = ids[start:]
            logger.warning("Search index update failed for %d page(s), kept in the queue: %s", len(failed), error)
            _record_failure(failed, error)
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


def replay_changes_since(since, index):
    """Rewrite, into ``index`` (a rebuild's new index), every page changed since ``since``."""
    backend = index.backend
    page_ids = list(IndexUpdate.objects.filter(requested_at__gte=since).values_list("page_id", flat=True))
    for start in range(0, len(page_ids), BATCH_SIZE):
        write_pages(backend, page_ids[start : start + BATCH_SIZE], index_name=index.name, refresh=False)
