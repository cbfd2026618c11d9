"""Search in the admin: editors' synonym sets (Settings), and the reports of what readers search for."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .query_report_views import VIEW_PERMISSION, TopQueriesReportView, ZeroResultQueriesReportView
from .synonyms import SynonymSet


class SynonymSetViewSet(SnippetViewSet):
    """Beside "Promoted search results" in the Settings menu; wagtail-localize adds "Translate"."""

    model = SynonymSet
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    search_fields = ["terms"]
    list_display = ["__str__", "locale"]


register_snippet(SynonymSetViewSet)

_report_urls = [
    path("", TopQueriesReportView.as_view(), name="top"),
    path("results/", TopQueriesReportView.as_view(results_only=True), name="top_results"),
    path("without-results/", ZeroResultQueriesReportView.as_view(), name="zero"),
    path("without-results/results/", ZeroResultQueriesReportView.as_view(results_only=True), name="zero_results"),
]


@hooks.register("register_admin_urls")
def register_query_report_urls():
    return [path("reports/search-queries/", include((_report_urls, "search_query_report")))]


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_top_queries_menu_item():
    return QueryReportMenuItem(
        _("Top search queries"), reverse("search_query_report:top"), name="top-search-queries", icon_name="search"
    )


@hooks.register("register_reports_menu_item")
def register_zero_result_queries_menu_item():
    return QueryReportMenuItem(
        _("Searches without results"),
        reverse("search_query_report:zero"),
        name="searches-without-results",
        icon_name="search",
    )
