"""Applying the index-update queue: writing each recorded page's current state to the engine.

The outbox (``search.outbox``) records pages in :class:`search.models.IndexUpdate`
and incidents in :class:`search.models.IncidentIndexUpdate`; this module empties
them. For an incident, each text of a verified incident is written and its other
documents deleted (``write_incidents``). For each page, the document of a public page is
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

from core.i18n import language_codes
from core.visibility import public_pages
from monitoring.records import public_incidents

from . import incident_documents
from .connection import engine_backend
from .models import IncidentIndexUpdate, IndexUpdate

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


def write_incidents(backend, incident_ids, index_name=None, refresh=True):
    """Write the current state of these incidents: the documents of each text of a public incident
    written, every other document of theirs (a draft's, a deleted text's) removed."""
    incident_ids = sorted(set(incident_ids))
    if not incident_ids:
        return
    texts = list(incident_documents.public_texts().filter(incident_id__in=incident_ids))
    if index_name is None:
        backend.ensure_page_index()
    actions = backend.incident_actions(texts)
    written = {action["_id"] for action in actions}
    actions += [
        {"_op_type": "delete", "_id": incident_documents.document_id(pk, language)}
        for pk in incident_ids
        for language in language_codes()
        if incident_documents.document_id(pk, language) not in written
    ]
    backend.bulk_write(actions, index_name=index_name, refresh=refresh)


def write_all_incidents(backend, index_name=None, refresh=False):
    """Write every public incident (a rebuild's new index holds pages only until then)."""
    ids = list(public_incidents().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        write_incidents(backend, ids[start : start + BATCH_SIZE], index_name=index_name, refresh=refresh)


class _Queue:
    """One kind of queued object: its queue model, the field naming the object, and how to write it."""

    def __init__(self, model, field, write):
        self.model, self.field, self.write = model, field, write
        self.kind = field.removesuffix("_id")  # "page", "incident": for messages

    def rows(self, ids):
        return self.model.objects.filter(**{f"{self.field}__in": ids})

    def pending_ids(self, ids, limit):
        if ids is None:
            pending = self.model.objects.filter(applied_at__isnull=True).order_by("requested_at")
            return list((pending[:limit] if limit else pending).values_list(self.field, flat=True))
        found = []
        wanted = sorted({int(pk) for pk in ids})
        for start in range(0, len(wanted), BATCH_SIZE):
            pending = self.rows(wanted[start : start + BATCH_SIZE]).filter(applied_at__isnull=True)
            found.extend(pending.values_list(self.field, flat=True))
        return found

    def record_failure(self, ids, error):
        for start in range(0, len(ids), BATCH_SIZE):
            self.rows(ids[start : start + BATCH_SIZE]).filter(applied_at__isnull=True).update(
                attempts=F("attempts") + 1, last_attempt_at=timezone.now(), last_error=str(error)[:2000]
            )

    def apply(self, ids=None, limit=None):
        backend = engine_backend()
        if backend is None:
            return 0, 0
        ids = self.pending_ids(ids, limit)
        applied = 0
        for start in range(0, len(ids), BATCH_SIZE):
            batch = ids[start : start + BATCH_SIZE]
            started = timezone.now()
            try:
                self.write(backend, batch)
            except Exception as error:  # noqa: BLE001 - connection refused, timeouts, rejected writes…
                failed = ids[start:]
                logger.warning(
                    "Search index update failed for %d %s(s), kept in the queue: %s", len(failed), self.kind, error
                )
                self.record_failure(failed, error)
                return applied, len(failed)
            # A change requested after we read the objects keeps its row pending.
            self.rows(batch).filter(requested_at__lte=started).update(
                applied_at=timezone.now(), attempts=0, last_error=""
            )
            applied += len(batch)
        return applied, 0


PAGES = _Queue(IndexUpdate, "page_id", write_pages)
INCIDENTS = _Queue(IncidentIndexUpdate, "incident_id", write_incidents)


def apply(page_ids=None, limit=None):
    """Apply pending page updates (for ``page_ids``, or the oldest ``limit`` pending ones), in batches.

    Returns ``(applied, failed)`` counts; never raises because the engine is down.
    """
    return PAGES.apply(page_ids, limit)


def apply_incidents(incident_ids=None, limit=None):
    """:func:`apply` for incidents."""
    return INCIDENTS.apply(incident_ids, limit)


def apply_all(batch_size=BATCH_SIZE):
    """Apply every pending update (pages, then incidents) in batches; stops at the first failing batch.

    Returns (applied, failed).
    """
    applied_total = 0
    for queue in (PAGES, INCIDENTS):
        while True:
            applied, failed = queue.apply(limit=batch_size)
            applied_total += applied
            if failed:
                return applied_total, failed
            if not applied:
                break
    return applied_total, 0


def replay_changes_since(since, index):
    """Into ``index`` (a rebuild's new index): every page changed since ``since``, and every public incident."""
    backend = index.backend
    page_ids = list(IndexUpdate.objects.filter(requested_at__gte=since).values_list("page_id", flat=True))
    for start in range(0, len(page_ids), BATCH_SIZE):
        write_pages(backend, page_ids[start : start + BATCH_SIZE], index_name=index.name, refresh=False)
    # The rebuild wrote pages only (Wagtail indexes models, and incidents' documents are ours).
    write_all_incidents(backend, index_name=index.name)
