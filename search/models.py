from django.db import models
from django.utils.translation import gettext_lazy as _

from .query_report import SearchQueryDay  # noqa: F401 (a model of this app, in its own module)
from .synonyms import SynonymSet  # noqa: F401 (a model of this app, in its own module)


class QueuedUpdate(models.Model):
    """One object whose search documents must be rewritten or removed: a row of the durable queue.

    A row is written in the same database transaction as the content change
    that makes it necessary, so an update cannot be lost when the search engine
    is down or the process dies; ``search.indexer.apply`` pushes it to the engine
    after the commit, and ``manage.py search_sync`` retries what failed. One row
    per object: a newer change only moves ``requested_at`` forward. Applied rows
    are kept for a while (``search_sync --keep-days``) so a rebuild can replay
    the changes made while it ran.
    """

    requested_at = models.DateTimeField(_("requested at"), db_index=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(_("failed attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        abstract = True

    @property
    def is_applied(self):
        return self.applied_at is not None and self.applied_at >= self.requested_at


class IndexUpdate(QueuedUpdate):
    """A page whose search document must be rewritten or removed."""

    page_id = models.BigIntegerField(_("page id"), unique=True)

    class Meta:
        verbose_name = _("search index update")
        verbose_name_plural = _("search index updates")

    def __str__(self):
        state = "applied" if self.is_applied else "pending"
        return f"page {self.page_id} ({state})"


class IncidentIndexUpdate(QueuedUpdate):
    """An incident whose search documents (one per language of its texts) must be rewritten or removed."""

    incident_id = models.BigIntegerField(_("incident id"), unique=True)

    class Meta:
        verbose_name = _("search index update of an incident")
        verbose_name_plural = _("search index updates of incidents")

    def __str__(self):
        state = "applied" if self.is_applied else "pending"
        return f"incident {self.incident_id} ({state})"
