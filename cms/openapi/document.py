"""The OpenAPI 3.1 document of the headless API, put together from the endpoint modules beside this one."""

from django.utils import translation

from . import campaign_actions, components, mailing_list, media, monitoring, navigation, pages, preview, search, site

OPENAPI_VERSION = "3.1.0"

DESCRIPTION = """\
The JSON API of Munasara, for headless front ends: pages in every language (by id, by
address, with navigation, breadcrumbs and translations), images and documents used by public pages,
search, the site's languages and details, the vocabularies and the statistics of verified incidents; and
the supporters' actions a front end sends on (joining the mailing list, signing a petition, sending a
letter), which answer 202 alike whatever they find, and 429 when a client sends too many.

Only public content is served: drafts, restricted pages and stories without consent never appear
(a draft only through `page_preview/` with a signed token). Absolute URLs use the request's host.
Every error answers JSON with a `message`: 400 names the bad parameter, 404 an unknown object,
405 a method other than GET or HEAD. Anonymous answers carry `ETag` and `Cache-Control: public`,
and answer 304 to a matching `If-None-Match`.
"""

TAGS = [
    {"name": "pages", "description": "Public pages, their breadcrumbs, and finding a page by its address."},
    {"name": "navigation", "description": "The menu of each language."},
    {"name": "images", "description": "Images shown by public pages."},
    {"name": "documents", "description": "Documents linked from public pages."},
    {"name": "search", "description": "The public search and title completion."},
    {"name": "site", "description": "What frames every page: languages, contact, organisation."},
    {"name": "vocabularies", "description": "Violation types and neighbourhoods, with story counts."},
    {"name": "statistics", "description": "Figures of the verified incidents."},
    {"name": "preview", "description": "Drafts for a headless front end's preview."},
    {"name": "mailing list", "description": "Joining the mailing list (double opt-in: an email confirms)."},
    {"name": "campaign actions", "description": "Signing a campaign's petition, sending its letter."},
]

#: What an anonymous answer carries for caches (cms.middleware.ApiHttpCacheMiddleware); a preview never does.
CACHE_HEADERS = {
    "ETag": {"schema": {"type": "string"}, "description": "Send it back in `If-None-Match` to get a 304."},
    "Cache-Control": {"schema": {"type": "string"}, "description": "`public, max-age=…` for anonymous requests."},
}
UNCACHED = {"page_preview"}

ENDPOINT_MODULES = (pages, navigation, media, search, site, preview, monitoring, campaign_actions, mailing_list)


def openapi_document():
    """The whole document as a dict, ready for JSON: in English, a document for developers."""
    with translation.override("en"):
        return _document()


def _document():
    schemas = components.schemas()
    for module in ENDPOINT_MODULES:
        schemas.update(getattr(module, "schemas", dict)())
    paths = {}
    for module in ENDPOINT_MODULES:
        paths.update(module.paths())
    for operations in paths.values():
        for operation in operations.values():
            answer = operation["responses"].get("200")
            if answer is not None and operation["operationId"] not in UNCACHED:
                answer["headers"] = {**CACHE_HEADERS, **answer.get("headers", {})}
    return {
        "openapi": OPENAPI_VERSION,
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Munasara API",
            "version": "2",
            "description": DESCRIPTION,
        },
        "tags": TAGS,
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": schemas,
            "parameters": components.parameters(),
            "responses": components.responses(),
        },
    }
