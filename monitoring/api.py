"""``GET /api/v2/statistics/?locale=&from=&to=&violation_type=&neighbourhood=``: the public figures as JSON.

The same numbers as the statistics page and its CSV (``monitoring.statistics.compute_statistics``).
A bad parameter answers ``400 {"error": …, "errors": {parameter: message}}``, naming each one.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.i18n import SOURCE_LANGUAGE, language_codes
from core.vocabulary_cache import locale_exists

from .statistics import StatisticsFilterForm, compute_statistics

PARAMETERS = frozenset({"locale", "from", "to", "violation_type", "neighbourhood", "format"})


def _answer(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _parameter_errors(query):
    errors = {}
    for name in sorted(set(query) - PARAMETERS):
        errors[name] = _("Unknown parameter; use locale, from, to, violation_type or neighbourhood.")
    for name in sorted(set(query) & PARAMETERS):
        if len(query.getlist(name)) > 1:
            errors[name] = _("Give this parameter once.")
    if query.get("format", "json") != "json":
        errors["format"] = _("Only 'json' is available.")
    language = query.get("locale", SOURCE_LANGUAGE)
    if language not in language_codes() or not locale_exists(language):
        errors["locale"] = _("Unknown locale '%(value)s'; use one of: %(choices)s.") % {
            "value": language,
            "choices": ", ".join(language_codes()),
        }
    return errors


@require_safe
def statistics(request):
    """Totals of the public incidents and of the people they affected, by year, violation type and neighbourhood."""
    errors = _parameter_errors(request.GET)
    if "locale" in errors:
        return _answer({"error": _("Invalid statistics parameters."), "errors": errors}, status=400)
    language = request.GET.get("locale", SOURCE_LANGUAGE)
    form = StatisticsFilterForm(request.GET, language=language)
    if form.is_bound and not form.is_valid():
        errors.update(form.error_messages_by_field())
    if errors:
        return _answer({"error": _("Invalid statistics parameters."), "errors": errors}, status=400)
    return _answer(compute_statistics(form.filters(), language).as_json())
