"""The public search page and the JSON search API."""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import query
from .connection import EngineUnavailableError
from .forms import SearchForm, SuggestForm


def _unavailable_json():
    message = _("Search is temporarily unavailable. Please try again in a little while.")
    # ``message`` as every error under /api/ has it; ``error`` kept for the clients written against it.
    response = JsonResponse({"message": message, "error": message}, status=503)
    response["Retry-After"] = str(settings.SEARCH_RETRY_AFTER)
    return response


def _bad_request_json(form):
    """400 with ``message`` naming every bad parameter, ``errors`` by parameter for a form to show."""
    errors = form.errors_by_param()
    named = "; ".join(f"{name}: {message}" for name, message in errors.items())
    body = {
        "message": f"{_('Invalid search parameters.')} {named}",
        "error": _("Invalid search parameters."),
        "errors": errors,
    }
    return JsonResponse(body, status=400, json_dumps_params={"ensure_ascii": False})


@require_safe
def search(request):
    """``/<lang>/search/?q=…``: results in the page's language only, with facets and highlights."""
    context = {"search_query": request.GET.get("q", "").strip(), "errors": None, "unavailable": False}
    form = SearchForm(request.GET, locale=get_language(), page_size=False)
    if not form.is_valid():
        context["errors"] = form.errors_by_param()
        return TemplateResponse(request, "search/search.html", context, status=400)
    params = form.params()
    try:
        answer = query.run_search(params, request=None)
    except EngineUnavailableError:
        context["unavailable"] = True
        response = TemplateResponse(request, "search/search.html", context, status=503)
        response["Retry-After"] = str(settings.SEARCH_RETRY_AFTER)
        return response
    paginator = Paginator(range(answer.count), params.page_size)
    selected = {name: {str(value) for value in values} for name, values in params.filters.items()}
    facets = {
        name: [{**item, "selected": str(item["value"]) in selected.get(name, ())} for item in items]
        for name, items in answer.facets.items()
    }
    # A facet with no value is not shown, and no "Refine" box at all when none has one.
    has_facets = any(facets.values())
    # The answer carries ISO dates (as the JSON API does); the page shows them as dates in the reader's language.
    results = [
        {**result, "type_label": query.type_label(result["type"]), "date": _as_date(result.get("date"))}
        for result in answer.results
    ]
    context.update(
        params=params,
        answer=answer,
        results=results,
        facets=facets,
        has_facets=has_facets,
        active_filters=params.filters,
        page_obj=paginator.get_page(params.page) if answer.count else None,
    )
    return TemplateResponse(request, "search/search.html", context)


def _as_date(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return value


@require_safe
def api_search(request):
    """``GET /api/v2/search/``: see search/README.md for the parameters and the answer."""
    form = SearchForm(request.GET, default_locale=settings.LANGUAGE_CODE, strict=True)
    if not form.is_valid():
        return _bad_request_json(form)
    try:
        answer = query.run_search(form.params(), request=request)
    except EngineUnavailableError:
        return _unavailable_json()
    return JsonResponse(answer.as_json(), json_dumps_params={"ensure_ascii": False})


@require_safe
def api_suggest(request):
    """``GET /api/v2/search/suggest/?q=&locale=``: title completions in one locale."""
    form = SuggestForm(request.GET, default_locale=settings.LANGUAGE_CODE, strict=True)
    if not form.is_valid():
        return _bad_request_json(form)
    if form.matches_nothing:  # Only quotes or diacritics: no word to complete.
        return JsonResponse({"results": []})
    try:
        suggestions = query.suggest(form.cleaned_data["q"], form.cleaned_data["locale"], request=request)
    except EngineUnavailableError:
        return _unavailable_json()
    return JsonResponse({"results": suggestions}, json_dumps_params={"ensure_ascii": False})
