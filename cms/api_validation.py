"""Query parameter checks for the headless API: bad input answers 400 naming the parameter.

Wagtail's API already turns many bad values into ``BadRequestError`` (a JSON 400
with a ``message``); these subclasses close the gaps where a value reached the
database and came back as a 500: control characters (PostgreSQL refuses NUL
bytes), offsets beyond what the database can count, dates that are not dates,
unknown search operators, search syntax the database rejects and unknown locales.
"""

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models
from django.utils.translation import gettext as _
from rest_framework.views import exception_handler
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from core.i18n import SOURCE_LANGUAGE, language_codes
from core.query_text import forbidden_character

# The largest offset PostgreSQL and SQLite both accept in OFFSET without overflowing.
MAX_OFFSET = 2**31 - 1
SEARCH_OPERATORS = ("and", "or")
OUT_OF_RANGE = object()
# The largest id or number the databases' 64-bit integers hold.
LARGEST_ID = 2**63 - 1


def check_parameter_characters(query_params):
    for name, values in query_params.lists():
        for text in (name, *values):
            character = forbidden_character(text)
            if character is not None:
                raise BadRequestError(
                    _("%(parameter)s: the character U+%(code)04X is not allowed")
                    % {"parameter": name.encode("unicode_escape").decode(), "code": ord(character)}
                )


def check_known_parameters(query_params, known):
    """BadRequestError naming the first parameter not in ``known`` (or holding a forbidden character)."""
    check_parameter_characters(query_params)
    for name in query_params:
        if name not in known:
            raise BadRequestError(_("%(parameter)s: unknown parameter") % {"parameter": name})


def locale_parameter(query_params):
    """The ``locale`` parameter, the source language when absent; BadRequestError for an unknown language."""
    code = query_params.get("locale", SOURCE_LANGUAGE)
    codes = language_codes()
    if code not in codes:
        raise BadRequestError(
            _("locale: '%(value)s' is not a content language (one of %(choices)s)")
            % {"value": code, "choices": ", ".join(codes)}
        )
    return code


def check_search_operator(query_params):
    operator = query_params.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError(_("search_operator must be 'and' or 'or'"))


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination, with an offset the database can take."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(_("offset cannot be higher than %(maximum)d") % {"maximum": MAX_OFFSET})
        return super().paginate_queryset(queryset, request, view)


class ValidatingFieldsFilter(FieldsFilter):
    """Wagtail's field filters, with every value checked by its model field first.

    Wagtail converts booleans, integers and foreign keys itself; any other field
    (a date, say) would pass its raw text to the database.
    """

    def filter_queryset(self, request, queryset, view):
        filterable = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name in filterable and self.check_value(queryset.model, name, value) is OUT_OF_RANGE:
                # No row has a number beyond the database's integers (which would overflow on SQLite).
                return queryset.none()
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def check_value(model, name, value):
        try:
            field = model._meta.get_field(name)
        except LookupError:
            return
        numbers = (models.IntegerField, models.AutoField, models.ForeignKey)
        if isinstance(field, numbers):
            # Wagtail turns the text into a number itself.
            if value.lstrip("-").isdigit() and not -LARGEST_ID - 1 <= int(value) <= LARGEST_ID:
                return OUT_OF_RANGE
            return None
        if isinstance(field, (models.BooleanField, TaggableManager)) or not isinstance(field, models.Field):
            return
        try:
            field.to_python(value)
        except ValidationError as error:
            raise BadRequestError(
                _("field filter error. '%(value)s' is not a valid value for %(field)s (%(reason)s)")
                % {"value": value, "field": name, "reason": " ".join(error.messages)}
            ) from error


class KnownLocaleFilter(LocaleFilter):
    """``?locale=`` names a language of the site; an unknown one is a bad parameter, not a missing page.

    Checked against the configured languages and filtered through the join, so the filter costs no query.
    """

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            return queryset
        if code not in language_codes():
            raise BadRequestError(_("locale: no language '%(code)s' on this site") % {"code": code})
        filtered_by_child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale__language_code=code)
        if filtered_by_child_of:
            # Wagtail's child_of filter leaves this mark for the ordering and pagination that follow.
            queryset._filtered_by_child_of = filtered_by_child_of
        return queryset


class CheckedSearchFilter(SearchFilter):
    """Wagtail's search, run here so that a query the database cannot parse answers 400.

    Counting the results now costs nothing extra: the paginator reuses the count.
    """

    def filter_queryset(self, request, queryset, view):
        check_search_operator(request.GET)
        results = super().filter_queryset(request, queryset, view)
        if "search" in request.GET:
            try:
                results.count()
            except DatabaseError as error:
                raise BadRequestError(_("search: the database could not understand this query")) from error
        return results


REPLACEMENTS = {
    FieldsFilter: ValidatingFieldsFilter,
    LocaleFilter: KnownLocaleFilter,
    SearchFilter: CheckedSearchFilter,
}


def validating_filters(filter_backends):
    """Wagtail's filter backends for an endpoint, each replaced by its checked version here."""
    return [REPLACEMENTS.get(backend, backend) for backend in filter_backends]


class ValidatingAPIMixin:
    """Checks every request's parameters before any endpoint (listing, detail or find) runs."""

    pagination_class = BoundedPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_parameter_characters(request.GET)


def api_exception_handler(exc, context):
    """DRF's handler, answering ``{"message": …}`` like Wagtail's API instead of ``{"detail": …}``."""
    response = exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"message": str(response.data["detail"])}
    return response
