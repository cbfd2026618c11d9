"""Incidents for the monitoring-public tests: made through the model, as the admin and the importer make them."""

import datetime

from django.db.models import Count, Sum

from core.i18n import SOURCE_LANGUAGE
from core.models import Neighbourhood, ViolationType
from monitoring.models import Incident, IncidentSource, IncidentStatus, IncidentText

VERIFIED, DRAFT = IncidentStatus.VERIFIED, IncidentStatus.DRAFT


def term(model, slug):
    return model.objects.get(slug=slug, locale__language_code=SOURCE_LANGUAGE)


def make_incident(key, day, violation_type, neighbourhood, people, children=0, women=0, status=VERIFIED, **extra):
    incident = Incident.objects.create(
        key=key,
        date=datetime.date.fromisoformat(day),
        violation_type=term(ViolationType, violation_type),
        neighbourhood=term(Neighbourhood, neighbourhood),
        people_affected=people,
        children_affected=children,
        women_affected=women,
        status=status,
        **extra,
    )
    IncidentText.objects.create(
        incident=incident,
        locale=incident.violation_type.locale,
        description=f"وصف الحادثة {key}",
    )
    return incident


# (key, date, type, neighbourhood, people, children, women, status)
SAMPLE = [
    ("demolition-beit-hanina-2022", "2022-11-05", "home-demolition", "beit-hanina", 1200, 300, 400, VERIFIED),
    ("demolition-silwan-2023", "2023-03-10", "home-demolition", "silwan", 5, 2, 1, VERIFIED),
    ("demolition-jarrah-2023", "2023-03-31", "home-demolition", "sheikh-jarrah", 3, 1, 1, VERIFIED),
    ("residency-silwan-2024", "2024-01-15", "residency-revocation", "silwan", 4, 0, 2, VERIFIED),
    ("demolition-silwan-2024", "2024-06-01", "home-demolition", "silwan", 7, 3, 3, VERIFIED),
    ("displacement-old-city-2024", "2024-06-20", "forced-displacement", "old-city", 10, 4, 5, VERIFIED),
    ("demolition-draft-2024", "2024-06-10", "home-demolition", "silwan", 100, 50, 50, DRAFT),
]


def make_sample():
    incidents = {row[0]: make_incident(*row[:7], status=row[7]) for row in SAMPLE}
    # A confidential source on a verified incident, and a draft's only source: neither may ever be public.
    IncidentSource.objects.create(
        incident=incidents["demolition-silwan-2024"],
        source_type="family-testimony",
        reference="CONFIDENTIAL-WITNESS-7731",
        confidential=True,
    )
    IncidentSource.objects.create(
        incident=incidents["demolition-silwan-2024"], source_type="media-report", reference="public-press-item-12"
    )
    return incidents


def direct_figures(**filters):
    """Totals counted straight from the incident table, without the summary or the statistics code."""
    rows = Incident.objects.filter(status=VERIFIED, **filters).aggregate(
        incidents=Count("pk"),
        people_affected=Sum("people_affected"),
        children_affected=Sum("children_affected"),
        women_affected=Sum("women_affected"),
    )
    return {name: value or 0 for name, value in rows.items()}
