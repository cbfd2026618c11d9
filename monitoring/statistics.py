"""The public figures: totals of the public incidents and the people they affected, by year, type and place.

One function, :func:`compute_statistics`, answers the statistics page, its CSV and the API, so the three
always agree. The figures come from one SQL query (``statistics_query``) over the summary
(``statistics_summary``) and, for the days at the ends of a date range, the incidents themselves. Labels come
from the shared vocabulary cache, in the requested language.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from core.i18n import SOURCE_LANGUAGE
from core.vocabulary_cache import vocabulary_labels

from .statistics_query import grouped_rows

DATE_INPUT_FORMATS = ["%Y-%m-%d"]
# Far beyond any record, and far enough from date.min/max that month arithmetic never overflows.
EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)
FIGURES = ("incidents", "people_affected", "children_affected", "women_affected")


class StatisticsFilterForm(forms.Form):
    """``from``, ``to`` (YYYY-MM-DD), ``violation_type`` and ``neighbourhood`` (slugs) of one language."""

    def __init__(self, data, *, language):
        super().__init__(data or None)
        date_messages = {"invalid": _("Enter a date as YYYY-MM-DD, e.g. 2024-06-30.")}
        date_range = [
            MinValueValidator(EARLIEST, _("Enter a date from %(limit)s on.") % {"limit": EARLIEST.isoformat()}),
            MaxValueValidator(LATEST, _("Enter a date up to %(limit)s.") % {"limit": LATEST.isoformat()}),
        ]
        self.fields["from"] = forms.DateField(
            label=_("From"),
            required=False,
            input_formats=DATE_INPUT_FORMATS,
            error_messages=date_messages,
            validators=date_range,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
        self.fields["to"] = forms.DateField(
            label=_("To"),
            required=False,
            input_formats=DATE_INPUT_FORMATS,
            error_messages=date_messages,
            validators=date_range,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
        self.fields["violation_type"] = forms.ChoiceField(
            label=_("Violation type"),
            required=False,
            choices=[("", _("All")), *sorted_labels("violation_type", language)],
            error_messages={"invalid_choice": _("Unknown violation type: %(value)s.")},
        )
        self.fields["neighbourhood"] = forms.ChoiceField(
            label=_("Neighbourhood"),
            required=False,
            choices=[("", _("All")), *sorted_labels("neighbourhood", language)],
            error_messages={"invalid_choice": _("Unknown neighbourhood: %(value)s.")},
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("from", _("The start date (from) is after the end date (to)."))
        return cleaned

    def filters(self):
        """The valid form as :class:`Filters` (an unbound form filters nothing)."""
        data = self.cleaned_data if self.is_bound else {}
        return Filters(
            date_from=data.get("from"),
            date_to=data.get("to"),
            violation_type=data.get("violation_type") or None,
            neighbourhood=data.get("neighbourhood") or None,
        )

    def error_messages_by_field(self):
        return {name: " ".join(str(message) for message in messages) for name, messages in self.errors.items()}


def sorted_labels(vocabulary, language):
    labels = vocabulary_labels(vocabulary, language) or vocabulary_labels(vocabulary, SOURCE_LANGUAGE)
    return sorted(labels.items(), key=lambda item: item[1])


@dataclass(frozen=True)
class Filters:
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    violation_type: str | None = None
    neighbourhood: str | None = None

    def as_dict(self):
        return {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "violation_type": self.violation_type,
            "neighbourhood": self.neighbourhood,
        }


@dataclass
class Statistics:
    language: str
    filters: Filters
    totals: dict = field(default_factory=dict)
    by_year: list = field(default_factory=list)
    by_violation_type: list = field(default_factory=list)
    by_neighbourhood: list = field(default_factory=list)

    def as_json(self):
        return {
            "meta": {"locale": self.language, "filters": self.filters.as_dict()},
            "totals": self.totals,
            "by_year": self.by_year,
            "by_violation_type": self.by_violation_type,
            "by_neighbourhood": self.by_neighbourhood,
        }


def _empty():
    return dict.fromkeys(FIGURES, 0)


def _add(target, values):
    for name, value in zip(FIGURES, values, strict=True):
        target[name] += value or 0


def compute_statistics(filters, language):
    """The figures for ``filters``, labelled in ``language``."""
    totals, years, types, places = _empty(), {}, {}, {}
    for year, type_slug, place_slug, *values in grouped_rows(filters):
        if year is not None:  # every incident is in exactly one year: the years' rows make the totals
            _add(totals, values)
            _add(years.setdefault(year, _empty()), values)
        if type_slug is not None:
            _add(types.setdefault(type_slug, _empty()), values)
        if place_slug is not None:
            _add(places.setdefault(place_slug, _empty()), values)
    stats = Statistics(language=language, filters=filters, totals=totals)
    stats.by_year = [{"year": year, **figures} for year, figures in sorted(years.items())]
    stats.by_violation_type = _labelled(types, "violation_type", language)
    stats.by_neighbourhood = _labelled(places, "neighbourhood", language)
    return stats


def _labelled(groups, vocabulary, language):
    labels = vocabulary_labels(vocabulary, language)
    source = vocabulary_labels(vocabulary, SOURCE_LANGUAGE) if language != SOURCE_LANGUAGE else labels
    items = [
        {"slug": slug, "label": labels.get(slug) or source.get(slug) or slug, **figures}
        for slug, figures in groups.items()
    ]
    return sorted(items, key=lambda item: (-item["incidents"], item["label"]))


def format_number(value, language):
    """``value`` as the site prints numbers in ``language`` (cms/formats: Western digits, grouped)."""
    with translation.override(language):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
