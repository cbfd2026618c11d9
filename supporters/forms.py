"""The HTML sign-up and preferences forms (the API checks the same rules in supporters.subscriptions)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .subscriptions import clean_topics
from .topics import topic_choices
from .validation import EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, clean_person_name, normalised_email


class HoneypotWidget(forms.TextInput):
    """A field people never see or reach (the site's CSS hides its wrapper); bots fill it."""

    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})


class SignUpForm(forms.Form):
    email = forms.CharField(
        label=_("Email"),
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    name = forms.CharField(
        label=_("Name (optional)"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=topic_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: all of them."),
    )
    consent = forms.BooleanField(
        label=_("I agree to receive emails from Munasara and know I can unsubscribe at any time."),
        error_messages={"required": _("Please tick the box to give your consent.")},
    )
    # Named supporters.abuse.HONEYPOT_FIELD.
    website = forms.CharField(label=_("Leave this field empty"), required=False, widget=HoneypotWidget())

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        if language:
            self.fields["language"].initial = language

    def clean_email(self):
        return normalised_email(self.cleaned_data["email"], _("Email"))

    def clean_name(self):
        return clean_person_name(self.cleaned_data["name"], _("Name"))

    def clean_topics(self):
        try:
            return clean_topics(list(self.cleaned_data["topics"]))
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=topic_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: all of them."),
    )

    def clean_topics(self):
        return clean_topics(list(self.cleaned_data["topics"]))
