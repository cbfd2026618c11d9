"""``/api/v2/search/`` and ``/api/v2/search/suggest/``: the public search (search/views.py, search/forms.py)."""

from search import forms
from search.searchers.base import FACETS

from .components import (
    COMMON_ERRORS,
    LOCALE_CODE,
    PAGE_ID,
    URL,
    locale_parameter,
    query_parameter,
    ref,
    response,
    strict_object,
)
from .pages import page_models, type_name

FACET_DESCRIPTIONS = {
    "type": "Page types (`app_label.ModelName`).",
    "violation_type": "Violation types, by slug.",
    "neighbourhood": "Neighbourhoods, by slug.",
    "year": "Years of the content's date.",
}


def schemas():
    hit = {
        "id": PAGE_ID,
        "type": {"type": "string", "description": "The page type, `app_label.ModelName`."},
        "title": {"type": "string", "description": "Plain text."},
        "url": {**URL, "description": "The page on the site."},
        "locale": LOCALE_CODE,
        "date": {"type": ["string", "null"], "format": "date", "description": "The content's date."},
        "summary": {"type": "string", "description": "Plain text."},
        "highlight": {
            "type": "string",
            "contentMediaType": "text/html",
            "description": "Where the words matched: escaped text with `<mark>` elements only.",
        },
    }
    facet_item = strict_object(
        {
            "value": {"type": "string", "description": "What the filter of the same name takes."},
            "label": {"type": "string", "description": "The value in the requested language."},
            "count": {"type": "integer", "minimum": 0},
        }
    )
    return {
        "SearchResult": strict_object(hit),
        "SearchFacetItem": facet_item,
        "SearchAnswer": strict_object(
            {
                "count": {"type": "integer", "minimum": 0, "description": "Results on every page."},
                "results": {"type": "array", "items": ref("SearchResult"), "maxItems": forms.MAX_PAGE_SIZE},
                "facets": strict_object(
                    {
                        name: {
                            "type": "array",
                            "items": ref("SearchFacetItem"),
                            "description": FACET_DESCRIPTIONS[name],
                        }
                        for name in FACETS
                    },
                    description="Each facet counts the query with every other active filter; selected values "
                    "are listed even at zero.",
                ),
                "other_locales": {
                    "type": "array",
                    "items": ref("SearchOtherLocale"),
                    "description": "When nothing matched: the other languages in which the same words find pages "
                    "(filters left out), else empty.",
                },
                "did_you_mean": {
                    "type": ["string", "null"],
                    "description": "When nothing matched: a spelling of `q` that finds pages in this language, "
                    "else null.",
                },
            }
        ),
        "SearchOtherLocale": strict_object(
            {
                "locale": LOCALE_CODE,
                "language": {"type": "string", "description": "The language's name in itself."},
                "count": {"type": "integer", "minimum": 1},
                "url": {**URL, "description": "The search page of that language, with the same words."},
            }
        ),
        "Suggestions": strict_object(
            {
                "results": {
                    "type": "array",
                    "maxItems": forms.SUGGEST_SIZE,
                    "items": strict_object(
                        {"id": PAGE_ID, "type": hit["type"], "title": hit["title"], "url": hit["url"]}
                    ),
                }
            }
        ),
        "SearchError": strict_object(
            {
                "message": {"type": "string", "description": "What went wrong, naming every bad parameter."},
                "error": {"type": "string", "description": "The same, without the parameters (older clients)."},
                "errors": {
                    "type": "object",
                    "additionalProperties": {"type": "string"},
                    "description": "One message for each bad parameter, by parameter.",
                },
            },
            required=["message", "error"],
        ),
    }


def value_list(name, items, description):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description + " Repeat the parameter or separate values with commas; values of one "
        "filter are OR-ed, filters are AND-ed.",
        "schema": {"type": "array", "items": items},
        "style": "form",
        "explode": True,
    }


def common_parameters():
    return [
        query_parameter(
            "q",
            {"type": "string", "maxLength": forms.MAX_QUERY_LENGTH},
            f"The words to search for (at most {forms.MAX_QUERY_LENGTH} characters).",
        ),
        locale_parameter(description="Search the pages in this language only."),
    ]


def search_parameters():
    slug = {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"}
    max_page = forms.MAX_RESULT_WINDOW
    return [
        *common_parameters(),
        value_list("type", {"type": "string", "enum": [type_name(model) for model in page_models()]}, "Page types."),
        value_list("violation_type", slug, "Violation type slugs; an unknown slug answers 400."),
        value_list("neighbourhood", slug, "Neighbourhood slugs; an unknown slug answers 400."),
        value_list("year", {"type": "string", "pattern": r"^[1-9][0-9]{3}$"}, "Four-digit years."),
        query_parameter(
            "page",
            {"type": "integer", "minimum": 1, "maximum": max_page, "default": 1},
            f"Which page of results; `page × page_size` may not pass {max_page}.",
        ),
        query_parameter(
            "page_size",
            {"type": "integer", "minimum": 1, "maximum": forms.MAX_PAGE_SIZE, "default": forms.DEFAULT_PAGE_SIZE},
            "Results per page.",
        ),
    ]


def search_errors():
    unavailable = response(
        "The search engine is down; try again after `Retry-After` seconds.",
        ref("SearchError"),
        headers={"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}},
    )
    return {"400": response("Bad parameters.", ref("SearchError")), "503": unavailable, **COMMON_ERRORS}


def paths():
    return {
        "/api/v2/search/": {
            "get": {
                "operationId": "search",
                "tags": ["search"],
                "summary": "Search the public pages of one language",
                "description": "Ordered by relevance, then date, then id. Without `q`, the latest content first. "
                "Any other parameter answers 400.",
                "parameters": search_parameters(),
                "responses": {"200": response("Results and facets.", ref("SearchAnswer")), **search_errors()},
            }
        },
        "/api/v2/search/suggest/": {
            "get": {
                "operationId": "search_suggest",
                "tags": ["search"],
                "summary": "Complete a title",
                "description": f"At most {forms.SUGGEST_SIZE} titles of the language's public pages. "
                "Any other parameter answers 400.",
                "parameters": common_parameters(),
                "responses": {"200": response("Titles completing `q`.", ref("Suggestions")), **search_errors()},
            }
        },
    }
