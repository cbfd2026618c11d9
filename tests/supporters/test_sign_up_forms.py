"""The sign-up forms a visitor uses: the footer's on every page, and the mailing list page's."""

import pytest
from django.core import mail
from django.test import Client

from supporters.models import Subscriber
from tests.markup import assert_accessible_page, parse

from .conftest import last_email_to

pytestmark = pytest.mark.django_db


def footer_form(soup):
    form = soup.select_one("footer form.sign-up-form")
    assert form is not None, "no sign-up form in the footer"
    return form


def test_every_page_has_the_footer_form_and_stays_cacheable(supporter_pages, settings):
    settings.RESPONSE_CACHE = True
    visitor = Client(HTTP_ACCEPT_LANGUAGE="en")

    first = visitor.get("/en/")
    second = visitor.get("/en/")

    soup = parse(first)
    assert_accessible_page(soup, "en")
    form = footer_form(soup)
    assert form["action"] == "/en/mailing-list/subscribe/"
    assert form.select_one('input[name="csrfmiddlewaretoken"]') is None, "a CSRF token would stop all caching"
    assert form.select_one('input[type="email"][name="email"]') is not None
    assert form.select_one('input[type="checkbox"][name="consent"]') is not None
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    for language in ("ar", "fr"):
        footer_form(parse(visitor.get(f"/{language}/")))


def test_signing_up_from_the_footer(supporter_pages, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/mailing-list/subscribe/",
            {"email": "Nadia@example.org", "language": "fr", "consent": "on", "website": ""},
            HTTP_ORIGIN="http://testserver",
        )

    assert response.status_code == 302
    assert response["Location"] == "/fr/mailing-list/check-your-inbox/"
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language, subscriber.status) == ("nadia@example.org", "fr", "pending")
    assert subscriber.topics == ["campaigns", "stories", "reports"]
    last_email_to("nadia@example.org")
    inbox = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="fr")
    assert_accessible_page(parse(inbox), "fr")


def test_the_footer_form_refuses_another_site(supporter_pages, client):
    for headers in (
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ):
        response = client.post(
            "/en/mailing-list/subscribe/", {"email": "x@example.org", "language": "en", "consent": "on"}, **headers
        )
        assert response.status_code == 403, headers
    assert not Subscriber.objects.exists()


def test_a_footer_sign_up_with_errors_comes_back_with_them(supporter_pages, client):
    response = client.post(
        "/en/mailing-list/subscribe/",
        {"email": "not-an-address\r\nBcc: x@example.org", "language": "en"},
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    soup = parse(response, 400)
    assert_accessible_page(soup, "en")
    errors = [error.get_text() for error in soup.select("main .field__error")]
    assert any("Email" in error for error in errors), errors
    assert any("consent" in error for error in errors), errors
    assert soup.select_one('main form input[name="csrfmiddlewaretoken"]') is not None
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_the_footer_honeypot_is_dropped_silently(supporter_pages, client):
    response = client.post(
        "/en/mailing-list/subscribe/",
        {"email": "bot@example.org", "language": "en", "consent": "on", "website": "http://spam.example"},
    )

    assert (response.status_code, response["Location"]) == (302, "/en/mailing-list/check-your-inbox/")
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_the_mailing_list_page_form_needs_its_csrf_token(supporter_pages, django_capture_on_commit_callbacks):
    browser = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="ar")
    page = supporter_pages["mailing_list"]["ar"]
    url = page.url

    soup = parse(browser.get(url))
    assert_accessible_page(soup, "ar")
    form = soup.select_one("main form.sign-up-form")
    token = form.select_one('input[name="csrfmiddlewaretoken"]')["value"]
    assert soup.select_one("main a[href='/ar/privacy/']") is not None
    data = {"email": "sami@example.org", "language": "ar", "topics": ["stories"], "consent": "on"}

    assert browser.post(url, data).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(url, {**data, "csrfmiddlewaretoken": token})

    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert (subscriber.language, subscriber.topics) == ("ar", ["stories"])
    assert last_email_to("sami@example.org").subject.startswith("يرجى تأكيد")


def test_the_mailing_list_page_is_not_served_stale(supporter_pages, settings):
    settings.RESPONSE_CACHE = True
    url = supporter_pages["mailing_list"]["en"].url
    first, second = Client().get(url), Client().get(url)

    assert first.cookies.get("csrftoken") and second.cookies.get("csrftoken")
    assert second.get("X-Cache") != "HIT"


def test_the_privacy_page_in_every_language(supporter_pages, client):
    expected = {"ar": "ما الذي نحفظه", "en": "What we keep", "fr": "Ce que nous conservons"}
    for language, heading in expected.items():
        soup = parse(client.get(f"/{language}/privacy/"))
        assert_accessible_page(soup, language)
        assert heading in soup.select_one("main").get_text()
