"""``/api/v2/navigation/``, ``/api/v2/pages/{id}/breadcrumbs/`` and ``?expand=`` on a page (cms/api_navigation.py)."""

from cms.api_expand import COMPONENTS
from cms.api_navigation import DEFAULT_DEPTH, MAX_DEPTH

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


def link_properties():
    return {
        "id": PAGE_ID,
        "title": {"type": "string"},
        "type": {"type": "string", "description": "The page type, `app_label.ModelName`."},
        "url": {**URL, "description": "The page on the site."},
        "html_path": {
            "type": "string",
            "description": "The page's path on the site, language prefix included "
            "(what `pages/find/?html_path=` takes).",
        },
    }


def schemas():
    return {
        "NavigationLink": strict_object(link_properties()),
        "NavigationItem": strict_object(
            {
                **link_properties(),
                "children": {
                    "type": "array",
                    "items": ref("NavigationItem"),
                    "description": "Its menu children (empty at the deepest level asked for).",
                },
            }
        ),
        "Navigation": strict_object(
            {
                "locale": LOCALE_CODE,
                "depth": {"type": "integer", "minimum": 1, "maximum": MAX_DEPTH},
                "items": {"type": "array", "items": ref("NavigationItem")},
            },
            description="Public pages shown in menus under the language's home page, in the admin's order.",
        ),
        "Breadcrumbs": strict_object(
            {"id": PAGE_ID, "locale": LOCALE_CODE, "items": {"type": "array", "items": ref("NavigationLink")}},
            description="From the language's home page down to the page itself (its public ancestors only).",
        ),
        "PageComponents": strict_object(
            {
                "navigation": ref("Navigation"),
                "breadcrumbs": ref("Breadcrumbs"),
                "translations": {"type": "array", "items": ref("Translation")},
            },
            required=[],
            description="What `expand` asked for, exactly as its own endpoint answers it.",
        ),
    }


def depth_parameter(name, description):
    schema = {"type": "integer", "minimum": 1, "maximum": MAX_DEPTH, "default": DEFAULT_DEPTH}
    return query_parameter(name, schema, description)


def detail_parameters():
    """``expand`` and ``navigation_depth``, taken by a page's detail."""
    return [
        {
            "name": "expand",
            "in": "query",
            "required": False,
            "description": "Components to embed under `@components`, comma-separated.",
            "schema": {"type": "array", "items": {"type": "string", "enum": list(COMPONENTS)}, "minItems": 1},
            "style": "form",
            "explode": False,
        },
        depth_parameter("navigation_depth", "The navigation's depth; only with `expand` naming `navigation`."),
    ]


def paths():
    errors = {"400": ref("BadRequest", "responses"), **COMMON_ERRORS}
    return {
        "/api/v2/navigation/": {
            "get": {
                "operationId": "navigation",
                "tags": ["navigation"],
                "summary": "The menu of one language",
                "description": "The home page itself is not an item (see `site/`). Any other parameter answers 400.",
                "parameters": [
                    locale_parameter(),
                    depth_parameter("depth", "1: the sections under the home page; 2 adds their menu children; …"),
                ],
                "responses": {"200": response("The menu.", ref("Navigation")), **errors},
            }
        },
        "/api/v2/pages/{id}/breadcrumbs/": {
            "get": {
                "operationId": "pages_breadcrumbs",
                "tags": ["pages"],
                "summary": "A page's breadcrumbs",
                "description": "Takes no parameters (any answers 400).",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": PAGE_ID}],
                "responses": {
                    "200": response("The breadcrumbs.", ref("Breadcrumbs")),
                    "404": ref("NotFound", "responses"),
                    **errors,
                },
            }
        },
    }
