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


def language_home_page(code):
    """The home page of language ``code``'s tree (the site root's translation), or None before the tree exists."""
    from wagtail.models import Locale, Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    locale = Locale.objects.filter(language_code=code).first()
    if site is None or locale is None:
        return None
    return page_translation(site.root_page, locale)


def may_edit_in_locale(user, locale):
    """Whether ``user`` may write content in ``locale`` (a Locale): edit the pages of its tree.

    One rule for pages and translatable snippets (whose Wagtail permissions are per model, not per
    language): a page permission on the language's home page (its translators and reviewers), one
    on the root of the tree (editors, publishers), or a superuser. A language without a tree yet is
    open only to those who hold their permissions on the whole tree.
    """
    from wagtail.models import Page
    from wagtail.permissions import page_permission_policy

    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    scope = language_home_page(locale.language_code) or Page.get_first_root_node()
    return scope is not None and page_permission_policy.user_has_permission_for_instance(user, "change", scope)
