"""What the statistics page shows of :func:`monitoring.statistics.compute_statistics`: charts, tables, CSV.

The charts, the tables under them and the CSV are built from the same :class:`Statistics`, so the
numbers a visitor sees, reads aloud and downloads are the same numbers.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from core.spreadsheet import csv_response

from .charts import Bar, bar_chart
from .statistics import FIGURES, format_number


def figure_labels():
    return {
        "incidents": _("Incidents"),
        "people_affected": _("People affected"),
        "children_affected": _("Children"),
        "women_affected": _("Women"),
    }


def _breakdowns(stats):
    """``(key, heading, column heading, [(row key, row label, figures)])`` for each breakdown."""
    return [
        (
            "year",
            _("Incidents by year"),
            _("Year"),
            [(str(row["year"]), str(row["year"]), row) for row in stats.by_year],
        ),
        (
            "violation-type",
            _("Incidents by violation type"),
            _("Violation type"),
            [(row["slug"], row["label"], row) for row in stats.by_violation_type],
        ),
        (
            "neighbourhood",
            _("Incidents by neighbourhood"),
            _("Neighbourhood"),
            [(row["slug"], row["label"], row) for row in stats.by_neighbourhood],
        ),
    ]


def chart_sections(stats):
    """One dict per breakdown for the template: its heading, SVG chart and table rows (numbers formatted)."""
    language = stats.language
    rtl = translation.get_language_info(language)["bidi"]

    def number(value):
        return format_number(value, language)

    sections = []
    for key, heading, column, rows in _breakdowns(stats):
        description = "; ".join(
            _("%(label)s: %(count)s incidents") % {"label": label, "count": number(figures["incidents"])}
            for _key, label, figures in rows
        ) or _("No incidents match these filters.")
        chart = bar_chart(
            chart_id=f"chart-{key}",
            title=heading,
            description=description,
            bars=[Bar(label, figures["incidents"]) for _key, label, figures in rows],
            rtl=rtl,
            number_format=number,
        )
        sections.append(
            {
                "key": key,
                "heading": heading,
                "column": column,
                "chart": chart,
                "rows": [
                    {"label": label, "figures": [number(figures[name]) for name in FIGURES]}
                    for _key, label, figures in rows
                ],
            }
        )
    return sections


def formatted_totals(stats):
    labels = figure_labels()
    return [{"label": labels[name], "value": format_number(stats.totals[name], stats.language)} for name in FIGURES]


def statistics_csv(stats, filename):
    """The numbers on the page as a CSV: the totals, then one row per year, type and neighbourhood."""
    labels = figure_labels()
    header = [_("Breakdown"), _("Key"), _("Label"), *(labels[name] for name in FIGURES)]
    rows = [["total", "", _("All incidents"), *(stats.totals[name] for name in FIGURES)]]
    for key, _heading, _column, items in _breakdowns(stats):
        rows += [[key, row_key, label, *(figures[name] for name in FIGURES)] for row_key, label, figures in items]
    return csv_response(filename, header, rows)
