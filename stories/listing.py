"""The admin's story listing: every story page, with its consent status as a column and a filter.

Wagtail 7.4's explorer (children of the story index) takes its columns and filters from the view class
for every page type alike, so the consent column lives in a flat listing of story pages (a
``PageListingViewSet``, "Stories" in the admin menu) rather than in the explorer.
"""

from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import ConsentRecord, ConsentStatus, StoryPage

CONSENT_LABELS = dict(ConsentStatus.choices)


def with_consent_status(stories):
    """Annotate ``consent_status``: the story's recorded status, "pending" when nothing was recorded."""
    recorded = ConsentRecord.objects.filter(story_translation_key=OuterRef("translation_key")).values("status")[:1]
    return stories.annotate(consent_status=Coalesce(Subquery(recorded), Value(ConsentStatus.PENDING)))


class ConsentStatusFilter(ChoiceFilter):
    def filter(self, queryset, value):
        if not value:
            return queryset
        return with_consent_status(queryset).filter(consent_status=value)


class StoryFilterSet(PageFilterSet):
    consent = ConsentStatusFilter(label=_("Consent"), choices=ConsentStatus.choices, empty_label=_("Any"))

    class Meta:
        model = StoryPage
        fields = []


class ConsentColumn(StatusTagColumn):
    def get_value(self, instance):
        return CONSENT_LABELS.get(getattr(instance, "consent_status", None), "")

    def get_primary(self, instance):
        return getattr(instance, "consent_status", None) == ConsentStatus.GRANTED


class StoryIndexView(IndexView):
    def annotate_queryset(self, pages):
        return super().annotate_queryset(with_consent_status(pages))


class StoryListingViewSet(PageListingViewSet):
    model = StoryPage
    index_view_class = StoryIndexView
    filterset_class = StoryFilterSet
    icon = "doc-full"
    menu_label = _("Stories")
    menu_order = 110
    add_to_admin_menu = True
    columns = [*IndexView.base_columns, ConsentColumn("consent", label=_("Consent"), sort_key="consent_status")]


story_listing_viewset = StoryListingViewSet("stories")
