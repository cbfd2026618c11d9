"""Incidents as ``incidents[]`` records of an archive (archive/README.md): the inverse of ``check_archive_record``.

Only verified incidents are written: the archive is the unit's reviewed record, and importing it with
``--publish`` marks its incidents verified, so a draft written here would come back verified. A
confidential source is written only into a private export (a staff backup), flagged ``confidential``.
"""

from django.db.models import Prefetch

from .incidents import IncidentSource
from .records import public_incidents, public_source_queryset


def _sources(include_confidential):
    queryset = IncidentSource.objects.all() if include_confidential else public_source_queryset()
    return Prefetch("sources", queryset=queryset.order_by("pk"), to_attr="archived_sources")


def incident_archive_records(*, include_confidential=False):
    """The archive records of the public incidents, oldest first, in a fixed number of queries."""
    incidents = (
        public_incidents()
        .select_related("violation_type", "neighbourhood")
        .prefetch_related("texts__locale", _sources(include_confidential))
        .order_by("date", "key")
    )
    for incident in incidents:
        record = {
            "key": incident.key,
            "date": incident.date.isoformat(),
            "date_end": incident.date_end.isoformat() if incident.date_end else None,
            "violation_type": incident.violation_type.slug,
            "neighbourhood": incident.neighbourhood.slug,
            "latitude": None if incident.latitude is None else float(incident.latitude),
            "longitude": None if incident.longitude is None else float(incident.longitude),
            "people_affected": incident.people_affected,
            "children_affected": incident.children_affected,
            "women_affected": incident.women_affected,
        }
        for text in sorted(incident.texts.all(), key=lambda text: text.locale.language_code):
            code = text.locale.language_code
            record[f"description_{code}"] = text.description
            record[f"legal_analysis_{code}"] = text.legal_analysis or None
        sources = []
        for source in incident.archived_sources:
            entry = {"type": source.source_type, "reference": source.reference}
            if source.confidential:
                entry["confidential"] = True
            sources.append(entry)
        record["sources"] = sources
        yield record
