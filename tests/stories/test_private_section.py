"""The private section (survivor record): made and edited from its story, encrypted at rest, every view logged."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.urls import reverse
from wagtail.models import ModelLogEntry

from roles import roles
from stories.models import SurvivorRecord
from tests.factories import StoryPageFactory
from tests.roles.admin import refused
from tests.roles.conftest import make_member

pytestmark = pytest.mark.django_db

NAME = "سلمى صالح بشير"
CONTACT = "0599 123 456"
NOTES = "تسكن قرب المدرسة"
VIEWED = "stories.survivor_record_viewed"
LISTING = "wagtailsnippets_stories_survivorrecord:list"
ADD = "wagtailsnippets_stories_survivorrecord:add"
EDIT = "wagtailsnippets_stories_survivorrecord:edit"
INSPECT = "wagtailsnippets_stories_survivorrecord:inspect"
CHOOSER = "wagtailsnippetchoosers_stories_survivorrecord:choose"


@pytest.fixture
def story(site_structure):
    return StoryPageFactory(parent=site_structure["stories"]["ar"], slug="private-story")


@pytest.fixture
def legal_reviewer(site_structure):
    return make_member(roles.LEGAL_REVIEWERS, "legal")


@pytest.fixture
def editor(site_structure):
    return make_member(roles.EDITORS, "editor")


def private_url(story):
    return reverse("stories_private", args=[story.pk])


def record_of(story):
    return SurvivorRecord.objects.get(story_translation_key=story.translation_key)


def raw_columns(record):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT survivor_name, contact, notes FROM stories_survivorrecord WHERE id = %s",
            [record.pk],
        )
        return cursor.fetchone()


def viewed_entries(record, user):
    return ModelLogEntry.objects.filter(action=VIEWED, object_id=str(record.pk), user=user)


def test_a_legal_reviewer_creates_and_edits_the_record_from_the_story(client, legal_reviewer, story):
    client.force_login(legal_reviewer)
    page = client.get(private_url(story))
    assert page.status_code == 200
    assert 'name="survivor_name"' in page.content.decode()

    created = client.post(private_url(story), {"survivor_name": NAME, "contact": CONTACT, "notes": NOTES})
    assert created.status_code == 302
    record = record_of(story)
    assert (record.survivor_name, record.contact, record.notes) == (NAME, CONTACT, NOTES)

    edited = client.post(private_url(story), {"survivor_name": "سلمى بشير", "contact": CONTACT, "notes": ""})
    assert edited.status_code == 302
    assert SurvivorRecord.objects.count() == 1
    record = record_of(story)
    assert (record.survivor_name, record.notes) == ("سلمى بشير", "")
    assert "سلمى بشير" in client.get(private_url(story)).content.decode()


def test_the_story_editor_links_to_the_private_section_only_for_staff_who_may_see_it(client, admin_user, editor, story):
    edit_story = reverse("wagtailadmin_pages:edit", args=[story.pk])
    client.force_login(admin_user)
    response = client.get(edit_story)
    assert response.status_code == 200
    assert private_url(story) in response.content.decode()
    client.force_login(editor)
    response = client.get(edit_story)
    assert response.status_code == 200
    assert private_url(story) not in response.content.decode()


def test_the_raw_database_column_holds_no_plaintext(client, legal_reviewer, story):
    client.force_login(legal_reviewer)
    client.post(private_url(story), {"survivor_name": NAME, "contact": CONTACT, "notes": NOTES})
    record = record_of(story)
    stored = raw_columns(record)
    assert all(stored), stored
    for plaintext, column in zip((NAME, CONTACT, NOTES), stored, strict=True):
        assert plaintext not in column
        assert "سلمى" not in column
    assert record.survivor_name == NAME  # and it reads back decrypted


def test_every_view_of_a_record_is_logged_with_the_user(client, legal_reviewer, story):
    record = SurvivorRecord.objects.create(story_translation_key=story.translation_key, survivor_name=NAME)
    client.force_login(legal_reviewer)
    assert viewed_entries(record, legal_reviewer).count() == 0
    for url in (private_url(story), reverse(EDIT, args=[record.pk]), reverse(INSPECT, args=[record.pk])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert NAME in response.content.decode(), url
    assert viewed_entries(record, legal_reviewer).count() == 3
    history = client.get(reverse("wagtailsnippets_stories_survivorrecord:history", args=[record.pk]))
    assert "Survivor record viewed" in history.content.decode()


def test_an_editor_is_refused_the_private_section(client, editor, story):
    record = SurvivorRecord.objects.create(story_translation_key=story.translation_key, survivor_name=NAME)
    client.force_login(editor)
    for response in (
        client.get(private_url(story)),
        client.post(private_url(story), {"survivor_name": "x", "contact": "", "notes": ""}),
        client.get(reverse(LISTING)),
        client.get(reverse(INSPECT, args=[record.pk])),
        client.get(reverse(CHOOSER)),
    ):
        assert refused(response), response
        assert NAME not in response.content.decode()
    assert record_of(story).survivor_name == NAME
    assert not ModelLogEntry.objects.filter(action=VIEWED, user=editor).exists()


def test_view_permission_alone_reads_but_cannot_change(client, site_structure, story):
    record = SurvivorRecord.objects.create(story_translation_key=story.translation_key, survivor_name=NAME)
    reader = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    reader.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="stories", codename="view_survivorrecord"),
    )
    client.force_login(reader)
    page = client.get(private_url(story))
    assert page.status_code == 200
    assert NAME in page.content.decode()
    assert "<form" not in page.content.decode().split('id="main"')[-1]
    assert refused(client.post(private_url(story), {"survivor_name": "x", "contact": "", "notes": ""}))
    assert record_of(story).survivor_name == NAME
    assert viewed_entries(record, reader).count() == 1


def test_the_snippet_add_url_refuses_instead_of_failing(client, legal_reviewer, admin_user, site_structure):
    for user in (legal_reviewer, admin_user):
        client.force_login(user)
        response = client.get(reverse(ADD))
        assert response.status_code != 500
        assert refused(response)
        listing = client.get(reverse(LISTING))
        assert listing.status_code == 200
        assert reverse(ADD) not in listing.content.decode()
    assert SurvivorRecord.objects.count() == 0
