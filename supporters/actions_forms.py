"""The forms supporters fill in on a campaign: sign the petition, write to the decision makers.

The site's forms and the JSON API (supporters/actions_api.py) validate through the same forms, so a
bad name or an overlong letter is refused the same way in both, with a message naming the field.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .letters import LETTER_MAX_LENGTH
from .validation import (
    COMMENT_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
    NAME_MAX_LENGTH,
    clean_comment,
    clean_person_name,
    normalised_email,
)

#: What the JSON API takes as text, and as true/false; anything else in those fields is a bad type.
TEXT_FIELDS = ("name", "email", "country", "comment", "body")
BOOLEAN_FIELDS = ("consent", "may_contact", "show_first_name")


def _country_choices():
    return [("", _("Choose a country")), *countries]


class SupporterFields(forms.Form):
    """Who the supporter is: what both actions ask."""

    # Lengths are checked by supporters.validation (whose message names the field); the browser is told too.
    name = forms.CharField(
        label=_("Your name"), strip=False, widget=forms.TextInput(attrs={"maxlength": NAME_MAX_LENGTH})
    )
    email = forms.CharField(
        label=_("Your email address"),
        strip=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "maxlength": EMAIL_MAX_LENGTH}),
        help_text=_("We email you a link to confirm; it is never shown publicly."),
    )
    country = forms.ChoiceField(label=_("Country"), choices=_country_choices)

    def __init__(self, *args, prefix=None, **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["country"].widget.attrs["autocomplete"] = "country"

    def clean_name(self):
        name = clean_person_name(self.cleaned_data["name"], field=_("Name"))
        if not name:
            raise ValidationError(_("Name is required."), code="required")
        return name

    def clean_email(self):
        return normalised_email(self.cleaned_data["email"], field=_("Email"))


class PetitionSignatureForm(SupporterFields):
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX_LENGTH}),
    )
    consent = forms.BooleanField(
        label=_("I sign this petition and agree that my signature is kept as the privacy page explains."),
        error_messages={"required": _("Consent is required to sign the petition.")},
    )
    may_contact = forms.BooleanField(label=_("You may email me about this campaign."), required=False)
    show_first_name = forms.BooleanField(
        label=_("Show my first name and country in the list of signers."), required=False
    )

    def clean_comment(self):
        return clean_comment(self.cleaned_data["comment"], field=_("Comment"))


class LetterForm(SupporterFields):
    body = forms.CharField(
        label=_("Your letter"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "maxlength": LETTER_MAX_LENGTH}),
        help_text=format_lazy(_("Change it as you wish (at most {count} characters)."), count=LETTER_MAX_LENGTH),
    )
    consent = forms.BooleanField(
        label=_("The site sends this letter in my name, and keeps a copy as the privacy page explains."),
        required=False,
    )

    def clean_body(self):
        body = clean_comment(self.cleaned_data["body"], field=_("Letter"))
        if not body:
            raise ValidationError(_("Letter is required."), code="required")
        return body

    def require_consent(self):
        """The site sends only with consent; preparing a letter to send oneself needs none."""
        if self.is_valid() and not self.cleaned_data["consent"]:
            self.add_error("consent", _("Consent is required for the site to send the letter."))
        return self.is_valid()


def api_type_errors(data):
    """Fields of a JSON body whose value has the wrong type: {field: message}."""
    errors = {}
    for name in TEXT_FIELDS:
        if name in data and data[name] is not None and not isinstance(data[name], str):
            errors[name] = [str(_("%(field)s must be text.") % {"field": name})]
    for name in BOOLEAN_FIELDS:
        if name in data and not isinstance(data[name], bool):
            errors[name] = [str(_("%(field)s must be true or false.") % {"field": name})]
    return errors
