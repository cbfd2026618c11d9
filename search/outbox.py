"""Recording what the engine index must catch up on: the outbox half of the index-update queue.

Wagtail's own handlers queue index updates as tasks and its Elasticsearch
backend logs and drops errors, so an outage would leave the index stale without
a trace. Here every change that can alter what the public may find (see
``search/signals.py``) records the pages concerned in
:class:`search.models.IndexUpdate` inside the same transaction, and after the
commit hands them to the task that applies them (``search.tasks``, which calls
``search.indexer``). A row stays pending until the indexer has written the
page's current state, so nothing is lost when the engine is down.

Nothing is recorded when no engine is configured: the database backend is
updated by Wagtail inside the transaction, and the public search filters with
``public_pages()`` at query time.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .connection import engine_configured
from .models import IncidentIndexUpdate, IndexUpdate
from .tasks import apply_incident_index_updates, apply_index_updates

logger = logging.getLogger(__name__)

_to_flush = set()
_incidents_to_flush = set()


def _record(queue, key, ids, waiting):
    """Upsert one pending row per id into ``queue`` (a QueuedUpdate model keyed by ``key``); apply after commit."""
    ids = {int(pk) for pk in ids if pk is not None}
    if not ids or not engine_configured():
        return
    now = timezone.now()
    queue.objects.bulk_create(
        [queue(**{key: pk}, requested_at=now) for pk in sorted(ids)],
        update_conflicts=True,
        unique_fields=[key],
        update_fields=["requested_at", "applied_at"],
    )
    waiting.update(ids)
    transaction.on_commit(_flush)


def schedule(page_ids):
    """Record that these pages' documents must be refreshed; apply after the current transaction commits."""
    _record(IndexUpdate, "page_id", page_ids, _to_flush)


def schedule_subtree(page):
    """Record a page and every page below it (a move or a new view restriction changes them all)."""
    schedule(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def schedule_incidents(incident_ids):
    """Record that these incidents' documents must be refreshed (written if verified, removed otherwise)."""
    _record(IncidentIndexUpdate, "incident_id", incident_ids, _incidents_to_flush)


def _flush():
    # Every commit drains what is waiting; ids left by a rolled-back transaction are harmless
    # (applying a page or an incident just writes its current state).
    page_ids, incident_ids = sorted(_to_flush), sorted(_incidents_to_flush)
    _to_flush.clear()
    _incidents_to_flush.clear()
    for task, ids, kind in (
        (apply_index_updates, page_ids, "pages"),
        (apply_incident_index_updates, incident_ids, "incidents"),
    ):
        if not ids:
            continue
        try:
            task.enqueue(ids)
        except Exception:  # noqa: BLE001 - the rows stay pending for search_sync
            logger.exception("Could not enqueue the search index update for %s %s", kind, ids)


def _pending(queue, key, ids):
    return set(queue.objects.filter(**{f"{key}__in": set(ids)}, applied_at__isnull=True).values_list(key, flat=True))


def pending_among(page_ids):
    """The ids among ``page_ids`` whose latest change has not reached the engine yet."""
    return _pending(IndexUpdate, "page_id", page_ids)


def incidents_pending_among(incident_ids):
    """The ids among ``incident_ids`` whose latest change has not reached the engine yet."""
    return _pending(IncidentIndexUpdate, "incident_id", incident_ids)


def pending_count():
    """Pages and incidents waiting for the engine."""
    return sum(model.objects.filter(applied_at__isnull=True).count() for model in (IndexUpdate, IncidentIndexUpdate))


def prune(days):
    """Forget updates applied more than ``days`` ago (a rebuild replays only what changed while it ran)."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return sum(model.objects.filter(applied_at__lt=cutoff).delete()[0] for model in (IndexUpdate, IncidentIndexUpdate))
