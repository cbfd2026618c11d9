"""The incidents listing's filters in the admin: violation type, neighbourhood, year, status."""

import django_filters
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from core.i18n import SOURCE_LANGUAGE, language_codes
from core.vocabulary_cache import vocabulary_labels

from .incidents import Incident, IncidentStatus


def _admin_language():
    language = (translation.get_language() or SOURCE_LANGUAGE).split("-")[0]
    return language if language in language_codes() else SOURCE_LANGUAGE


class IncidentFilterSet(WagtailFilterSet):
    """Filters by slug and year (the same in every language); the labels follow the admin's language."""

    violation_type = django_filters.ChoiceFilter(label=_("Violation type"), field_name="violation_type__slug")
    neighbourhood = django_filters.ChoiceFilter(label=_("Neighbourhood"), field_name="neighbourhood__slug")
    year = django_filters.ChoiceFilter(label=_("Year"), field_name="date", lookup_expr="year")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=IncidentStatus.choices)

    class Meta:
        model = Incident
        fields = ["violation_type", "neighbourhood", "year", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = _admin_language()
        for name in ("violation_type", "neighbourhood"):
            labels = vocabulary_labels(name, language)
            self.filters[name].extra["choices"] = sorted(labels.items(), key=lambda item: item[1])
        self.filters["year"].extra["choices"] = [
            (day.year, day.year) for day in Incident.objects.dates("date", "year", order="DESC")
        ]
