"""The page explorer says which translations are out of date, with a link to bring them in step."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets.button import Button
from wagtail.models import Page

from .actions import actions_for
from .status import OUT_OF_DATE, source_locale, target_locales, translation_status


def out_of_date_entries(page):
    """The out-of-date entries about ``page``: its translations' if it is a source, its own if a translation."""
    locale = source_locale()
    # Loaded whole: the listing's pages are deferred, and comparing with the snapshot reads every field.
    pages = (page.specific_class or Page).objects
    if page.locale_id == locale.pk:
        locales, source = target_locales(), pages.filter(pk=page.pk).first()
    else:
        locales, source = [page.locale], pages.filter(translation_key=page.translation_key, locale=locale).first()
    if source is None:
        return []
    return [entry for entry in translation_status([source], locales).entries if entry.state == OUT_OF_DATE]


def out_of_date_buttons(page, user):
    for entry in out_of_date_entries(page):
        actions = actions_for(entry, user)
        url = actions[0].url if actions else reverse("localization:status_report") + "?state=" + OUT_OF_DATE
        language = entry.locale.get_display_name()
        yield Button(
            _("Out of date in %(language)s") % {"language": language},
            url,
            icon_name="warning",
            attrs={
                "data-translation-out-of-date": entry.locale.language_code,
                "title": actions[0].label if actions else _("Translation status"),
            },
            priority=5,
        )
