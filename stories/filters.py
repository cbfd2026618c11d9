"""Filters for the public story listing: violation type, neighbourhood, year (all by slug/number)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import Neighbourhood, ViolationType


class StoryFilterForm(forms.Form):
    violation_type = forms.ChoiceField(label=_("Violation type"), required=False)
    neighbourhood = forms.ChoiceField(label=_("Neighbourhood"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, locale=None, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["violation_type"].choices = everything + [
            (term.slug, term.name) for term in ViolationType.objects.filter(locale=locale)
        ]
        self.fields["neighbourhood"].choices = everything + [
            (term.slug, term.name) for term in Neighbourhood.objects.filter(locale=locale)
        ]
        self.fields["year"].choices = everything + [(year, year) for year in years]


class StoryFilter:
    def __init__(self, data, locale):
        from .models import StoryPage

        years = sorted(
            {d.year for d in StoryPage.objects.live().filter(locale=locale).values_list("date", flat=True)},
            reverse=True,
        )
        self.form = StoryFilterForm(data or None, locale=locale, years=years)
        self.is_valid = self.form.is_valid() if data else True

    @property
    def active(self):
        return (
            self.is_valid and any(self.form.cleaned_data.get(name) for name in self.form.fields)
            if self.form.is_bound
            else False
        )

    def apply(self, stories):
        if not self.form.is_bound or not self.is_valid:
            return stories
        data = self.form.cleaned_data
        if data.get("violation_type"):
            stories = stories.filter(violation_type_links__violation_type__slug=data["violation_type"])
        if data.get("neighbourhood"):
            stories = stories.filter(neighbourhood__slug=data["neighbourhood"])
        if data.get("year"):
            stories = stories.filter(date__year=data["year"])
        return stories.distinct()
