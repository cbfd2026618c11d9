"""Item 4: a changed Arabic source marks its translations out of date until they are brought in step."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core.models import Neighbourhood
from localization.status import OUT_OF_DATE, translation_status
from tests.factories import fresh, locale, publish

from .conftest import draft, translate

pytestmark = pytest.mark.django_db

NEW_PARAGRAPH = "<p>أعاد أبو خالد بناء منزله عام ٢٠٢١</p>"


def out_of_date_languages(source):
    source = fresh(source) if isinstance(source, Page) else type(source).objects.get(pk=source.pk)
    return {entry.locale.language_code for entry in translation_status([source]).entries if entry.state == OUT_OF_DATE}


def change_first_paragraph(page):
    """The page with its first rich text block rewritten; the other blocks keep their ids, as in the editor."""
    page = fresh(page)
    blocks = page.body.get_prep_value()
    paragraph = next(block for block in blocks if block["type"] == "paragraph")
    paragraph["value"] = NEW_PARAGRAPH
    page.body = blocks
    return page


def explorer(client, parent):
    return client.get(reverse("wagtailadmin_explore", args=[parent.pk])).content.decode()


def test_publishing_a_change_marks_the_translations_out_of_date_in_the_listing(
    client, admin_user, pages, site_structure
):
    story = pages["story"]
    translate(story, "en", publish_page=True)
    translate(story, "fr", publish_page=True)
    client.force_login(admin_user)
    assert out_of_date_languages(story) == set()
    assert "data-translation-out-of-date" not in explorer(client, site_structure["stories"]["ar"])

    changed = change_first_paragraph(story)
    changed.save_revision()  # a draft of a live page is not what translators translate yet
    assert out_of_date_languages(story) == set()

    publish(changed)
    assert out_of_date_languages(story) == {"en", "fr"}
    arabic_listing = explorer(client, site_structure["stories"]["ar"])
    assert (
        'data-translation-out-of-date="en"' in arabic_listing and 'data-translation-out-of-date="fr"' in arabic_listing
    )
    sync_url = reverse("wagtail_localize:update_translations", args=[TranslationSource.objects.get().pk])
    assert sync_url in arabic_listing
    english_listing = explorer(client, site_structure["stories"]["en"])
    assert 'data-translation-out-of-date="en"' in english_listing
    assert 'data-translation-out-of-date="fr"' not in english_listing


def test_sync_keeps_the_translation_of_every_unchanged_segment(client, admin_user, pages):
    story = pages["story"]
    english = translate(story, "en", publish_page=True)
    source = english.source
    before = {segment.context.path for segment in StringSegment.objects.filter(source=source)}
    publish(change_first_paragraph(story))

    client.force_login(admin_user)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302

    segments = (
        StringSegment.objects.filter(source=source)
        .annotate_translation(locale("en"))
        .select_related("string", "context")
    )
    untranslated = [segment.string.data for segment in segments if segment.translation is None]
    assert untranslated == [NEW_PARAGRAPH[3:-4]]
    assert {segment.context.path for segment in segments} == before
    assert Translation.objects.get(pk=english.pk).get_progress() == (len(before), len(before) - 1)
    # Synchronised, but the English page does not carry the change yet: still out of date.
    assert out_of_date_languages(story) == {"en"}

    Translation.objects.get(pk=english.pk).save_target(publish=False)
    body = draft(english).body
    assert str(body[1].value) == NEW_PARAGRAPH  # the source's text until it is translated
    assert "[en] " in str(body[0].value["text"]) and "[en] " in str(body[2].value["quote"])
    assert out_of_date_languages(story) == set()


def test_a_translation_written_by_hand_is_out_of_date_once_its_source_is_published_again(site_structure):
    stories_index = site_structure["stories"]["ar"]  # its translations were made by copying, not with wagtail-localize
    assert out_of_date_languages(stories_index) == set()
    publish(fresh(stories_index))
    assert out_of_date_languages(stories_index) == {"en", "fr"}
    publish(fresh(site_structure["stories"]["fr"]))
    assert out_of_date_languages(stories_index) == {"en"}


def test_a_renamed_vocabulary_term_marks_its_translations_out_of_date(site_structure):
    term = Neighbourhood.objects.get(slug="silwan", locale=locale("ar"))
    source, _created = TranslationSource.update_or_create_from_instance(term)
    segment = StringSegment.objects.get(source=source)
    for code in ("en", "fr"):
        name = Neighbourhood.objects.get(slug="silwan", locale=locale(code)).name
        StringTranslation.objects.create(
            translation_of=segment.string, context=segment.context, locale=locale(code), data=name
        )
        Translation.objects.create(source=source, target_locale=locale(code)).save_target()
    assert out_of_date_languages(term) == set()

    term.name = "سلوان (البستان)"
    term.save()
    assert out_of_date_languages(term) == {"en", "fr"}
    english = Translation.objects.get(target_locale=locale("en")).get_target_instance()
    assert (english.name, english.slug) == ("Silwan", "silwan")
