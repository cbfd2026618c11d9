"""What a report shows of the incidents it links: only the public ones, in the report's language."""

from .records import public_incidents, public_sources, with_public_details


def public_report_incidents(report):
    """The public incidents ``report`` links, in the links' order (a preview's unsaved links included)."""
    incident_ids = [link.incident_id for link in report.incident_links.all() if link.incident_id]
    if not incident_ids:
        return []
    incidents = {
        incident.pk: incident for incident in with_public_details(public_incidents().filter(pk__in=incident_ids))
    }
    ordered = []
    for pk in dict.fromkeys(incident_ids):
        if pk in incidents:
            ordered.append(incidents[pk])
    return ordered


def incident_summary(incident, language, vocabulary):
    """The public facts of one incident for the API and the report page; ``vocabulary`` is
    ``{"violation_type": {slug: label}, "neighbourhood": {slug: label}}`` in ``language``."""
    violation_type, neighbourhood = incident.violation_type.slug, incident.neighbourhood.slug
    return {
        "key": incident.key,
        "date": incident.date.isoformat(),
        "date_end": incident.date_end.isoformat() if incident.date_end else None,
        "violation_type": {
            "slug": violation_type,
            "name": vocabulary["violation_type"].get(violation_type) or incident.violation_type.name,
        },
        "neighbourhood": {
            "slug": neighbourhood,
            "name": vocabulary["neighbourhood"].get(neighbourhood) or incident.neighbourhood.name,
        },
        "people_affected": incident.people_affected,
        "children_affected": incident.children_affected,
        "women_affected": incident.women_affected,
        "description": incident.description_in(language),
        "sources": [
            {
                "type": source.source_type,
                "type_label": str(source.get_source_type_display()),
                "reference": source.reference,
            }
            for source in public_sources(incident)
        ],
    }
