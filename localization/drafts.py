"""A translation's current strings saved as a draft of the translated page, leaving what is live alone."""

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail_localize.models import TranslationLog


def save_translation_draft(translation, user):
    """Write ``translation`` (a page's) into a new draft revision of its target page; return the revision.

    A page that is not live is written as wagtail-localize writes it (its row and a revision). A live
    page gets a revision only: wagtail-localize writes the page's row first, and the public site
    reads the row, so its own "draft" would be public at once.
    """
    page = translation.get_target_instance()
    if not page.live:
        translation.save_target(user=user, publish=False)
        return translation.get_target_instance().latest_revision
    source, locale = translation.source, translation.target_locale
    draft = source.get_ephemeral_translated_instance(locale, fallback=True)
    draft.slug = find_available_slug(draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk)
    revision = draft.save_revision(user=user)
    source.update_target_view_restrictions(locale)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return revision
