"""What readers search for, counted per day, without anything about who searched.

One row per day, language and normalised query, with how many searches asked it and how many of those
found nothing: no IP address, no user, no session, no time of day. Rows older than
:data:`KEEP_DAYS` are deleted on the first write of each day. The staff report
(``search.query_report_views``) reads them.

Counts are kept in the process and written in batches (``SEARCH_QUERY_REPORT_FLUSH_SECONDS``, 30 s by
default; 0 writes each search at once): a search then costs no database write, and readers who all
search the same word during a spike do not queue on that word's row lock. A batch is also written
when the process exits and when staff open the report. A worker that is killed loses at most its
unwritten seconds of counts, which a report of 30 days' top queries can spare.
"""

import atexit
import datetime
import logging
import re
import threading
import time

from django.conf import settings
from django.db import DatabaseError, IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

KEEP_DAYS = 30
MAX_QUERY_LENGTH = 100
# Queries that look like a way to reach a person (an e-mail address, a phone or ID number) are not kept.
_PERSONAL = re.compile(r"@|\d[\d\s().-]{6,}\d")


class SearchQueryDay(models.Model):
    day = models.DateField(_("day"), db_index=True)
    language = models.CharField(_("language"), max_length=12)
    query = models.CharField(_("query"), max_length=MAX_QUERY_LENGTH)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    searches_without_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search query count")
        verbose_name_plural = _("search query counts")
        constraints = [
            models.UniqueConstraint(fields=["day", "language", "query"], name="search_query_day_unique"),
        ]

    def __str__(self):
        return f"{self.day} {self.language} {self.query!r}: {self.searches}"


def normalise_query(q):
    """The form a query is counted under: words separated by one space, case-folded, at most 100 characters;
    empty when it should not be kept (nothing searched, or it looks like contact details)."""
    text = " ".join((q or "").replace("\x00", " ").split()).casefold()[:MAX_QUERY_LENGTH].strip()
    return "" if _PERSONAL.search(text) else text


_last_pruned = None


def prune(today=None):
    """Delete the counts older than :data:`KEEP_DAYS` days."""
    today = today or timezone.localdate()
    return SearchQueryDay.objects.filter(day__lt=today - datetime.timedelta(days=KEEP_DAYS)).delete()[0]


# Distinct queries held before a batch is written whatever its age.
MAX_PENDING_QUERIES = 500

_lock = threading.Lock()
_pending = {}  # (day, language, query) -> [searches, searches without results]
_oldest = None  # time.monotonic() of the first count not yet written


def record(q, language, result_count):
    """Count one search (the HTML page and the API both call this). Never fails the search."""
    global _oldest
    query = normalise_query(q)
    if not query:
        return
    with _lock:
        counts = _pending.setdefault((timezone.localdate(), language, query), [0, 0])
        counts[0] += 1
        counts[1] += 1 if result_count == 0 else 0
        if _oldest is None:
            _oldest = time.monotonic()
        due = (
            time.monotonic() - _oldest >= settings.SEARCH_QUERY_REPORT_FLUSH_SECONDS
            or len(_pending) >= MAX_PENDING_QUERIES
        )
    if due:
        flush()


def flush():
    """Write the counts this process holds; return how many rows they touched. Never raises a database error."""
    global _pending, _oldest, _last_pruned
    with _lock:
        batch, _pending, _oldest = _pending, {}, None
    if not batch:
        return 0
    try:
        with transaction.atomic():
            for (day, language, query), (searches, empty) in batch.items():
                _add(day, language, query, searches, empty)
            today = timezone.localdate()
            if _last_pruned != today:
                prune(today)
                _last_pruned = today
    except DatabaseError:
        logger.exception("Could not write %d search query counts", len(batch))
    return len(batch)


def _add(day, language, query, searches, empty):
    row = SearchQueryDay.objects.filter(day=day, language=language, query=query)
    changes = {"searches": F("searches") + searches, "searches_without_results": F("searches_without_results") + empty}
    if row.update(**changes):
        return
    try:
        with transaction.atomic():
            SearchQueryDay.objects.create(
                day=day, language=language, query=query, searches=searches, searches_without_results=empty
            )
    except IntegrityError:  # Another process created it in between.
        row.update(**changes)


def reset_process_state():
    """Forget the counts not yet written (tests start each from nothing)."""
    global _pending, _oldest
    with _lock:
        _pending, _oldest = {}, None


@atexit.register
def _flush_at_exit():
    try:
        flush()
    except Exception:  # noqa: BLE001 — the database may be gone at exit; nothing else to do with the counts
        logger.warning("Search query counts lost at exit", exc_info=True)


def count_search(params, result_count):
    """Count a search of the first results page with a query (later pages are the same search)."""
    if params.q and params.page == 1:
        record(params.q, params.locale, result_count)
