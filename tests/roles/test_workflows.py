"""Story review (legal and consent review, then publication approval) and campaign approval, through the admin."""

import pytest
from django.core import mail
from wagtail.models import Page

from roles.workflows import CAMPAIGN_APPROVAL, LEGAL_REVIEW, PUBLICATION_APPROVAL, STORY_REVIEW, translation_review
from stories.models import StoryPage
from tests.factories import CampaignPageFactory, StoryPageFactory, fresh, locale

from .admin import add_story_url, edit_url, refused, story_form, workflow_action_url

pytestmark = pytest.mark.django_db


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_an_editor_submits_a_new_story_and_the_legal_reviewers_are_emailed(
    client, site_structure, editor, legal_reviewer, publisher
):
    client.force_login(editor)
    index = site_structure["stories"]["ar"]

    response = client.post(add_story_url(index), story_form("قصة للمراجعة", "for-review", "action-submit"))

    assert response.status_code == 302
    story = StoryPage.objects.get(title="قصة للمراجعة")
    assert not story.live
    assert story.current_workflow_state.workflow.name == STORY_REVIEW
    assert story.current_workflow_task.name == LEGAL_REVIEW
    assert recipients() == ["legal@example.org"]
    assert "قصة للمراجعة" in mail.outbox[0].subject


@pytest.mark.parametrize("code", ["en", "fr"])
def test_translated_stories_go_through_their_languages_translation_review(site_structure, code):
    translated_index = site_structure["stories"][code]
    story = StoryPageFactory(parent=translated_index, publish_page=False)
    assert story.get_workflow().name == translation_review(code)
    assert translated_index.locale == locale(code)


def test_each_step_is_approved_only_by_its_group_and_the_last_one_publishes(
    client, site_structure, editor, legal_reviewer, publisher, translator
):
    story = StoryPageFactory(parent=site_structure["stories"]["ar"], slug="reviewed", publish_page=False)
    client.force_login(editor)
    assert client.post(edit_url(story), story_form(story.title, "reviewed", "action-submit")).status_code == 302
    story = fresh(story)
    assert story.current_workflow_task.name == LEGAL_REVIEW

    legal_step = workflow_action_url(story)
    for outsider in (editor, publisher, translator):
        client.force_login(outsider)
        assert refused(client.get(legal_step)), outsider.username
        assert refused(client.post(legal_step, {"comment": ""})), outsider.username
    assert fresh(story).current_workflow_task.name == LEGAL_REVIEW

    mail.outbox.clear()
    client.force_login(legal_reviewer)
    assert client.get(legal_step).status_code == 200
    assert client.post(legal_step, {"comment": "الموافقة موثقة"}).status_code == 302
    story = fresh(story)
    assert story.current_workflow_task.name == PUBLICATION_APPROVAL
    assert not story.live
    assert recipients() == ["publisher@example.org"]

    publication_step = workflow_action_url(story)
    for outsider in (editor, legal_reviewer, translator):
        client.force_login(outsider)
        assert refused(client.post(publication_step, {"comment": ""})), outsider.username
    assert not fresh(story).live

    client.force_login(publisher)
    assert client.post(publication_step, {"comment": ""}).status_code == 302
    story = fresh(story)
    assert story.live
    assert story.current_workflow_state is None


def test_a_campaign_is_approved_by_a_publisher(client, site_structure, editor, publisher):
    campaign = CampaignPageFactory(parent=site_structure["campaigns"]["ar"], publish_page=False)
    assert campaign.get_workflow().name == CAMPAIGN_APPROVAL
    campaign.save_revision(user=editor)
    campaign.get_workflow().start(campaign, editor)
    campaign = fresh(campaign)
    assert recipients() == ["publisher@example.org"]

    client.force_login(editor)
    assert refused(client.post(workflow_action_url(campaign), {"comment": ""}))
    client.force_login(publisher)
    assert client.post(workflow_action_url(campaign), {"comment": ""}).status_code == 302
    assert Page.objects.get(pk=campaign.pk).live
