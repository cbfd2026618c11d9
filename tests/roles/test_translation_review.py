"""Translation review: a translator submits from the translation editor, the language's reviewers approve,
and approving publishes (the consent record still deciding for stories)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from roles import roles
from roles.workflows import CAMPAIGN_APPROVAL, STORY_REVIEW, translation_review
from tests.factories import CampaignPageFactory, StoryPageFactory, fresh

from .admin import edit_url, refused, workflow_action_url
from .conftest import page_in, translation_into

pytestmark = pytest.mark.django_db

FRENCH = {
    "هدم منزل في سلوان": "Une maison démolie à Silwan",
    "هدمت الجرافات المنزل": "Les bulldozers ont démoli la maison",
}


def messages_of(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def submit_url(translation):
    return reverse("roles_submit_translation_for_review", args=(translation.pk,))


def review_url(translation, action="approve"):
    return reverse("roles_review_translation", args=(translation.pk, action))


@pytest.fixture
def french_draft(client, translator, arabic_story, request_translation, translate_strings):
    """The translator's French translation of the Arabic story, every string typed in the editor, not submitted."""
    client.force_login(translator)
    request_translation(arabic_story, "fr")
    translation = translation_into(arabic_story, "fr")
    translate_strings(translation, FRENCH)
    return translation


def test_every_translated_page_goes_through_its_languages_review(site_structure):
    arabic_story = StoryPageFactory(parent=site_structure["stories"]["ar"], publish_page=False)
    assert arabic_story.get_workflow().name == STORY_REVIEW
    arabic_campaign = CampaignPageFactory(parent=site_structure["campaigns"]["ar"], publish_page=False)
    assert arabic_campaign.get_workflow().name == CAMPAIGN_APPROVAL
    for code in ("en", "fr"):
        story = StoryPageFactory(parent=site_structure["stories"][code], publish_page=False)
        campaign = CampaignPageFactory(parent=site_structure["campaigns"][code], publish_page=False)
        for page in (story, campaign, site_structure["about"][code], site_structure["home"][code]):
            workflow = page.get_workflow()
            assert workflow.name == translation_review(code), page
            [task] = workflow.tasks.specific()
            assert list(task.groups.values_list("name", flat=True)) == [roles.translation_reviewers(code)]


def test_the_editor_offers_submit_for_review_to_a_translator_who_cannot_publish(client, translator, french_draft):
    french = page_in(french_draft.source.get_source_instance(), "fr")
    response = client.get(edit_url(french), HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Submit for review" in html
    assert submit_url(french_draft) in html
    assert "Draft: not published." in html
    assert "2 of" in html and "strings translated" in html
    assert "Approve and publish" not in html


def test_a_translator_submits_and_a_reviewer_approves_and_publishes(client, translator, french_reviewer, french_draft):
    story = french_draft.source.get_source_instance()
    response = client.post(submit_url(french_draft), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    french = page_in(story, "fr")
    assert response.url == edit_url(french)
    assert "submitted for review: Translation review (French)" in messages_of(response)
    assert not french.live
    assert french.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert french.current_workflow_task.name == "Translation review (French)"
    assert sorted(address for message in mail.outbox for address in message.to) == ["reviewer_fr@example.org"]
    assert client.get(f"/fr/stories/{french.slug}/").status_code == 404
    # The translator cannot approve their own work.
    assert refused(client.post(review_url(french_draft)))

    client.force_login(french_reviewer)
    editor = client.get(edit_url(french), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Awaiting review: Translation review (French), submitted by translator" in editor
    assert "Approve and publish" in editor and "Request changes" in editor

    response = client.post(review_url(french_draft), {"comment": "Très bien"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert "was approved and published" in messages_of(response)
    french = fresh(french)
    assert french.live and french.title == "Une maison démolie à Silwan"
    assert french.current_workflow_state is None
    page = client.get(french.url)
    assert page.status_code == 200
    assert "Les bulldozers ont démoli la maison" in page.content.decode()


def test_reviewers_of_another_language_cannot_approve(client, english_reviewer, french_draft):
    client.post(submit_url(french_draft))
    french = page_in(french_draft.source.get_source_instance(), "fr")

    client.force_login(english_reviewer)
    assert refused(client.post(review_url(french_draft)))
    assert refused(client.post(workflow_action_url(fresh(french)), {"comment": ""}))
    assert not fresh(french).live


def test_the_reviewers_corrections_are_what_gets_published(client, french_reviewer, french_draft, translate_strings):
    client.post(submit_url(french_draft))
    client.force_login(french_reviewer)
    translate_strings(french_draft, {"هدم منزل في سلوان": "Maison démolie à Silwan"})

    client.post(review_url(french_draft))

    french = fresh(page_in(french_draft.source.get_source_instance(), "fr"))
    assert french.live and french.title == "Maison démolie à Silwan"


def test_requested_changes_go_back_to_the_translator_who_resubmits(
    client, translator, french_reviewer, french_draft, translate_strings
):
    client.post(submit_url(french_draft))
    french = page_in(french_draft.source.get_source_instance(), "fr")
    client.force_login(french_reviewer)
    response = client.post(review_url(french_draft, "reject"), {"comment": "Le titre"}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Changes were requested" in messages_of(response)
    assert fresh(french).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(translator)
    editor = client.get(edit_url(french), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Changes requested in Translation review (French)" in editor and "Resubmit for review" in editor
    translate_strings(french_draft, {"هدم منزل في سلوان": "Démolition à Silwan"})
    assert client.post(submit_url(french_draft)).status_code == 302

    french = fresh(french)
    assert french.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not french.live
    assert french.get_latest_revision_as_object().title == "Démolition à Silwan"


def test_a_second_submission_while_in_review_is_refused_with_a_message(client, french_draft):
    client.post(submit_url(french_draft))
    response = client.post(submit_url(french_draft), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert "is already awaiting review" in messages_of(response)


def test_a_published_translation_stays_as_it_is_until_the_change_is_approved(
    client, translator, french_reviewer, french_draft, translate_strings
):
    client.post(submit_url(french_draft))
    client.force_login(french_reviewer)
    client.post(review_url(french_draft))
    french = page_in(french_draft.source.get_source_instance(), "fr")
    assert french.live

    client.force_login(translator)
    translate_strings(french_draft, {"هدم منزل في سلوان": "Silwan : une maison détruite"})
    client.post(submit_url(french_draft))

    assert fresh(french).title == "Une maison démolie à Silwan"
    assert "Silwan : une maison détruite" not in client.get(french.url).content.decode()
    client.force_login(french_reviewer)
    client.post(review_url(french_draft))
    assert "Silwan : une maison détruite" in client.get(fresh(french).url).content.decode()


def test_approving_through_wagtails_own_moderation_view_publishes_the_submitted_draft(
    client, french_reviewer, french_draft
):
    client.post(submit_url(french_draft))
    french = page_in(french_draft.source.get_source_instance(), "fr")

    client.force_login(french_reviewer)
    assert client.post(workflow_action_url(french), {"comment": ""}).status_code == 302

    french = fresh(french)
    assert french.live and french.title == "Une maison démolie à Silwan"


def test_the_consent_record_still_decides_when_a_reviewer_approves_a_story(
    client, site_structure, translator, french_reviewer, request_translation, translate_strings
):
    story = StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        slug="pending",
        title="قصة تنتظر الموافقة",
        consent_status="pending",
        consent_recorded_on=datetime.date(2024, 1, 1),
        publish_page=False,
    )
    story.save_revision()
    client.force_login(translator)
    request_translation(story, "fr")
    translation = translation_into(story, "fr")
    translate_strings(translation, {"قصة تنتظر الموافقة": "Un récit en attente"})
    client.post(submit_url(translation))

    client.force_login(french_reviewer)
    response = client.post(review_url(translation), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert "was not approved" in messages_of(response)
    french = page_in(story, "fr")
    assert not french.live
    assert french.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
