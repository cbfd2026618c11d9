"""Write a page's translation through wagtail-localize, as a translator's work is written.

The importer and the demo write every English and French page here, so the translation editor,
"Sync translated pages" and the translations report see them exactly as they see a translator's
work: a translation source for the source page with its segments, an enabled translation into the
target locale, one manual string translation per source segment, and the target page created or
updated by wagtail-localize from them.

What is not text (dates, consent, status, images, vocabulary, related stories, the import key)
is copied from the source page by wagtail-localize's synchronised fields, never taken from the
texts; a page chooser inside a stream is pointed at the translation of the page it names.
"""

import json

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)

from core.models import ImportKeyMixin
from core.translation_drafts import save_translation_draft

from .translation_check import TextsCheck


class TranslationMismatchError(ValueError):
    """The texts do not mirror the source page; ``errors`` lists each difference as ``field path: what differs``."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


def mirror_problems(source_page, texts):
    """How ``texts`` fail to mirror ``source_page`` as stored; empty when they can be written as its translation."""
    return TextsCheck(_stored(source_page), texts).problems


@transaction.atomic
def write_translation(source_page, locale, texts, *, publish, user=None):
    """Create or update the translation of ``source_page`` into ``locale`` from ``texts``; return it (specific).

    ``texts`` maps the source model's translatable field names to translated values: strings for
    text fields, raw streams (``[{"type": …, "value": …}, …]``, no ids) mirroring the source's
    stream block by block for StreamFields. Raises :class:`TranslationMismatchError` before
    anything is written when they do not mirror the source page as stored. With ``publish`` the
    translation's new revision is published at once (inside this transaction, so a page the
    source's rules forbid to publish — an unconsented story — raises and leaves nothing written);
    without it the revision is a draft.
    """
    source_page = _stored(source_page)
    locale = locale if isinstance(locale, Locale) else Locale.objects.get(language_code=locale)
    if locale.pk == source_page.locale_id:
        raise ValueError(_("A page cannot be translated into its own language (%(language)s).") % {"language": locale})
    current = Page.objects.filter(translation_key=source_page.translation_key, locale=locale).first()
    check = TextsCheck(source_page, texts, current_slug=current.slug if current else None)
    if check.problems:
        raise TranslationMismatchError(check.problems)

    translation_source, _created = TranslationSource.update_or_create_from_instance(source_page)
    store_string_translations(translation_source, locale, check, user)
    _point_page_links_at_translations(translation_source, locale, check.page_links, user)
    translation, _created = Translation.objects.get_or_create(source=translation_source, target_locale=locale)
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    if isinstance(source_page, ImportKeyMixin):
        # Not an editable field, so wagtail-localize copies it only when it creates the page.
        type(source_page).objects.filter(translation_key=source_page.translation_key, locale=locale).exclude(
            import_key=source_page.import_key
        ).update(import_key=source_page.import_key)

    if publish:
        translation.save_target(user=user, publish=False)
        page = translation.get_target_instance()
        # wagtail-localize publishes on commit; publishing here keeps a refusal inside the transaction.
        page.latest_revision.publish(user=user)
    else:
        page = save_translation_draft(translation, user)
    return Page.objects.get(pk=page.pk).specific


def _stored(page):
    """The page as the database has it: what wagtail-localize extracts a translation source from."""
    return Page.objects.get(pk=page.pk).specific


def store_string_translations(translation_source, locale, check, user):
    """Record ``check``'s texts as manual string translations of ``translation_source``'s segments into ``locale``
    (shared by pages and the organisation details)."""
    segments = StringSegment.objects.filter(source=translation_source).select_related("string", "context")
    by_path = {}
    for segment in segments.order_by("order"):
        by_path.setdefault(segment.context.path, []).append(segment)
    translated = check.translated_strings
    if {path: len(found) for path, found in by_path.items()} != {
        path: len(found) for path, found in translated.items()
    }:
        # The source was read again from the database between the check and now and no longer matches.
        raise TranslationMismatchError(
            [f"{check.label(path)}: {_('the source changed while it was being translated')}" for path in by_path]
        )
    for path, path_segments in by_path.items():
        for segment, string in zip(path_segments, translated[path], strict=True):
            string_translation, created = StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": string.data, "translation_type": "manual", "last_translated_by": user},
            )
            if not created and (string_translation.data != string.data or string_translation.has_error):
                string_translation.data = string.data
                string_translation.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
                string_translation.tool_name = ""
                string_translation.last_translated_by = user
                string_translation.has_error = False
                string_translation.field_error = ""
                string_translation.save()
            if string_translation.has_error:
                raise TranslationMismatchError([f"{check.label(path)}: {string_translation.get_error()}"])


def _point_page_links_at_translations(translation_source, locale, page_links, user):
    """Override each page chooser in a stream with the target-locale translation of its page, when there is one.

    This is what a translator does in the editor's synchronised values; without a translation
    the link stays on the source's page (and any earlier override is dropped).
    """
    for path, source_pk in page_links.items():
        context = TranslationContext.objects.filter(object_id=translation_source.object_id, path=path).first()
        if context is None:
            continue
        translated_pk = (
            Page.objects.filter(
                translation_key__in=Page.objects.filter(pk=source_pk).values("translation_key"), locale=locale
            )
            .values_list("pk", flat=True)
            .first()
        )
        if translated_pk is None:
            SegmentOverride.objects.filter(locale=locale, context=context).delete()
            continue
        SegmentOverride.objects.update_or_create(
            locale=locale,
            context=context,
            defaults={
                "data_json": json.dumps(str(translated_pk)),
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
