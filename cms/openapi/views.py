"""``/api/v2/schema/`` (the OpenAPI document, JSON) and ``/api/v2/docs/`` (Swagger UI from our own static files)."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from .document import openapi_document


@require_safe
def schema(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})


@require_safe
def docs(request):
    """Swagger UI from drf-spectacular-sidecar's copy: the page asks nothing of any other host."""
    return TemplateResponse(request, "api/docs.html", {"schema_url": reverse("api_schema")})
