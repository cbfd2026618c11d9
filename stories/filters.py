"""Filters for the public story listing: violation type, neighbourhood, year (all by slug/number)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.vocabulary_cache import language_of, vocabulary_labels


class StoryFilter(django_filters.FilterSet):
    """Narrows the stories of one index page; the choices are those of the page's locale (its id).

    The URL carries slugs and years, which are the same in every language, so a
    filtered listing can be shared across translations.
    """

    violation_type = django_filters.ChoiceFilter(
        label=_("Violation type"),
        field_name="violation_type_links__violation_type__slug",
        distinct=True,
        empty_label=_("All"),
    )
    neighbourhood = django_filters.ChoiceFilter(
        label=_("Neighbourhood"), field_name="neighbourhood__slug", empty_label=_("All")
    )
    year = django_filters.ChoiceFilter(label=_("Year"), field_name="date", lookup_expr="year", empty_label=_("All"))

    def __init__(self, data, queryset, *, locale):
        # An empty query string is an unbound form: no errors, nothing selected.
        super().__init__(data or None, queryset)
        language = language_of(locale)
        # From the shared cache of vocabulary labels: the filters cost no query on a warm cache.
        self.filters["violation_type"].extra["choices"] = list(vocabulary_labels("violation_type", language).items())
        self.filters["neighbourhood"].extra["choices"] = list(vocabulary_labels("neighbourhood", language).items())
        # Only the years of the stories this listing can show, so no year hints at a hidden story.
        self.filters["year"].extra["choices"] = [
            (day.year, day.year) for day in queryset.order_by().dates("date", "year", order="DESC")
        ]

    @property
    def active(self):
        """Whether a valid filter narrows the listing (the page then offers to clear it)."""
        return self.is_valid() and any(self.form.cleaned_data.values())

    def filter_queryset(self, queryset):
        # One invalid value (an old bookmark, a hand-edited URL) narrows nothing: the form
        # explains the error next to its field and the visitor sees every story.
        if self.errors:
            return queryset
        return super().filter_queryset(queryset)
