"""Rate limits on every public POST: a clear 429 per client address, the admins' own forms untouched.

Every route outside the admins is limited by its prefix (cms/ratelimits.py), so a public form added
later is covered; the admin's password reset, which anyone may use and which sends mail, has its own.
"""

import pytest
from django.core import mail
from wagtail.models import PageViewRestriction

from tests.accounts import staff_user

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def low_limits(settings):
    settings.RATELIMIT_PUBLIC_POST = "3/m"
    settings.RATELIMIT_PASSWORD_RESET = "2/h"


@pytest.fixture
def password_page(site_structure):
    about = site_structure["about"]["en"]
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="open-sesame"
    )
    return about, f"/_util/authenticate_with_password/{restriction.pk}/{about.pk}/"


def test_wrong_page_passwords_are_limited_per_address_with_a_clear_429(client, password_page):
    page, action = password_page
    answers = [
        client.post(action, {"password": "guess", "return_url": page.url}, REMOTE_ADDR="203.0.113.7", **EN)
        for _ in range(4)
    ]

    assert 429 not in [answer.status_code for answer in answers[:3]]
    assert answers[3].status_code == 429
    assert "Too many requests from your address" in answers[3].content.decode()
    assert 0 < int(answers[3]["Retry-After"]) <= 60
    # Another address is not affected.
    other = client.post(action, {"password": "guess", "return_url": page.url}, REMOTE_ADDR="198.51.100.9", **EN)
    assert other.status_code != 429
    # Over the limit even the right password waits: guessing cannot go on at full speed.
    right = client.post(action, {"password": "open-sesame", "return_url": page.url}, REMOTE_ADDR="203.0.113.7")
    assert right.status_code == 429


def test_the_429_page_speaks_the_visitors_language(client, password_page):
    page, action = password_page
    for _ in range(4):
        answer = client.post(action, {"password": "guess"}, REMOTE_ADDR="203.0.113.8", HTTP_ACCEPT_LANGUAGE="ar")

    assert answer.status_code == 429
    assert 'lang="ar"' in answer.content.decode()


def test_the_admin_password_reset_is_limited_and_sends_no_more_mail(client, site_structure):
    staff_user("forgetful")
    answers = [
        client.post("/admin/password_reset/", {"email": "forgetful@example.org"}, REMOTE_ADDR="203.0.113.9", **EN)
        for _ in range(3)
    ]

    assert [answer.status_code for answer in answers] == [302, 302, 429]
    assert len(mail.outbox) == 2


def test_behind_proxies_the_forwarded_address_counts_only_when_configured(client, password_page, settings):
    page, action = password_page

    def post(forwarded_for):
        status = client.post(
            action, {"password": "guess"}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for, **EN
        ).status_code
        return "limited" if status == 429 else "answered"

    # Not configured: every client behind the proxy shares its address, whatever the header claims.
    assert [post(f"203.0.113.{n}") for n in range(4)] == ["answered"] * 3 + ["limited"]
    settings.TRUSTED_PROXY_COUNT = 1
    # Configured: the address our proxy saw counts; an address the client wrote before it is ignored.
    assert [post(f"spoofed-{n}, 198.51.100.20") for n in range(4)] == ["answered"] * 3 + ["limited"]
    assert post("198.51.100.21") == "answered"


def test_the_admins_own_forms_and_the_login_are_not_limited_here(client, site_structure):
    user = staff_user("busy-editor", superuser=True)
    client.force_login(user)
    answers = [client.post("/admin/account/", {}, REMOTE_ADDR="203.0.113.10") for _ in range(5)]
    assert 429 not in [answer.status_code for answer in answers]


@pytest.mark.parametrize("path", ["/ar/search/", "/api/v2/pages/", "/documents/authenticate_with_password/1/", "/en/"])
def test_every_public_route_counts_posts(client, site_structure, path):
    answers = [client.post(path, {}, REMOTE_ADDR="203.0.113.11").status_code for _ in range(4)]

    assert answers[-1] == 429, answers


def test_a_request_with_no_usable_client_address_is_counted_not_crashed(client, site_structure, settings):
    """A WSGI server on a unix socket sends no REMOTE_ADDR; a misconfigured proxy may forward garbage.

    Such requests share one bucket: they are answered (never a server error) and still limited.
    """
    no_address = [client.post("/api/v2/pages/", {}, REMOTE_ADDR="").status_code for _ in range(4)]
    settings.TRUSTED_PROXY_COUNT = 1
    garbled = client.post("/en/search/", {}, REMOTE_ADDR="not-an-address", HTTP_X_FORWARDED_FOR="garbage")

    assert 500 not in no_address and no_address[-1] == 429, no_address
    assert garbled.status_code == 429  # the same shared bucket, already over its limit
