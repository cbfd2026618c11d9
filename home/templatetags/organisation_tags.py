"""The footer's texts in the visitor's language, and the attributes that mark text in another language."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from home.organisation import OrganisationDetails

register = template.Library()


@register.simple_tag
def organisation_texts():
    """``{field: LocalisedText}`` of the organisation details for the current language (see ``texts_for``)."""
    return OrganisationDetails.texts_for(get_language())


@register.simple_tag
def other_language_attributes(text):
    """`` lang="…" dir="…"`` for a LocalisedText written in another language than the page's; nothing otherwise."""
    if text.language == get_language():
        return ""
    return format_html(' lang="{}" dir="{}"', text.language, text.direction)
