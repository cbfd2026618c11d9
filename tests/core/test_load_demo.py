"""``manage.py load_demo``: the demo content, its translations, the consent rule, idempotency, the demo admin.

Loading the demo publishes some sixty pages, so the module loads it once inside a
transaction that is rolled back after the last test; each test runs in a savepoint
within it (pytest-django's ``db``), so nothing a test does leaks into the next.
"""

import io
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.test import override_settings
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Page

from archive.demo import images as demo_images
from archive.demo import loader
from archive.demo.stories import STORIES
from campaigns.models import CampaignAudience, CampaignPage, CampaignRelatedStory
from core.models import ViolationType
from core.visibility import public_pages
from home.models import AboutPage, HomePage, SiteSettings, UnitPage
from stories.models import StoryPage, StoryViolationType

LOGIN_LINE = "Log in at http://127.0.0.1:8000/admin/ as admin / munasara-demo"


def run_load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Row counts that a second run must leave unchanged."""
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
    for code in ("ar", "en"):
        assert live_in(StoryPage, code).count() >= 12, f"too few public stories in {code}"
        assert live_in(UnitPage, code).count() == 3, f"expected the three units in {code}"
        assert live_in(CampaignPage, code).count() >= 3, f"too few campaigns in {code}"
    # French is partial: some stories and campaigns, never more than the Arabic source.
    assert 0 < live_in(StoryPage, "fr").count() < live_in(StoryPage, "ar").count()
    assert live_in(CampaignPage, "fr").exists()
    titles = set(live_in(UnitPage, "en").values_list("title", flat=True))
    assert titles == {"International Advocacy Unit", "Community Advocacy Unit", "Legal Services Unit"}


def test_every_demo_story_has_an_english_translation(demo, db):
    arabic = StoryPage.objects.filter(locale__language_code="ar")
    assert arabic.count() == len(STORIES)
    for story in arabic:
        english = StoryPage.objects.filter(locale__language_code="en", translation_key=story.translation_key)
        assert english.count() == 1, f"{story.slug} has no single English translation"
        assert english.get().title != story.title, f"{story.slug}: English title is still the Arabic one"
        assert english.get().live == story.live


def test_french_pages_exist_only_where_there_is_french_text(demo, db):
    french_slugs = {story["slug"] for story in STORIES if "fr" in story["text"]}
    stored = set(StoryPage.objects.filter(locale__language_code="fr").values_list("slug", flat=True))
    assert stored == french_slugs
    for page in StoryPage.objects.filter(locale__language_code="fr"):
        source = StoryPage.objects.get(locale__language_code="ar", translation_key=page.translation_key)
        assert page.title != source.title


def test_public_stories_carry_consent_vocabulary_and_image_in_their_own_language(demo, db):
    for code in ("ar", "en", "fr"):
        for story in live_in(StoryPage, code):
            assert story.consent_status == "granted" and story.consent_recorded_on and story.consent_method
            assert story.consent_recorded_on >= story.date, f"{story.slug}: consent recorded before the events"
            assert story.anonymised
            assert story.summary and story.body, f"{story.slug} ({code}) has no text"
            assert story.neighbourhood.locale.language_code == code
            assert story.violation_types, f"{story.slug} has no violation type"
            assert {term.locale.language_code for term in story.violation_types} == {code}
            assert story.hero_image is not None and story.hero_image_alt
            block_types = {block.block_type for block in story.body}
            assert {"paragraph", "quote"} <= block_types


def test_stories_without_consent_stay_unpublished_drafts(demo, db, client):
    pending = StoryPage.objects.filter(consent_status="pending")
    assert pending.filter(locale__language_code="ar").count() >= 1
    for story in pending:
        assert not story.live
        assert story.get_latest_revision() is not None
        assert not public_pages(Page.objects.filter(pk=story.pk)).exists()
    # A campaign may name a pending story in the content, but never links to it.
    linked = CampaignRelatedStory.objects.values_list("story_id", flat=True)
    assert not pending.filter(pk__in=linked).exists()


def test_campaigns_link_stories_and_audiences_in_the_same_language(demo, db):
    statuses = set()
    for code in ("ar", "en"):
        for campaign in live_in(CampaignPage, code):
            statuses.add(campaign.status)
            assert campaign.audiences, f"{campaign.slug} has no audience"
            assert campaign.the_ask
            assert campaign.call_to_action_url == "", "the demo must not link to other sites"
            stories = [link.story for link in campaign.related_story_links.all()]
            assert stories, f"{campaign.slug} ({code}) has no related story"
            assert {story.locale.language_code for story in stories} == {code}
            assert all(story.live for story in stories)
            if campaign.status == "closed":
                assert campaign.end_date and campaign.end_date >= campaign.start_date
    assert statuses == {"active", "closed"}


def test_center_and_unit_pages_and_site_settings(demo, db):
    about = AboutPage.objects.get(locale__language_code="ar")
    assert about.founded_year == 1999
    assert "البلدة القديمة" in about.introduction
    unit = UnitPage.objects.get(locale__language_code="en", slug="international-advocacy")
    assert unit.founded_year == 2016
    assert unit.founded_reason and unit.goals and unit.how_we_work
    home = HomePage.objects.get(locale__language_code="ar")
    assert home.introduction and home.hero_image is not None
    site_settings = SiteSettings.load()
    assert site_settings.organisation_name == "مركز العمل المجتمعي – جامعة القدس"
    assert site_settings.contact_email == "info@example.org"
    assert "البلدة القديمة" in site_settings.address


def test_demo_images_are_generated_jpegs_with_arabic_titles(demo, db):
    image_model = get_image_model()
    assert image_model.objects.count() == len(demo_images.IMAGES)
    image = image_model.objects.get(title=demo_images.IMAGES["home"][0])
    assert (image.width, image.height) == (1600, 900)
    with image.open_file() as handle:
        picture = PillowImage.open(io.BytesIO(handle.read()))
        assert picture.format == "JPEG"
    assert str(demo["media"]) in image.file.path
    assert any("\u0600" <= char <= "\u06ff" for char in image.title)


def test_second_run_updates_the_same_pages_without_duplicates(demo, db):
    story = StoryPage.objects.get(locale__language_code="en", slug="a-home-in-al-bustan")
    story.title = "Edited by hand"
    story.save_revision().publish()

    run_load_demo()

    assert snapshot() == demo["after_first_run"]
    story = StoryPage.objects.get(pk=story.pk)
    assert story.title == "A home in al-Bustan"
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


def test_unknown_vocabulary_slug_is_named_in_the_error(demo, db):
    locale = StoryPage.objects.filter(locale__language_code="ar").first().locale
    with pytest.raises(loader.DemoContentError, match="'no-such-violation'.*'ar'"):
        loader.term(ViolationType, "no-such-violation", locale)


def test_unknown_block_type_is_named_in_the_error(demo, db):
    with pytest.raises(loader.DemoContentError, match="'video'"):
        loader.stream([("video", "x")], "ar", {})


@pytest.mark.parametrize("path", ["/ar/", "/en/", "/fr/", "/ar/stories/", "/en/stories/a-home-in-al-bustan/"])
def test_demo_pages_render(demo, db, client, path):
    try:
        get_template("home/home_page.html")
        get_template("stories/story_page.html")
        get_template("stories/story_index_page.html")
    except TemplateDoesNotExist as missing:
        pytest.skip(f"page templates are not written yet ({missing})")
    response = client.get(path)
    assert response.status_code == 200
