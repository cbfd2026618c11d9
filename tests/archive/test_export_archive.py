"""``manage.py export_archive``: the public site out as an archive, and back in."""

import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from core.visibility import public_pages
from home.models import OrganisationDetails, SiteSettings, UnitPage
from stories.models import StoryPage, SurvivorRecord

from .conftest import granted, run_import

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages", "media")]

API_TYPES = [
    "home.HomePage",
    "home.AboutPage",
    "home.UnitIndexPage",
    "home.UnitPage",
    "campaigns.CampaignIndexPage",
    "campaigns.CampaignPage",
    "stories.StoryIndexPage",
    "stories.StoryPage",
]
# What differs between two databases holding the same site: row ids, timestamps, file names of renditions.
VOLATILE_KEYS = {"id", "detail_url", "first_published_at", "last_published_at"}
MEDIA_URL = re.compile(r"/media/[^\"'\s]+")
PAGE_LINK = re.compile(r'<a ([^>]*\blinktype="page"[^>]*)>')
PAGE_ID = re.compile(r'\bid="(\d+)"')


def run_export(folder, *args):
    stdout, stderr = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("export_archive", str(folder), *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def public_site(client):
    """Everything the public can see, in a form two databases holding the same site agree on."""
    pages = {}
    for page in public_pages(Page.objects.exclude(depth=1)).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        main = BeautifulSoup(response.content, "html.parser").select_one("main")
        pages[page.url] = (page.title, MEDIA_URL.sub("/media/…", " ".join(main.get_text(" ").split())))
    api = {}
    for page_type in API_TYPES:
        for code in ("ar", "en", "fr"):
            response = client.get(f"/api/v2/pages/?type={page_type}&locale={code}&fields=*&order=title&limit=50")
            assert response.status_code == 200
            api[(page_type, code)] = _comparable(response.json()["items"])
    return pages, api


def _comparable(value):
    if isinstance(value, dict):
        return {name: _comparable(_by_what(name, item)) for name, item in value.items() if name not in VOLATILE_KEYS}
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    if isinstance(value, str):
        value = PAGE_LINK.sub(lambda link: PAGE_ID.sub(_page_url, link.group(0)), value)
        return MEDIA_URL.sub("/media/…", value)
    return value


def _page_url(match):
    return f'url="{Page.objects.get(pk=match.group(1)).url}"'


def _by_what(name, value):
    """A page or image chosen in a stream (an id in the API) by its URL or its file's hash."""
    if name == "page" and isinstance(value, int):
        return Page.objects.get(pk=value).url
    if name == "image" and isinstance(value, int):
        return get_image_model().objects.get(pk=value).file_hash
    return value


def streams_by_url():
    """Page and image choices inside streams, named by what they point at (their ids differ between databases)."""
    found = {}
    for page in public_pages(Page.objects.exclude(depth=1)).specific():
        for name in ("body", "founded_reason", "goals", "how_we_work"):
            for block in getattr(page, name, None) or []:
                if block.block_type == "call_to_action" and block.value["page"]:
                    found.setdefault(page.url, []).append(("page", block.value["page"].url))
                if block.block_type == "image":
                    found.setdefault(page.url, []).append(("image", block.value["image"].file_hash))
    return found


def empty_the_site():
    """Back to a database fresh from ``migrate``: no pages below the root, no images, no private records."""
    for page in Page.objects.filter(depth=2):
        page.delete()
    get_image_model().objects.all().delete()
    SurvivorRecord.objects.all().delete()
    SiteSettings.objects.all().delete()
    OrganisationDetails.objects.all().delete()
    TranslationSource.objects.all().delete()
    assert Page.objects.count() == 1


def secrets_of(archive):
    return [value for story in archive["stories"] for value in story.get("private", {}).values()]


@pytest.mark.smoke
def test_export_then_import_into_an_empty_database_reproduces_the_public_site(client, archive_path, archive, tmp_path):
    run_import(archive_path, "--publish")
    before = public_site(client)
    choices_before = streams_by_url()
    assert len(before[0]) > 10 and all(before[1][("stories.StoryPage", code)] for code in ("ar", "en", "fr"))

    output, warnings = run_export(tmp_path / "export")
    assert warnings == "", "the test archive holds nothing the format cannot carry"
    exported = json.loads((tmp_path / "export" / "archive.json").read_text(encoding="utf-8"))
    public_stories = [story for story in archive["stories"] if granted(story)]
    assert f"stories: {len(public_stories)}" in output
    assert sorted(path.name for path in (tmp_path / "export" / "images").iterdir()) == sorted(
        entry["file"].removeprefix("images/") for entry in exported["images"]
    )

    empty_the_site()
    output = run_import(tmp_path / "export" / "archive.json", "--publish")

    assert f"Stories: {len(public_stories)} ({len(public_stories)} created, 0 updated)" in output
    after = public_site(client)
    assert after[0] == before[0]
    for section, listing in before[1].items():
        assert after[1][section] == listing, section
    assert streams_by_url() == choices_before
    assert SiteSettings.load().contact_email == archive["site_settings"]["contact_email"]


def test_a_default_export_holds_the_public_site_only(client, archive_path, archive, tmp_path):
    run_import(archive_path, "--publish")
    live_story = StoryPage.objects.get(import_key="story-001", locale__language_code="en")
    draft = StoryPage.objects.get(pk=live_story.pk)
    draft.title = "A draft title nobody has published"
    draft.save_revision()
    withheld = [story for story in archive["stories"] if not granted(story)]
    assert withheld and secrets_of(archive)

    output, warnings = run_export(tmp_path / "export")

    text = (tmp_path / "export" / "archive.json").read_text(encoding="utf-8")
    exported = json.loads(text)
    assert exported["includes_private"] is False and "WARNING" not in warnings
    assert "A draft title nobody has published" not in text
    assert live_story.title in text
    assert {story["key"] for story in exported["stories"]} == {
        story["key"] for story in archive["stories"] if granted(story)
    }
    for story in withheld:
        for texts in [story, *story.get("translations", {}).values()]:
            assert texts["title"] not in text
    for secret in secrets_of(archive):
        assert secret not in text, f"the public export leaks {secret!r}"
    assert all("private" not in story for story in exported["stories"])
    assert "Private survivor records" not in output


def test_include_private_exports_everything_for_a_staff_backup(client, archive_path, archive, tmp_path):
    run_import(archive_path, "--publish")
    units = Page.objects.get(locale__language_code="ar", depth=3, slug="units").specific
    unpublished = UnitPage(title="وحدة قيد الإعداد", slug="unit-in-progress", locale=units.locale, live=False)
    units.add_child(instance=unpublished)
    unpublished.save_revision()

    output, warnings = run_export(tmp_path / "backup", "--include-private")

    assert "WARNING" in warnings and "private" in warnings
    exported = json.loads((tmp_path / "backup" / "archive.json").read_text(encoding="utf-8"))
    assert exported["includes_private"] is True
    statuses = {story["key"]: story["consent"]["status"] for story in exported["stories"]}
    assert statuses == {story["key"]: story["consent"]["status"] for story in archive["stories"]}
    assert sorted(secrets_of(exported)) == sorted(secrets_of(archive))
    assert f"Private survivor records: {sum('private' in story for story in archive['stories'])}" in output
    drafts = [unit for unit in exported["units"] if unit.get("draft")]
    assert [unit["title"] for unit in drafts] == ["وحدة قيد الإعداد"]

    # Restoring the backup: drafts and unconsented stories stay offline even with --publish.
    empty_the_site()
    run_import(tmp_path / "backup" / "archive.json", "--publish")
    assert SurvivorRecord.objects.count() == sum("private" in story for story in archive["stories"])
    assert not UnitPage.objects.get(slug="unit-in-progress").live
    live = set(StoryPage.objects.filter(live=True).values_list("import_key", flat=True))
    assert live == {story["key"] for story in archive["stories"] if granted(story)}


def test_links_to_pages_left_out_of_the_export_are_named(archive_path, tmp_path):
    run_import(archive_path, "--publish")
    pending = StoryPage.objects.get(import_key="story-004", locale__language_code="ar")
    story = StoryPage.objects.get(import_key="story-002", locale__language_code="ar")
    story.body.append(("call_to_action", {"text": "قصة أخرى", "button_label": "اقرأ", "page": pending, "url": ""}))
    story.save_revision().publish()

    _output, warnings = run_export(tmp_path / "export")

    assert "story-002 (ar): body: a call to action's link to a page that is not exported" in warnings
    exported = json.loads((tmp_path / "export" / "archive.json").read_text(encoding="utf-8"))
    assert "story-004" not in json.dumps(exported)
