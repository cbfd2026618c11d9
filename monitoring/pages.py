"""The public pages of monitoring: reports (with their PDF and the incidents they cover) and the statistics page.

Imported by ``monitoring/models.py`` so Django finds the models. Incidents themselves are not pages; a
report lists the public ones among those it links (``records.public_incidents``), in the page's language.
"""

from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api_body import StreamBodyField
from core.blocks import ContentStreamBlock
from core.headless_preview import HeadlessPreviewable
from core.models import PAGE_TRANSLATABLE_FIELDS, HeroImageMixin, SectionIndexPage
from core.renditions import prefetch_page_renditions
from core.visibility import ViewRestrictionsInOneQuery, public_pages
from core.vocabulary_cache import VOCABULARIES, vocabulary_labels

from .api_fields import ReportDocumentField, ReportIncidentsField
from .reports import public_report_incidents

# Titles and slugs of the two fixed monitoring pages every site has (``monitoring.sections``).
MONITORING_SECTION_TITLES = {
    "reports": {
        "ar": {"title": "التقارير", "slug": "reports"},
        "en": {"title": "Reports", "slug": "reports"},
        "fr": {"title": "Rapports", "slug": "reports"},
    },
    "statistics": {
        "ar": {"title": "إحصاءات", "slug": "statistics"},
        "en": {"title": "Statistics", "slug": "statistics"},
        "fr": {"title": "Statistiques", "slug": "statistics"},
    },
}


class ReportIndexPage(ViewRestrictionsInOneQuery, SectionIndexPage):
    subpage_types = ["monitoring.ReportPage"]
    reports_per_page = 10

    class Meta:
        verbose_name = _("report index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reports = public_pages(ReportPage.objects.child_of(self)).select_related("hero_image").order_by("-date", "-pk")
        context["reports"] = Paginator(reports, self.reports_per_page).get_page(request.GET.get("page"))
        return context


class ReportPage(ViewRestrictionsInOneQuery, HeadlessPreviewable, HeroImageMixin, Page):
    date = models.DateField(_("date"), help_text=_("The date the report was published."))
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The full report as a PDF file, offered for download."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("pdf")]),
        FieldPanel("summary"),
        HeroImageMixin.hero_panel(),
        FieldPanel("body"),
        InlinePanel("incident_links", label=_("Related incidents")),
    ]
    # A translation may attach its own PDF (the report translated); the date and the incidents are facts.
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + HeroImageMixin.hero_translatable_fields
        + [
            TranslatableField("summary"),
            TranslatableField("body"),
            SynchronizedField("date", overridable=False),
            SynchronizedField("pdf", overridable=True),
            SynchronizedField("incident_links", overridable=False),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("body", serializer=StreamBodyField()),
        APIField("pdf", serializer=ReportDocumentField()),
        APIField("related_incidents", serializer=ReportIncidentsField()),
    ] + HeroImageMixin.hero_api_fields()

    parent_page_types = ["monitoring.ReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    @classmethod
    def for_serving(cls, reports):
        return reports.select_related("hero_image", "pdf")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_page_renditions([self], "body")
        language = self.locale.language_code
        labels = {name: vocabulary_labels(name, language) for name in VOCABULARIES}
        incidents = self.related_incidents
        for incident in incidents:
            incident.violation_type_label = labels["violation_type"].get(incident.violation_type.slug, "")
            incident.neighbourhood_label = labels["neighbourhood"].get(incident.neighbourhood.slug, "")
            incident.public_description = incident.description_in(language)
        context["incidents"] = incidents
        return context

    @property
    def related_incidents(self):
        """The public incidents the report links, in the links' order."""
        return public_report_incidents(self)


class ReportIncident(Orderable):
    page = ParentalKey(ReportPage, related_name="incident_links", on_delete=models.CASCADE)
    incident = models.ForeignKey(
        "monitoring.Incident", verbose_name=_("incident"), on_delete=models.CASCADE, related_name="report_links"
    )

    panels = [FieldPanel("incident")]

    class Meta(Orderable.Meta):
        verbose_name = _("related incident")
        verbose_name_plural = _("related incidents")


class StatisticsPage(ViewRestrictionsInOneQuery, SectionIndexPage):
    """The public figures with charts, their data tables, filters (a plain GET form) and a CSV download."""

    subpage_types = []

    class Meta:
        verbose_name = _("statistics page")

    def serve(self, request, *args, **kwargs):
        from .statistics import StatisticsFilterForm, compute_statistics
        from .statistics_display import chart_sections, figure_labels, formatted_totals, statistics_csv

        language = self.locale.language_code
        form = StatisticsFilterForm(request.GET, language=language)
        if form.is_bound and not form.is_valid():
            if request.GET.get("format") == "csv":
                return HttpResponseBadRequest(" ".join(form.error_messages_by_field().values()))
            context = self.get_context(request, *args, **kwargs) | {"form": form}
            return TemplateResponse(request, self.get_template(request), context, status=400)
        stats = compute_statistics(form.filters(), language)
        if request.GET.get("format") == "csv":
            return statistics_csv(stats, f"statistics-{language}.csv")
        query = request.GET.copy()
        query["format"] = "csv"
        context = self.get_context(request, *args, **kwargs) | {
            "form": form,
            "stats": stats,
            "totals": formatted_totals(stats),
            "sections": chart_sections(stats),
            "csv_query": query.urlencode(),
            "figure_labels": list(figure_labels().values()),
        }
        return TemplateResponse(request, self.get_template(request), context)
