"""Every publishing route asks the consent record: after a withdrawal, none brings the story back.

Each test withdraws consent, then tries one route through the admin as a logged-in superuser: it is
refused with a message (never a 500), the story stays offline in ar, en and fr, and consent stays
withdrawn.
"""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Page, TaskState, Workflow, WorkflowPage, WorkflowTask
from wagtail_localize.models import Translation, TranslationSource

from archive.exporter import export_archive
from stories.models import StoryPage
from stories.services import withdraw_consent
from tests.archive.conftest import run_import
from tests.factories import locale

pytestmark = pytest.mark.django_db


def translations(story):
    return {page.locale.language_code: page for page in StoryPage.objects.filter(translation_key=story.translation_key)}


def assert_still_withdrawn_and_offline(client, story):
    pages = translations(story)
    assert set(pages) == {"ar", "en", "fr"}
    for code, page in pages.items():
        assert not page.live, f"{code} is live again"
        assert page.consent.status == "withdrawn"
        assert client.get(page.url).status_code == 410, code
    assert not StoryPage.objects.filter(translation_key=story.translation_key, live=True).exists()


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def form_data(page, action="action-publish"):
    return {
        "title": page.title,
        "slug": page.slug,
        "date": page.date.isoformat(),
        "summary": page.summary,
        "body-count": "0",
        "violation_type_links-TOTAL_FORMS": "0",
        "violation_type_links-INITIAL_FORMS": "0",
        "violation_type_links-MIN_NUM_FORMS": "0",
        "violation_type_links-MAX_NUM_FORMS": "1000",
        action: "1",
    }


@pytest.fixture
def withdrawn(story, admin):
    withdraw_consent(story, actor=admin, note="The survivor called the office.")
    return story


def test_admin_publish_of_the_english_translation_is_refused_on_the_form(client, withdrawn):
    english = translations(withdrawn)["en"]
    response = client.post(f"/admin/pages/{english.pk}/edit/", form_data(english), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "withdrawn their consent" in response.content.decode()
    assert_still_withdrawn_and_offline(client, withdrawn)


def test_scheduling_a_publication_is_refused_on_the_form(client, withdrawn):
    french = translations(withdrawn)["fr"]
    data = form_data(french) | {"go_live_at": (timezone.now() + datetime.timedelta(days=1)).isoformat()}
    response = client.post(f"/admin/pages/{french.pk}/edit/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "withdrawn their consent" in response.content.decode()
    assert not translations(withdrawn)["fr"].revisions.exclude(approved_go_live_at=None).exists()
    assert_still_withdrawn_and_offline(client, withdrawn)


def test_reverting_to_a_revision_from_before_the_withdrawal_is_refused(client, withdrawn):
    arabic = translations(withdrawn)["ar"]
    old_revision = arabic.revisions.order_by("created_at").first()
    response = client.post(
        f"/admin/pages/{arabic.pk}/revisions/{old_revision.pk}/revert/", form_data(arabic), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "withdrawn their consent" in response.content.decode()
    assert_still_withdrawn_and_offline(client, withdrawn)


def test_bulk_publish_from_the_page_listing_is_refused(client, withdrawn):
    ids = "&".join(f"id={page.pk}" for page in translations(withdrawn).values())
    url = f"/admin/bulk/wagtailcore/page/publish/?{ids}&next=/admin/pages/"
    response = client.post(url, {"include_descendants": ""}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert any("withdrawn their consent" in message for message in messages_of(response))
    assert_still_withdrawn_and_offline(client, withdrawn)


def test_approving_a_task_submitted_before_the_withdrawal_is_refused(client, story, admin, site_structure):
    workflow = Workflow.objects.create(name="Story review")
    task = GroupApprovalTask.objects.create(name="Publication approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    english = translations(story)["en"]
    WorkflowPage.objects.update_or_create(page=site_structure["stories"]["en"], defaults={"workflow": workflow})
    state = workflow.start(english, admin)
    task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)

    withdraw_consent(story, actor=admin)
    response = client.post(
        f"/admin/pages/workflow/action/{english.pk}/approve/{task_state.pk}/", {}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302
    assert messages_of(response), "the refusal says why"
    assert_still_withdrawn_and_offline(client, story)


def test_a_publication_scheduled_before_the_withdrawal_never_happens(client, story, admin):
    french = translations(story)["fr"]
    revision = french.save_revision(user=admin)
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)  # due now
    revision.save(update_fields=["approved_go_live_at"])
    Page.objects.filter(pk=french.pk).update(live=False)

    withdraw_consent(story, actor=admin)
    call_command("publish_scheduled")
    assert_still_withdrawn_and_offline(client, story)


def test_copying_a_withdrawn_story_and_publishing_the_copy_is_refused(client, withdrawn, site_structure):
    arabic = translations(withdrawn)["ar"]
    response = client.post(
        f"/admin/pages/{arabic.pk}/copy/",
        {
            "new_title": "نسخة",
            "new_slug": "copy-of-silwan",
            "new_parent_page": site_structure["stories"]["ar"].pk,
            "publish_copies": "on",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    assert any("copy of a story" in message for message in messages_of(response))
    assert not StoryPage.objects.filter(slug="copy-of-silwan").exists()
    assert_still_withdrawn_and_offline(client, withdrawn)


def test_moving_a_withdrawn_story_keeps_it_offline(client, withdrawn, site_structure):
    arabic = translations(withdrawn)["ar"]
    response = client.post(
        f"/admin/pages/{arabic.pk}/move/{site_structure['stories']['ar'].pk}/confirm/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code in (200, 302)
    assert_still_withdrawn_and_offline(client, withdrawn)


@pytest.fixture
def localized(story, django_capture_on_commit_callbacks):
    """A wagtail-localize translation of the story (its English page) created before the withdrawal."""
    source, _created = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(source=source, target_locale=locale("en"), enabled=True)
    return translation


def test_publishing_a_translation_in_the_translation_editor_is_refused(client, localized, story, admin):
    withdraw_consent(story, actor=admin)
    english = translations(story)["en"]
    response = client.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert any("withdrawn their consent" in message for message in messages_of(response))
    assert_still_withdrawn_and_offline(client, story)


def test_syncing_translated_pages_with_publish_is_refused(client, localized, story, admin):
    withdraw_consent(story, actor=admin)
    response = client.post(
        f"/admin/localize/update/{localized.source.pk}/", {"publish_translations": "on"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    # wagtail-localize's sync view has no hook: the refusal is the consent rule's PermissionDenied, a 403.
    assert response.status_code == 403
    assert_still_withdrawn_and_offline(client, story)


def test_importing_an_archive_that_says_granted_does_not_undo_the_withdrawal(client, story, admin, tmp_path):
    export_archive(tmp_path)  # the archive from before the withdrawal: consent granted
    withdraw_consent(story, actor=admin)
    run_import(tmp_path / "archive.json", "--publish")
    assert_still_withdrawn_and_offline(client, story)
