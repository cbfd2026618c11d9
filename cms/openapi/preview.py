"""``/api/v2/page_preview/``: a draft for a headless front end's preview, with a signed token (cms/api_preview.py)."""

from .components import COMMON_ERRORS, query_parameter, ref, response
from .pages import page_models


def content_types():
    return [f"{model._meta.app_label}.{model._meta.model_name}" for model in page_models()]


def paths():
    return {
        "/api/v2/page_preview/": {
            "get": {
                "operationId": "page_preview",
                "tags": ["preview"],
                "summary": "A draft being previewed",
                "description": "The admin's Preview sends the editor to the front end's preview address with "
                "`content_type` and `token`; the front end passes them on here. The answer has the shape of the "
                "page's detail, with the draft's content; a page not yet saved has `id`, `meta.detail_url` and "
                "`meta.html_url` null. Never cached. Any other parameter answers 400.",
                "parameters": [
                    query_parameter(
                        "content_type",
                        {"type": "string", "enum": content_types()},
                        "The page type as the preview URL gives it, `app_label.modelname`.",
                        required=True,
                    ),
                    query_parameter("token", {"type": "string"}, "The preview URL's signed token.", required=True),
                    ref("fields", "parameters"),
                    ref("format", "parameters"),
                ],
                "responses": {
                    "200": response("The draft.", ref("PagePreview")),
                    "400": ref("BadRequest", "responses"),
                    "403": response(
                        "The token is not valid or has expired, or the draft holds details of the survivor's private "
                        "record (the message names the field, never the value).",
                        ref("Error"),
                    ),
                    "404": response("No preview of this type for this token.", ref("Error")),
                    **COMMON_ERRORS,
                },
            }
        }
    }
