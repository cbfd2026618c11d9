from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ConsentMethod, ConsentStatus


class ConsentForm(forms.Form):
    """What a legal reviewer records about the survivor's consent; the history keeps every entry."""

    status = forms.ChoiceField(label=_("Consent status"), choices=ConsentStatus.choices)
    recorded_on = forms.DateField(
        label=_("Recorded on"),
        required=False,
        help_text=_("The date the survivor gave (or withdrew) consent."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    method = forms.ChoiceField(label=_("Method"), choices=[("", "---------"), *ConsentMethod.choices], required=False)
    anonymised = forms.BooleanField(
        label=_("Anonymised"), required=False, help_text=_("Names and identifying details have been changed.")
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") == ConsentStatus.GRANTED:
            if not cleaned_data.get("recorded_on"):
                self.add_error("recorded_on", _("Give the date on which consent was given."))
            if not cleaned_data.get("method"):
                self.add_error("method", _("Say how consent was given."))
        return cleaned_data
