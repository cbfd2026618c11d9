"""Yearly and monthly counts of the public incidents, so statistics read a few thousand rows, not every incident.

``StatisticsBucket`` rows hold, per violation type × neighbourhood, how many public incidents
(``records.public_incidents()``) fall in a year (``month`` 0) or in one month of it (``month`` 1–12), and how
many people, children and women they affected. A request reads whole years from the yearly rows, whole
months at the ends of its range from the monthly rows, and only the days at its very ends from the
incidents themselves (``monitoring.statistics``), so its cost hardly grows with the number of incidents.

The signals below keep the buckets current inside the transaction that saves or deletes an incident, by
adding the incident's new contribution and subtracting its old one (``F()`` updates, so concurrent edits of
one bucket add up instead of overwriting each other). A change that bypasses ``save()``/``delete()``
(``update()``, ``bulk_create``, raw SQL) must call :func:`rebuild_summary` afterwards; ``manage.py
rebuild_statistics_summary`` does the same from the command line.
"""

from django.db import IntegrityError, models, transaction
from django.db.models import Count, F, Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import Signal, receiver
from django.utils.translation import gettext_lazy as _

from .records import public_incidents

COUNTED = ("incidents", "people_affected", "children_affected", "women_affected")

# Sent after the public figures changed (an incident saved, deleted, or the summary rebuilt), so a
# cache above this app (the response cache) can forget answers built on the old figures.
statistics_changed = Signal()


WHOLE_YEAR = 0


class StatisticsBucket(models.Model):
    year = models.SmallIntegerField(_("year"))
    month = models.SmallIntegerField(_("month"), help_text=_("1–12, or 0 for the whole year."))
    violation_type = models.ForeignKey("core.ViolationType", on_delete=models.CASCADE, related_name="+")
    neighbourhood = models.ForeignKey("core.Neighbourhood", on_delete=models.CASCADE, related_name="+")
    incidents = models.IntegerField(default=0)
    people_affected = models.BigIntegerField(default=0)
    children_affected = models.BigIntegerField(default=0)
    women_affected = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("statistics bucket")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "month", "violation_type", "neighbourhood"], name="monitoring_bucket_unique"
            )
        ]
        # Yearly rows (month 0) are read by year range; monthly rows by year and month.
        indexes = [models.Index(fields=["month", "year"], name="monitoring_bucket_period")]

    def __str__(self):
        return f"{self.year}-{self.month:02} {self.violation_type_id}/{self.neighbourhood_id}: {self.incidents}"


def _public_contribution(pk):
    """The bucket and counts the incident ``pk`` adds to the public figures now, or None when it adds nothing."""
    row = (
        public_incidents()
        .filter(pk=pk)
        .values(
            "date", "violation_type_id", "neighbourhood_id", "people_affected", "children_affected", "women_affected"
        )
        .first()
    )
    if row is None:
        return None
    bucket = (row["date"].year, row["date"].month, row["violation_type_id"], row["neighbourhood_id"])
    counts = {"incidents": 1, **{name: row[name] for name in COUNTED[1:]}}
    return bucket, counts


def _add(contribution, sign):
    (year, month, violation_type_id, neighbourhood_id), counts = contribution
    for period in (month, WHOLE_YEAR):
        key = {
            "year": year,
            "month": period,
            "violation_type_id": violation_type_id,
            "neighbourhood_id": neighbourhood_id,
        }
        changes = {name: F(name) + sign * value for name, value in counts.items()}
        if StatisticsBucket.objects.filter(**key).update(**changes):
            continue
        try:
            with transaction.atomic():  # a savepoint: another transaction may create the bucket first
                StatisticsBucket.objects.create(**key, **{name: sign * value for name, value in counts.items()})
        except IntegrityError:
            StatisticsBucket.objects.filter(**key).update(**changes)


def apply_change(before, after):
    """Move an incident's contribution from ``before`` to ``after`` (either may be None)."""
    if before == after:
        return
    if before is not None:
        _add(before, -1)
    if after is not None:
        _add(after, +1)
    statistics_changed.send(sender=StatisticsBucket)


@receiver(pre_save, sender="monitoring.Incident", dispatch_uid="monitoring-statistics-pre-save")
@receiver(pre_delete, sender="monitoring.Incident", dispatch_uid="monitoring-statistics-pre-delete")
def remember_contribution(sender, instance, raw=False, **kwargs):
    instance._statistics_before = None if raw or instance.pk is None else _public_contribution(instance.pk)


@receiver(post_save, sender="monitoring.Incident", dispatch_uid="monitoring-statistics-post-save")
def count_saved_incident(sender, instance, raw=False, **kwargs):
    if raw:
        return  # loaddata: rebuild_summary afterwards
    apply_change(getattr(instance, "_statistics_before", None), _public_contribution(instance.pk))


@receiver(post_delete, sender="monitoring.Incident", dispatch_uid="monitoring-statistics-post-delete")
def count_deleted_incident(sender, instance, **kwargs):
    apply_change(getattr(instance, "_statistics_before", None), None)


@transaction.atomic
def rebuild_summary():
    """Recount every bucket from the public incidents; returns the number of buckets."""
    rows = (
        public_incidents()
        .order_by()
        .values_list(ExtractYear("date"), ExtractMonth("date"), "violation_type_id", "neighbourhood_id")
        .annotate(Count("pk"), Sum("people_affected"), Sum("children_affected"), Sum("women_affected"))
    )
    buckets = {}
    for year, month, violation_type_id, neighbourhood_id, *counts in rows:
        for period in (month, WHOLE_YEAR):
            totals = buckets.setdefault((year, period, violation_type_id, neighbourhood_id), [0] * len(COUNTED))
            for index, value in enumerate(counts):
                totals[index] += value or 0
    StatisticsBucket.objects.all().delete()
    StatisticsBucket.objects.bulk_create(
        [
            StatisticsBucket(
                year=year,
                month=month,
                violation_type_id=violation_type_id,
                neighbourhood_id=neighbourhood_id,
                **dict(zip(COUNTED, counts, strict=True)),
            )
            for (year, month, violation_type_id, neighbourhood_id), counts in buckets.items()
        ],
        batch_size=2000,
    )
    statistics_changed.send(sender=StatisticsBucket)
    return len(buckets)
