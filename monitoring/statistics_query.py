"""The one SQL query behind the public figures: the summary's whole years and months, the incidents' odd days.

A date range is split into whole years, whole months and single days (:func:`split_range`); the years and
months are read from ``StatisticsBucket`` rows, the days from the public incidents, and both are summed in the
database, by year, by violation type and by neighbourhood. On PostgreSQL the three sums are one ``GROUPING
SETS`` query returning a few dozen rows; elsewhere (SQLite, in development) the query groups by all three
and Python adds up. The slugs are joined in the same query.
"""

import calendar
import datetime

from django.db import connection
from django.db.models import F, IntegerField, Q, Value
from django.db.models.functions import ExtractYear

from core.models import Neighbourhood, ViolationType

from .records import public_incidents
from .statistics_summary import WHOLE_YEAR, StatisticsBucket

COLUMNS = ("s_year", "s_type", "s_place", "s_incidents", "s_people", "s_children", "s_women")


def _last_of_month(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _next_day(day):
    return day + datetime.timedelta(days=1)


def split_range(date_from, date_to):
    """``(years, months, days)``: the range as whole years, whole months and single days, each open end None.

    ``years`` is ``(first, last)`` or None; ``months`` a list of ``(year, first month, last month)``;
    ``days`` a list of ``(first day, last day)``. Together they cover the range exactly once.
    """
    days = []
    first = date_from
    if first is not None and first.day != 1:
        stop = _last_of_month(first) if date_to is None else min(_last_of_month(first), date_to)
        days.append((first, stop))
        first = _next_day(stop)
    last = date_to
    if last is not None and last != _last_of_month(last) and (first is None or last >= first):
        start = last.replace(day=1) if first is None else max(last.replace(day=1), first)
        days.append((start, last))
        last = start - datetime.timedelta(days=1)
    if first is not None and last is not None and first > last:
        return None, [], days
    # Now ``first`` is the first day of a month and ``last`` the last day of one (or open).
    months = []
    if first is not None and last is not None and first.year == last.year:
        if first.month == 1 and last.month == 12:
            return (first.year, first.year), [], days
        return None, [(first.year, first.month, last.month)], days
    year_from = year_to = None
    if first is not None:
        year_from = first.year
        if first.month != 1:
            months.append((first.year, first.month, 12))
            year_from += 1
    if last is not None:
        year_to = last.year
        if last.month != 12:
            months.append((last.year, 1, last.month))
            year_to -= 1
    if year_from is not None and year_to is not None and year_from > year_to:
        return None, months, days
    return (year_from, year_to), months, days


def _vocabulary_filter(filters):
    condition = Q()
    if filters.violation_type:
        condition &= Q(violation_type__slug=filters.violation_type)
    if filters.neighbourhood:
        condition &= Q(neighbourhood__slug=filters.neighbourhood)
    return condition


def _parts(filters):
    """The querysets (at most two) whose rows, summed, make the figures: ``COLUMNS`` of each."""
    years, months, days = split_range(filters.date_from, filters.date_to)
    periods = Q(pk__in=[])
    if years is not None:
        year_from, year_to = years
        whole_years = Q(month=WHOLE_YEAR)
        if year_from is not None:
            whole_years &= Q(year__gte=year_from)
        if year_to is not None:
            whole_years &= Q(year__lte=year_to)
        periods |= whole_years
    for year, first_month, last_month in months:
        periods |= Q(year=year, month__gte=first_month, month__lte=last_month)
    parts = []
    if years is not None or months:
        # A bucket emptied by edits stays as a row of zeros until the next rebuild: not a group to show.
        buckets = StatisticsBucket.objects.filter(periods, _vocabulary_filter(filters), incidents__gt=0)
        parts.append(
            buckets.order_by()
            .annotate(
                s_year=F("year"),
                s_type=F("violation_type_id"),
                s_place=F("neighbourhood_id"),
                s_incidents=F("incidents"),
                s_people=F("people_affected"),
                s_children=F("children_affected"),
                s_women=F("women_affected"),
            )
            .values_list(*COLUMNS)
        )
    if days:
        single_days = Q(pk__in=[])
        for first_day, last_day in days:
            single_days |= Q(date__gte=first_day, date__lte=last_day)
        incidents = public_incidents().filter(single_days, _vocabulary_filter(filters))
        parts.append(
            incidents.order_by()
            .annotate(
                s_year=ExtractYear("date"),
                s_type=F("violation_type_id"),
                s_place=F("neighbourhood_id"),
                s_incidents=Value(1, output_field=IntegerField()),
                s_people=F("people_affected"),
                s_children=F("children_affected"),
                s_women=F("women_affected"),
            )
            .values_list(*COLUMNS)
        )
    return parts


def grouped_rows(filters):
    """``(year, violation type slug, neighbourhood slug, incidents, people, children, women)`` rows.

    On PostgreSQL each row is one group: a year (the slugs None), a type or a neighbourhood (the others
    None). Elsewhere each row is a year × type × neighbourhood group. Either way, summing the rows with a
    year gives the totals, and the rows with a slug its type's or neighbourhood's figures.
    """
    parts = _parts(filters)
    if not parts:
        return []
    combined = parts[0] if len(parts) == 1 else parts[0].union(parts[1], all=True)
    inner, params = combined.query.get_compiler(connection=connection).as_sql()
    quote = connection.ops.quote_name
    sums = ", ".join(f"CAST(SUM({name}) AS BIGINT) AS {name}" for name in COLUMNS[3:])
    groups = (
        "GROUPING SETS ((s_year), (s_type), (s_place))"
        if connection.vendor == "postgresql"
        else "s_year, s_type, s_place"
    )
    sql = (
        f"SELECT CAST(g.s_year AS INTEGER), t.slug, p.slug, {', '.join(f'g.{name}' for name in COLUMNS[3:])} "
        f"FROM (SELECT s_year, s_type, s_place, {sums} FROM ({inner}) parts GROUP BY {groups}) g "
        f"LEFT JOIN {quote(ViolationType._meta.db_table)} t ON t.id = g.s_type "
        f"LEFT JOIN {quote(Neighbourhood._meta.db_table)} p ON p.id = g.s_place"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
