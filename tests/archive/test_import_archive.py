"""``manage.py import_archive``: stories from an archive into the page tree, through the real command.

Counts come from the test archive itself (``tests/fixtures/archive/archive.json``).
"""

import copy
import json
from operator import itemgetter

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import String, TranslationSource

from campaigns.models import CampaignPage
from home.models import UnitPage
from stories.models import StoryPage, SurvivorRecord

from .conftest import ARCHIVE_V1, Terminal, granted, languages, record, run_import, subset

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages", "media")]


def stories_in(code, **filters):
    return StoryPage.objects.filter(locale__language_code=code, **filters)


def keys_in(data, code, only=lambda story: True):
    return {story["key"] for story in data["stories"] if code in languages(story) and only(story)}


def translation_counts(data):
    """(created, updated) translations of a first import: new keyed pages, and the fixed pages' existing ones."""
    created = sum(
        len(item.get("translations", {}))
        for section in ("units", "campaigns", "stories")
        for item in data.get(section, [])
    )
    fixed = [data[name] for name in ("home", "about") if name in data] + list(data.get("sections", {}).values())
    return created, sum(len(item.get("translations", {})) for item in fixed)


@pytest.mark.smoke
def test_publish_import_on_a_fresh_database_and_again(client, archive_path, archive, write_archive):
    """Right after ``migrate``: stories in their languages, linked translations, only consented stories live.
    A second run updates those pages instead of adding new ones."""
    stories = archive["stories"]
    consented = {story["key"] for story in stories if granted(story)}
    withheld = {story["key"] for story in stories} - consented
    assert 0 < len(consented) < len(stories)
    assert {record(archive, key)["consent"]["status"] for key in withheld} == {"pending", "withdrawn", "refused"}
    created, updated = translation_counts(archive)

    output = run_import(archive_path, "--publish")

    for code in ("ar", "en", "fr"):
        assert set(stories_in(code).values_list("import_key", flat=True)) == keys_in(archive, code)
        assert set(stories_in(code, live=True).values_list("import_key", flat=True)) == keys_in(archive, code, granted)
    assert SurvivorRecord.objects.count() == sum("private" in story for story in stories)
    assert f"Published: {len(consented)}; left as drafts: {len(withheld)}" in output
    assert f"Translations: {created + updated} ({created} created, {updated} updated)" in output
    incidents = len(archive["incidents"])
    assert f"Incidents: {incidents} ({incidents} created, 0 updated)" in output
    # Consent not granted: kept as a draft revision, never served, even with --publish.
    for page in StoryPage.objects.filter(import_key__in=withheld):
        assert not page.live and page.latest_revision is not None, page
        # A withdrawn story answers "gone" since issue 7; the others "not found".
        assert client.get(page.url).status_code == (410 if page.consent.status == "withdrawn" else 404)

    source = record(archive, "story-001")
    english_text = source["translations"]["en"]
    arabic = stories_in("ar").get(import_key="story-001")
    english = stories_in("en").get(import_key="story-001")
    french = stories_in("fr").get(import_key="story-001")
    assert english.translation_key == arabic.translation_key == french.translation_key
    assert {page.pk for page in arabic.get_translations()} == {english.pk, french.pk}
    assert arabic.get_parent().specific_class.__name__ == "StoryIndexPage"
    assert english.get_parent().locale.language_code == "en"
    assert (arabic.title, arabic.slug) == (source["title"], source["slug"])
    assert (english.title, english.slug) == (english_text["title"], english_text["slug"])
    assert english.summary == english_text["summary"]
    assert english.date.isoformat() == source["date"]
    heading, paragraph, quote, image, bullets, call = english_text["body"]
    campaigns_en = Page.objects.get(locale__language_code="en", depth=3, slug="campaigns")
    assert [(block.block_type, block.value) for block in english.body if block.block_type in ("heading", "quote")] == [
        ("heading", {"text": heading["text"], "level": "h2"}),
        ("quote", {"quote": quote["text"], "attribution": quote["attribution"]}),
    ]
    assert [block.value.source for block in english.body if block.block_type == "paragraph"] == [
        f"<p>{escape(paragraph['text'])}</p>",
        "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in bullets["items"]) + "</ul>",
    ]
    image_block = next(block.value for block in english.body if block.block_type == "image")
    assert (image_block["alt_text"], image_block["caption"]) == (image["alt"], image["caption"])
    assert image_block["image"] == arabic.body[3].value["image"]
    cta = next(block.value for block in english.body if block.block_type == "call_to_action")
    assert (cta["text"], cta["page"].pk) == (call["text"], campaigns_en.pk), "the call to action names the English page"
    # Taxonomy terms in the page's own language.
    assert (arabic.neighbourhood.slug, arabic.neighbourhood.locale.language_code) == (source["neighbourhood"], "ar")
    assert (english.neighbourhood.slug, english.neighbourhood.locale.language_code) == (source["neighbourhood"], "en")
    assert [(term.slug, term.locale.language_code) for term in english.violation_types] == [
        (slug, "en") for slug in source["violation_types"]
    ]
    assert english.consent.recorded_on.isoformat() == source["consent"]["recorded_on"]
    survivor = SurvivorRecord.objects.get(story_translation_key=arabic.translation_key)
    assert (survivor.survivor_name, survivor.contact, survivor.notes) == (
        source["private"]["survivor_name"],
        source["private"]["contact"],
        source["private"]["notes"],
    )

    # Running it again, with a changed title, updates the same pages in place.
    urls = {page.pk: page.url for page in StoryPage.objects.all()}
    images = get_image_model().objects.count()
    changed = copy.deepcopy(archive)
    record(changed, "story-001")["title"] = "عنوان جديد للقصة"
    record(changed, "story-001")["translations"]["en"]["title"] = "A new title for the story"
    output = run_import(write_archive(changed), "--publish")

    total = len(stories)
    assert f"Stories: {total} (0 created, {total} updated)" in output
    assert f"Translations: {created + updated} (0 created, {created + updated} updated)" in output
    assert f"Published: {len(consented)}; left as drafts: {len(withheld)}" in output
    assert {page.pk: page.url for page in StoryPage.objects.all()} == urls
    assert set(stories_in("ar", live=True).values_list("import_key", flat=True)) == keys_in(archive, "ar", granted)
    assert SurvivorRecord.objects.count() == sum("private" in story for story in stories)
    assert get_image_model().objects.count() == images, "the same image files are not added again"
    arabic.refresh_from_db()
    english.refresh_from_db()
    assert (arabic.title, english.title) == ("عنوان جديد للقصة", "A new title for the story")
    assert english.translation_key == arabic.translation_key
    assert "A new title for the story" in client.get(english.url).content.decode()


def test_private_survivor_data_never_reaches_a_public_page_the_api_a_revision_or_a_translation(
    client, archive_path, archive
):
    run_import(archive_path, "--publish")
    private = [story["private"] for story in archive["stories"] if "private" in story]
    secrets = [value for values in private for value in values.values()]
    assert len(set(secrets)) == len(secrets) and len(private) == len(archive["stories"])
    # The newest consented story in Arabic and English, so it is on the first page of the story index and of
    # the API listing.
    source = max(
        (story for story in archive["stories"] if granted(story) and {"ar", "en"} <= set(languages(story))),
        key=itemgetter("date"),
    )
    arabic = stories_in("ar").get(import_key=source["key"])
    english = stories_in("en").get(import_key=source["key"])
    assert arabic.live and english.live

    def assert_clean(url, must_show):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert must_show in text, f"{url} does not show the story, so the check below would prove nothing"
        for secret in secrets:
            for form in (secret, escape(secret), json.dumps(secret)[1:-1]):
                assert form not in text, f"{url} leaks {secret!r}"

    for code, page in (("ar", arabic), ("en", english)):
        assert_clean(page.url, escape(page.title))
        assert_clean(page.get_parent().url, escape(page.title))
        assert_clean(f"/api/v2/pages/{page.pk}/", json.dumps(page.title, ensure_ascii=False)[1:-1])
        assert_clean(f"/api/v2/pages/?type=stories.StoryPage&fields=*&locale={code}&order=-date", f'"id": {page.pk}')
        assert page.latest_revision.content["title"] == page.title
    revisions = Revision.objects.filter(base_content_type=ContentType.objects.get_for_model(Page))
    assert revisions.count() >= StoryPage.objects.count()
    for revision in revisions:
        content = json.dumps(revision.content, ensure_ascii=False)
        assert not any(secret in content for secret in secrets), revision
    # What translators see: wagtail-localize's sources and strings.
    assert TranslationSource.objects.filter(object_id=arabic.translation_key).exists()
    for translation_source in TranslationSource.objects.all():
        assert not any(secret in translation_source.content_json for secret in secrets), translation_source
    assert not String.objects.filter(data__in=secrets).exists()


def test_without_publish_everything_stays_a_draft(archive, write_archive, capsys):
    keys = [story["key"] for story in archive["stories"][:5]]
    smaller = subset(archive, keys)
    english_keys = keys_in(smaller, "en")
    output = run_import(write_archive(smaller), stdout=Terminal())

    assert stories_in("ar").count() == len(keys) and stories_in("en").count() == len(english_keys)
    assert not StoryPage.objects.filter(live=True).exists()
    assert not StoryPage.objects.filter(latest_revision__isnull=True).exists()
    assert f"Published: 0; left as drafts: {len(keys)}" in output
    assert f"{len(keys)}/{len(keys)}" in capsys.readouterr().err, "a progress bar on a terminal"

    story = record(smaller, "story-002")
    story["title"] = "عنوان جديد للقصة"
    story["translations"]["en"]["title"] = "A new title for the story"
    story["violation_types"] = ["home-demolition"]
    output = run_import(write_archive(smaller))

    assert f"Stories: {len(keys)} (0 created, {len(keys)} updated)" in output
    assert capsys.readouterr().err == "", "no progress bar when the output is not a terminal"
    assert stories_in("ar").count() == len(keys) and stories_in("en").count() == len(english_keys)
    arabic = stories_in("ar").get(import_key="story-002")
    english = stories_in("en").get(import_key="story-002")
    assert arabic.get_latest_revision_as_object().title == "عنوان جديد للقصة"
    assert english.get_latest_revision_as_object().title == "A new title for the story"
    assert [term.slug for term in english.get_latest_revision_as_object().violation_types] == ["home-demolition"]
    assert not StoryPage.objects.filter(live=True).exists()


def test_stories_whose_consent_is_no_longer_granted_go_offline(client, archive, write_archive):
    smaller = subset(archive, ["story-001", "story-002", "story-003"])
    assert all(granted(story) for story in smaller["stories"])
    del record(smaller, "story-001")["translations"]["fr"]
    french = {
        "title": "Une maison à Silwan",
        "summary": "Résumé",
        "image_alt": "Un dessin",
        "body": copy.deepcopy(record(smaller, "story-001")["translations"]["en"]["body"]),
    }
    record(smaller, "story-001")["translations"]["fr"] = french
    run_import(write_archive(smaller), "--publish")

    french_page = stories_in("fr").get(import_key="story-001")
    assert french_page.live and french_page.title == "Une maison à Silwan"
    assert french_page.neighbourhood.locale.language_code == "fr"
    assert StoryPage.objects.filter(live=True).count() == sum(len(languages(story)) for story in smaller["stories"])
    urls = {page.pk: page.url for page in StoryPage.objects.all()}
    assert all(client.get(url).status_code == 200 for url in urls.values())

    # With --publish: consent withdrawn, so every translation goes offline.
    record(smaller, "story-001")["consent"]["status"] = "withdrawn"
    output = run_import(write_archive(smaller), "--publish")

    assert "Published: 2; left as drafts: 1; taken offline: 1" in output
    assert StoryPage.objects.count() == len(urls)
    for page in StoryPage.objects.filter(import_key="story-001"):
        assert not page.live and page.consent.status == "withdrawn", page
        assert client.get(urls[page.pk]).status_code == 410  # gone, since issue 7 (was: not found)

    # Without --publish the live stories keep their published text (the change waits as a draft),
    # but one whose consent is now pending cannot stay online either.
    record(smaller, "story-002")["consent"].update(status="pending", recorded_on=None, method=None)
    record(smaller, "story-003")["translations"]["en"]["title"] = "A new title waiting for review"
    output = run_import(write_archive(smaller))

    assert "Published: 0; left as drafts: 3; taken offline: 1" in output
    for page in StoryPage.objects.filter(import_key="story-002"):
        assert not page.live and page.consent.status == "pending", page
        assert client.get(urls[page.pk]).status_code == 404
    english = stories_in("en").get(import_key="story-003")
    assert english.live and english.has_unpublished_changes
    assert english.title == record(archive, "story-003")["translations"]["en"]["title"]
    assert english.get_latest_revision_as_object().title == "A new title waiting for review"
    assert client.get(english.url).status_code == 200


@pytest.mark.smoke
def test_one_bad_record_means_nothing_is_written(archive, write_archive):
    pages_before = Page.objects.count()
    broken = copy.deepcopy(archive)
    record(broken, "story-002")["neighbourhood"] = "atlantis"

    with pytest.raises(CommandError) as error:
        run_import(write_archive(broken), "--publish")

    assert "story-002: neighbourhood: unknown slug 'atlantis'" in str(error.value)
    assert str(error.value).count("story-") == 1
    assert StoryPage.objects.count() == 0 and CampaignPage.objects.count() == 0
    assert SurvivorRecord.objects.count() == 0
    assert get_image_model().objects.count() == 0
    assert Page.objects.count() == pages_before


@pytest.mark.smoke
def test_every_bad_record_is_reported_by_key_and_field(archive, write_archive):
    broken = copy.deepcopy(archive)
    record(broken, "story-001")["date"] = "14/03/2016"
    record(broken, "story-002")["date"] = "2016-02-30"
    del record(broken, "story-003")["title"]
    record(broken, "story-004")["consent"]["status"] = "maybe"
    record(broken, "story-007")["consent"]["recorded_on"] = None
    record(broken, "story-006")["violation_types"] = ["home-demolition", "alien-abduction"]
    record(broken, "story-005")["locale"] = "de"
    record(broken, "story-002")["translations"]["en"]["summary"] = ""
    record(broken, "story-004")["translations"]["xx"] = {"title": "?", "summary": "?", "body": []}
    duplicate = copy.deepcopy(record(archive, "story-006"))
    duplicate["key"] = "story-003"
    broken["stories"].append(duplicate)
    broken["stories"].append("not a story")
    position = [story["key"] for story in archive["stories"]].index("story-003")

    with pytest.raises(CommandError) as error:
        run_import(write_archive(broken))

    message = str(error.value)
    expected = [
        "story-001: date: '14/03/2016' is not a date in the form YYYY-MM-DD",
        "story-002: date: '2016-02-30' is not a real date",
        "story-003: title: missing",
        "story-004: consent.status: 'maybe' is not one of pending, granted, withdrawn, refused",
        "story-007: consent.recorded_on: required when consent is granted",
        "story-006: violation_types[1]: unknown slug 'alien-abduction'",
        "story-005: locale: unknown locale 'de' (expected one of ar, en, fr)",
        "story-002: translations.en.summary: missing",
        "story-004: translations.xx: unknown locale 'xx'",
        f"story-003: key: duplicate key (also used by stories[{position}])",
        f"stories[{len(broken['stories']) - 1}]: record: expected an object",
    ]
    for line in expected:
        assert line in message
    assert len(message.splitlines()) == len(expected) + 1
    assert not StoryPage.objects.exists()


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not valid JSON: Expecting property name"),
        ("[]", 'top level: expected an object with a "stories" list'),
        ('{"incidents": []}', 'top level: expected an object with a "stories" list'),
        ('{"stories": [], "incidents": {}}', "incidents: expected a list"),
    ],
)
def test_a_file_that_is_not_an_archive_is_refused(tmp_path, content, problem):
    path = tmp_path / "archive.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=problem):
        run_import(path)
    assert not StoryPage.objects.exists()


@pytest.mark.smoke
def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="missing.json: cannot read the file"):
        run_import(tmp_path / "missing.json")


@pytest.mark.smoke
def test_a_version_1_archive_is_still_imported(client):
    """The unit's story export before version 2 (``bench/`` and old exports): plain-text paragraphs."""
    data = json.loads(ARCHIVE_V1.read_text(encoding="utf-8"))
    output = run_import(ARCHIVE_V1, "--publish")

    consented = [story for story in data["stories"] if granted(story)]
    assert f"Stories: {len(data['stories'])} ({len(data['stories'])} created, 0 updated)" in output
    assert f"Published: {len(consented)}; left as drafts: {len(data['stories']) - len(consented)}" in output
    assert f"Incidents: {len(data['incidents'])} ({len(data['incidents'])} created, 0 updated)" in output
    source = consented[0]
    english = stories_in("en").get(import_key=source["key"])
    arabic = stories_in("ar").get(import_key=source["key"])
    # wagtail-localize stores the translated strings in its own (equivalent) HTML escaping: compare the text.
    assert [
        (block.block_type, BeautifulSoup(block.value.source, "html.parser").get_text()) for block in english.body
    ] == [("paragraph", text) for text in source["translations"]["en"]["body"]]
    # A blank paragraph is dropped, so both languages have the same blocks.
    assert [block.block_type for block in arabic.body] == ["paragraph"] * len(source["translations"]["en"]["body"])
    page_text = BeautifulSoup(client.get(english.url).content, "html.parser").get_text()
    assert source["translations"]["en"]["body"][-1] in page_text
    assert (
        SurvivorRecord.objects.get(story_translation_key=arabic.translation_key).contact == source["private"]["contact"]
    )


def test_a_page_from_before_import_keys_is_taken_over_not_duplicated(archive_path, archive, site_structure):
    """A database filled by the old demo loader has pages with the archive's slugs but no import key:
    importing gives them their key instead of adding copies under ``<slug>-2``."""
    from tests.factories import UnitPageFactory

    unit = next(item for item in archive["units"] if item.get("slug"))
    old = UnitPageFactory.create(parent=site_structure["units"]["ar"], slug=unit["slug"], title="وحدة قديمة")
    assert old.import_key == ""

    run_import(archive_path, "--publish")

    units = UnitPage.objects.filter(locale__language_code="ar", slug__startswith=unit["slug"])
    assert list(units.values_list("pk", "slug", "import_key")) == [(old.pk, unit["slug"], unit["key"])]
    assert UnitPage.objects.get(pk=old.pk).title == unit["title"]
