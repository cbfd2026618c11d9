"""The public search: one request format, one answer format, two backends.

:func:`parse_params` validates the query string (``SearchParamError`` names
every bad parameter); :func:`run_search` answers from the engine when one is
configured and from Wagtail's database backend otherwise, with the same
result and facet structure; :func:`suggest` completes titles.
"""

import math
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q
from django.utils import translation
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from core.visibility import public_pages

from . import arabic, documents, sync
from .backends.engine import language_key, text_field, title_field

MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200
MAX_RESULT_WINDOW = 10000
SUGGEST_SIZE = 8
FACETS = ("type", "violation_type", "neighbourhood", "year")
MARK_START, MARK_END = "\ue000", "\ue001"  # Private-use characters: survive escaping, then become <mark>.
SNIPPET_LENGTH = 200


LABEL_CACHE_SECONDS = 60
_label_cache = {}


def vocabulary_labels(name, locale):
    """``{slug: name}`` of a vocabulary in one locale, kept for a minute (they change rarely)."""
    from core.models import Neighbourhood, ViolationType

    key = (name, locale)
    cached = _label_cache.get(key)
    now = time.monotonic()
    if cached is None or cached[0] < now:
        model = ViolationType if name == "violation_type" else Neighbourhood
        labels = dict(model.objects.filter(locale__language_code=locale).values_list("slug", "name"))
        cached = _label_cache[key] = (now + LABEL_CACHE_SECONDS, labels)
    return cached[1]


def clear_label_cache():
    _label_cache.clear()


class SearchParamError(ValueError):
    def __init__(self, errors):
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = errors


@dataclass
class SearchParams:
    q: str = ""
    locale: str = "ar"
    filters: dict = field(default_factory=dict)  # facet name -> list of values
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def offset(self):
        return (self.page - 1) * self.page_size


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


# Parameters ---------------------------------------------------------------------------------


def _positive_int(raw, name, errors, default, maximum=None):
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        errors[name] = _("must be a whole number, not %(value)r") % {"value": raw}
        return default
    if value < 1:
        errors[name] = _("must be 1 or more")
        return default
    if maximum is not None and value > maximum:
        errors[name] = _("must be at most %(maximum)d") % {"maximum": maximum}
        return default
    return value


def _values(querydict, name):
    values = []
    for raw in querydict.getlist(name) if hasattr(querydict, "getlist") else [querydict.get(name)]:
        for value in (raw or "").split(","):
            value = value.strip()
            if value and value not in values:
                values.append(value)
    return values


def _locale_exists(code):
    key = ("locale", code)
    cached = _label_cache.get(key)
    if cached is not None and cached[0] >= time.monotonic():
        return True
    exists = Locale.objects.filter(language_code=code).exists()
    if exists:  # Only a positive answer is kept: a locale added later is accepted at once.
        _label_cache[key] = (time.monotonic() + LABEL_CACHE_SECONDS, True)
    return exists


def parse_params(querydict, default_locale=None, allow_page_size=True, locale_param=True):
    """Validate the search query string; raise SearchParamError naming every bad parameter."""
    errors = {}
    q = (querydict.get("q") or "").strip()
    if len(q) > MAX_QUERY_LENGTH:
        errors["q"] = _("must be at most %(maximum)d characters") % {"maximum": MAX_QUERY_LENGTH}
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locale = (querydict.get("locale") if locale_param else None) or default_locale or languages[0]
    if locale not in languages or not _locale_exists(locale):
        errors["locale"] = _("unknown locale %(value)r; use one of %(choices)s") % {
            "value": locale,
            "choices": ", ".join(languages),
        }
    filters = {}
    types = _values(querydict, "type")
    known_types = {documents.type_name(model) for model in documents.searchable_page_models()}
    bad = [value for value in types if value not in known_types]
    if bad:
        errors["type"] = _("unknown type %(value)r; use one of %(choices)s") % {
            "value": bad[0],
            "choices": ", ".join(sorted(known_types)),
        }
    for name in ("violation_type", "neighbourhood"):
        values = _values(querydict, name)
        known = vocabulary_labels(name, locale) if "locale" not in errors else {}
        bad = [value for value in values if value not in known]
        if bad:
            errors[name] = _("unknown %(name)s %(value)r") % {"name": name.replace("_", " "), "value": bad[0]}
        filters[name] = values
    years = []
    for value in _values(querydict, "year"):
        if not value.isdigit() or not 1000 <= int(value) <= 9999:
            errors["year"] = _("must be a four-digit year, not %(value)r") % {"value": value}
        else:
            years.append(int(value))
    filters["type"] = types
    filters["year"] = years
    page = _positive_int(querydict.get("page"), "page", errors, 1)
    page_size = DEFAULT_PAGE_SIZE
    if allow_page_size:
        page_size = _positive_int(querydict.get("page_size"), "page_size", errors, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    if "page" not in errors and "page_size" not in errors and page * page_size > MAX_RESULT_WINDOW:
        errors["page"] = _("is too far: at most %(maximum)d results can be paged through") % {
            "maximum": MAX_RESULT_WINDOW
        }
    if errors:
        raise SearchParamError(errors)
    active = {name: values for name, values in filters.items() if values}
    return SearchParams(q=q, locale=locale, filters=active, page=page, page_size=page_size)


# Shared helpers -----------------------------------------------------------------------------


def type_label(type_value):
    model = documents.page_model(type_value)
    return str(model._meta.verbose_name).capitalize() if model else type_value


def _facet_list(name, counts, params, locale):
    """``[{"value", "label", "count"}]`` from ``{value: count}``, keeping selected values even at zero."""
    counts = {value: count for value, count in counts.items() if value not in (None, "")}
    for selected in params.filters.get(name, []):
        counts.setdefault(selected, 0)
    if name == "type":
        labels = {value: type_label(value) for value in counts}
    elif name in ("violation_type", "neighbourhood"):
        labels = vocabulary_labels(name, locale)
    else:
        labels = {value: str(value) for value in counts}
    items = [
        {"value": value, "label": labels.get(value, str(value)), "count": count} for value, count in counts.items()
    ]
    if name == "year":
        items.sort(key=lambda item: -int(item["value"]))
    else:
        items.sort(key=lambda item: (-item["count"], item["label"]))
    return items


def _marked_html(text):
    """Escape ``text`` and turn the private-use marks into <mark> elements."""
    return escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def _result(pk, type_value, title, url, locale, date, summary, highlight, request):
    if url and request is not None:
        url = request.build_absolute_uri(url)
    return {
        "id": pk,
        "type": type_value,
        "title": title,
        "url": url,
        "locale": locale,
        "date": date.isoformat() if hasattr(date, "isoformat") else date,
        "summary": summary,
        "highlight": highlight,
    }


def run_search(params, request=None):
    """Answer a search; raises sync.EngineUnavailableError when the engine is configured but down."""
    with translation.override(params.locale):
        backend = sync.engine_backend()
        if backend is not None:
            return _engine_search(backend, params, request)
        return _database_search(params, request)


def suggest(q, locale, limit=SUGGEST_SIZE, request=None):
    q = (q or "").strip()[:MAX_QUERY_LENGTH]
    if not q:
        return []
    backend = sync.engine_backend()
    if backend is not None:
        return _engine_suggest(backend, q, locale, limit, request)
    return _database_suggest(q, locale, limit, request)


# Engine ---------------------------------------------------------------------------------------

ENGINE_FACET_FIELDS = {
    "type": "m_type",
    "violation_type": "m_violation_types",
    "neighbourhood": "m_neighbourhood",
    "year": "m_year",
}
SOURCE_FIELDS = ["m_id", "m_type", "m_title", "m_url", "m_locale", "m_date", "m_summary"]


def engine_text_query(q, key):
    fields = [f"{title_field(key)}^3", text_field(key)]
    return {
        "bool": {
            "should": [
                {"multi_match": {"query": q, "fields": fields, "type": "cross_fields", "operator": "and", "boost": 2}},
                {"multi_match": {"query": q, "fields": fields, "type": "best_fields", "minimum_should_match": "2<70%"}},
                {"match_phrase": {text_field(key): {"query": q, "slop": 2, "boost": 2}}},
            ],
            "minimum_should_match": 1,
        }
    }


def _engine_filter(name, values):
    return {"terms": {ENGINE_FACET_FIELDS[name]: values}}


def engine_body(params):
    """The request body for one search page, with facets and highlights (also used by the speed benchmark)."""
    key = language_key(params.locale)
    active = {name: _engine_filter(name, values) for name, values in params.filters.items()}
    body = {
        "query": {
            "bool": {
                "must": engine_text_query(params.q, key) if params.q else {"match_all": {}},
                "filter": [{"term": {"m_locale": params.locale}}],
            }
        },
        "post_filter": {"bool": {"filter": list(active.values())}},
        "aggs": {},
        "from": params.offset,
        "size": params.page_size,
        "_source": SOURCE_FIELDS,
        "track_total_hits": True,
        "sort": (["_score"] if params.q else [])
        + [{"m_date": {"order": "desc", "missing": "_last"}}, {"m_id": {"order": "desc"}}],
    }
    for name in FACETS:
        others = [clause for other, clause in active.items() if other != name]
        body["aggs"][name] = {
            "filter": {"bool": {"filter": others}},
            "aggs": {"values": {"terms": {"field": ENGINE_FACET_FIELDS[name], "size": 100}}},
        }
    if params.q:
        body["highlight"] = {
            "pre_tags": [MARK_START],
            "post_tags": [MARK_END],
            "fields": {
                text_field(key): {"fragment_size": SNIPPET_LENGTH, "number_of_fragments": 1},
                title_field(key): {"number_of_fragments": 0},
            },
        }
    return body


def _engine_call(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except Exception as error:  # noqa: BLE001 - any client error means "search unavailable" to the reader
        raise sync.EngineUnavailableError(str(error)) from error


def _still_public(ids):
    """Drop hits whose page stopped being public before the index caught up.

    A change that has not reached the engine yet (engine down, update still queued) has a pending
    IndexUpdate row; those hits are checked against ``public_pages()`` now. Changes made behind
    the signals' back (raw SQL) are found by ``search_check``.
    """
    from .models import IndexUpdate

    ids = set(ids)
    pending = set(
        IndexUpdate.objects.filter(page_id__in=ids, applied_at__isnull=True).values_list("page_id", flat=True)
    )
    if not pending:
        return ids
    visible = set(public_pages(Page.objects.filter(pk__in=pending)).values_list("pk", flat=True))
    return (ids - pending) | visible


def _engine_search(backend, params, request):
    key = language_key(params.locale)
    _engine_call(backend.ensure_page_index)  # A fresh deployment answers "no results", not an error.
    response = _engine_call(backend.raw_search, engine_body(params))
    hits = response["hits"]["hits"]
    visible = _still_public([int(hit["_id"]) for hit in hits])
    results = []
    for hit in hits:
        source = hit.get("_source") or {}
        pk = int(hit["_id"])
        if pk not in visible:
            continue
        highlight = hit.get("highlight") or {}
        fragment = (highlight.get(text_field(key)) or highlight.get(title_field(key)) or [None])[0]
        snippet = _marked_html(fragment) if fragment else escape(source.get("m_summary") or "")
        results.append(
            _result(
                pk,
                source.get("m_type"),
                source.get("m_title"),
                source.get("m_url"),
                source.get("m_locale"),
                source.get("m_date"),
                source.get("m_summary") or "",
                snippet,
                request,
            )
        )
    total = response["hits"]["total"]
    count = total["value"] if isinstance(total, dict) else total
    facets = {}
    for name in FACETS:
        buckets = response["aggregations"][name]["values"]["buckets"]
        counts = {bucket["key"]: bucket["doc_count"] for bucket in buckets}
        if name == "year":
            counts = {str(int(value)): count for value, count in counts.items()}
        facets[name] = _facet_list(name, counts, _stringify_years(params), params.locale)
    return SearchResponse(params=params, count=count, results=results, facets=facets)


def _stringify_years(params):
    filters = dict(params.filters)
    if "year" in filters:
        filters["year"] = [str(year) for year in filters["year"]]
    return SearchParams(q=params.q, locale=params.locale, filters=filters, page=params.page, page_size=params.page_size)


def engine_suggest_body(q, locale, limit):
    key = language_key(locale)
    return {
        "query": {
            "bool": {
                "must": {"match": {f"{title_field(key)}.suggest": {"query": q, "operator": "and"}}},
                "filter": [{"term": {"m_locale": locale}}],
            }
        },
        "size": limit,
        "_source": ["m_id", "m_type", "m_title", "m_url"],
    }


def _engine_suggest(backend, q, locale, limit, request):
    _engine_call(backend.ensure_page_index)
    response = _engine_call(backend.raw_search, engine_suggest_body(q, locale, limit))
    hits = response["hits"]["hits"]
    visible = _still_public([int(hit["_id"]) for hit in hits])
    suggestions = []
    for hit in hits:
        source = hit.get("_source") or {}
        if int(hit["_id"]) in visible:
            url = source.get("m_url")
            suggestions.append(
                {
                    "id": int(hit["_id"]),
                    "type": source.get("m_type"),
                    "title": source.get("m_title"),
                    "url": request.build_absolute_uri(url) if url and request is not None else url,
                }
            )
    return suggestions


# Database -------------------------------------------------------------------------------------


def _database_base(locale):
    return public_pages(Page.objects.filter(locale__language_code=locale)).exclude(depth=1)


def _database_filter(name, values):
    if name == "type":
        content_types = [
            ContentType.objects.get_for_model(documents.page_model(value), for_concrete_model=False).pk
            for value in values
        ]
        return Q(content_type__in=content_types)
    if name == "violation_type":
        return documents.violation_type_filter(values)
    if name == "neighbourhood":
        return documents.neighbourhood_filter(values)
    return Q(pk__in=Page.objects.annotate(_year=documents.year_expression()).filter(_year__in=values).values("pk"))


def _apply_filters(queryset, params, skip=None):
    for name, values in params.filters.items():
        if name != skip:
            queryset = queryset.filter(pk__in=Page.objects.filter(_database_filter(name, values)).values("pk"))
    return queryset


def _database_facets(matched, params):
    from stories.models import StoryViolationType

    facets = {}
    for name in FACETS:
        scope = _apply_filters(matched, params, skip=name).order_by()
        if name == "type":
            rows = scope.values("content_type").annotate(n=Count("pk"))
            counts = {}
            for row in rows:
                model = ContentType.objects.get_for_id(row["content_type"]).model_class()
                if model is not None:
                    counts[documents.type_name(model)] = row["n"]
        elif name == "violation_type":
            rows = (
                StoryViolationType.objects.filter(page_id__in=scope.values("pk"))
                .order_by()
                .values("violation_type__slug")
                .annotate(n=Count("page", distinct=True))
            )
            counts = {row["violation_type__slug"]: row["n"] for row in rows}
        elif name == "neighbourhood":
            lookup = f"{documents.story_relation()}__neighbourhood__slug"
            rows = scope.filter(**{f"{lookup}__isnull": False}).values(lookup).annotate(n=Count("pk"))
            counts = {row[lookup]: row["n"] for row in rows}
        else:
            rows = scope.annotate(_year=documents.year_expression()).values("_year").annotate(n=Count("pk"))
            counts = {str(row["_year"]): row["n"] for row in rows if row["_year"]}
        facets[name] = _facet_list(name, counts, _stringify_years(params), params.locale)
    return facets


def _ranked_ids(q):
    """Ids of every page matching ``q`` in Wagtail's database index, best first."""
    from modelsearch.backends import get_search_backend

    results = get_search_backend("default").search(q, Page)
    if hasattr(results, "get_queryset"):
        return list(results.get_queryset().values_list("pk", flat=True))
    return [page.pk for page in results]


def _database_highlight(page, q):
    """A snippet of the page's text around the first word matching the query, marked and escaped."""
    wanted = set(arabic.tokens(q))
    title, texts = documents.page_texts(page)
    for text in [documents.page_summary(page), *texts, title]:
        spans = [span for span in arabic.word_spans(text) if span[2] & wanted]
        if not spans:
            continue
        start = max(0, spans[0][0] - SNIPPET_LENGTH // 3)
        if start:
            start = text.rfind(" ", 0, start) + 1
        end = min(len(text), start + SNIPPET_LENGTH)
        pieces, cursor = [], start
        for span_start, span_end, _forms in spans:
            if span_start < start or span_end > end:
                continue
            pieces.append(text[cursor:span_start])
            pieces.append(MARK_START + text[span_start:span_end] + MARK_END)
            cursor = span_end
        pieces.append(text[cursor:end])
        snippet = "".join(pieces)
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(text) else ""
        return _marked_html(prefix + snippet + suffix)
    return escape(Truncator(documents.page_summary(page)).chars(SNIPPET_LENGTH))


def _database_search(params, request):
    matched = _database_base(params.locale)
    rank = None
    if params.q:
        ids = _ranked_ids(params.q)
        rank = {pk: position for position, pk in enumerate(ids)}
        matched = matched.filter(pk__in=ids)
    facets = _database_facets(matched, params)
    final = _apply_filters(matched, params)
    count = final.count()
    if rank is not None:
        ordered = sorted(final.values_list("pk", flat=True), key=lambda pk: rank[pk])
    else:
        ordered = list(
            final.annotate(_date=documents.date_expression())
            .order_by(F("_date").desc(nulls_last=True), "-pk")
            .values_list("pk", flat=True)
        )
    page_ids = ordered[params.offset : params.offset + params.page_size]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    results = []
    for pk in page_ids:
        page = pages.get(pk)
        if page is None:
            continue
        summary = documents.page_summary(page)
        highlight = _database_highlight(page, params.q) if params.q else escape(summary)
        results.append(
            _result(
                pk,
                documents.type_name(type(page)),
                page.title,
                documents.page_url(page),
                params.locale,
                documents.page_date(page),
                summary,
                highlight,
                request,
            )
        )
    return SearchResponse(params=params, count=count, results=results, facets=facets)


def _database_suggest(q, locale, limit, request):
    from modelsearch.backends import get_search_backend

    base = _database_base(locale)
    results = get_search_backend("default").autocomplete(q, Page)
    if hasattr(results, "get_queryset"):
        ids = list(results.get_queryset().values_list("pk", flat=True))
    else:
        ids = [page.pk for page in results]
    allowed = set(base.filter(pk__in=ids).values_list("pk", flat=True))
    ids = [pk for pk in ids if pk in allowed][:limit]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    suggestions = []
    for pk in ids:
        page = pages[pk]
        url = documents.page_url(page)
        suggestions.append(
            {
                "id": pk,
                "type": documents.type_name(type(page)),
                "title": page.title,
                "url": request.build_absolute_uri(url) if url and request is not None else url,
            }
        )
    return suggestions
