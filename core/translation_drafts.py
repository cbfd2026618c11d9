"""A page translation's current strings saved as a draft, leaving what is live alone.

Shared by the review panel (``roles``) and PO uploads (``localization``). wagtail-localize's
``save_target`` writes the page's row before its revision, and the public site reads the row, so
for a live translation only a new revision is written: the live content changes when a review
publishes it.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.models import TranslationLog


def target_page(translation):
    """The translation's page (specific), or None before it exists or when the translation is not of a page."""
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:
        return None
    return instance.specific if isinstance(instance, Page) else None


def save_translation_draft(translation, user):
    """Save a draft revision of the translation's page from its current strings; return the page (specific).

    Raises ``ValidationError`` when the translated content is not valid (nothing is saved).
    """
    page = target_page(translation)
    if page is None or not page.live:
        translation.save_target(user=user, publish=False)
        return target_page(translation)
    source, locale = translation.source, translation.target_locale
    page = source.get_ephemeral_translated_instance(locale, fallback=True)
    page.slug = find_available_slug(page.get_parent(), slugify(page.slug), ignore_page_id=page.pk)
    revision = page.save_revision(user=user)
    source.update_target_view_restrictions(locale)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return page
