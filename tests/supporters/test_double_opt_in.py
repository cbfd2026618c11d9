"""The mailing list's double opt-in, as a supporter lives it: sign up, get the email, confirm, unsubscribe."""

import time
from types import SimpleNamespace

import pytest
from django.core import signing
from django.urls import reverse

from supporters.models import OutgoingEmail, Subscriber
from supporters.subscriptions import CONFIRM
from supporters.tokens import make_token
from tests.markup import assert_accessible_page, parse

from .conftest import last_email_to, link_to, sign_up_payload

pytestmark = pytest.mark.django_db


def test_sign_up_confirm_round_trip(site_structure, api_sign_up, client):
    response = api_sign_up(sign_up_payload(email=" Layla@Example.ORG "))

    assert response.status_code == 202
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.status) == ("layla@example.org", Subscriber.Status.PENDING)
    assert Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count() == 0
    message = last_email_to("layla@example.org")
    assert "confirm" in message.subject.lower()
    assert not OutgoingEmail.objects.exists(), "a delivered email is not kept"

    page = client.get(link_to(message, "confirm"), HTTP_ACCEPT_LANGUAGE="en")

    soup = parse(page)
    assert_accessible_page(soup, "en")
    assert "Subscription confirmed" in soup.h1.get_text()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]


def test_the_confirmation_email_speaks_arabic_right_to_left(site_structure, api_sign_up):
    api_sign_up(sign_up_payload(locale="ar"))

    message = last_email_to("layla@example.org")
    assert message.subject == "يرجى تأكيد اشتراكك في القائمة البريدية لمناصرة"
    assert "للتأكيد افتح هذا الرابط" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="ar" dir="rtl">' in html
    assert "تأكيد اشتراكي" in html
    assert link_to(message, "confirm").startswith("/ar/mailing-list/confirm/")


def test_every_email_offers_one_click_unsubscribe(site_structure, api_sign_up):
    api_sign_up()

    message = last_email_to("layla@example.org")
    unsubscribe = link_to(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.alternatives[0][0]
    raw = message.message().as_string()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw


def _token_made_days_ago(monkeypatch, purpose, pk, days):
    """A token signed ``days`` ago (django.core.signing reads the clock through its ``time`` module)."""
    past = time.time() - days * 86400
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: past))
    token = make_token(purpose, pk)
    monkeypatch.undo()
    return token


def test_an_expired_confirmation_link_is_refused(site_structure, api_sign_up, client, settings, monkeypatch):
    api_sign_up()
    subscriber = Subscriber.objects.get()
    days = settings.SUPPORTERS_CONFIRM_MAX_AGE_DAYS

    expired = _token_made_days_ago(monkeypatch, CONFIRM, subscriber.pk, days + 0.01)
    response = client.get(reverse("supporters:confirm", args=[expired]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    still_valid = _token_made_days_ago(monkeypatch, CONFIRM, subscriber.pk, days - 0.01)
    assert client.get(reverse("supporters:confirm", args=[still_valid])).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_a_tampered_confirmation_link_is_refused(site_structure, api_sign_up, client):
    api_sign_up()
    confirm = link_to(last_email_to("layla@example.org"), "confirm")
    token = confirm.rstrip("/").rsplit("/", 1)[1]
    value, signature = token.split(":", 1)
    for forged in (f"{value}x:{signature}", f"{value}:{signature[:-2]}aa", "2:" + signature, "nonsense"):
        response = client.get(confirm.replace(token, forged), HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 400, forged
        assert "This link does not work" in parse(response, 400).h1.get_text()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
