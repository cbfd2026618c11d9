"""A campaign's letter to decision makers: sent by the site after confirmation, or prepared to send oneself."""

import csv
import io
import json
from urllib.parse import unquote

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from supporters.letters import SentLetter
from supporters.models import OutgoingEmail
from tests.accounts import staff_user
from tests.factories import fresh, publish_translation
from tests.markup import assert_accessible_page, main_text, parse
from tests.supporters.campaign_actions import TARGETS, campaign_with_actions, confirmation_link, path_of

pytestmark = pytest.mark.django_db

EDITED = "حضرة الوزير،\nأكتب إليكم من القدس: أوقفوا هدم المنازل."


@pytest.fixture
def campaign(site_structure):
    return campaign_with_actions(site_structure)


@pytest.fixture
def visitor():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def write(visitor, django_capture_on_commit_callbacks):
    """Post the campaign page's letter form; ``delivery`` is "site" or "self"."""

    def write(campaign, delivery="site", **fields):
        data = {
            "letter-name": "ليلى حداد",
            "letter-email": "laila@example.org",
            "letter-country": "PS",
            "letter-body": EDITED,
            "letter-consent": "on",
            "delivery": delivery,
        }
        data.update({f"letter-{name}": value for name, value in fields.items()})
        with django_capture_on_commit_callbacks(execute=True), translation.override(campaign.locale.language_code):
            return visitor.post(reverse("supporters_write_letter", args=[campaign.pk]), data)

    return write


@pytest.fixture
def click(django_capture_on_commit_callbacks):
    def click(link):
        with django_capture_on_commit_callbacks(execute=True):
            return Client(HTTP_ACCEPT_LANGUAGE="en").get(path_of(link))

    return click


def letters_counter(client, campaign):
    soup = parse(client.get(fresh(campaign).url))
    return int(soup.select_one(".letter__sent").get_text())


def test_the_site_sends_the_letter_to_every_target_once_the_writer_confirms(visitor, campaign, write, click):
    response = write(campaign)
    assert response.status_code == 302 and response["Location"].endswith("#letter")
    assert [message.to for message in mail.outbox] == [["laila@example.org"]]
    assert EDITED in mail.outbox[0].body, "the writer sees the letter they confirm"
    assert letters_counter(visitor, campaign) == 0

    link = confirmation_link("laila@example.org")
    mail.outbox.clear()
    landing = click(link)
    assert landing.status_code == 302
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {email for _name, _body, email in TARGETS}
    for message in sent.values():
        assert message.subject == "أوقفوا هدم المنازل"
        assert message.body.startswith(EDITED) and "ليلى حداد" in message.body
        assert message.extra_headers["Reply-To"] == "laila@example.org"
    assert letters_counter(visitor, campaign) == 1

    mail.outbox.clear()
    click(link)  # a second click sends nothing more
    assert mail.outbox == [] and letters_counter(visitor, campaign) == 1


def test_a_supporter_can_prepare_the_letter_to_send_it_themselves_and_nothing_is_stored(visitor, campaign, write):
    response = write(campaign, delivery="self", consent="")
    soup = parse(response)
    assert_accessible_page(soup, "ar")
    mailto = soup.select_one(".letter__prepared a[href^='mailto:']")["href"]
    assert mailto.startswith("mailto:" + ",".join(email for _name, _body, email in TARGETS) + "?")
    assert EDITED in unquote(mailto) and "ليلى حداد" in unquote(mailto)
    assert EDITED in soup.select_one("#letter-prepared-text").get_text()
    assert SentLetter.objects.count() == 0 and mail.outbox == []


def test_the_site_sends_nothing_without_consent_or_with_bad_input(campaign, write, settings):
    settings.SUPPORTERS_RATE_PER_IP = settings.SUPPORTERS_RATE_PER_EMAIL = "100/h"
    for fields, named in [
        ({"consent": ""}, "consent"),
        ({"body": ""}, "body"),
        ({"body": "x" * 2001}, "body"),
        ({"body": "Hello\u202eevil"}, "body"),
        ({"name": "Laila\r\nBcc: all@example.org"}, "name"),
        ({"email": "laila@example.org\nBcc: all@example.org"}, "email"),
    ]:
        soup = parse(write(campaign, **fields), 400)
        # The page is Arabic: the message is translated, so the field it names is found by its marking.
        invalid = [field.get("name", "") for field in soup.select("#letter [aria-invalid='true']")]
        assert any(name.endswith(named) for name in invalid), (fields, invalid)
    assert SentLetter.objects.count() == 0 and OutgoingEmail.objects.count() == 0


def test_the_api_sends_the_letter_after_confirmation_and_counts_it(campaign, click, django_capture_on_commit_callbacks):
    api = Client()
    english = publish_translation(campaign, "en", title="Stop the demolitions", slug="stop-demolitions")
    body = {
        "name": "Omar Khalil",
        "email": "omar@example.org",
        "country": "FR",
        "body": "Dear Minister,",
        "consent": True,
    }
    url = f"/api/v2/campaigns/{english.pk}/letter/send/"
    with django_capture_on_commit_callbacks(execute=True):
        accepted = api.post(url, json.dumps(body), content_type="application/json")
    assert accepted.status_code == 202
    for bad, field in [({**body, "consent": False}, "consent"), ({**body, "body": "x" * 2001}, "body")]:
        refused = api.post(url, json.dumps(bad), content_type="application/json")
        assert refused.status_code == 400 and field in refused.json()["errors"]
    assert SentLetter.objects.count() == 1

    link = confirmation_link("omar@example.org")
    assert "/en/campaign-actions/letter/confirm/" in link
    click(link)
    for page in (campaign, fresh(english)):
        letter = api.get(f"/api/v2/pages/{page.pk}/").json()["letters"][0]
        assert letter["counter"] == {"letters_sent": 1, "is_open": True}
        assert [target["email"] for target in letter["targets"]] == [email for _name, _body, email in TARGETS]
        assert "omar@example.org" not in json.dumps(letter)


def test_staff_export_the_letters_sent(campaign, write, click, site_structure):
    write(campaign, name="=cmd|' /C calc'!A0")
    write(campaign, email="other@example.org")  # never confirmed: not sent, not exported
    click(confirmation_link("laila@example.org"))
    user = staff_user("exporter", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="export_campaign_actions")
    )
    staff = Client()
    staff.force_login(user)
    response = staff.get(reverse("supporters_export_letters", args=[campaign.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][1].startswith("'=") and rows[1][2] == "laila@example.org" and rows[1][6] == EDITED

    editor = Client()
    editor.force_login(staff_user("no-export", is_staff=True))
    assert editor.get(reverse("supporters_export_letters", args=[campaign.pk])).status_code in (302, 403)


def test_the_editor_sees_the_petition_letter_and_targets_in_the_campaign_edit_view(campaign, site_structure):
    admin = Client()
    admin.force_login(staff_user("admin", superuser=True))
    response = admin.get(reverse("wagtailadmin_pages:edit", args=[campaign.pk]))
    assert response.status_code == 200
    text = main_text(parse(response))
    for expected in ("Petition", "Letter to decision makers", "Letter targets", "Download the signatures (CSV)"):
        assert expected in text, expected
