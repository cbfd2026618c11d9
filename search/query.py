"""The public search: pick the backend, shape its answer.

The request arrives validated (``search.forms``). :func:`run_search` and
:func:`suggest` ask the engine searcher when an engine is configured and the
database searcher otherwise (``search.searchers``), and turn their plain values
into the one public answer format: facet labels in the request's language,
highlights escaped with only ``<mark>`` added, absolute URLs.
"""

import math
from dataclasses import dataclass

from django.utils import translation
from django.utils.html import escape

from core import vocabulary_cache as cached

from . import documents
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

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.params.page_size))

    def as_json(self):
        return {"count": self.count, "results": self.results, "facets": self.facets}


def searcher():
    """The engine searcher when an engine is configured, else the database one."""
    backend = engine_backend()
    return EngineSearcher(backend) if backend is not None else DatabaseSearcher()


def type_label(type_value):
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


def run_search(params, request=None):
    """Answer a search; raises ``connection.EngineUnavailableError`` when the engine is configured but down."""
    with translation.override(params.locale):
        backend = searcher()
        matches = backend.search(params)
        counts = backend.facets(params)
        return SearchResponse(
            params=params,
            count=matches.count,
            results=[_result(hit, request) for hit in matches.hits],
            facets={name: facet_items(name, counts.get(name, {}), params) for name in FACETS},
        )


def suggest(q, locale, limit=SUGGEST_SIZE, request=None):
    """Titles completing ``q`` in one locale: ``[{"id", "type", "title", "url"}]``."""
    q = (q or "").strip()[:MAX_QUERY_LENGTH]
    if not q:
        return []
    return [
        {"id": item.id, "type": item.type, "title": item.title, "url": _absolute(item.url, request)}
        for item in searcher().suggest(q, locale, limit)
    ]
