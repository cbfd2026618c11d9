"""The content languages and how a page finds its translations.

Arabic is the source language: every page is written in Arabic first and
English and French pages are translations sharing its ``translation_key``.
"""

from django.conf import settings

SOURCE_LANGUAGE = "ar"


def language_codes():
    """The content languages' codes, source language first (``["ar", "en", "fr"]``)."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def ensure_locales(locale_model=None):
    """Create a Locale for every content language; return them by language code.

    Takes the model class so a data migration can pass its historical model.
    """
    if locale_model is None:
        from wagtail.models import Locale as locale_model  # noqa: N813
    return {code: locale_model.objects.get_or_create(language_code=code)[0] for code in language_codes()}


def page_translation(page, locale):
    """The page's translation in ``locale``, or None."""
    return page.get_translations(inclusive=True).filter(locale=locale).first()


def translate_page(source, locale, **fields):
    """The translation of ``source`` in ``locale`` (created as a copy if missing), with ``fields`` set but not saved."""
    translation = page_translation(source, locale)
    if translation is None:
        translation = source.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    return translation
