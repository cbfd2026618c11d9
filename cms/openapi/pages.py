"""``/api/v2/pages/``: the page types' schemas, derived from their ``api_fields``, and the pages endpoints.

Every field of a page answer is typed and nothing else may appear (``additionalProperties: false``),
but no field is required: ``?fields=`` can remove any of them. Without ``fields`` a detail carries
every field its type's schema lists (tests/cms/test_api_schema.py checks it).
"""

from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from cms.api import PublicPagesAPIViewSet

from . import navigation
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
from .fields import api_fields_schemas, field_schema, nullable
from .streams import stream_schemas

VIEWSET = PublicPagesAPIViewSet


def type_name(model):
    return f"{model._meta.app_label}.{model.__name__}"


def page_models():
    """Every page type a visitor can be served (Wagtail's bare ``Page`` is only the tree's root)."""
    return [model for model in get_page_models() if model is not Page]


def page_summary_schema():
    """``meta.parent`` and ``meta.alias_of``: a page's id, type, addresses and title."""
    return strict_object(
        {
            "id": PAGE_ID,
            "meta": strict_object(
                {
                    "type": {"type": "string"},
                    "detail_url": URL,
                    "html_url": nullable(URL),
                }
            ),
            "title": {"type": "string"},
        }
    )


def meta_overrides(model):
    """The meta fields Wagtail's page serializer computes rather than reads from a model field."""
    return {
        "type": {"const": type_name(model), "description": "The page type, `app_label.ModelName`."},
        "detail_url": {**URL, "description": "This page in the API."},
        "html_url": nullable({**URL, "description": "The page on the site."}),
        "canonical_url": nullable({**URL, "description": 'The page\'s own address, for `<link rel="canonical">`.'}),
        "locale": LOCALE_CODE,
        "parent": nullable(ref("PageSummary")),
        "alias_of": nullable(ref("PageSummary")),
    }


def page_type_schema(model, draft=False):
    """One page type's answer: its body fields at the top, its meta fields under ``meta``.

    ``draft``: as a preview answers it, where a page not saved yet has no id and no addresses.
    """
    meta = api_fields_schemas(model, VIEWSET.get_meta_fields(model), meta_overrides(model))
    body = api_fields_schemas(model, VIEWSET.get_body_fields(model), {"id": PAGE_ID})
    if draft:
        body["id"] = nullable(body["id"])
        meta["detail_url"] = nullable(meta["detail_url"])
    return strict_object(
        {
            "id": body.pop("id"),
            "meta": strict_object(meta, required=[]),
            **body,
            "@components": ref("PageComponents"),
        },
        required=[],
        title=type_name(model),
        description=str(model._meta.verbose_name).capitalize() + ".",
    )


def schemas():
    found = {type_name(model): page_type_schema(model) for model in page_models()}
    found.update({f"Draft.{type_name(model)}": page_type_schema(model, draft=True) for model in page_models()})
    found["PagePreview"] = {
        "description": "A draft of a page of any type, in the shape of its detail.",
        "anyOf": [ref(f"Draft.{type_name(model)}") for model in page_models()],
    }
    found["PageSummary"] = page_summary_schema()
    fields = [field for model in page_models() for field in model._meta.get_fields()]
    found.update(stream_schemas(field.stream_block for field in fields if isinstance(field, StreamField)))
    found["Page"] = {
        "description": "A page of any type (its `meta.type` says which).",
        "anyOf": [ref(type_name(model)) for model in page_models()],
    }
    found["PageListing"] = strict_object({"meta": ref("ListingMeta"), "items": {"type": "array", "items": ref("Page")}})
    return found


#: What every listing can be ordered by (a listing of one type also takes that type's columns).
ORDER_FIELDS = ["id", "title", "slug", "first_published_at"]

#: Filters on a relation take the related object's id.
FILTER_OVERRIDES = {
    "alias_of": PAGE_ID,
    "id": PAGE_ID,
    "neighbourhood": {"type": "integer", "minimum": 1},
    "hero_image": {"type": "integer", "minimum": 1},
    "pdf": {"type": "integer", "minimum": 1},  # a report's document, by id
}


def query_value_schema(schema):
    """A field's schema as a query parameter takes it: never null, no description (the parameter has one)."""
    schema = {key: value for key, value in schema.items() if key != "description"}
    if "anyOf" in schema:
        return {"type": "string"}
    if isinstance(schema.get("type"), list):
        schema["type"] = next(kind for kind in schema["type"] if kind != "null")
    return schema


def field_filters():
    """``?<field>=<value>`` filters: Page's columns always, a type's own columns with ``type=`` naming it."""
    parameters = {}
    for model in [Page, *page_models()]:
        for name in VIEWSET.get_available_fields(model, db_fields_only=True):
            if name in parameters or name == "locale" or isinstance(model._meta.get_field(name), StreamField):
                continue  # The locale has its own filter; a stream is not a value to filter on.
            schema = query_value_schema(field_schema(model, name, overrides=FILTER_OVERRIDES))
            where = (
                "" if model is Page else f" Needs `type` naming a page type with this field, e.g. `{type_name(model)}`."
            )
            parameters[name] = query_parameter(name, schema, f"Only pages whose `{name}` is this.{where}")
    return list(parameters.values())


def listing_parameters():
    types = [type_name(model) for model in page_models()]
    page_ref = {"anyOf": [PAGE_ID, {"const": "root"}]}
    return [
        query_parameter(
            "type",
            {"type": "string", "enum": types},
            "Only pages of this type (several, comma-separated, also work); its own fields can then be "
            "requested and filtered on.",
        ),
        locale_parameter(default=None, description="Only pages in this language."),
        query_parameter("child_of", page_ref, "Only the children of this page (`root`: of the site's root)."),
        query_parameter("descendant_of", page_ref, "Only the descendants of this page."),
        query_parameter("ancestor_of", PAGE_ID, "Only the ancestors of this page."),
        query_parameter("translation_of", page_ref, "Only the translations of this page."),
        query_parameter("site", {"type": "string"}, "Pages of the site with this hostname (`host:port`)."),
        query_parameter(
            "order",
            {"type": "string", "enum": [*ORDER_FIELDS, *(f"-{name}" for name in ORDER_FIELDS), "random"]},
            "Order by this field (`-field` reverses; several comma-separated; with `type`, that type's own "
            "fields too; `random` takes no `offset`).",
        ),
        ref("limit", "parameters"),
        ref("offset", "parameters"),
        ref("fields", "parameters"),
        ref("format", "parameters"),
        ref("search", "parameters"),
        ref("search_operator", "parameters"),
        *field_filters(),
    ]


def bad_request_and_not_found():
    return {"400": ref("BadRequest", "responses"), "404": ref("NotFound", "responses")}


def paths():
    return {
        "/api/v2/pages/": {
            "get": {
                "operationId": "pages_listing",
                "tags": ["pages"],
                "summary": "Public pages",
                "description": "Live, public pages of every language (drafts, restricted pages and stories "
                "without consent never appear). By default each item has its id, title and the listing's meta "
                "fields; `fields=*` gives every field of the type.",
                "parameters": listing_parameters(),
                "responses": {
                    "200": response("A page of results.", ref("PageListing")),
                    **bad_request_and_not_found(),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v2/pages/{id}/": {
            "get": {
                "operationId": "pages_detail",
                "tags": ["pages"],
                "summary": "A public page",
                "description": "Every field of the page's type, `meta.parent` and `meta.translations` included.",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": PAGE_ID},
                    ref("fields", "parameters"),
                    ref("format", "parameters"),
                    *navigation.detail_parameters(),
                ],
                "responses": {
                    "200": response("The page.", ref("Page")),
                    **bad_request_and_not_found(),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v2/pages/find/": {
            "get": {
                "operationId": "pages_find",
                "tags": ["pages"],
                "summary": "Find a page by its address (or id)",
                "description": "`html_path` answers the page's detail itself, exactly as `pages/{id}/` would, so a "
                "front end renders any address in one request. `id` instead redirects to the detail, keeping the "
                "other parameters. Without either: 400.",
                "parameters": [
                    query_parameter(
                        "html_path",
                        {"type": "string"},
                        "The page's path on the site, language prefix included, e.g. `/en/stories/`.",
                    ),
                    query_parameter("id", PAGE_ID, "The page's id (used only without `html_path`)."),
                    ref("fields", "parameters"),
                    ref("format", "parameters"),
                    *navigation.detail_parameters(),
                ],
                "responses": {
                    "200": response("The page at that address.", ref("Page")),
                    "302": {
                        "description": "With `id`: a redirect to the page's detail.",
                        "headers": {"Location": {"schema": URL, "description": "The page's detail URL."}},
                    },
                    **bad_request_and_not_found(),
                    **COMMON_ERRORS,
                },
            }
        },
    }
