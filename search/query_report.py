"""What readers search for, counted per day, without anything about who searched.

One row per day, language and normalised query, with how many searches asked it and how many of those
found nothing: no IP address, no user, no session, no time of day. Rows older than
:data:`KEEP_DAYS` are deleted on the first write of each day. The staff report
(``search.query_report_views``) reads them.
"""

import datetime
import logging
import re

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


def record(q, language, result_count):
    """Count one search (the HTML page and the API both call this). Never fails the search."""
    global _last_pruned
    query = normalise_query(q)
    if not query:
        return
    today = timezone.localdate()
    empty = 1 if result_count == 0 else 0
    row = SearchQueryDay.objects.filter(day=today, language=language, query=query)
    changes = {"searches": F("searches") + 1, "searches_without_results": F("searches_without_results") + empty}
    try:
        with transaction.atomic():
            if not row.update(**changes):
                try:
                    with transaction.atomic():
                        SearchQueryDay.objects.create(
                            day=today, language=language, query=query, searches=1, searches_without_results=empty
                        )
                except IntegrityError:  # Another request created it in between.
                    row.update(**changes)
            if _last_pruned != today:
                prune(today)
                _last_pruned = today
    except DatabaseError:
        logger.exception("Could not count a search query")


def count_search(params, result_count):
    """Count a search of the first results page with a query (later pages are the same search)."""
    if params.q and params.page == 1:
        record(params.q, params.locale, result_count)
