"""The editors' seat: dashboard panels, the consent column and filter in the story listing, help text.

Everything goes through the admin with the Django test client, as a superuser, an editor and a legal
reviewer (the groups of ``roles.roles``).
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.formats import date_format

from roles.roles import EDITORS, LEGAL_REVIEWERS
from stories.services import record_consent, withdraw_consent
from tests.factories import StoryPageFactory, publish_translation

pytestmark = pytest.mark.django_db


def log_in(client, name, group=None, superuser=False):
    users = get_user_model().objects
    if superuser:
        user = users.create_superuser(name, f"{name}@example.org", "pw")
    else:
        user = users.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@pytest.fixture
def stories(site_structure):
    """One story per dashboard situation, all written in Arabic; the reviewed one also in English."""
    index = site_structure["stories"]["ar"]
    granted = StoryPageFactory(parent=index, title="قصة موافق عليها", slug="granted")
    pending = StoryPageFactory(
        parent=index, title="قصة بانتظار الموافقة", slug="pending", consent_status="pending", publish_page=False
    )
    withdrawn = StoryPageFactory(parent=index, title="قصة سحبت الموافقة عليها", slug="withdrawn")
    withdraw_consent(withdrawn, recorded_on=datetime.date(2026, 3, 14))
    reviewed = StoryPageFactory(parent=index, title="قصة قيد المراجعة", slug="reviewed")
    english = publish_translation(reviewed, "en", title="A story in review", slug="reviewed")
    submitter = get_user_model().objects.create_user("submitter", "submitter@example.org", "pw")
    english.get_workflow().start(english, submitter)
    return {"granted": granted, "pending": pending, "withdrawn": withdrawn, "reviewed": reviewed, "english": english}


def panel(html, panel_id):
    """The HTML of one dashboard panel (empty when the panel is not on the page)."""
    start = html.find(f'id="{panel_id}')
    if start == -1:
        return ""
    end = html.find('class="w-panel ', start)
    return html[start : end if end != -1 else None]


def test_a_superuser_sees_each_story_in_the_right_panel(client, stories):
    log_in(client, "chief", superuser=True)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    awaiting_consent = panel(html, "stories-awaiting-consent")
    assert "Stories awaiting consent" in awaiting_consent
    assert stories["pending"].title in awaiting_consent
    assert f"/admin/pages/{stories['pending'].pk}/edit/" in awaiting_consent
    for other in ("granted", "withdrawn", "reviewed"):
        assert stories[other].title not in awaiting_consent

    in_review = panel(html, "stories-awaiting-review")
    # The English translation is in review; the panel names it by its Arabic title and links to it.
    assert stories["reviewed"].title in in_review
    assert f"/admin/pages/{stories['english'].pk}/edit/" in in_review
    assert stories["pending"].title not in in_review

    withdrawn = panel(html, "stories-recently-withdrawn")
    assert stories["withdrawn"].title in withdrawn
    with translation.override("en"):
        assert date_format(datetime.date(2026, 3, 14), "SHORT_DATE_FORMAT") in withdrawn
    assert stories["granted"].title not in withdrawn


def test_granting_consent_takes_a_story_off_the_awaiting_consent_panel(client, stories):
    log_in(client, "chief", superuser=True)
    record_consent(stories["pending"], status="granted", recorded_on=datetime.date(2026, 4, 1), method="written")
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert stories["pending"].title not in panel(html, "stories-awaiting-consent")


def test_an_editor_sees_the_review_panel_but_no_consent_panel(client, stories):
    log_in(client, "writer", EDITORS)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert stories["reviewed"].title in panel(html, "stories-awaiting-review")
    assert panel(html, "stories-awaiting-consent") == ""
    assert panel(html, "stories-recently-withdrawn") == ""
    assert stories["withdrawn"].title not in html


def test_a_legal_reviewer_sees_the_consent_panels_with_a_link_to_record_consent(client, stories):
    log_in(client, "lawyer", LEGAL_REVIEWERS)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    awaiting_consent = panel(html, "stories-awaiting-consent")
    assert stories["pending"].title in awaiting_consent
    assert f"/admin/stories/{stories['pending'].pk}/consent/" in awaiting_consent
    assert stories["withdrawn"].title in panel(html, "stories-recently-withdrawn")
    # Legal reviewers edit no pages: no review panel, no link to the page editor.
    assert panel(html, "stories-awaiting-review") == ""
    assert f"/admin/pages/{stories['pending'].pk}/edit/" not in awaiting_consent


def test_the_panels_speak_arabic(client, stories):
    log_in(client, "chief", superuser=True)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "Stories awaiting consent" not in html
    assert "قصص بانتظار الموافقة" in panel(html, "stories-awaiting-consent")
    assert stories["pending"].title in panel(html, "stories-awaiting-consent")


def test_the_story_listing_shows_each_storys_consent(client, stories):
    log_in(client, "chief", superuser=True)
    response = client.get("/admin/stories/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<th" in html and "Consent" in html
    rows = {row.split("</tr>")[0] for row in html[html.find("<tbody") :].split("<tr")[1:]}
    expected = {"granted": "Granted", "pending": "Pending", "withdrawn": "Withdrawn", "english": "Granted"}
    for name, status in expected.items():
        [row] = [row for row in rows if f"/admin/pages/{stories[name].pk}/edit/" in row]
        assert status in row, name


def test_the_story_listing_filters_by_consent(client, stories):
    log_in(client, "writer", EDITORS)
    html = client.get("/admin/stories/?consent=withdrawn", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"/admin/pages/{stories['withdrawn'].pk}/edit/" in html
    for other in ("granted", "pending", "reviewed", "english"):
        assert f"/admin/pages/{stories[other].pk}/edit/" not in html, other

    html = client.get("/admin/stories/?consent=pending", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"/admin/pages/{stories['pending'].pk}/edit/" in html
    assert f"/admin/pages/{stories['withdrawn'].pk}/edit/" not in html


def test_an_unknown_consent_filter_is_explained_not_a_crash(client, stories):
    log_in(client, "chief", superuser=True)
    response = client.get("/admin/stories/?consent=maybe", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_story_editor_warns_against_real_names(client, stories):
    log_in(client, "writer", EDITORS)
    html = client.get(f"/admin/pages/{stories['pending'].pk}/edit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "never write the survivor&#x27;s real name" in html or "never write the survivor's real name" in html
    assert "image captions and alt text included" in html
