"""The schema's shared parts: objects several endpoints return, common parameters and error answers."""

from django.conf import settings

from cms.api_validation import MAX_OFFSET
from core.i18n import SOURCE_LANGUAGE, language_codes


def ref(name, kind="schemas"):
    return {"$ref": f"#/components/{kind}/{name}"}


def json_content(schema):
    return {"application/json": {"schema": schema}}


def response(description, schema, headers=None):
    answer = {"description": description, "content": json_content(schema)}
    if headers:
        answer["headers"] = headers
    return answer


def strict_object(properties, required=None, **extra):
    """An object with exactly these properties: anything else in an answer is drift, and fails validation."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
        **extra,
    }


def locale_parameter(default=SOURCE_LANGUAGE, description=None):
    schema = {"type": "string", "enum": language_codes()}
    if default:
        schema["default"] = default
    return {
        "name": "locale",
        "in": "query",
        "required": False,
        "description": description or "A content language; any other value answers 400.",
        "schema": schema,
    }


def query_parameter(name, schema, description, required=False):
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


URL = {"type": "string", "format": "uri"}


def nullable_uri():
    return {"type": ["string", "null"], "format": "uri"}


PAGE_ID = {"type": "integer", "minimum": 1}
LOCALE_CODE = {"type": "string", "description": "A language code, e.g. `ar`, `en`, `fr`."}


def schemas():
    return {
        "Error": strict_object(
            {"message": {"type": "string", "description": "What went wrong, in the request's language."}},
            description="Every error under `/api/` (4xx, 5xx) answers this, never an HTML page.",
        ),
        "PageLink": strict_object(
            {
                "id": PAGE_ID,
                "title": {"type": "string"},
                "type": {"type": "string", "description": "The page type, `app_label.ModelName`."},
                "url": {"type": ["string", "null"], "description": "The page's path on the site."},
            },
            description="A short reference to another page.",
        ),
        "VocabularyTerm": strict_object(
            {
                "slug": {"type": "string", "description": "The same in every language; what filters take."},
                "name": {"type": "string", "description": "The term in the page's language."},
            },
        ),
        "Translation": strict_object(
            {
                "locale": LOCALE_CODE,
                "id": PAGE_ID,
                "url": {**URL, "description": "The translation's public page, on the request's host."},
            },
            description="A live, public translation of a page in another language.",
        ),
        "Rendition": strict_object(
            {
                "url": {**URL, "description": "The resized image, on the request's host."},
                "width": {"type": "integer", "minimum": 0},
                "height": {"type": "integer", "minimum": 0},
                "alt": {"type": "string", "description": "Its alternative text."},
            },
            description="A resized copy of an image.",
        ),
        "DocumentLink": strict_object(
            {"id": {"type": "integer", "minimum": 1}, "title": {"type": "string"}, "url": URL},
            description="A public document: `url` is its file.",
        ),
        "PageReference": strict_object(
            {"id": PAGE_ID, "title": {"type": "string"}, "html_url": nullable_uri(), "detail_url": nullable_uri()},
            description="A public page a block links to.",
        ),
        "ListingMeta": strict_object(
            {"total_count": {"type": "integer", "minimum": 0, "description": "Items matching, on every page."}}
        ),
    }


def parameters():
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or 20
    return {
        "limit": query_parameter(
            "limit",
            {"type": "integer", "minimum": 0, "maximum": limit_max, "default": min(20, limit_max)},
            f"How many items to return (at most {limit_max}).",
        ),
        "offset": query_parameter(
            "offset",
            {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
            "How many items to skip.",
        ),
        "fields": query_parameter(
            "fields",
            {"type": "string"},
            "Which fields to return, comma-separated: `*` all, `_` none, a name adds a field, `-name` removes "
            "one; a related object's own fields in brackets, `parent(title)`. An unknown field answers 400.",
        ),
        "format": query_parameter(
            "format", {"type": "string", "enum": ["json"]}, "The answer's format: JSON only (any other value: 400)."
        ),
        "search": query_parameter(
            "search", {"type": "string"}, "Words to search for (the database search, in every language)."
        ),
        "search_operator": query_parameter(
            "search_operator", {"type": "string", "enum": ["and", "or"]}, "Whether every word must match."
        ),
    }


def responses():
    return {
        "BadRequest": response("A parameter is wrong; the message names it.", ref("Error")),
        "NotFound": response("No such object, or it is not public.", ref("Error")),
        "MethodNotAllowed": response(
            "Only GET and HEAD are answered.",
            ref("Error"),
            headers={"Allow": {"schema": {"type": "string"}, "description": "The methods answered."}},
        ),
        "NotModified": {"description": "The `If-None-Match` ETag still matches: use the copy you have."},
    }


#: Added to every read-only operation.
COMMON_ERRORS = {"304": ref("NotModified", "responses"), "405": ref("MethodNotAllowed", "responses")}
