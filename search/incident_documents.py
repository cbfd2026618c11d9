"""What the public search knows about a verified incident, whichever backend answers.

An incident is not a page: its facts (date, violation type, neighbourhood) are one
``monitoring.Incident`` row and its words one ``IncidentText`` per language. The search
shows one result per verified incident and language it has a text in, typed
``monitoring.Incident``, with the same values on both backends: a title made of its
violation type and neighbourhood in that language, its description as summary and
searchable text, its date (the year facet), and its violation type and neighbourhood
(the facets of those names). Only ``records.public_incidents()`` are ever shown or
written to the engine, and only the description: never a source, never survivor data.

An incident has no page of its own: the result links to the statistics page of its
language, filtered to the incident's type, neighbourhood and dates.
"""

from django.utils.http import urlencode
from django.utils.text import Truncator

from core import vocabulary_cache as cached
from core.visibility import public_pages
from monitoring.incidents import Incident, IncidentText
from monitoring.pages import StatisticsPage
from monitoring.records import public_incidents

from . import documents
from .searchers.base import Hit

INCIDENT_TYPE = documents.type_name(Incident)


def document_id(incident_id, language):
    """The engine document of one incident in one language (page documents are named by the page id)."""
    return f"incident-{incident_id}-{language}"


def incident_of(doc_id):
    """The incident id of a document id made by :func:`document_id`, or None for any other id."""
    parts = doc_id.split("-")
    if len(parts) == 3 and parts[0] == "incident" and parts[1].isdigit():
        return int(parts[1])
    return None


def public_texts(language=None):
    """The texts of public (verified) incidents, in ``language`` when given, with what a result needs."""
    texts = IncidentText.objects.filter(incident__in=public_incidents())
    if language is not None:
        texts = texts.filter(locale__language_code=language)
    return texts.select_related("locale", "incident__violation_type", "incident__neighbourhood")


def statistics_paths():
    """``{language: path}`` of the public statistics page of each language."""
    pages = public_pages(StatisticsPage.objects.all()).select_related("locale")
    return {page.locale.language_code: documents.page_url(page) for page in pages}


def incident_url(incident, language, paths=None):
    """The statistics page of ``language`` filtered to this incident (None when there is no such page)."""
    path = (paths if paths is not None else statistics_paths()).get(language)
    if not path:
        return None
    query = {
        "from": incident.date.isoformat(),
        "to": (incident.date_end or incident.date).isoformat(),
        "violation_type": incident.violation_type.slug,
        "neighbourhood": incident.neighbourhood.slug,
    }
    return f"{path}?{urlencode(query)}"


def incident_title(incident, language):
    """E.g. «هدم المنازل – سلوان» or «Home demolition – Silwan»: the vocabulary's own labels in ``language``.

    Only the labels are words (a dash needs no translation), so the title reads right in every language.
    """
    types = cached.vocabulary_labels("violation_type", language)
    places = cached.vocabulary_labels("neighbourhood", language)
    violation_type, neighbourhood = incident.violation_type.slug, incident.neighbourhood.slug
    return f"{types.get(violation_type, violation_type)} – {places.get(neighbourhood, neighbourhood)}"


def incident_summary(text):
    return Truncator(text.description).chars(documents.SUMMARY_LENGTH)


def incident_hit(text, highlight, paths=None):
    """A search :class:`Hit` for an incident text (``highlight``: its text with matched words marked)."""
    incident, language = text.incident, text.locale.language_code
    return Hit(
        id=incident.pk,
        type=INCIDENT_TYPE,
        title=incident_title(incident, language),
        url=incident_url(incident, language, paths),
        locale=language,
        date=incident.date,
        summary=incident_summary(text),
        highlight=highlight,
    )


def incident_document(text, paths=None):
    """The engine document fields of an incident text (without the per-language text fields and digest)."""
    incident, language = text.incident, text.locale.language_code
    return {
        "m_id": incident.pk,
        "m_locale": language,
        "m_type": INCIDENT_TYPE,
        "m_title": incident_title(incident, language),
        "m_url": incident_url(incident, language, paths),
        "m_summary": incident_summary(text),
        "m_date": incident.date.isoformat(),
        "m_year": incident.date.year,
        "m_violation_types": [incident.violation_type.slug],
        "m_neighbourhood": incident.neighbourhood.slug,
    }
