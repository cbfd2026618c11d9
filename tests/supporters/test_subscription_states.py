"""Unsubscribing, subscribing again, duplicates, preferences: what a supporter can do with their subscription."""

import pytest
from django.core import mail

from supporters.models import Subscriber
from tests.markup import parse

from .conftest import last_email_to, link_to, sign_up_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmed(site_structure, api_sign_up, client):
    api_sign_up()
    client.get(link_to(last_email_to("layla@example.org"), "confirm"))
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    return subscriber


def test_unsubscribe_through_the_link_in_the_email(confirmed, client):
    unsubscribe = link_to(last_email_to("layla@example.org"), "unsubscribe")

    response = client.get(unsubscribe, HTTP_ACCEPT_LANGUAGE="en")

    assert "You have been unsubscribed" in parse(response).h1.get_text()
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.UNSUBSCRIBED
    assert Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count() == 0


def test_one_click_unsubscribe_by_the_mail_client(confirmed, client):
    """RFC 8058: the mail client POSTs to the List-Unsubscribe address, with no cookie and no CSRF token."""
    message = last_email_to("layla@example.org")
    address = message.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
    client.handler.enforce_csrf_checks = True

    response = client.post(address, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.UNSUBSCRIBED


def test_a_forged_unsubscribe_address_changes_nothing(confirmed, client):
    address = link_to(last_email_to("layla@example.org"), "unsubscribe")
    token = address.rstrip("/").rsplit("/", 1)[1]
    forged = address.replace(token, token[:-3] + "abc")

    assert client.post(forged, data="List-Unsubscribe=One-Click", content_type="text/plain").status_code == 400
    assert client.get(forged).status_code == 400
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.CONFIRMED


def test_a_confirm_link_is_not_an_unsubscribe_link(confirmed, client):
    confirm = link_to(last_email_to("layla@example.org"), "confirm")
    token = confirm.rstrip("/").rsplit("/", 1)[1]

    assert client.get(f"/ar/mailing-list/unsubscribe/{token}/").status_code == 400
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.CONFIRMED


def test_subscribing_again_after_unsubscribing(confirmed, client, api_sign_up):
    client.get(link_to(last_email_to("layla@example.org"), "unsubscribe"))
    mail.outbox.clear()

    response = api_sign_up(sign_up_payload(email="LAYLA@example.org", locale="fr", topics=["stories"]))

    assert response.status_code == 202
    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.language, subscriber.topics) == ("pending", "fr", ["stories"])
    client.get(link_to(last_email_to("layla@example.org"), "confirm"))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_an_old_confirm_link_does_not_undo_an_unsubscribe(confirmed, client):
    message = last_email_to("layla@example.org")
    client.get(link_to(message, "unsubscribe"))

    assert client.get(link_to(message, "confirm")).status_code == 400
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.UNSUBSCRIBED


def test_the_same_address_never_makes_two_subscriptions(site_structure, api_sign_up):
    first = api_sign_up(sign_up_payload(email="omar@example.org", locale="ar"))
    second = api_sign_up(sign_up_payload(email=" OMAR@EXAMPLE.org", name="Someone else", locale="ar"))

    assert Subscriber.objects.count() == 1
    assert (first.status_code, first.json()) == (second.status_code, second.json())
    # A pending sign-up gets a fresh confirmation email each time (rate limits cap how many).
    assert len([message for message in mail.outbox if message.to == ["omar@example.org"]]) == 2


def test_signing_up_a_confirmed_address_reveals_nothing_and_changes_nothing(confirmed, api_sign_up):
    # Asked in the same language as the request below: the answers are then word for word the same.
    unknown = api_sign_up(sign_up_payload(email="new@example.org", locale="ar"))
    mail.outbox.clear()

    known = api_sign_up(sign_up_payload(locale="ar", topics=["reports"], name="Intruder"))

    assert (known.status_code, known.json(), known.headers.get("Content-Length")) == (
        unknown.status_code,
        unknown.json(),
        unknown.headers.get("Content-Length"),
    )
    confirmed.refresh_from_db()
    assert (confirmed.name, confirmed.language, confirmed.topics) == ("Layla", "en", ["campaigns"])
    note = last_email_to("layla@example.org")
    assert "already" in note.subject and "/mailing-list/preferences/" in note.body


def test_preferences_through_the_signed_link(confirmed, client):
    preferences = link_to(last_email_to("layla@example.org"), "preferences")
    page = client.get(preferences, HTTP_ACCEPT_LANGUAGE="en")
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()

    response = client.post(
        preferences, {"language": "fr", "topics": ["stories", "reports"], "action": "save"}, follow=True
    )

    assert response.status_code == 200
    confirmed.refresh_from_db()
    assert (confirmed.language, confirmed.topics, confirmed.status) == ("fr", ["stories", "reports"], "confirmed")
    bad = client.post(preferences, {"language": "xx", "topics": ["nope"], "action": "save"})
    assert bad.status_code == 400
    confirmed.refresh_from_db()
    assert confirmed.language == "fr"


def test_resubscribe_from_the_preferences_page(confirmed, client):
    message = last_email_to("layla@example.org")
    client.get(link_to(message, "unsubscribe"))

    response = client.post(
        link_to(message, "preferences"),
        {"language": "en", "topics": ["campaigns"], "action": "resubscribe"},
        follow=True,
    )

    assert "Welcome back" in response.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.CONFIRMED
