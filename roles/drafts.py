"""One rule for every route: a page whose content comes from another language is never live until
someone allowed to publish publishes a revision of its own.

Two kinds of page show content that nobody published as theirs:

- an alias of a page in another language. wagtail-localize's locale synchronisation,
  ``copy_for_translation(copy_parents=True)`` and "Convert to alias" make them, and Wagtail's
  ``Page.update_aliases`` publishes every alias whenever its source is published;
- a translation that is live without a live revision of its own: an alias just converted into a
  translation keeps the alias's live state, and its source's live revision (wagtail-localize issue #743).

``keep_borrowed_content_offline`` runs before every page save and saves such a page as a draft
instead, so no route (an admin view, a signal, a background task, an import) can put one online.
A draft alias is a placeholder: "Translate this page" in its editor turns it into a draft
translation, which goes live only when its own revision is published (review, or a publisher).
"""

import logging

from wagtail.models import Page, Revision

logger = logging.getLogger(__name__)


def shows_borrowed_content(page):
    """Whether ``page``, saved live, would show content nobody published as this page's own."""
    if page.alias_of_id is not None:
        source_locale_id = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
        return source_locale_id is not None and source_locale_id != page.locale_id
    if page.pk is None or _has_own_live_revision(page):
        return False
    from wagtail_localize.models import Translation

    return Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id).exists()


def _has_own_live_revision(page):
    # An alias is made with its source's ``live_revision``: a revision of another page.
    return (
        page.live_revision_id is not None
        and Revision.objects.filter(pk=page.live_revision_id, object_id=str(page.pk)).exists()
    )


def keep_borrowed_content_offline(sender, instance, raw=False, update_fields=None, **kwargs):
    """``pre_save`` of every model: a page showing another language's content is saved as a draft."""
    if raw or not isinstance(instance, Page) or not instance.live or not shows_borrowed_content(instance):
        return
    logger.info("Page %s (%s) shows another language's content: saved as a draft.", instance.pk, instance.locale_id)
    instance.live = False
    instance.has_unpublished_changes = True
    if update_fields is not None and "live" not in update_fields and instance.pk is not None:
        # A partial save would leave the stored row live.
        Page.objects.filter(pk=instance.pk).update(live=False, has_unpublished_changes=True)
