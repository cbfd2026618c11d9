"""Editors work in the Wagtail admin in Arabic (RTL) or English, and the consent rule holds there."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def make_editor(language):
    user = get_user_model().objects.create_superuser(f"editor-{language}", f"{language}@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.mark.smoke
@pytest.mark.parametrize(("language", "direction", "marker"), [("ar", "rtl", "لوحة"), ("en", "ltr", "Dashboard")])
def test_admin_speaks_the_editors_language(client, site_structure, language, direction, marker):
    client.force_login(make_editor(language))
    html = client.get("/admin/").content.decode()
    assert f'lang="{language}"' in html
    assert f'dir="{direction}"' in html
    assert marker in html


def story_form(title, consent_status, action):
    data = {
        "title": title,
        "slug": "admin-story",
        "date": "2023-04-02",
        "summary": "ملخص",
        "consent_status": consent_status,
        "consent_recorded_on": "2023-04-10" if consent_status == "granted" else "",
        "consent_method": "written",
        "anonymised": "on",
        "body-count": "0",
        "violation_type_links-TOTAL_FORMS": "0",
        "violation_type_links-INITIAL_FORMS": "0",
        "violation_type_links-MIN_NUM_FORMS": "0",
        "violation_type_links-MAX_NUM_FORMS": "1000",
    }
    if action:
        data[action] = "1"
    return data


def test_publish_without_consent_re_renders_the_form_with_a_message(client, site_structure):
    client.force_login(make_editor("en"))
    index = site_structure["stories"]["ar"]
    url = f"/admin/pages/add/stories/storypage/{index.pk}/"
    response = client.post(url, story_form("قصة بلا موافقة", "pending", "action-publish"))
    assert response.status_code == 200
    assert "can only be published once the survivor" in response.content.decode()
    assert not StoryPage.objects.filter(title="قصة بلا موافقة").exists()

    # Saving a draft is fine; consent is only needed to go public.
    response = client.post(url, story_form("قصة بلا موافقة", "pending", None))
    assert response.status_code == 302
    assert StoryPage.objects.get(title="قصة بلا موافقة").live is False


def record_consent_in_admin(client, story, status):
    """Consent is recorded on the story's consent view (not in the page form) since issue 7."""
    data = {"status": status, "recorded_on": "2023-04-10", "method": "written", "anonymised": "on", "note": ""}
    response = client.post(f"/admin/stories/{story.pk}/consent/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_publish_with_consent_goes_live(client, site_structure):
    client.force_login(make_editor("en"))
    index = site_structure["stories"]["ar"]
    client.post(f"/admin/pages/add/stories/storypage/{index.pk}/", story_form("قصة بموافقة", "granted", None))
    draft = StoryPage.objects.get(title="قصة بموافقة")
    record_consent_in_admin(client, draft, "granted")
    response = client.post(f"/admin/pages/{draft.pk}/edit/", story_form("قصة بموافقة", "granted", "action-publish"))
    assert response.status_code == 302
    story = StoryPage.objects.get(title="قصة بموافقة")
    assert story.live
    assert story.consent.recorded_on == datetime.date(2023, 4, 10)


def test_saving_a_withdrawal_takes_the_story_offline_in_every_language(client, site_structure):
    from core.i18n import translate_page
    from tests.factories import StoryPageFactory, publish

    story = StoryPageFactory(parent=site_structure["stories"]["ar"], title="قصة منشورة", slug="admin-story")
    english = publish(translate_page(story, site_structure["home"]["en"].locale, title="A published story"))
    client.force_login(make_editor("en"))
    # Recording the withdrawal (on the story's consent view) does not wait for a publish.
    record_consent_in_admin(client, story, "withdrawn")
    story.refresh_from_db()
    english.refresh_from_db()
    assert not story.live and not english.live
    assert story.consent.status == english.consent.status == "withdrawn"
    assert client.get(english.url).status_code == 410  # gone, since issue 7 (was: not found)
