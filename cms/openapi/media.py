"""``/api/v2/images/`` and ``/api/v2/documents/``: the media a public page uses."""

from cms.api import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet

from .components import COMMON_ERRORS, URL, query_parameter, ref, response, strict_object
from .fields import api_fields_schemas, field_schema

ENDPOINTS = {
    "images": (PublicImagesAPIViewSet, "Image", "An image a public page shows."),
    "documents": (PublicDocumentsAPIViewSet, "Document", "A document a public page links to."),
}
ID = {"type": "integer", "minimum": 1}


def item_schema(viewset, description):
    model = viewset.model
    overrides = {
        "type": {"const": f"{model._meta.app_label}.{model.__name__}"},
        "detail_url": {**URL, "description": "This object in the API."},
        "tags": {"type": "array", "items": {"type": "string"}},
        "download_url": {"type": "string", "format": "uri-reference", "description": "The original file."},
        "id": ID,
    }
    meta = api_fields_schemas(model, viewset.get_meta_fields(model), overrides)
    body = api_fields_schemas(model, viewset.get_body_fields(model), overrides)
    return strict_object(
        {"id": body.pop("id"), "meta": strict_object(meta, required=[]), **body}, required=[], description=description
    )


def schemas():
    found = {}
    for viewset, name, description in ENDPOINTS.values():
        found[name] = item_schema(viewset, description)
        found[f"{name}Listing"] = strict_object(
            {"meta": ref("ListingMeta"), "items": {"type": "array", "items": ref(name)}}
        )
    return found


def filters(viewset):
    model = viewset.model
    parameters = []
    for name in viewset.get_available_fields(model, db_fields_only=True):
        if name == "tags":
            parameters.append(
                query_parameter(
                    "tags", {"type": "string"}, "Only those with every one of these tags (comma-separated)."
                )
            )
        elif name != "id":
            schema = {key: value for key, value in field_schema(model, name).items() if key != "description"}
            parameters.append(query_parameter(name, schema, f"Only those whose `{name}` is this."))
    return parameters


def endpoint_paths(endpoint, viewset, name):
    errors = {"400": ref("BadRequest", "responses"), "404": ref("NotFound", "responses"), **COMMON_ERRORS}
    fields = ref("fields", "parameters")
    answer_format = ref("format", "parameters")
    return {
        f"/api/v2/{endpoint}/": {
            "get": {
                "operationId": f"{endpoint}_listing",
                "tags": [endpoint],
                "summary": f"{name}s used by public pages",
                "parameters": [
                    ref("limit", "parameters"),
                    ref("offset", "parameters"),
                    fields,
                    answer_format,
                    ref("search", "parameters"),
                    ref("search_operator", "parameters"),
                    query_parameter(
                        "order",
                        {"type": "string", "enum": ["id", "-id", "title", "-title", "random"]},
                        "Order by this field (`-field` reverses; `random` takes no `offset`).",
                    ),
                    *filters(viewset),
                ],
                "responses": {"200": response(f"A page of {endpoint}.", ref(f"{name}Listing")), **errors},
            }
        },
        f"/api/v2/{endpoint}/{{id}}/": {
            "get": {
                "operationId": f"{endpoint}_detail",
                "tags": [endpoint],
                "summary": f"One {name.lower()}",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": ID}, fields, answer_format],
                "responses": {"200": response(f"The {name.lower()}.", ref(name)), **errors},
            }
        },
        f"/api/v2/{endpoint}/find/": {
            "get": {
                "operationId": f"{endpoint}_find",
                "tags": [endpoint],
                "summary": f"Find one {name.lower()} by id",
                "description": "Redirects to its detail, keeping the other parameters.",
                "parameters": [query_parameter("id", ID, "Its id."), answer_format],
                "responses": {
                    "302": {
                        "description": "Its detail.",
                        "headers": {"Location": {"schema": URL, "description": "Its detail URL."}},
                    },
                    **errors,
                },
            }
        },
    }


def paths():
    found = {}
    for endpoint, (viewset, name, _description) in ENDPOINTS.items():
        found.update(endpoint_paths(endpoint, viewset, name))
    return found
