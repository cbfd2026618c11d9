"""Only legal reviewers open the private section (survivor records); other roles are refused, not just not shown."""

import pytest
from django.urls import reverse

from stories.models import SurvivorRecord
from tests.factories import StoryPageFactory

from .admin import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def survivor_record(site_structure):
    story = StoryPageFactory(parent=site_structure["stories"]["ar"], slug="private-story")
    return SurvivorRecord.objects.create(story_translation_key=story.translation_key, survivor_name="سلمى صالح بشير")


CONSENT = "stories_consent"
LISTING = "wagtailsnippets_stories_survivorrecord:list"
EDIT = "wagtailsnippets_stories_survivorrecord:edit"


def test_legal_reviewers_read_and_edit_survivor_records(client, legal_reviewer, survivor_record):
    client.force_login(legal_reviewer)
    listing = client.get(reverse(LISTING))
    assert listing.status_code == 200
    assert str(survivor_record) in listing.content.decode()
    edit = client.get(reverse(EDIT, args=(survivor_record.pk,)))
    assert edit.status_code == 200
    assert "سلمى صالح بشير" in edit.content.decode()
    assert client.get(reverse(CONSENT, args=(survivor_record.story.pk,))).status_code == 200


@pytest.mark.parametrize("role", ["editor", "translator", "publisher", "documentation_officer"])
def test_other_roles_are_refused_the_private_section(client, request, role, survivor_record):
    client.force_login(request.getfixturevalue(role))
    assert refused(client.get(reverse(LISTING)))
    response = client.get(reverse(EDIT, args=(survivor_record.pk,)))
    assert refused(response)
    assert "سلمى صالح بشير" not in response.content.decode()
    assert refused(client.get(reverse(CONSENT, args=(survivor_record.story.pk,))))
