"""``/.well-known/security.txt`` (RFC 9116): who to tell about a vulnerability, until when, in which languages."""

from datetime import UTC, datetime, timedelta

import pytest

from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def fields(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.endswith("\n")
    parsed = {}
    for line in text.splitlines():
        name, _, value = line.partition(": ")
        parsed.setdefault(name, []).append(value)
    return parsed


def test_contact_from_the_environment_with_expiry_languages_and_canonical(client, settings):
    settings.SECURITY_CONTACT = ["mailto:security@munasara.example", "https://munasara.example/report"]

    answer = fields(client.get("/.well-known/security.txt", secure=True, HTTP_HOST="munasara.example"))

    assert answer["Contact"] == ["mailto:security@munasara.example", "https://munasara.example/report"]
    assert answer["Preferred-Languages"] == ["ar, en, fr"]
    assert answer["Canonical"] == ["https://munasara.example/.well-known/security.txt"]
    (expires,) = answer["Expires"]
    expiry = datetime.strptime(expires, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    # RFC 9116: in the future, and less than a year away.
    assert datetime.now(UTC) < expiry < datetime.now(UTC) + timedelta(days=365)


def test_contact_falls_back_to_the_site_settings_email(client, site_structure, settings):
    settings.SECURITY_CONTACT = []
    site_settings = SiteSettings.load()
    site_settings.contact_email = "info@munasara.example"
    site_settings.save()

    assert fields(client.get("/.well-known/security.txt"))["Contact"] == ["mailto:info@munasara.example"]


def test_without_any_contact_there_is_no_file_rather_than_an_invalid_one(client, site_structure, settings):
    settings.SECURITY_CONTACT = []

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 404
    # Not sent on to a language prefix: /.well-known/ is outside the pages.
    assert "Location" not in response


def test_a_policy_link_is_added_when_configured(client, settings):
    settings.SECURITY_CONTACT = ["mailto:security@munasara.example"]
    settings.SECURITY_POLICY_URL = "https://munasara.example/en/security-policy/"

    assert fields(client.get("/.well-known/security.txt"))["Policy"] == ["https://munasara.example/en/security-policy/"]
