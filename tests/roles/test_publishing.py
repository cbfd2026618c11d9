"""Only publishers make pages live: an editor's or a translator's Publish never produces a live page."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from campaigns.models import CampaignPage
from roles import roles
from stories.models import StoryPage
from tests.factories import CampaignPageFactory, StoryPageFactory, fresh, locale

from .admin import edit_url, refused, story_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_story(site_structure):
    """A story with consent granted that nobody has published yet: only the role stands between it and the site."""
    return StoryPageFactory(parent=site_structure["stories"]["ar"], slug="draft-story", publish_page=False)


@pytest.fixture
def live_story(site_structure):
    return StoryPageFactory(parent=site_structure["stories"]["ar"], slug="live-story")


def messages_of(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_an_editors_publish_saves_a_draft_and_says_so(client, editor, draft_story):
    client.force_login(editor)
    response = client.post(edit_url(draft_story), story_form("عنوان جديد", "draft-story", "action-publish"))

    assert response.status_code == 302
    story = fresh(draft_story)
    assert not story.live
    assert story.live_revision is None
    assert story.get_latest_revision_as_object().title == "عنوان جديد"
    assert "you do not have permission to publish it" in messages_of(response)
    assert client.get(story.url or f"/ar/stories/{story.slug}/").status_code == 404


def test_an_editor_cannot_unpublish(client, editor, live_story):
    client.force_login(editor)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(live_story.pk,)))
    assert refused(response)
    assert fresh(live_story).live


def test_a_publisher_publishes_and_unpublishes(client, publisher, draft_story):
    client.force_login(publisher)
    response = client.post(edit_url(draft_story), story_form("قصة منشورة", "draft-story", "action-publish"))
    assert response.status_code == 302
    story = fresh(draft_story)
    assert story.live and story.title == "قصة منشورة"
    assert client.get(story.url).status_code == 200

    assert client.post(reverse("wagtailadmin_pages:unpublish", args=(story.pk,))).status_code == 302
    assert not fresh(story).live


def french_of(story):
    return StoryPage.objects.filter(translation_key=story.translation_key, locale=locale("fr")).first()


def submit_translation(client, story, code, capture):
    # wagtail-localize publishes when the transaction commits: run those callbacks, or nothing could be seen going live.
    with capture(execute=True):
        return client.post(
            reverse("wagtail_localize:submit_page_translation", args=(story.pk,)), {"locales": [locale(code).pk]}
        )


def test_a_translators_translation_of_a_live_story_starts_as_a_draft(
    client, translator, live_story, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    assert client.get(reverse("wagtail_localize:submit_page_translation", args=(live_story.pk,))).status_code == 200

    response = submit_translation(client, live_story, "fr", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    french = french_of(live_story)
    assert french is not None
    assert not french.live
    assert client.get(f"/fr/stories/{french.slug}/").status_code == 404


def test_a_translator_cannot_publish_a_translation_by_any_wagtail_localize_route(
    client, translator, live_story, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    client.force_login(translator)
    submit_translation(client, live_story, "fr", capture)
    french = french_of(live_story)

    # The translation editor's own Publish button.
    with capture(execute=True):
        response = client.post(edit_url(french), {"action": "publish"})
    assert refused(response)
    assert not fresh(french).live

    # "Update translations" with "Publish immediately" ticked (wagtail-localize issue #743).
    source = TranslationSource.objects.get_for_instance(live_story)
    update = reverse("wagtail_localize:update_translations", args=(source.pk,))
    with capture(execute=True):
        response = client.post(update, {"publish_translations": "on"})
    assert response.status_code == 403
    assert "You do not have permission to publish the translations" in response.content.decode()
    assert not fresh(french).live
    # Without it, the update is saved as a draft.
    with capture(execute=True):
        assert client.post(update, {}).status_code == 302
    assert not fresh(french).live

    # Turning the translation back into an alias would mirror the live Arabic story.
    with capture(execute=True):
        response = client.post(reverse("wagtail_localize:convert_to_alias", args=(french.pk,)))
    assert refused(response)
    french = fresh(french)
    assert not french.live and french.alias_of_id is None


def test_a_publisher_publishes_a_translators_draft_in_the_translation_editor(
    client, translator, publisher, live_story, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    submit_translation(client, live_story, "fr", django_capture_on_commit_callbacks)
    french = french_of(live_story)

    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(french), {"action": "publish"})
    assert response.status_code == 302
    french = fresh(french)
    assert french.live
    assert client.get(french.url).status_code == 200


def test_a_translator_who_also_publishes_may_update_and_publish_translations(
    client, translator, live_story, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    submit_translation(client, live_story, "fr", django_capture_on_commit_callbacks)
    assert not french_of(live_story).live
    translator.groups.add(Group.objects.get(name=roles.PUBLISHERS))

    source = TranslationSource.objects.get_for_instance(live_story)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=(source.pk,)), {"publish_translations": "on"}
        )
    assert response.status_code == 302
    assert fresh(french_of(live_story)).live


def test_editors_do_not_submit_translations(client, editor, live_story):
    client.force_login(editor)
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=(live_story.pk,)))
    assert refused(response)


def test_an_editor_cannot_make_a_live_alias_of_a_live_page(client, editor, site_structure):
    campaigns = site_structure["campaigns"]["ar"]
    campaign = CampaignPageFactory(parent=campaigns, slug="live-campaign")
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(campaign.pk,)),
        {"new_title": "نسخة", "new_slug": "alias-copy", "new_parent_page": campaigns.pk, "alias": "on"},
    )
    assert response.status_code == 302
    assert "do not have permission to publish there" in messages_of(response)
    assert not CampaignPage.objects.filter(slug="alias-copy").exists()
