"""Withdrawal wins: recorded in the admin, it takes every translation offline even when locked, scheduled
or in review; the story's addresses answer 410 Gone in every language and it leaves the search index."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupApprovalTask, PageLogEntry, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from stories.models import ConsentEvent, StoryPage
from stories.services import withdraw_consent
from tests.factories import StoryPageFactory
from tests.search.conftest import engine  # noqa: F401  (the real search engine fixture)

pytestmark = pytest.mark.django_db


def translations(story):
    return list(StoryPage.objects.filter(translation_key=story.translation_key).select_related("locale"))


def test_withdrawal_in_the_admin_wins_over_a_lock_a_schedule_and_an_open_workflow(client, story, admin, site_structure):
    other = get_user_model().objects.create_user("someone-else", "else@example.org", "pw")
    english = StoryPage.objects.get(translation_key=story.translation_key, locale__language_code="en")
    StoryPage.objects.filter(pk=story.pk).update(locked=True, locked_by=other, locked_at=timezone.now())
    scheduled = english.save_revision(user=other)
    scheduled.approved_go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save(update_fields=["approved_go_live_at"])
    workflow = Workflow.objects.create(name="Story review")
    WorkflowTask.objects.create(workflow=workflow, task=GroupApprovalTask.objects.create(name="Legal"), sort_order=0)
    WorkflowPage.objects.update_or_create(page=site_structure["stories"]["fr"], defaults={"workflow": workflow})
    french = StoryPage.objects.get(translation_key=story.translation_key, locale__language_code="fr")
    workflow.start(french, other)

    response = client.post(
        f"/admin/stories/{story.pk}/consent/",
        {"status": "withdrawn", "recorded_on": "2024-02-01", "method": "written", "note": "Phone call"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 302
    for page in translations(story):
        assert not page.live, page.locale.language_code
        assert page.consent.status == "withdrawn"
        assert not page.revisions.exclude(approved_go_live_at=None).exists()
        assert PageLogEntry.objects.filter(page=page, action="stories.consent_withdrawn", user=admin).exists()
    assert not WorkflowState.objects.active().filter(object_id=str(french.pk)).exists()
    event = ConsentEvent.objects.get(record__story_translation_key=story.translation_key, status="withdrawn")
    assert (event.actor, event.note, event.recorded_on) == (admin, "Phone call", datetime.date(2024, 2, 1))
    history = client.get(f"/admin/stories/{story.pk}/consent/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Phone call" in history and "Withdrawn" in history


def test_the_consent_view_needs_the_consent_permission(client, story):
    editor = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.post(f"/admin/stories/{story.pk}/consent/", {"status": "withdrawn"})
    assert response.status_code in (302, 403)
    assert all(page.live and page.consent.status == "granted" for page in translations(story))


def test_the_editor_shows_the_consent_panel_with_a_link(client, story, admin):
    html = client.get(f"/admin/pages/{story.pk}/edit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "data-consent-panel" in html
    assert f"/admin/stories/{story.pk}/consent/" in html


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ar", "سُحبت هذه القصة بطلب من صاحبتها أو صاحبها."),
        ("en", "This story has been withdrawn at the survivor's request."),
        ("fr", "Ce témoignage a été retiré à la demande de la personne concernée."),
    ],
)
def test_a_withdrawn_story_is_gone_in_every_language(client, story, language, sentence):
    withdraw_consent(story)
    page = StoryPage.objects.get(translation_key=story.translation_key, locale__language_code=language)

    response = client.get(page.url)

    assert response.status_code == 410
    html = response.content.decode()
    assert sentence in html
    assert page.title not in html and page.summary not in html
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_a_withdrawn_story_leaves_the_real_search_index(engine, site_structure, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryPageFactory(parent=site_structure["stories"]["ar"], title="شهادة عن الحاجز العسكري")
    index = engine.page_index().name
    assert engine.es.exists(index=index, id=str(story.pk))

    with django_capture_on_commit_callbacks(execute=True):
        withdraw_consent(story)
    call_command("search_sync")

    assert not engine.es.exists(index=index, id=str(story.pk))
