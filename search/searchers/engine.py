"""The public search on Elasticsearch / OpenSearch: request bodies, and reading the answers.

One request gives the hits, the total and the facets (aggregations, each
filtered by the *other* active filters, while the filters narrow the hits
through ``post_filter``), so :meth:`EngineSearcher.facets` right after
:meth:`EngineSearcher.search` with the same parameters costs no second request.
"""

from dataclasses import replace

from wagtail.models import Page

from core.visibility import public_pages
from monitoring.records import public_incidents

from .. import documents, incident_documents, outbox
from ..backends.mapping import language_key, text_field, title_field
from ..connection import EngineUnavailableError
from .base import FACETS, MARK_END, MARK_START, SNIPPET_LENGTH, Hit, Matches, Searcher, Suggestion, unmarked
from .expansion import expand

FACET_FIELDS = {
    "type": "m_type",
    "violation_type": "m_violation_types",
    "neighbourhood": "m_neighbourhood",
    "year": "m_year",
}
SOURCE_FIELDS = ["m_id", "m_type", "m_title", "m_url", "m_locale", "m_date", "m_summary"]
FACET_SIZE = 100
DID_YOU_MEAN_CANDIDATES = 3


def text_query(q, key, groups=None):
    """The query for ``q`` in the fields of language ``key``; ``groups`` (``expansion.expand``) adds the
    words that meet it, in a second clause so the reader's own words still rank first."""
    fields = [f"{title_field(key)}^3", text_field(key)]
    exact = {
        "bool": {
            "should": [
                {"multi_match": {"query": q, "fields": fields, "type": "cross_fields", "operator": "and", "boost": 2}},
                {"multi_match": {"query": q, "fields": fields, "type": "best_fields", "minimum_should_match": "2<70%"}},
                {"match_phrase": {text_field(key): {"query": q, "slop": 2, "boost": 2}}},
            ],
            "minimum_should_match": 1,
        }
    }
    if not groups:
        return exact
    return {"bool": {"should": [exact, expanded_query(groups, fields)], "minimum_should_match": 1}}


def expanded_query(groups, fields):
    """Each group matches through any of its terms; most groups must match, as for the plain words."""

    def term_query(term):
        # A stop word alone analyses to nothing: let it match, as it would inside the plain query.
        return {
            "multi_match": {
                "query": term,
                "fields": fields,
                "type": "cross_fields",
                "operator": "and",
                "zero_terms_query": "all",
            }
        }

    clauses = [
        {"bool": {"should": [term_query(term) for term in group], "minimum_should_match": 1}} for group in groups
    ]
    return {"bool": {"should": clauses, "minimum_should_match": "2<70%"}}


def scope_filter(locale):
    """The pages a search in ``locale`` may return: that locale's, never a structural page (home, section index)."""
    return {
        "bool": {
            "filter": [{"term": {"m_locale": locale}}],
            "must_not": [{"terms": {"m_type": documents.structural_type_names()}}],
        }
    }


def search_body(params):
    """The request body for one search page, with facets and highlights (also sent by the speed benchmark)."""
    key = language_key(params.locale)
    active = {name: {"terms": {FACET_FIELDS[name]: values}} for name, values in params.filters.items()}
    body = {
        "query": {
            "bool": {
                "must": text_query(params.q, key, expand(params.q, params.locale)) if params.q else {"match_all": {}},
                "filter": [scope_filter(params.locale)],
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
            "aggs": {"values": {"terms": {"field": FACET_FIELDS[name], "size": FACET_SIZE}}},
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


def suggest_body(q, locale, limit):
    key = language_key(locale)
    return {
        "query": {
            "bool": {
                "must": {"match": {f"{title_field(key)}.suggest": {"query": q, "operator": "and"}}},
                "filter": [scope_filter(locale)],
            }
        },
        "size": limit,
        "_source": ["m_id", "m_type", "m_title", "m_url"],
    }


def count_body(params):
    """How many pages match ``params`` (filters included), nothing else."""
    body = search_body(params)
    return {
        "query": {"bool": {**body["query"]["bool"], "filter": [*body["query"]["bool"]["filter"], body["post_filter"]]}},
        "size": 0,
        "track_total_hits": True,
    }


def did_you_mean_body(q):
    """The engine's phrase suggester over the unstemmed ``_all_text`` (every language: the caller checks
    that a correction finds pages in the requested one, since collating needs the engine's mustache module)."""
    return {
        "size": 0,
        "query": {"match_none": {}},
        "suggest": {
            "text": q,
            "did_you_mean": {
                "phrase": {
                    "field": "_all_text",
                    "size": DID_YOU_MEAN_CANDIDATES,
                    "max_errors": 2,
                    "direct_generator": [{"field": "_all_text", "suggest_mode": "always"}],
                }
            },
        },
    }


def _still_visible(ids, pending_among, visible_among):
    """``ids`` minus those whose change is still queued and that are no longer public."""
    ids = set(ids)
    pending = pending_among(ids) if ids else set()
    if not pending:
        return ids
    return (ids - pending) | set(visible_among(pending))


def still_public(ids):
    """Drop hits whose page stopped being public before the index caught up.

    A change that has not reached the engine yet (engine down, update still queued) has a pending
    IndexUpdate row; those hits are checked against ``public_pages()`` now. Changes made behind
    the signals' back (raw SQL) are found by ``search_check``.
    """
    return _still_visible(
        ids,
        outbox.pending_among,
        lambda pending: public_pages(Page.objects.filter(pk__in=pending)).values_list("pk", flat=True),
    )


def incidents_still_public(ids):
    """:func:`still_public` for incidents: a pending change is checked against ``public_incidents()``."""
    return _still_visible(
        ids,
        outbox.incidents_pending_among,
        lambda pending: public_incidents().filter(pk__in=pending).values_list("pk", flat=True),
    )


def _hit_key(hit):
    """``(type, id)`` of a hit: page documents are named by the page id, incidents' by ``m_id`` and language."""
    source = hit.get("_source") or {}
    if source.get("m_type") == incident_documents.INCIDENT_TYPE:
        return incident_documents.INCIDENT_TYPE, int(source["m_id"])
    return "page", int(hit["_id"])


def visible_keys(hits):
    """The ``_hit_key`` of the hits still public (see :func:`still_public`)."""
    keys = [_hit_key(hit) for hit in hits]
    pages = still_public(pk for kind, pk in keys if kind == "page")
    incidents = incidents_still_public(pk for kind, pk in keys if kind != "page")
    return {("page", pk) for pk in pages} | {(incident_documents.INCIDENT_TYPE, pk) for pk in incidents}


def _facet_counts(aggregations):
    counts = {}
    for name in FACETS:
        buckets = aggregations[name]["values"]["buckets"]
        if name == "year":
            counts[name] = {str(int(bucket["key"])): bucket["doc_count"] for bucket in buckets}
        else:
            counts[name] = {bucket["key"]: bucket["doc_count"] for bucket in buckets}
    return counts


class EngineSearcher(Searcher):
    def __init__(self, backend):
        self.backend = backend
        self._facets_of = None  # (params, counts) of the last search, answered with it.

    def _call(self, body):
        try:
            self.backend.ensure_page_index()  # A fresh deployment answers "no results", not an error.
            return self.backend.raw_search(body)
        except Exception as error:  # noqa: BLE001 - any client error means "search unavailable" to the reader
            raise EngineUnavailableError(str(error)) from error

    def search(self, params):
        key = language_key(params.locale)
        response = self._call(search_body(params))
        self._facets_of = (params, _facet_counts(response["aggregations"]))
        hits = response["hits"]["hits"]
        visible = visible_keys(hits)
        results = []
        for hit in hits:
            kind, pk = _hit_key(hit)
            if (kind, pk) not in visible:
                continue
            source = hit.get("_source") or {}
            summary = source.get("m_summary") or ""
            highlight = hit.get("highlight") or {}
            fragment = (highlight.get(text_field(key)) or highlight.get(title_field(key)) or [None])[0]
            results.append(
                Hit(
                    id=pk,
                    type=source.get("m_type"),
                    title=source.get("m_title"),
                    url=source.get("m_url"),
                    locale=source.get("m_locale"),
                    date=source.get("m_date"),
                    summary=summary,
                    highlight=fragment or unmarked(summary),
                )
            )
        total = response["hits"]["total"]
        return Matches(count=total["value"] if isinstance(total, dict) else total, hits=results)

    def facets(self, params):
        if self._facets_of is not None and self._facets_of[0] is params:
            return self._facets_of[1]
        body = {**search_body(params), "size": 0}
        body.pop("highlight", None)
        return _facet_counts(self._call(body)["aggregations"])

    def count(self, params):
        if params.matches_nothing:
            return 0
        total = self._call(count_body(params))["hits"]["total"]
        return total["value"] if isinstance(total, dict) else total

    def did_you_mean(self, params):
        entries = self._call(did_you_mean_body(params.q)).get("suggest", {}).get("did_you_mean", [])
        for option in entries[0]["options"] if entries else []:
            text = option["text"]
            if text != params.q.lower() and self.count(replace(params, q=text, filters={}, matches_nothing=False)):
                return text
        return None

    def suggest(self, q, locale, limit):
        hits = self._call(suggest_body(q, locale, limit))["hits"]["hits"]
        visible = still_public(int(hit["_id"]) for hit in hits)
        suggestions = []
        for hit in hits:
            source = hit.get("_source") or {}
            if int(hit["_id"]) in visible:
                suggestions.append(
                    Suggestion(
                        id=int(hit["_id"]),
                        type=source.get("m_type"),
                        title=source.get("m_title"),
                        url=source.get("m_url"),
                    )
                )
        return suggestions
