"""The staff reports of what readers search for (``search.query_report``): top queries and queries
without results over the last 30 days, per language. Under Reports in the admin, for holders of
"Can view search query count"."""

import datetime

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from .query_report import KEEP_DAYS, SearchQueryDay, flush

VIEW_PERMISSION = "munasara_search.view_searchqueryday"


def query_totals(since=None):
    """``[{"query", "language", "searches", "without_results"}]`` since ``since`` (30 days by default)."""
    flush()  # this process's unwritten counts first (search.query_report)
    since = since or timezone.localdate() - datetime.timedelta(days=KEEP_DAYS - 1)
    return (
        SearchQueryDay.objects.filter(day__gte=since)
        .values("query", "language")
        .annotate(total_searches=Sum("searches"), without_results=Sum("searches_without_results"))
    )


class TopQueriesReportView(ReportView):
    page_title = _("Top search queries (30 days)")
    header_icon = "search"
    index_url_name = "search_query_report:top"
    index_results_url_name = "search_query_report:top_results"
    default_ordering = "-total_searches"
    columns = [
        Column("query", label=_("Query"), accessor=lambda row: row["query"], sort_key="query"),
        Column("language", label=_("Language"), accessor=lambda row: row["language"], sort_key="language"),
        NumberColumn(
            "total_searches", label=_("Searches"), accessor=lambda row: row["total_searches"], sort_key="total_searches"
        ),
        NumberColumn(
            "without_results",
            label=_("Without results"),
            accessor=lambda row: row["without_results"],
            sort_key="without_results",
        ),
    ]
    list_export = ["query", "language", "total_searches", "without_results"]
    export_headings = {
        "query": _("Query"),
        "language": _("Language"),
        "total_searches": _("Searches"),
        "without_results": _("Without results"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return query_totals()

    def get_queryset(self):
        return self.order_queryset(self.get_base_queryset())


class ZeroResultQueriesReportView(TopQueriesReportView):
    page_title = _("Search queries without results (30 days)")
    index_url_name = "search_query_report:zero"
    index_results_url_name = "search_query_report:zero_results"
    default_ordering = "-without_results"

    def get_base_queryset(self):
        return query_totals().filter(without_results__gt=0)
