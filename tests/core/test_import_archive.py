"""``manage.py import_archive``: the unit's story archive into the page tree, through the real command."""

import copy
import io
import json
from operator import itemgetter

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page, Revision

from stories.models import StoryPage, SurvivorRecord

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_messages():
    """The command speaks the active language (Arabic by default); these tests read its English messages."""
    with translation.override("en"):
        yield


class Terminal(io.StringIO):
    """Captured output that says it is an interactive terminal."""

    def isatty(self):
        return True


@pytest.fixture
def archive(demo_archive_path):
    """The demo archive as data, to copy and change."""
    return json.loads(demo_archive_path.read_text(encoding="utf-8"))


@pytest.fixture
def write_archive(tmp_path):
    def write(data, name="archive.json"):
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write


def run_import(path, *args, stdout=None):
    stdout = stdout or io.StringIO()
    call_command("import_archive", str(path), *args, stdout=stdout, stderr=io.StringIO())
    return stdout.getvalue()


def stories_in(code, **filters):
    return StoryPage.objects.filter(locale__language_code=code, **filters)


def record(data, key):
    return next(story for story in data["stories"] if story["key"] == key)


@pytest.mark.smoke
def test_publish_import_on_a_fresh_database_and_again(client, demo_archive_path, archive, write_archive):
    """Right after ``migrate``: Arabic stories, linked English translations, only consented stories live.
    A second run updates those pages instead of adding new ones."""
    granted = {story["key"] for story in archive["stories"] if story["consent"]["status"] == "granted"}
    withheld = {story["key"] for story in archive["stories"]} - granted
    assert len(archive["stories"]) == 40 and 0 < len(granted) < 40
    assert {record(archive, key)["consent"]["status"] for key in withheld} == {"pending", "withdrawn"}

    output = run_import(demo_archive_path, "--publish")

    assert stories_in("ar").count() == 40
    assert stories_in("en").count() == 40
    assert stories_in("fr").count() == 0
    assert set(stories_in("ar", live=True).values_list("import_key", flat=True)) == granted
    assert set(stories_in("en", live=True).values_list("import_key", flat=True)) == granted
    assert SurvivorRecord.objects.count() == 40
    assert f"Published: {len(granted)}; left as drafts: {40 - len(granted)}" in output
    assert "Translations: 40 (40 created, 0 updated)" in output
    assert "Skipped 30 incidents (no incidents model yet)" in output
    # Pending or withdrawn consent: kept as a draft revision, never served, even with --publish.
    for page in StoryPage.objects.filter(import_key__in=withheld):
        assert not page.live and page.latest_revision is not None, page
        assert client.get(page.url).status_code == 404

    source = record(archive, "story-001")
    arabic = stories_in("ar").get(import_key="story-001")
    english = stories_in("en").get(import_key="story-001")
    assert english.translation_key == arabic.translation_key
    assert [page.pk for page in arabic.get_translations()] == [english.pk]
    assert arabic.get_parent().specific_class.__name__ == "StoryIndexPage"
    assert english.get_parent().locale.language_code == "en"
    assert arabic.title == source["title"]
    assert english.title == source["translations"]["en"]["title"]
    assert english.summary == source["translations"]["en"]["summary"]
    assert english.date.isoformat() == source["date"]
    assert [(block.block_type, block.value.source) for block in english.body] == [
        ("paragraph", f"<p>{escape(text)}</p>") for text in source["translations"]["en"]["body"]
    ]
    # Taxonomy terms in the page's own language.
    assert (arabic.neighbourhood.slug, arabic.neighbourhood.locale.language_code) == (source["neighbourhood"], "ar")
    assert (english.neighbourhood.slug, english.neighbourhood.locale.language_code) == (source["neighbourhood"], "en")
    assert [(term.slug, term.locale.language_code) for term in english.violation_types] == [
        (slug, "en") for slug in source["violation_types"]
    ]
    assert english.consent_recorded_on.isoformat() == source["consent"]["recorded_on"]
    survivor = SurvivorRecord.objects.get(story_translation_key=arabic.translation_key)
    assert survivor.survivor_name == source["private"]["survivor_name"]
    assert survivor.contact == source["private"]["contact"]

    # Running it again, with a changed title, updates the same pages in place.
    urls = {page.pk: page.url for page in StoryPage.objects.all()}
    changed = copy.deepcopy(archive)
    record(changed, "story-001")["title"] = "عنوان جديد للقصة"
    record(changed, "story-001")["translations"]["en"]["title"] = "A new title for the story"
    output = run_import(write_archive(changed), "--publish")

    assert "Stories: 40 (0 created, 40 updated)" in output
    assert "Translations: 40 (0 created, 40 updated)" in output
    assert f"Published: {len(granted)}; left as drafts: {40 - len(granted)}" in output
    assert {page.pk: page.url for page in StoryPage.objects.all()} == urls
    assert set(stories_in("ar", live=True).values_list("import_key", flat=True)) == granted
    assert SurvivorRecord.objects.count() == 40
    arabic.refresh_from_db()
    english.refresh_from_db()
    assert (arabic.title, english.title) == ("عنوان جديد للقصة", "A new title for the story")
    assert english.translation_key == arabic.translation_key
    assert "A new title for the story" in client.get(english.url).content.decode()


def test_private_survivor_data_never_reaches_a_public_page_the_api_or_a_revision(client, demo_archive_path, archive):
    run_import(demo_archive_path, "--publish")
    secrets = [story["private"][name] for story in archive["stories"] for name in ("survivor_name", "contact")]
    assert len(set(secrets)) == 80
    # The newest consented story, so it is on the first page of the story index and of the API listing.
    source = max(
        (story for story in archive["stories"] if story["consent"]["status"] == "granted"), key=itemgetter("date")
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
    assert revisions.count() >= 80
    for revision in revisions:
        content = json.dumps(revision.content, ensure_ascii=False)
        assert not any(secret in content for secret in secrets), revision


def test_without_publish_everything_stays_a_draft(archive, write_archive, capsys):
    subset = copy.deepcopy(archive)
    subset["stories"] = subset["stories"][:5]
    path = write_archive(subset)
    output = run_import(path, stdout=Terminal())

    assert stories_in("ar").count() == 5 and stories_in("en").count() == 5
    assert not StoryPage.objects.filter(live=True).exists()
    assert not StoryPage.objects.filter(latest_revision__isnull=True).exists()
    assert "Published: 0; left as drafts: 5" in output
    assert "5/5" in capsys.readouterr().err, "a progress bar on a terminal"

    story = record(subset, "story-002")
    story["title"] = "عنوان جديد للقصة"
    story["translations"]["en"]["title"] = "A new title for the story"
    story["violation_types"] = ["forced-displacement"]
    output = run_import(write_archive(subset))

    assert "Stories: 5 (0 created, 5 updated)" in output
    assert capsys.readouterr().err == "", "no progress bar when the output is not a terminal"
    assert stories_in("ar").count() == 5 and stories_in("en").count() == 5
    arabic = stories_in("ar").get(import_key="story-002")
    english = stories_in("en").get(import_key="story-002")
    assert arabic.get_latest_revision_as_object().title == "عنوان جديد للقصة"
    assert english.get_latest_revision_as_object().title == "A new title for the story"
    assert [term.slug for term in english.get_latest_revision_as_object().violation_types] == ["forced-displacement"]
    assert not StoryPage.objects.filter(live=True).exists()


def test_stories_whose_consent_is_no_longer_granted_go_offline(client, archive, write_archive):
    subset = copy.deepcopy(archive)
    subset["stories"] = [record(subset, key) for key in ("story-001", "story-002", "story-003")]
    subset["incidents"] = []
    french = {"title": "Une maison à Silwan", "summary": "Résumé", "body": ["Premier paragraphe."]}
    record(subset, "story-001")["translations"]["fr"] = french
    run_import(write_archive(subset), "--publish")

    french_page = stories_in("fr").get(import_key="story-001")
    assert french_page.live and french_page.title == "Une maison à Silwan"
    assert french_page.neighbourhood.locale.language_code == "fr"
    assert StoryPage.objects.filter(live=True).count() == 7
    urls = {page.pk: page.url for page in StoryPage.objects.all()}
    assert all(client.get(url).status_code == 200 for url in urls.values())

    # With --publish: consent withdrawn, so every translation goes offline.
    record(subset, "story-001")["consent"]["status"] = "withdrawn"
    output = run_import(write_archive(subset), "--publish")

    assert "Published: 2; left as drafts: 1; taken offline: 1" in output
    assert StoryPage.objects.count() == 7
    for page in StoryPage.objects.filter(import_key="story-001"):
        assert not page.live and page.consent_status == "withdrawn", page
        assert client.get(urls[page.pk]).status_code == 404

    # Without --publish the live stories keep their published text (the change waits as a draft),
    # but one whose consent is now pending cannot stay online either.
    record(subset, "story-002")["consent"].update(status="pending", recorded_on=None, method=None)
    record(subset, "story-003")["translations"]["en"]["title"] = "A new title waiting for review"
    output = run_import(write_archive(subset))

    assert "Published: 0; left as drafts: 3; taken offline: 1" in output
    for page in StoryPage.objects.filter(import_key="story-002"):
        assert not page.live and page.consent_status == "pending", page
        assert client.get(urls[page.pk]).status_code == 404
    english = stories_in("en").get(import_key="story-003")
    assert english.live and english.has_unpublished_changes
    assert english.title == record(archive, "story-003")["translations"]["en"]["title"]
    assert english.get_latest_revision_as_object().title == "A new title waiting for review"
    assert client.get(english.url).status_code == 200


@pytest.mark.smoke
def test_one_bad_record_means_nothing_is_written(demo_archive_path, archive, write_archive):
    pages_before = Page.objects.count()
    broken = copy.deepcopy(archive)
    record(broken, "story-007")["neighbourhood"] = "atlantis"

    with pytest.raises(CommandError) as error:
        run_import(write_archive(broken), "--publish")

    assert "story-007: neighbourhood: unknown slug 'atlantis'" in str(error.value)
    assert str(error.value).count("story-") == 1
    assert StoryPage.objects.count() == 0
    assert SurvivorRecord.objects.count() == 0
    assert Page.objects.count() == pages_before


@pytest.mark.smoke
def test_every_bad_record_is_reported_by_key_and_field(archive, write_archive):
    broken = copy.deepcopy(archive)
    record(broken, "story-003")["date"] = "14/03/2016"
    record(broken, "story-004")["date"] = "2016-02-30"
    del record(broken, "story-005")["title"]
    record(broken, "story-006")["consent"]["status"] = "maybe"
    record(broken, "story-008")["consent"]["recorded_on"] = None
    record(broken, "story-009")["violation_types"] = ["home-demolition", "alien-abduction"]
    record(broken, "story-010")["locale"] = "de"
    record(broken, "story-011")["translations"]["en"]["summary"] = ""
    record(broken, "story-012")["translations"]["xx"] = {"title": "?", "summary": "?", "body": []}
    record(broken, "story-014")["key"] = "story-013"
    broken["stories"].append("not a story")

    with pytest.raises(CommandError) as error:
        run_import(write_archive(broken))

    message = str(error.value)
    expected = [
        "story-003: date: '14/03/2016' is not a date in the form YYYY-MM-DD",
        "story-004: date: '2016-02-30' is not a real date",
        "story-005: title: missing",
        "story-006: consent.status: 'maybe' is not one of pending, granted, withdrawn, refused",
        "story-008: consent.recorded_on: required when consent is granted",
        "story-009: violation_types[1]: unknown slug 'alien-abduction'",
        "story-010: locale: unknown locale 'de' (expected one of ar, en, fr)",
        "story-011: translations.en.summary: missing",
        "story-012: translations.xx: unknown locale 'xx'",
        "story-013: key: duplicate key (also used by stories[12])",
        "stories[40]: record: expected an object",
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
