"""The monitoring app's models, defined in their own modules and gathered here for Django.

``incidents`` (incidents, their texts, sources and legal references), ``pages`` (reports and the
statistics page) and ``statistics_summary`` (the figures kept current). Modules of this app import
those, never this one.
"""

from .incidents import (  # noqa: F401
    DESCRIPTION_MAX_LENGTH,
    REFERENCE_MAX_LENGTH,
    Incident,
    IncidentSource,
    IncidentStatus,
    IncidentText,
    LegalReference,
    SourceType,
)
from .pages import ReportIncident, ReportIndexPage, ReportPage, StatisticsPage  # noqa: F401
from .statistics_summary import StatisticsBucket  # noqa: F401
