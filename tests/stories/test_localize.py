"""Translators bring an Arabic story into French with wagtail-localize."""

import pytest
from wagtail.rich_text import RichText
from wagtail_localize.models import String, StringSegment, StringTranslation, Translation, TranslationSource

from stories.models import StoryPage, SurvivorRecord
from tests.factories import StoryPageFactory, locale

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_story(site_structure):
    story = StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        title="هدم منزل في سلوان",
        summary="هدمت الجرافات منزل العائلة",
        neighbourhood="silwan",
        violation_types=["home-demolition"],
    )
    story.body = [("paragraph", RichText("<p>بنى أبو خالد منزله عام ١٩٩٨</p>"))]
    story.save_revision().publish()
    SurvivorRecord.objects.create(story_translation_key=story.translation_key, survivor_name="سلمى صالح بشير")
    return StoryPage.objects.get(pk=story.pk)


def test_translating_with_wagtail_localize_creates_a_linked_french_story(
    client, arabic_story, site_structure, django_capture_on_commit_callbacks
):
    source, _created = TranslationSource.get_or_create_from_instance(arabic_story)
    assert "سلمى صالح بشير" not in source.content_json  # translators never see private data

    translation = Translation.objects.create(source=source, target_locale=locale("fr"))
    french_text = {
        "هدم منزل في سلوان": "Une maison démolie à Silwan",
        "هدمت الجرافات منزل العائلة": "Les bulldozers ont démoli la maison familiale",
        "بنى أبو خالد منزله عام ١٩٩٨": "Abou Khaled a construit sa maison en 1998",
    }
    for arabic, french in french_text.items():
        string = String.objects.get(data=arabic)
        for segment in StringSegment.objects.filter(source=source, string=string):
            context = segment.context
            StringTranslation.objects.create(translation_of=string, locale=locale("fr"), context=context, data=french)
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    french = StoryPage.objects.get(locale=locale("fr"), translation_key=arabic_story.translation_key)
    assert french.live
    assert french.title == "Une maison démolie à Silwan"
    assert french.consent.status == "granted"
    assert french.date == arabic_story.date
    assert french.neighbourhood.name == "Silwan" and french.neighbourhood.locale == locale("fr")
    assert [term.locale for term in french.violation_types] == [locale("fr")]

    html = client.get(french.url).content.decode()
    assert "Abou Khaled a construit sa maison en 1998" in html
    assert 'lang="fr"' in html
    assert "سلمى صالح بشير" not in html
