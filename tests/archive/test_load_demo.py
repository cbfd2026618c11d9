"""``manage.py load_demo``: the demo archive in every language, the consent rule, idempotency, the demo admin.

What the demo should contain is read from ``archive/demo/archive.json`` itself, so these tests
keep holding when the demo texts change. Loading the demo publishes some sixty pages, so the
module loads it once inside a transaction that is rolled back after the last test; each test
runs in a savepoint within it (pytest-django's ``db``), so nothing a test does leaks into the next.
"""

import hashlib
import io
import json
import re
import shutil
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from archive.demo import DEMO_ARCHIVE
from archive.importer import ArchiveError, import_archive
from campaigns.models import CampaignAudience, CampaignIndexPage, CampaignPage, CampaignRelatedStory
from core.i18n import SOURCE_LANGUAGE
from core.visibility import public_pages
from home.models import AboutPage, HomePage, UnitIndexPage, UnitPage
from stories.models import ConsentRecord, StoryIndexPage, StoryPage, StoryViolationType

from .site_settings import stored_organisation_texts, stored_site_settings

DEMO = json.loads(DEMO_ARCHIVE.read_text(encoding="utf-8"))
LOGIN_LINE = "Log in at http://127.0.0.1:8000/admin/ as admin / munasara-demo"
SECTIONS = {"units": UnitIndexPage, "campaigns": CampaignIndexPage, "stories": StoryIndexPage}
FIXED_PAGES = {"home": HomePage, "about": AboutPage, **SECTIONS}
RECORD_MODELS = {"units": UnitPage, "campaigns": CampaignPage, "stories": StoryPage}
STREAM_FIELDS = {"home": ["body"], "about": ["body"], "units": ["founded_reason", "goals", "how_we_work"]}


def texts_by_language(record):
    """``{language code: the record's texts in it}``, source language first."""
    return {record.get("locale", SOURCE_LANGUAGE): record, **record.get("translations", {})}


def granted(story):
    return story["consent"]["status"] == "granted"


def demo_records(code=None):
    """``(archive section, record, texts)`` for every page record of the demo, in ``code`` when given."""
    for section in ("home", "about"):
        yield from _in_language(section, DEMO[section], code)
    for section in RECORD_MODELS:
        for record in DEMO[section]:
            yield from _in_language(section, record, code)


def _in_language(section, record, code):
    for language, texts in texts_by_language(record).items():
        if code in (None, language):
            yield section, record, language, texts


def stored_page(section, record, code):
    """The page written from ``record`` of archive ``section`` ("home", "about", "units", ...) in ``code``."""
    if section in RECORD_MODELS:
        return RECORD_MODELS[section].objects.get(locale__language_code=code, import_key=record["key"])
    return FIXED_PAGES[section].objects.get(locale__language_code=code)


def run_load_demo():
    out = StringIO()
    with translation.override("en"):
        call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Row counts that a second run (or a refused import) must leave unchanged."""
    return {
        "pages": Page.objects.count(),
        "stories": StoryPage.objects.count(),
        "campaigns": CampaignPage.objects.count(),
        "units": UnitPage.objects.count(),
        "images": get_image_model().objects.count(),
        "story violation types": StoryViolationType.objects.count(),
        "campaign audiences": CampaignAudience.objects.count(),
        "campaign stories": CampaignRelatedStory.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            output = run_load_demo()
            yield {"output": output, "after_first_run": snapshot(), "media": media}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def live_in(model, code):
    return public_pages(model.objects.filter(locale__language_code=code)).specific()


def test_demo_fills_every_language_with_the_expected_pages(demo, db):
    for code in ("ar", "en", "fr"):
        stories = [story for story in DEMO["stories"] if granted(story) and code in texts_by_language(story)]
        units = [unit for unit in DEMO["units"] if code in texts_by_language(unit)]
        campaigns = [campaign for campaign in DEMO["campaigns"] if code in texts_by_language(campaign)]
        assert live_in(StoryPage, code).count() == len(stories), f"public stories in {code}"
        assert live_in(UnitPage, code).count() == len(units), f"units in {code}"
        assert live_in(CampaignPage, code).count() == len(campaigns), f"campaigns in {code}"
        if code != "fr":
            assert len(stories) >= 12 and len(units) == 3 and len(campaigns) >= 3, f"the demo is thin in {code}"
    # French is partial: some stories and campaigns, never more than the Arabic source.
    assert 0 < live_in(StoryPage, "fr").count() < live_in(StoryPage, "ar").count()
    assert live_in(CampaignPage, "fr").exists()
    titles = set(live_in(UnitPage, "en").values_list("title", flat=True))
    assert titles == {unit["translations"]["en"]["title"] for unit in DEMO["units"]}


def test_every_demo_story_has_an_english_translation(demo, db):
    arabic = StoryPage.objects.filter(locale__language_code="ar")
    assert arabic.count() == len(DEMO["stories"])
    for story in arabic:
        english = StoryPage.objects.filter(locale__language_code="en", translation_key=story.translation_key)
        assert english.count() == 1, f"{story.slug} has no single English translation"
        assert english.get().title != story.title, f"{story.slug}: English title is still the Arabic one"
        assert english.get().live == story.live


def test_french_pages_exist_only_where_there_is_french_text(demo, db):
    french_slugs = {story["slug"] for story in DEMO["stories"] if "fr" in story.get("translations", {})}
    stored = set(StoryPage.objects.filter(locale__language_code="fr").values_list("slug", flat=True))
    assert stored == french_slugs
    for page in StoryPage.objects.filter(locale__language_code="fr"):
        source = StoryPage.objects.get(locale__language_code="ar", translation_key=page.translation_key)
        assert page.title != source.title


def test_pages_keep_the_slugs_of_the_archive(demo, db):
    for section, record, code, texts in demo_records():
        if section in RECORD_MODELS:
            assert stored_page(section, record, code).slug == texts.get("slug", record["slug"])


def test_public_stories_carry_consent_vocabulary_and_image_in_their_own_language(demo, db):
    for code in ("ar", "en", "fr"):
        for story in live_in(StoryPage, code):
            assert story.consent.status == "granted" and story.consent.recorded_on and story.consent.method
            assert story.consent.recorded_on >= story.date, f"{story.slug}: consent recorded before the events"
            assert story.anonymised
            assert story.summary and story.body, f"{story.slug} ({code}) has no text"
            assert story.neighbourhood.locale.language_code == code
            assert story.violation_types, f"{story.slug} has no violation type"
            assert {term.locale.language_code for term in story.violation_types} == {code}
            assert story.hero_image is not None and story.hero_image_alt
            block_types = {block.block_type for block in story.body}
            assert {"paragraph", "quote"} <= block_types


def test_stories_without_consent_stay_unpublished_drafts(demo, db, client):
    pending_keys = {story["key"] for story in DEMO["stories"] if not granted(story)}
    assert pending_keys, "the demo should show the consent rule with at least one pending story"
    pending = StoryPage.objects.filter(
        translation_key__in=ConsentRecord.objects.filter(status="pending").values("story_translation_key")
    )
    assert set(pending.values_list("import_key", flat=True)) == pending_keys
    for story in pending:
        assert not story.live
        assert story.get_latest_revision() is not None
        assert not public_pages(Page.objects.filter(pk=story.pk)).exists()
    # A campaign may name a pending story in the archive, but never shows it: not in its
    # related stories, not on its page.
    pending_titles = set(pending.values_list("title", flat=True))
    for campaign in CampaignPage.objects.live():
        assert not {story.pk for story in campaign.related_stories} & set(pending.values_list("pk", flat=True))
        page = client.get(campaign.url)
        assert page.status_code == 200
        assert not [title for title in pending_titles if title in page.content.decode()]


def test_campaigns_link_stories_and_audiences_in_the_same_language(demo, db):
    records = {campaign["key"]: campaign for campaign in DEMO["campaigns"]}
    public_keys = {story["key"] for story in DEMO["stories"] if granted(story)}
    statuses = set()
    for code in ("ar", "en"):
        for campaign in live_in(CampaignPage, code):
            record = records[campaign.import_key]
            statuses.add(campaign.status)
            assert [audience["slug"] for audience in campaign.audiences] == record["audiences"]
            assert campaign.the_ask
            assert campaign.call_to_action_url == "", "the demo must not link to other sites"
            stories = campaign.related_stories
            assert stories, f"{campaign.slug} ({code}) has no related story"
            assert [story.import_key for story in stories] == [
                key for key in record["related_stories"] if key in public_keys
            ]
            assert {story.locale.language_code for story in stories} == {code}
            assert all(story.live for story in stories)
            if campaign.status == "closed":
                assert campaign.end_date and campaign.end_date >= campaign.start_date
    assert statuses == {"active", "closed"}


def test_center_and_unit_pages_and_site_settings(demo, db):
    about = AboutPage.objects.get(locale__language_code="ar")
    assert about.founded_year == DEMO["about"]["founded_year"]
    assert about.introduction == DEMO["about"]["introduction"]
    assert "البلدة القديمة" in about.introduction
    for unit in DEMO["units"]:
        for code in texts_by_language(unit):
            page = stored_page("units", unit, code)
            assert page.founded_year == unit.get("founded_year")
            assert page.founded_reason and page.goals and page.how_we_work
    home = HomePage.objects.get(locale__language_code="ar")
    assert home.introduction == DEMO["home"]["introduction"]
    assert home.hero_image is not None
    site_settings = stored_site_settings()
    for name, value in DEMO["site_settings"].items():
        if name != "translations":
            assert site_settings[name] == value, name
    for code, texts in DEMO["site_settings"]["translations"].items():
        assert stored_organisation_texts(code) == texts, code
    for key, model in SECTIONS.items():
        for code, texts in texts_by_language(DEMO["sections"][key]).items():
            assert model.objects.get(locale__language_code=code).introduction == texts["introduction"]


def test_every_text_reaches_its_page_block_by_block(demo, db):
    """Titles, summaries and every block of every page, in the page's own language."""
    image_titles = {image["key"]: image["title"] for image in DEMO["images"]}
    for section, record, code, texts in demo_records():
        page = stored_page(section, record, code)
        label = f"{record.get('key', section)} ({code})"
        for name in ("title", "summary", "mission", "the_ask", "introduction"):
            if name in texts:
                assert getattr(page, name) == texts[name], f"{label}: {name}"
        if "image_alt" in texts:
            assert page.hero_image.title == image_titles[record["image"]], label
            assert page.hero_image_alt == texts["image_alt"], label
        for name in STREAM_FIELDS.get(section, ["body"]):
            stored = list(getattr(page, name))
            assert len(stored) == len(texts[name]), f"{label}: {name} has another number of blocks"
            for index, (block, expected) in enumerate(zip(stored, texts[name], strict=True)):
                assert_block(block, expected, code, image_titles, f"{label}: {name}[{index}]")


def assert_block(block, expected, code, image_titles, label):
    value = block.value
    kind = expected["type"]
    if kind == "heading":
        wanted = ("heading", expected["text"], expected.get("level", "h2"))
        assert (block.block_type, value["text"], value["level"]) == wanted, label
    elif kind == "paragraph":
        assert block.block_type == "paragraph", label
        assert BeautifulSoup(value.source, "html.parser").get_text() == expected["text"], label
    elif kind == "list":
        assert block.block_type == "paragraph", label
        items = [item.get_text() for item in BeautifulSoup(value.source, "html.parser").select("ul > li")]
        assert items == expected["items"], label
    elif kind == "quote":
        assert block.block_type == "quote", label
        assert (value["quote"], value["attribution"]) == (expected["text"], expected.get("attribution", "")), label
    elif kind == "image":
        assert block.block_type == "image", label
        assert value["image"].title == image_titles[expected["image"]], label
        assert (value["alt_text"], value["caption"]) == (expected["alt"], expected.get("caption", "")), label
    elif kind == "call_to_action":
        assert block.block_type == "call_to_action", label
        assert (value["text"], value["button_label"]) == (expected["text"], expected["button_label"]), label
        target = value["page"].specific
        assert isinstance(target, FIXED_PAGES[expected["page"]]), f"{label}: points at {target!r}"
        assert target.locale.language_code == code, f"{label}: points at a page in another language"
    else:
        pytest.fail(f"{label}: the demo uses block type {kind!r} that this test does not know")


def test_demo_images_are_the_archive_jpegs_with_arabic_titles(demo, db):
    image_model = get_image_model()
    assert image_model.objects.count() == len(DEMO["images"])
    for entry in DEMO["images"]:
        image = image_model.objects.get(title=entry["title"])
        assert any("\u0600" <= char <= "\u06ff" for char in image.title)
        assert str(demo["media"]) in image.file.path
        archived = (DEMO_ARCHIVE.parent / entry["file"]).read_bytes()
        with image.open_file() as handle:
            stored = handle.read()
        assert hashlib.sha1(stored).digest() == hashlib.sha1(archived).digest(), entry["key"]
        picture = PillowImage.open(io.BytesIO(stored))
        assert picture.format == "JPEG"
        assert (image.width, image.height) == picture.size
    home = image_model.objects.get(title=next(e["title"] for e in DEMO["images"] if e["key"] == DEMO["home"]["image"]))
    assert (home.width, home.height) == (1600, 900)


def test_second_run_updates_the_same_pages_without_duplicates(demo, db):
    story = StoryPage.objects.get(locale__language_code="en", slug="a-home-in-al-bustan")
    story.title = "Edited by hand"
    story.save_revision().publish()

    run_load_demo()

    assert snapshot() == demo["after_first_run"]
    story = StoryPage.objects.get(pk=story.pk)
    record = next(record for record in DEMO["stories"] if record["key"] == story.import_key)
    assert story.title == record["translations"]["en"]["title"]
    assert story.live


def test_no_admin_account_under_test_settings(demo, db):
    assert not get_user_model().objects.exists()
    assert "No demo admin account was created" in demo["output"]
    assert LOGIN_LINE not in demo["output"]


def test_demo_admin_is_created_once_when_enabled(demo, db, settings):
    settings.MUNASARA_DEMO_ADMIN = True

    output = run_load_demo()

    user = get_user_model().objects.get()
    assert user.username == "admin" and user.is_superuser
    assert user.check_password("munasara-demo")
    assert user.wagtail_userprofile.preferred_language == "ar"
    assert LOGIN_LINE in output

    user.set_password("changed-by-the-team")
    user.save()
    output = run_load_demo()

    assert get_user_model().objects.count() == 1
    assert get_user_model().objects.get().check_password("changed-by-the-team")
    assert "already exists" in output and LOGIN_LINE in output


# --- A broken copy of the demo archive is refused as a whole ----------------------------------


@pytest.fixture
def broken_copy(tmp_path):
    """A copy of the demo archive and its images; ``broken_copy(change)`` edits the JSON and returns its path."""
    folder = tmp_path / "demo"
    shutil.copytree(DEMO_ARCHIVE.parent, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = folder / DEMO_ARCHIVE.name

    def edit(change):
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return edit


def story_key_with_french():
    return next(story["key"] for story in DEMO["stories"] if granted(story) and "fr" in story["translations"])


def story(data, key):
    return next(record for record in data["stories"] if record["key"] == key)


def assert_refused(path, pattern):
    """Importing ``path`` fails with an error matching ``pattern``, and nothing is written."""
    before = snapshot()
    titles = dict(StoryPage.objects.values_list("pk", "title"))
    with pytest.raises(ArchiveError) as refused:
        import_archive(path, publish=True)
    assert any(re.search(pattern, message) for message in refused.value.errors), refused.value.errors
    assert snapshot() == before
    assert dict(StoryPage.objects.values_list("pk", "title")) == titles


def test_unknown_vocabulary_slug_is_named_in_the_error(demo, db, broken_copy):
    key = story_key_with_french()

    def change(data):
        story(data, key)["violation_types"] = ["no-such-violation"]
        story(data, key)["title"] = "عنوان لا يجوز أن يُكتب"

    assert_refused(broken_copy(change), rf"^{re.escape(key)}: violation_types\b.*no-such-violation")


def test_unknown_block_type_is_named_in_the_error(demo, db, broken_copy):
    key = story_key_with_french()

    def change(data):
        record = story(data, key)
        for texts in texts_by_language(record).values():
            texts["body"][0] = {"type": "video", "url": "https://example.org/video"}
        record["title"] = "عنوان لا يجوز أن يُكتب"

    assert_refused(broken_copy(change), rf"^{re.escape(key)}: body\[0\].*video")


def test_call_to_action_to_an_unknown_page_is_named_in_the_error(demo, db, broken_copy):
    def change(data):
        data["home"]["body"] = [
            {**block, "page": "no-such-page"} if block["type"] == "call_to_action" else block
            for block in data["home"]["body"]
        ]

    index = next(i for i, block in enumerate(DEMO["home"]["body"]) if block["type"] == "call_to_action")
    assert_refused(broken_copy(change), rf"^home: body\[{index}\]\.page: .*no-such-page")


def test_load_demo_refuses_a_broken_demo_and_names_the_problem(demo, db, broken_copy, monkeypatch):
    key = story_key_with_french()
    path = broken_copy(lambda data: story(data, key).update(neighbourhood="nowhere"))
    monkeypatch.setattr("archive.management.commands.load_demo.DEMO_ARCHIVE", path)
    before = snapshot()

    with pytest.raises(CommandError, match=rf"(?m)^  {re.escape(key)}: neighbourhood: .*nowhere"):
        run_load_demo()

    assert snapshot() == before


# --- Rendering and the translation editor ------------------------------------------------------


def first(section):
    return DEMO[section][0]["slug"]


@pytest.mark.parametrize(
    ("path", "template"),
    [
        ("/ar/", "home/home_page.html"),
        ("/en/", "home/home_page.html"),
        ("/fr/", "home/home_page.html"),
        ("/en/about/", "home/about_page.html"),
        ("/ar/units/", "home/unit_index_page.html"),
        (f"/fr/units/{first('units')}/", "home/unit_page.html"),
        ("/en/campaigns/", "campaigns/campaign_index_page.html"),
        (f"/ar/campaigns/{first('campaigns')}/", "campaigns/campaign_page.html"),
        ("/ar/stories/", "stories/story_index_page.html"),
        (f"/en/stories/{first('stories')}/", "stories/story_page.html"),
    ],
)
def test_demo_pages_render(demo, db, client, path, template):
    # A missing template raises TemplateDoesNotExist here and fails the test.
    response = client.get(path)
    assert response.status_code == 200
    assert template in [used.name for used in response.templates]


def test_demo_translations_are_wagtail_localize_translations(demo, db, admin_client):
    """The translation editor sees demo translations as it sees a translator's work."""
    sources = [
        (stored_page(section, record, code), record) for section, record, code, _ in demo_records(SOURCE_LANGUAGE)
    ]
    sources += [
        (model.objects.get(locale__language_code=SOURCE_LANGUAGE), DEMO["sections"][key])
        for key, model in SECTIONS.items()
    ]
    for page, record in sources:
        languages = set(record.get("translations", {}))
        if not languages:
            continue
        source = TranslationSource.objects.get_for_instance_or_none(page)
        assert source is not None, f"{page.title}: no translation source for the Arabic page"
        targets = set(source.translations.filter(enabled=True).values_list("target_locale__language_code", flat=True))
        assert targets == languages, page.title

    english = stored_page("stories", DEMO["stories"][0], "en")
    response = admin_client.get(f"/admin/pages/{english.pk}/edit/")
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [used.name for used in response.templates]
