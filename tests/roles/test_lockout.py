"""Guessing staff passwords: django-axes locks a username out from one address after repeated failures.

Before: 30 wrong passwords in 9.5 s, none refused, and the right one still let the guesser in.
"""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from roles import roles
from tests.accounts import staff_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
DJANGO_ADMIN_LOGIN = "/django-admin/login/"
OFFICE = "203.0.113.10"
LOCKED_OUT = "Too many failed sign-in attempts"


@pytest.fixture
def publisher(site_structure):
    return staff_user("publisher", groups=[roles.PUBLISHERS], password="the-right-one")


def sign_in(client, username, password, address=OFFICE, url=LOGIN, **headers):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en", **headers
    )


def signed_in(response):
    return response.status_code == 302 and "/login/" not in response.url


def fail(client, username, times, **kwargs):
    return [sign_in(client, username, f"guess-{n}", **kwargs).status_code for n in range(times)]


def test_thirty_guesses_are_cut_off_at_the_limit_and_even_the_right_password_is_refused(client, publisher):
    codes = fail(client, "publisher", 30)

    assert settings.AXES_FAILURE_LIMIT == 5
    # The login form answers the first failures itself; from the limit on, the lockout page answers.
    assert codes[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(codes[settings.AXES_FAILURE_LIMIT :]) == {429}
    response = sign_in(client, "publisher", "the-right-one")
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED_OUT in page
    assert "blocked for 15 minutes after 5 wrong passwords" in page
    assert not client.get(reverse("wagtailadmin_home")).wsgi_request.user.is_authenticated


def test_the_lockout_holds_for_that_username_and_address_only(client, publisher, site_structure):
    staff_user("colleague", groups=[roles.EDITORS], password="colleague-pw")
    fail(client, "publisher", settings.AXES_FAILURE_LIMIT)

    # A colleague at the same office address signs in, and so does the publisher from home.
    assert signed_in(sign_in(client, "colleague", "colleague-pw"))
    client.logout()
    assert signed_in(sign_in(client, "publisher", "the-right-one", address="198.51.100.7"))
    client.logout()
    assert sign_in(client, "publisher", "the-right-one").status_code == 429


def test_the_lockout_ends_after_the_cool_off(client, publisher):
    fail(client, "publisher", settings.AXES_FAILURE_LIMIT)
    assert sign_in(client, "publisher", "the-right-one").status_code == 429

    # Fifteen minutes and a second later (AXES_COOLOFF), the attempts no longer count.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=15, seconds=1))
    assert signed_in(sign_in(client, "publisher", "the-right-one"))


def test_a_successful_sign_in_resets_the_count(client, publisher):
    fail(client, "publisher", settings.AXES_FAILURE_LIMIT - 1)
    assert signed_in(sign_in(client, "publisher", "the-right-one"))
    client.logout()

    codes = fail(client, "publisher", settings.AXES_FAILURE_LIMIT - 1)
    assert set(codes) == {200}
    assert signed_in(sign_in(client, "publisher", "the-right-one"))


def test_django_admin_login_locks_out_too(client, site_structure):
    staff_user("root", superuser=True, password="root-pw")
    codes = fail(client, "root", settings.AXES_FAILURE_LIMIT + 1, url=DJANGO_ADMIN_LOGIN)

    assert codes[-1] == 429
    response = sign_in(client, "root", "root-pw", url=DJANGO_ADMIN_LOGIN)
    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()
    # The lock is on the account at this address, whichever admin's form is used.
    assert sign_in(client, "root", "root-pw").status_code == 429


def test_a_forged_forwarded_address_does_not_escape_the_lockout(client, publisher):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "publisher", "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")

    response = sign_in(client, "publisher", "the-right-one", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client, publisher, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    # The client forged the first entry; the proxy appended the address it saw.
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "publisher", f"guess-{n}", address=proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {OFFICE}")

    assert sign_in(client, "publisher", "the-right-one", address=proxy, HTTP_X_FORWARDED_FOR=OFFICE).status_code == 429
    # The same username behind the same proxy, from another client address, is not locked out.
    assert signed_in(sign_in(client, "publisher", "the-right-one", address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7"))


def _settings_value(environment, expression):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", **environment}
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


def test_limit_and_cool_off_come_from_the_environment():
    configured = _settings_value(
        {"AXES_FAILURE_LIMIT": "3", "AXES_COOLOFF": "30"}, "settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME"
    )
    assert configured.stdout.strip() == "3 0:30:00", configured.stderr

    wrong = _settings_value({"AXES_COOLOFF": "a while"}, "settings.AXES_COOLOFF_TIME")
    assert wrong.returncode != 0
    assert "AXES_COOLOFF" in wrong.stderr and "whole numbers" in wrong.stderr
