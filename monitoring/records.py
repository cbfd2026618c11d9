"""The rules for what of the monitoring record the public may see. Every public route goes through here.

Only verified incidents are public, and a confidential source is never public: not on the site, the
API, search or an export. Reports, statistics, search and the CSV export all start from these.
"""

from django.db.models import Prefetch

from .incidents import Incident, IncidentSource, IncidentStatus

PUBLIC_SOURCES_ATTRIBUTE = "prefetched_public_sources"


def public_incidents():
    """Every incident the public may see: the verified ones. THE one rule every public route calls."""
    return Incident.objects.filter(status=IncidentStatus.VERIFIED)


def public_source_queryset():
    """The sources the public may see, across incidents: never a confidential one."""
    return IncidentSource.objects.filter(confidential=False)


def public_sources(incident):
    """The sources of ``incident`` the public may see (none at all for an unverified incident)."""
    if incident.status != IncidentStatus.VERIFIED:
        return []
    prefetched = getattr(incident, PUBLIC_SOURCES_ATTRIBUTE, None)
    if prefetched is not None:
        return list(prefetched)
    return list(public_source_queryset().filter(incident=incident))


def with_public_details(queryset):
    """``queryset`` with its texts, vocabulary and public sources fetched in a fixed number of queries.

    ``public_sources(incident)`` then reads the prefetched list, so a confidential source is not even loaded.
    """
    return queryset.select_related("violation_type", "neighbourhood").prefetch_related(
        "texts__locale",
        Prefetch("sources", queryset=public_source_queryset(), to_attr=PUBLIC_SOURCES_ATTRIBUTE),
    )
