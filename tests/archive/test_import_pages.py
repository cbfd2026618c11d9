"""A version 2 archive into every page type: home, about, sections, units, campaigns, stories, images, settings.

What each page should hold is read from the test archive itself. The archive is imported once for the
module inside a transaction rolled back after the last test; each test runs in a savepoint within it.
"""

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from campaigns.models import CampaignPage
from core.i18n import SOURCE_LANGUAGE
from core.visibility import public_pages
from home.models import AboutPage, HomePage, UnitPage
from stories.models import StoryPage

from .conftest import ARCHIVE, languages, texts_by_language
from .site_settings import stored_site_settings

DATA = json.loads(ARCHIVE.read_text(encoding="utf-8"))
MODELS = {"units": UnitPage, "campaigns": CampaignPage, "stories": StoryPage}
FIXED = {"home": HomePage, "about": AboutPage}


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("archive-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), translation.override("en"):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            output = io.StringIO()
            call_command("import_archive", str(ARCHIVE), "--publish", stdout=output, stderr=io.StringIO())
            yield output.getvalue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def page_of(section, key, code):
    return MODELS[section].objects.get(import_key=key, locale__language_code=code)


def section_page(name, code):
    return Page.objects.get(depth=3, slug=name, locale__language_code=code).specific


def text_of(block_value):
    return BeautifulSoup(block_value.source, "html.parser").get_text()


def test_the_summary_names_every_page_type(imported):
    assert "Site settings: updated" in imported
    assert f"Images: {len(DATA['images'])} ({len(DATA['images'])} added, 0 already in the library)" in imported
    assert f"Home, about and section pages: {2 + len(DATA['sections'])} updated" in imported
    for section, heading in (("units", "Units"), ("campaigns", "Campaigns"), ("stories", "Stories")):
        count = len(DATA[section])
        assert f"{heading}: {count} ({count} created, 0 updated)" in imported


def test_every_record_is_a_page_in_each_of_its_languages_with_its_texts(imported, db):
    for section in MODELS:
        for item in DATA[section]:
            pages = MODELS[section].objects.filter(import_key=item["key"])
            assert sorted(page.locale.language_code for page in pages) == sorted(languages(item)), item["key"]
            assert len({page.translation_key for page in pages}) == 1
            for code, texts in texts_by_language(item).items():
                page = pages.get(locale__language_code=code)
                assert (page.title, page.get_parent().locale.language_code) == (texts["title"], code)
                if "slug" in texts:
                    assert page.slug == texts["slug"]
    for name, model in FIXED.items():
        for code, texts in texts_by_language(DATA[name]).items():
            page = model.objects.get(locale__language_code=code)
            assert page.introduction == texts["introduction"]
            assert page.live and not page.has_unpublished_changes
            if "title" in texts:
                assert page.title == texts["title"]
    for name, item in DATA["sections"].items():
        for code, texts in texts_by_language(item).items():
            assert section_page(name, code).introduction == texts["introduction"]
    assert AboutPage.objects.get(locale__language_code="ar").founded_year == DATA["about"]["founded_year"]


def test_an_english_source_story_has_its_french_translation_and_no_arabic_page(imported, db):
    story = next(item for item in DATA["stories"] if item.get("locale") == "en")
    english = page_of("stories", story["key"], "en")
    french = page_of("stories", story["key"], "fr")
    assert not StoryPage.objects.filter(import_key=story["key"], locale__language_code="ar").exists()
    assert french.translation_key == english.translation_key
    assert TranslationSource.objects.get(object_id=english.translation_key).locale.language_code == "en"
    assert (french.neighbourhood.slug, french.neighbourhood.locale.language_code) == (story["neighbourhood"], "fr")
    assert french.anonymised is story["consent"]["anonymised"] is False


def test_references_name_the_page_of_the_same_language(imported, db, client):
    for code in ("ar", "en", "fr"):
        home = HomePage.objects.get(locale__language_code=code)
        cta = next(block.value for block in home.body if block.block_type == "call_to_action")
        assert cta["page"].pk == section_page("stories", code).pk
        campaign = page_of("campaigns", "campaign-001", code)
        cta = next(block.value for block in campaign.body if block.block_type == "call_to_action")
        assert cta["page"].pk == page_of("stories", "story-001", code).pk
    # A reference forward in the file: the unit (written first) links to the campaign (written later).
    for code in languages(DATA["units"][0]):
        unit = page_of("units", "unit-001", code)
        links = BeautifulSoup(client.get(unit.url).content, "html.parser").select("main a[href]")
        assert page_of("campaigns", "campaign-001", code).url in [link["href"] for link in links]


def test_images_and_their_alternative_texts_in_every_language(imported, db, client):
    images = {image.title: image for image in get_image_model().objects.all()}
    assert sorted(images) == sorted(entry["title"] for entry in DATA["images"])
    by_key = {entry["key"]: images[entry["title"]] for entry in DATA["images"]}
    for code, texts in texts_by_language(DATA["home"]).items():
        home = HomePage.objects.get(locale__language_code=code)
        assert (home.hero_image, home.hero_image_alt) == (by_key[DATA["home"]["image"]], texts["image_alt"])
    story = DATA["stories"][0]
    for code, texts in texts_by_language(story).items():
        page = page_of("stories", story["key"], code)
        assert page.hero_image == by_key[story["image"]]
        image_block = next(block for block in texts["body"] if block["type"] == "image")
        value = next(block.value for block in page.body if block.block_type == "image")
        assert (value["image"], value["alt_text"], value["caption"]) == (
            by_key[image_block["image"]],
            image_block["alt"],
            image_block["caption"],
        )
        html = client.get(page.url).content.decode()
        assert f'alt="{texts["image_alt"]}"'.replace("'", "&#x27;") in html


def test_campaigns_carry_their_facts_and_list_public_related_stories_in_their_language(imported, db, client):
    item = DATA["campaigns"][0]
    for code, texts in texts_by_language(item).items():
        campaign = page_of("campaigns", item["key"], code)
        assert (campaign.status, campaign.start_date.isoformat()) == (item["status"], item["start_date"])
        assert [link.audience for link in campaign.audience_links.all()] == item["audiences"]
        assert (campaign.the_ask, campaign.call_to_action_label) == (texts["the_ask"], texts["call_to_action_label"])
        assert campaign.call_to_action_url == item["call_to_action_url"]
        expected = [
            page_of("stories", key, code)
            for key in item["related_stories"]
            if StoryPage.objects.filter(import_key=key, locale__language_code=code, live=True).exists()
        ]
        assert expected and campaign.related_stories == expected
        listed = BeautifulSoup(client.get(campaign.url).content, "html.parser")
        titles = [h.get_text(strip=True) for h in listed.select("[aria-labelledby=related-stories] h3")]
        assert titles == [story.title for story in expected]


def test_blocks_become_the_stream_blocks_a_reader_sees(imported, db, client):
    story = DATA["stories"][0]
    for code, texts in texts_by_language(story).items():
        page = page_of("stories", story["key"], code)
        assert [block.block_type for block in page.body] == [
            {"list": "paragraph"}.get(block["type"], block["type"]) for block in texts["body"]
        ]
        heading, paragraph, quote, _image, bullets, _cta = texts["body"]
        assert page.body[0].value["text"] == heading["text"]
        assert text_of(page.body[1].value) == paragraph["text"]
        assert page.body[2].value["quote"] == quote["text"]
        items = BeautifulSoup(page.body[4].value.source, "html.parser").select("ul > li")
        assert [item.get_text() for item in items] == bullets["items"]
        main = BeautifulSoup(client.get(page.url).content, "html.parser").select_one("main").get_text(" ")
        for text in (heading["text"], paragraph["text"], quote["text"], *bullets["items"]):
            assert text in main


def test_site_settings_are_written(imported, db):
    site_settings = stored_site_settings()
    for name, value in DATA["site_settings"].items():
        assert site_settings[name] == value


def test_translations_are_wagtail_localize_translations(imported, db):
    for section in MODELS:
        for item in DATA[section]:
            source = MODELS[section].objects.get(import_key=item["key"], locale__language_code=item.get("locale", "ar"))
            translated = set(
                Translation.objects.filter(source__object_id=source.translation_key, enabled=True).values_list(
                    "target_locale__language_code", flat=True
                )
            )
            assert translated == set(languages(item)) - {item.get("locale", SOURCE_LANGUAGE)}, item["key"]


def test_every_public_page_renders_in_every_language(imported, db, client):
    pages = public_pages(Page.objects.exclude(depth=1))
    assert {page.locale.language_code for page in pages} == {"ar", "en", "fr"}
    for page in pages:
        assert client.get(page.url).status_code == 200, page.url
