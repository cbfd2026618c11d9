"""Translations written by ``archive.translations`` look, to editors and translators, like a translator's work."""

import json
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from archive.translations import TranslationMismatchError, mirror_problems, write_translation
from campaigns.models import CampaignPage, CampaignRelatedStory
from stories.models import StoryPage
from stories.services import ConsentError
from tests.factories import CampaignPageFactory, StoryPageFactory, UnitPageFactory, fresh, locale, publish
from tests.markup import parse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    """Problems are translatable; these tests read them in English."""
    with translation.override("en"):
        yield


ARABIC_BODY_TEXT = ["بنى أبو خالد منزله عام ١٩٩٨", "عاشت العائلة فيه عشرين عاماً", "الإخطار", "الهدم", "التهجير"]


@pytest.fixture
def image(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = BytesIO()
    PILImage.new("RGB", (800, 600), "#1d5446").save(buffer, "PNG")
    return Image.objects.create(title="ركام المنزل", file=ImageFile(buffer, name="rubble.png"))


def arabic_body(image, call_to_action_page):
    return [
        ("heading", {"text": "ما حدث", "level": "h2"}),
        ("paragraph", RichText("<p>بنى أبو خالد منزله عام ١٩٩٨</p><p>عاشت العائلة فيه <b>عشرين</b> عاماً</p>")),
        ("paragraph", RichText("<ul><li>الإخطار</li><li>الهدم</li><li>التهجير</li></ul>")),
        ("quote", {"quote": "لم يبق لنا شيء", "attribution": "أم خالد"}),
        ("image", {"image": image, "alt_text": "ركام المنزل بعد الهدم", "caption": "سلوان، ٢٠٢٠"}),
        ("call_to_action", {"text": "اقرأ عن حملاتنا", "button_label": "الحملات", "page": call_to_action_page}),
    ]


def english_body(image, call_to_action_page=None):
    return [
        {"type": "heading", "value": {"text": "What happened", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>Abu Khaled built his home in 1998</p><p>The family lived in it for <b>twenty</b> years</p>",
        },
        {"type": "paragraph", "value": "<ul><li>The notice</li><li>The demolition</li><li>The displacement</li></ul>"},
        {"type": "quote", "value": {"quote": "Nothing was left for us", "attribution": "Umm Khaled"}},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "The rubble of the home after the demolition",
                "caption": "Silwan, 2020",
            },
        },
        {
            "type": "call_to_action",
            "value": {"text": "Read about our campaigns", "button_label": "Campaigns", "page": call_to_action_page},
        },
    ]


@pytest.fixture
def arabic_story(site_structure, image):
    story = StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        title="هدم منزل في سلوان",
        slug="silwan-demolition",
        summary="هدمت الجرافات منزل العائلة",
        neighbourhood="silwan",
        violation_types=["home-demolition"],
        hero_image=image,
        hero_image_alt="بيت العائلة قبل الهدم",
        import_key="story-001",
        publish_page=False,
    )
    story.body = arabic_body(image, site_structure["campaigns"]["ar"])
    return publish(story)


@pytest.fixture
def english_texts(image, site_structure):
    return {
        "title": "A home demolished in Silwan",
        "summary": "Bulldozers demolished the family home",
        "hero_image_alt": "The family home before the demolition",
        "body": english_body(image, site_structure["campaigns"]["ar"].pk),
    }


@pytest.fixture
def editor(client):
    """A superuser whose admin speaks English."""
    user = get_user_model().objects.create_superuser("translator", "translator@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def editor_props(response):
    """The props wagtail-localize's translation editor (a React app) is rendered with."""
    soup = parse(response)
    editor = soup.select_one(".js-translation-editor")
    assert editor is not None, "the page editor is not wagtail-localize's translation editor"
    return json.loads(editor["data-props"])


def translated_segments(props):
    """``{source string: translated string or None}`` as the editor shows them, and the share translated."""
    translations = {item["segment_id"]: item for item in props["initialStringTranslations"]}
    shown = {}
    for segment in props["segments"]:
        if segment["type"] == "string":
            translation = translations.get(segment["id"])
            shown[segment["source"]] = None if translation is None or translation["error"] else translation["data"]
    done = sum(value is not None for value in shown.values())
    return shown, done / len(shown)


def test_the_english_story_is_live_with_the_english_texts_and_the_source_facts(
    client, arabic_story, english_texts, image
):
    english = write_translation(arabic_story, "en", english_texts, publish=True)

    assert isinstance(english, StoryPage) and english.live and english.locale == locale("en")
    assert english.translation_key == arabic_story.translation_key
    assert (english.title, english.slug) == ("A home demolished in Silwan", "a-home-demolished-in-silwan")
    assert english.summary == "Bulldozers demolished the family home"
    assert english.import_key == "story-001"
    assert (english.date, english.consent.status, english.consent.recorded_on) == (
        arabic_story.date,
        "granted",
        arabic_story.consent.recorded_on,
    )
    assert english.hero_image == image
    assert english.neighbourhood.locale == locale("en") and english.neighbourhood.slug == "silwan"
    assert [term.slug for term in english.violation_types] == ["home-demolition"]

    assert english.url == "/en/stories/a-home-demolished-in-silwan/"
    soup = parse(client.get(english.url))
    prose = soup.select_one(".prose")
    assert prose.select_one("h2").get_text(strip=True) == "What happened"
    assert [p.get_text(" ", strip=True) for p in prose.select(".block-paragraph > p")] == [
        "Abu Khaled built his home in 1998",
        "The family lived in it for twenty years",
    ]
    assert [item.get_text(strip=True) for item in prose.select("ul li")] == [
        "The notice",
        "The demolition",
        "The displacement",
    ]
    assert "Nothing was left for us" in prose.select_one("blockquote").get_text()
    assert not any(arabic in prose.get_text() for arabic in ARABIC_BODY_TEXT)
    body_image = prose.select_one("figure img")
    assert body_image["alt"] == "The rubble of the home after the demolition"
    assert body_image["src"] == image.get_rendition("width-960").url
    assert prose.select_one("figure.figure figcaption").get_text(strip=True) == "Silwan, 2020"
    button = prose.select_one("aside.cta a.button")
    assert (button.get_text(strip=True), button["href"]) == ("Campaigns", "/en/campaigns/")
    assert soup.select_one("img.page-hero")["alt"] == "The family home before the demolition"


def test_the_translation_editor_shows_every_arabic_string_with_its_english_translation(
    editor, site_structure, arabic_story, english_texts
):
    english = write_translation(arabic_story, "en", english_texts, publish=True)

    props = editor_props(editor.get(f"/admin/pages/{english.pk}/edit/"))
    shown, translated = translated_segments(props)

    assert (props["sourceLocale"]["code"], props["locale"]["code"]) == ("ar", "en")
    assert translated == 1.0
    assert shown["هدم منزل في سلوان"] == "A home demolished in Silwan"
    assert shown["ما حدث"] == "What happened"
    assert shown["عاشت العائلة فيه <b>عشرين</b> عاماً"] == "The family lived in it for <b>twenty</b> years"
    assert shown["التهجير"] == "The displacement"
    assert shown["ركام المنزل بعد الهدم"] == "The rubble of the home after the demolition"
    assert shown["silwan-demolition"] == "a-home-demolished-in-silwan"
    # The call to action's page is a synchronised value, overridden with the English campaigns page.
    assert [override["data"] for override in props["initialOverrides"]] == [str(site_structure["campaigns"]["en"].pk)]
    assert StringTranslation.objects.filter(locale=locale("en"), translation_type="manual").count() == len(shown)


def test_sync_translated_pages_brings_arabic_changes_to_the_english_story(
    editor, arabic_story, english_texts, django_capture_on_commit_callbacks
):
    english = write_translation(arabic_story, "en", english_texts, publish=True)
    arabic_story.summary = "هدمت الجرافات منزل العائلة في الفجر"
    publish(arabic_story)
    source = TranslationSource.objects.get_for_instance(arabic_story)

    page = editor.get(f"/admin/localize/update/{source.pk}/")
    assert "A home demolished in Silwan" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    assert response.status_code == 302

    english = fresh(english)
    assert english.summary == "هدمت الجرافات منزل العائلة في الفجر", "untranslated text shows in the source language"
    assert english.title == "A home demolished in Silwan"
    shown, translated = translated_segments(editor_props(editor.get(f"/admin/pages/{english.pk}/edit/")))
    assert shown["هدمت الجرافات منزل العائلة في الفجر"] is None and translated < 1.0

    write_translation(
        arabic_story, "en", {**english_texts, "summary": "Bulldozers demolished the home at dawn"}, publish=True
    )
    assert fresh(english).summary == "Bulldozers demolished the home at dawn"
    assert translated_segments(editor_props(editor.get(f"/admin/pages/{english.pk}/edit/")))[1] == 1.0


def test_the_translations_report_lists_the_written_translation(editor, arabic_story, english_texts):
    write_translation(arabic_story, "en", english_texts, publish=True)

    soup = parse(editor.get("/admin/localize/reports/translations/"))
    rows = [" ".join(row.get_text(" ").split()) for row in soup.select("table tbody tr")]
    assert any(
        "هدم منزل في سلوان (Arabic)" in row and "A home demolished in Silwan (English)" in row and "Up to date" in row
        for row in rows
    ), rows


def test_writing_again_updates_the_same_page(arabic_story, english_texts):
    first = write_translation(arabic_story, "en", english_texts, publish=True)
    strings = StringTranslation.objects.count()

    second = write_translation(
        arabic_story, "en", {**english_texts, "title": "Silwan: a home demolished"}, publish=True
    )

    assert second.pk == first.pk
    assert second.title == "Silwan: a home demolished" and second.live
    assert second.slug == "a-home-demolished-in-silwan", "a page keeps its web address unless a slug is given"
    assert StoryPage.objects.filter(translation_key=arabic_story.translation_key).count() == 2
    assert Translation.objects.filter(target_locale=locale("en")).count() == 1
    assert StringTranslation.objects.count() == strings

    third = write_translation(arabic_story, "en", {**english_texts, "slug": "silwan-home"}, publish=True)
    assert third.pk == first.pk and third.url == "/en/stories/silwan-home/"


def test_a_draft_translation_of_a_new_page_stays_offline(client, arabic_story, english_texts):
    english = write_translation(arabic_story, "en", english_texts, publish=False)

    assert not english.live and english.has_unpublished_changes
    assert english.latest_revision.as_object().title == "A home demolished in Silwan"
    assert client.get("/en/stories/a-home-demolished-in-silwan/").status_code == 404


def test_a_draft_over_a_live_translation_keeps_the_published_texts_until_it_is_published(
    client, arabic_story, english_texts
):
    english = write_translation(arabic_story, "en", english_texts, publish=True)

    draft = write_translation(arabic_story, "en", {**english_texts, "summary": "A draft summary"}, publish=False)

    assert draft.pk == english.pk and draft.live and draft.has_unpublished_changes
    assert draft.live_revision_id == english.live_revision_id
    assert draft.summary == "Bulldozers demolished the family home"
    assert draft.latest_revision.as_object().summary == "A draft summary"
    page = client.get(english.url).content.decode()
    assert "Bulldozers demolished the family home" in page and "A draft summary" not in page

    draft.latest_revision.publish()
    assert "A draft summary" in client.get(english.url).content.decode()


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (
            lambda body: body.__setitem__(0, {"type": "paragraph", "value": "<p>What happened</p>"}),
            "body[0]: a heading in the source, a paragraph here",
        ),
        (lambda body: body.pop(), "body: 6 blocks in the source, 5 here"),
        (
            lambda body: body[1].__setitem__("value", "<p>Abu Khaled built his home in 1998</p>"),
            "body[1]: the source has 2 text blocks (p, p), this has 1 (p)",
        ),
        (
            lambda body: body[2].__setitem__("value", "<p>The notice, the demolition, the displacement</p>"),
            "body[2]: the source has 3 text blocks (ul > li, ul > li, ul > li), this has 1 (p)",
        ),
        (lambda body: body[0]["value"].__setitem__("level", "h3"), "body[0].level: 'h2' in the source, 'h3' here"),
        (lambda body: body[3]["value"].__setitem__("quote", ""), "body[3].quote: empty; the source has text here"),
        (
            lambda body: body[4]["value"].__setitem__("image", 0),
            "body[4].image: {image} in the source, 0 here; this is not text and is the same in every language",
        ),
        (lambda body: body[5]["value"].__setitem__("colour", "red"), "body[5].colour: not a field of this block"),
    ],
)
def test_a_translation_that_does_not_mirror_its_source_is_refused_and_nothing_is_written(
    arabic_story, english_texts, image, change, error
):
    change(english_texts["body"])
    error = error.format(image=image.pk)

    problems = mirror_problems(arabic_story, english_texts)
    with pytest.raises(TranslationMismatchError) as refused:
        write_translation(arabic_story, "en", english_texts, publish=True)

    assert any(problem.startswith(error) for problem in refused.value.errors), refused.value.errors
    assert problems == refused.value.errors
    assert not StoryPage.objects.filter(locale=locale("en")).exists()
    assert not TranslationSource.objects.exists() and not StringTranslation.objects.exists()


@pytest.mark.parametrize(
    ("texts", "error"),
    [
        ({"summary": None}, "summary: empty; the source has text here"),
        ({"date": "2021-01-01"}, "date: not a translatable text of a story"),
        ({"title": "x" * 256}, "title: Ensure this value has at most 255 characters (it has 256)."),
        ({"slug": "؟؟"}, "slug: “؟؟” has no letters or digits usable in a web address"),
    ],
)
def test_missing_and_foreign_fields_are_named(arabic_story, english_texts, texts, error):
    assert any(problem.startswith(error) for problem in mirror_problems(arabic_story, {**english_texts, **texts}))
    texts_without_summary = {name: value for name, value in english_texts.items() if name != "summary"}
    assert mirror_problems(arabic_story, texts_without_summary) == ["summary: missing; the source has text here"]


def test_a_translation_of_an_unconsented_story_cannot_be_published(client, site_structure, image, english_texts):
    pending = StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        title="قصة بانتظار الموافقة",
        consent_status="pending",
        consent_recorded_on=None,
        publish_page=False,
    )
    pending.body = arabic_body(image, site_structure["campaigns"]["ar"])
    pending.save()
    texts = {name: value for name, value in english_texts.items() if name != "hero_image_alt"}

    with pytest.raises(ConsentError):
        write_translation(pending, "en", texts, publish=True)
    assert not StoryPage.objects.filter(locale=locale("en")).exists()
    assert not TranslationSource.objects.exists()

    english = write_translation(pending, "en", texts, publish=False)
    assert not english.live and english.consent.status == "pending"
    assert client.get("/en/stories/a-home-demolished-in-silwan/").status_code == 404


def test_an_english_campaign_lists_the_english_translations_of_its_related_stories(
    client, site_structure, arabic_story, english_texts, django_assert_max_num_queries
):
    untranslated = StoryPageFactory(parent=site_structure["stories"]["ar"], title="قصة لم تترجم بعد")
    english_story = write_translation(arabic_story, "en", english_texts, publish=True)
    campaign = CampaignPageFactory(
        parent=site_structure["campaigns"]["ar"],
        title="أوقفوا الهدم",
        related_stories=[untranslated, arabic_story],
    )

    english = write_translation(
        campaign,
        "en",
        {"title": "Stop the demolitions", "summary": "Campaign summary", "the_ask": "Stop demolishing homes"},
        publish=True,
    )

    assert isinstance(english, CampaignPage)
    assert [link.story_id for link in english.related_story_links.all()] == [untranslated.pk, arabic_story.pk]
    with django_assert_max_num_queries(2):  # the view restrictions, then the stories with their links
        assert english.related_stories == [english_story]
    assert fresh(campaign).related_stories == [untranslated, arabic_story]
    preview = english.latest_revision.as_object()  # links held in memory, as in a preview
    assert preview.related_stories == [english_story]
    campaign.related_story_links.add(CampaignRelatedStory(story=english_story))
    assert campaign.related_stories == [untranslated, arabic_story], "a story is listed once, in the link order"
    soup = parse(client.get(english.url))
    assert [h.get_text(strip=True) for h in soup.select("[aria-labelledby=related-stories] h3")] == [
        "A home demolished in Silwan"
    ]


def test_a_call_to_action_points_at_the_arabic_page_until_that_page_is_translated(client, site_structure):
    unit = UnitPageFactory(parent=site_structure["units"]["ar"], title="وحدة المناصرة الدولية")
    story = StoryPageFactory(parent=site_structure["stories"]["ar"], title="قصة", publish_page=False)
    story.body = [("call_to_action", {"text": "تعرف على الوحدة", "button_label": "الوحدة", "page": unit})]
    publish(story)
    texts = {
        "title": "A story",
        "summary": "The story in brief",
        "body": [{"type": "call_to_action", "value": {"text": "Meet the unit", "button_label": "The unit"}}],
    }

    english = write_translation(story, "en", texts, publish=True)
    assert english.body[0].value["page"].pk == unit.pk

    english_unit = write_translation(
        unit, "en", {"title": "International Advocacy Unit", "summary": "The unit", "mission": "Advocacy"}, publish=True
    )
    texts["body"][0]["value"]["page"] = unit.pk
    english = write_translation(story, "en", texts, publish=True)
    assert english.body[0].value["page"].pk == english_unit.pk
    button = parse(client.get(english.url)).select_one("aside.cta a.button")
    assert (button.get_text(strip=True), button["href"]) == ("The unit", "/en/units/international-advocacy-unit/")

    texts["body"][0]["value"]["page"] = site_structure["about"]["en"].pk
    assert mirror_problems(story, texts) == [
        f"body[0].page: the source links to page {unit.pk}; a translation links to that page or its translation"
    ]


def test_a_rich_text_link_to_a_page_leads_to_that_page_in_the_readers_language(client, site_structure):
    about_ar, about_en = site_structure["about"]["ar"], site_structure["about"]["en"]
    story = StoryPageFactory(parent=site_structure["stories"]["ar"], title="قصة", publish_page=False)
    story.body = [("paragraph", RichText(f'<p>اقرأ <a linktype="page" id="{about_ar.pk}">عن المركز</a></p>'))]
    publish(story)
    english_paragraph = f'<p>Read <a linktype="page" id="{about_en.pk}">about the Center</a></p>'
    texts = {
        "title": "A story",
        "summary": "The story in brief",
        "body": [{"type": "paragraph", "value": english_paragraph}],
    }

    english = write_translation(story, "en", texts, publish=True)

    link = parse(client.get(english.url)).select_one(".prose a")
    assert (link.get_text(strip=True), link["href"]) == ("about the Center", "/en/about/")
    too_many_links = "<p>Read <a href='/en/'>about</a> <a href='/en/about/'>the Center</a></p>"
    assert mirror_problems(story, {**texts, "body": [{"type": "paragraph", "value": too_many_links}]}) == [
        "body[0]: text block 1 has a link the source does not have"
    ]


def test_a_fixed_page_keeps_its_web_address_when_its_translation_is_written(client, site_structure):
    about_ar = site_structure["about"]["ar"]
    about_ar.introduction = "تأسس المركز لخدمة المجتمع"
    publish(about_ar)

    english = write_translation(
        about_ar, "en", {"title": "About the Center", "introduction": "The Center serves the community"}, publish=True
    )

    assert english.pk == site_structure["about"]["en"].pk and english.url == "/en/about/"
    assert "The Center serves the community" in parse(client.get("/en/about/")).select_one("main").get_text()
