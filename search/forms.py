"""The search parameters: one place for their limits and their messages.

``SearchForm`` validates ``/api/v2/search/`` and the search page, ``SuggestForm``
``/api/v2/search/suggest/``. A bad request names every bad parameter with one
message each (:meth:`SuggestForm.errors_by_param`), which the views answer with
400; a good one becomes :class:`search.searchers.base.SearchParams`.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core import vocabulary_cache as cached
from core.query_text import forbidden_character, search_words

from . import arabic, documents, incident_documents
from .searchers.base import FACETS, SearchParams

MAX_QUERY_LENGTH = 200
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
MAX_RESULT_WINDOW = 10000  # The engine's default index.max_result_window.
SUGGEST_SIZE = 8

MESSAGES = {
    "q_too_long": _("must be at most %(limit_value)d characters"),
    "unknown_locale": _("unknown locale %(value)r; use one of %(choices)s"),
    "unknown_type": _("unknown type %(value)r; use one of %(choices)s"),
    "unknown_term": _("unknown %(name)s %(value)r"),
    "not_a_year": _("must be a four-digit year, not %(value)r"),
    "not_a_number": _("must be a whole number, not %(value)r"),
    "too_small": _("must be %(limit_value)d or more"),
    "too_large": _("must be at most %(limit_value)d"),
    "too_deep": _("is too far: at most %(maximum)d results can be paged through"),
    "forbidden_character": _("the character U+%(code)04X is not allowed"),
    "unknown_parameter": _("unknown parameter; use one of %(choices)s"),
}


class ValueListField(forms.Field):
    """Values given repeated (``?year=2015&year=2016``) or comma-separated (``?year=2015,2016``), each once."""

    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = [value]
        values = []
        for raw in value or []:
            for item in (raw or "").split(","):
                item = item.strip()
                if item and item not in values:
                    values.append(item)
        return values


class WholeNumberField(forms.IntegerField):
    """A positive whole number, written as digits only (``2``, not ``2.0``)."""

    default_error_messages = {
        "min_value": MESSAGES["too_small"],
        "max_value": MESSAGES["too_large"],
    }

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=1, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            raise forms.ValidationError(MESSAGES["not_a_number"], code="invalid", params={"value": value}) from None


def _languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


class SuggestForm(forms.Form):
    """``q`` and ``locale``. ``locale`` comes from the query, else ``default_locale``, else the first language;
    pass ``locale`` to fix it (the search page searches in the page's language, whatever the query says)."""

    q = forms.CharField(
        required=False, max_length=MAX_QUERY_LENGTH, error_messages={"max_length": MESSAGES["q_too_long"]}
    )
    locale = forms.CharField(required=False, strip=False)

    def __init__(self, data, *, default_locale=None, locale=None, strict=False):
        """``strict`` (the API) refuses parameters the form does not know, so a misspelt filter is not ignored."""
        super().__init__(data)
        self.default_locale = default_locale
        self.fixed_locale = locale
        self.strict = strict
        self.matches_nothing = False

    def clean(self):
        cleaned = super().clean()
        for name, values in self.data.lists():
            character = next(filter(None, (forbidden_character(text) for text in (name, *values))), None)
            if character is not None:
                self._add_parameter_error(name, MESSAGES["forbidden_character"] % {"code": ord(character)})
            elif self.strict and name not in self.fields:
                self._add_parameter_error(name, MESSAGES["unknown_parameter"] % {"choices": ", ".join(self.fields)})
        return cleaned

    def clean_q(self):
        """The words of ``q``: quotes, operators and brackets are not query syntax here (core.query_text)."""
        typed = self.cleaned_data["q"]
        words = search_words(typed)
        # Something typed, but no word survives the normalisation both backends apply: it can match nothing
        # (an empty ``q`` would instead list everything).
        self.matches_nothing = bool(typed) and not arabic.query_text(words)
        return words

    def _add_parameter_error(self, name, message):
        """An error under the parameter's own name, whether or not the form has a field for it."""
        # A forbidden character is the first thing to fix: it replaces what the field itself found.
        self.cleaned_data.pop(name, None)
        self._errors[name.encode("unicode_escape").decode()] = self.error_class([message])

    def clean_locale(self):
        languages = _languages()
        code = self.fixed_locale or self.cleaned_data["locale"] or self.default_locale or languages[0]
        if code not in languages or not cached.locale_exists(code):
            raise forms.ValidationError(
                MESSAGES["unknown_locale"], code="unknown", params={"value": code, "choices": ", ".join(languages)}
            )
        return code

    def errors_by_param(self):
        """``{parameter: message}``, the first message of each bad parameter."""
        return {name: str(messages[0]) for name, messages in self.errors.items()}


class SearchForm(SuggestForm):
    """Everything ``/api/v2/search/`` takes; ``page_size=False`` for the search page (always 10 a page)."""

    type = ValueListField()
    violation_type = ValueListField()
    neighbourhood = ValueListField()
    year = ValueListField()
    page = WholeNumberField()
    page_size = WholeNumberField(max_value=MAX_PAGE_SIZE)

    def __init__(self, data, *, default_locale=None, locale=None, page_size=True, strict=False):
        super().__init__(data, default_locale=default_locale, locale=locale, strict=strict)
        if not page_size:
            del self.fields["page_size"]

    def clean_type(self):
        known = {documents.type_name(model) for model in documents.result_page_models()}
        known.add(incident_documents.INCIDENT_TYPE)
        bad = [value for value in self.cleaned_data["type"] if value not in known]
        if bad:
            raise forms.ValidationError(
                MESSAGES["unknown_type"], code="unknown", params={"value": bad[0], "choices": ", ".join(sorted(known))}
            )
        return self.cleaned_data["type"]

    def _clean_vocabulary(self, name):
        locale = self.cleaned_data.get("locale")  # Cleaned before: fields are cleaned in order.
        known = cached.vocabulary_labels(name, locale) if locale else {}
        bad = [value for value in self.cleaned_data[name] if value not in known]
        if bad:
            raise forms.ValidationError(
                MESSAGES["unknown_term"], code="unknown", params={"name": name.replace("_", " "), "value": bad[0]}
            )
        return self.cleaned_data[name]

    def clean_violation_type(self):
        return self._clean_vocabulary("violation_type")

    def clean_neighbourhood(self):
        return self._clean_vocabulary("neighbourhood")

    def clean_year(self):
        years = []
        for value in self.cleaned_data["year"]:
            if not value.isdigit() or not 1000 <= int(value) <= 9999:
                raise forms.ValidationError(MESSAGES["not_a_year"], code="invalid", params={"value": value})
            years.append(int(value))
        return years

    def clean(self):
        cleaned = super().clean()
        page = cleaned.get("page") or 1
        page_size = cleaned.get("page_size") or DEFAULT_PAGE_SIZE
        if "page" not in self.errors and "page_size" not in self.errors and page * page_size > MAX_RESULT_WINDOW:
            self.add_error(
                "page",
                forms.ValidationError(MESSAGES["too_deep"], code="too_deep", params={"maximum": MAX_RESULT_WINDOW}),
            )
        return cleaned

    def params(self):
        """The validated request (call after ``is_valid()``)."""
        data = self.cleaned_data
        return SearchParams(
            q=data["q"],
            locale=data["locale"],
            page=data.get("page") or 1,
            page_size=data.get("page_size") or DEFAULT_PAGE_SIZE,
            filters={name: data[name] for name in FACETS if data.get(name)},
            matches_nothing=self.matches_nothing,
        )
