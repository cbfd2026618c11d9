"""The public search: pick the backend, shape its answer.

The request arrives validated (``search.forms``). :func:`run_search` and
:func:`suggest` ask the engine searcher when an engine is configured and the
database searcher otherwise (``search.searchers``), and turn their plain values
into the one public answer format: facet labels in the request's language,
highlights escaped with only ``<mark>`` added, absolute URLs.
"""

import math
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.http import urlencode

from core import vocabulary_cache as cached
from monitoring.incidents import Incident

from . import documents, incident_documents, promotions, query_report
from .connection import engine_backend
from .forms import MAX_QUERY_LENGTH, SUGGEST_SIZE
from .searchers.base import FACETS, MARK_END, MARK_START, SearchParams
from .searchers.database import DatabaseSearcher
from .searchers.engine import EngineSearcher


@dataclass
class SearchResponse:
    params: SearchParams
    count: int
    results: list
    facets: dict
    # When nothing matched: the other languages where the query finds pages, and a corrected spelling.
    other_locales: list = field(default_factory=list)
    did_you_mean: str | None = None

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.params.page_size))

    def as_json(self):
        return {
            "count": self.count,
            "results": self.results,
            "facets": self.facets,
            "other_locales": self.other_locales,
            "did_you_mean": self.did_you_mean,
        }


def searcher():
    """The engine searcher when an engine is configured, else the database one."""
    backend = engine_backend()
    return EngineSearcher(backend) if backend is not None else DatabaseSearcher()


def type_label(type_value):
    """The type facet's label in the active language: the page model's name, or «Incident»."""
    if type_value == incident_documents.INCIDENT_TYPE:
        return str(Incident._meta.verbose_name).capitalize()
    model = documents.page_model(type_value)
    return str(model._meta.verbose_name).capitalize() if model else type_value


def facet_items(name, counts, params):
    """``[{"value", "label", "count"}]`` from ``{value: count}``, keeping selected values even at zero."""
    counts = {value: count for value, count in counts.items() if value not in (None, "")}
    for selected in params.filters.get(name, []):
        counts.setdefault(str(selected), 0)
    if name == "type":
        labels = {value: type_label(value) for value in counts}
    elif name in cached.VOCABULARIES:
        labels = cached.vocabulary_labels(name, params.locale)
    else:
        labels = {}
    items = [
        {"value": value, "label": labels.get(value, str(value)), "count": count} for value, count in counts.items()
    ]
    if name == "year":
        items.sort(key=lambda item: -int(item["value"]))
    else:
        items.sort(key=lambda item: (-item["count"], item["label"]))
    return items


def highlight_html(text):
    """Escape ``text`` and turn the highlight marks into <mark> elements."""
    return escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def _absolute(url, request):
    return request.build_absolute_uri(url) if url and request is not None else url


def _result(hit, request):
    return {
        "id": hit.id,
        "type": hit.type,
        "title": hit.title,
        "url": _absolute(hit.url, request),
        "locale": hit.locale,
        "date": hit.date.isoformat() if hasattr(hit.date, "isoformat") else hit.date,
        "summary": hit.summary,
        "highlight": highlight_html(hit.highlight),
    }


def other_locales(backend, params, request=None):
    """``[{"locale", "language", "count", "url"}]``: the other languages in which ``params.q`` finds pages.

    Filters are left out (they narrowed a search that found nothing); ``url`` is that language's search page.
    """
    found = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == params.locale or not cached.locale_exists(code):
            continue
        count = backend.count(replace(params, locale=code, filters={}, page=1))
        if count:
            with translation.override(code):
                url = f"{reverse('search')}?{urlencode({'q': params.q})}"
            language = translation.get_language_info(code)["name_local"]
            found.append({"locale": code, "language": language, "count": count, "url": _absolute(url, request)})
    return found


def _no_matches(params):
    return SearchResponse(
        params=params, count=0, results=[], facets={name: facet_items(name, {}, params) for name in FACETS}
    )


def run_search(params, request=None):
    """Answer a search; raises ``connection.EngineUnavailableError`` when the engine is configured but down."""
    if params.matches_nothing:  # Only quotes, or only diacritics: no word to look for, in any language.
        return _no_matches(params)
    with translation.override(params.locale):
        backend = searcher()
        matches = backend.search(params)
        counts = backend.facets(params)
        response = SearchResponse(
            params=params,
            count=matches.count,
            results=[_result(hit, request) for hit in matches.hits],
            facets={name: facet_items(name, counts.get(name, {}), params) for name in FACETS},
        )
        promotions.put_first(response, lambda hit: _result(hit, request))
        query_report.count_search(params, matches.count)
        if params.q and not matches.count and params.page == 1:
            response.other_locales = other_locales(backend, params, request)
            response.did_you_mean = backend.did_you_mean(params)
        return response


def suggest(q, locale, limit=SUGGEST_SIZE, request=None):
    """Titles completing ``q`` in one locale: ``[{"id", "type", "title", "url"}]``."""
    q = (q or "").strip()[:MAX_QUERY_LENGTH]
    if not q:
        return []
    return [
        {"id": item.id, "type": item.type, "title": item.title, "url": _absolute(item.url, request)}
        for item in searcher().suggest(q, locale, limit)
    ]
