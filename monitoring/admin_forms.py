"""The incident form in the admin: the facts, and the Arabic description and legal analysis beside them.

The Arabic texts are the source ``IncidentText``; translators work on the other languages through
wagtail-localize ("Incident texts" in the admin). Vocabulary, legal references, stories and campaigns
are chosen among the source-language records: facts are the same in every language.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from core.i18n import SOURCE_LANGUAGE

from .incidents import DESCRIPTION_MAX_LENGTH, IncidentText


def source_locale():
    return Locale.objects.get(language_code=SOURCE_LANGUAGE)


def write_source_text(incident, description, legal_analysis):
    """Create or update ``incident``'s Arabic IncidentText; return it."""
    locale = source_locale()
    text = IncidentText.objects.filter(incident=incident, locale=locale).first()
    if text is None:
        text = IncidentText(incident=incident, locale=locale)
    if text.pk and text.description == description and text.legal_analysis == legal_analysis:
        return text
    text.description = description
    text.legal_analysis = legal_analysis
    text.save()
    return text


class IncidentForm(WagtailAdminModelForm):
    description = forms.CharField(
        label=_("Description (Arabic)"), max_length=DESCRIPTION_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5})
    )
    legal_analysis = forms.CharField(
        label=_("Legal analysis (Arabic)"),
        max_length=DESCRIPTION_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        in_source = {"locale__language_code": SOURCE_LANGUAGE}
        for name in ("violation_type", "neighbourhood", "legal_references", "stories", "campaigns"):
            if name in self.fields:
                self.fields[name].queryset = self.fields[name].queryset.filter(**in_source)
        if self.instance.pk:
            text = self.instance.text_in(SOURCE_LANGUAGE)
            if text is not None:
                self.initial.setdefault("description", text.description)
                self.initial.setdefault("legal_analysis", text.legal_analysis)

    def save(self, commit=True):
        incident = super().save(commit=commit)
        if commit:
            write_source_text(incident, self.cleaned_data["description"], self.cleaned_data.get("legal_analysis", ""))
        return incident
