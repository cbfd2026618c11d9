"""Log lines carry no personal data: what real requests make Django and gunicorn log, as JSON lines."""

import io
import json
import logging
import logging.config
import os
import subprocess
import sys
import uuid
from urllib.parse import quote

import pytest
from django.test import Client

from cms import health
from stories.models import SurvivorRecord
from tests.cms.test_settings import ROOT

SURVIVOR_NAME = "Amal Haddad"
ARABIC_NAME = "فاطمة الزهراء"


@pytest.fixture
def json_log(settings):
    """The project's LOGGING with LOG_FORMAT=json, writing to a buffer: returns a function reading the lines."""
    buffer = io.StringIO()
    config = json.loads(json.dumps(settings.LOGGING))
    config["handlers"]["console"]["formatter"] = "json"
    config["handlers"]["console"]["stream"] = buffer
    logging.config.dictConfig(config)

    def lines():
        return [json.loads(line) for line in buffer.getvalue().splitlines()]

    yield lines
    logging.config.dictConfig(settings.LOGGING)


@pytest.fixture
def survivors(db):
    SurvivorRecord.objects.create(story_translation_key=uuid.uuid4(), survivor_name=SURVIVOR_NAME, contact="")
    SurvivorRecord.objects.create(story_translation_key=uuid.uuid4(), survivor_name=ARABIC_NAME, contact="Silwan")


def setting_under(env, expression):
    """``expression`` over django.conf.settings in a fresh interpreter with ``env`` (dev settings)."""
    code = f"import json; from django.conf import settings; print(json.dumps({expression}))"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LOG_", "SENTRY_", "AWS_"))}
    clean.update(env, DJANGO_SETTINGS_MODULE="cms.settings.dev")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)


def only(lines, logger):
    found = [line for line in lines if line["logger"] == logger]
    assert found, f"no {logger} line among {lines}"
    return found


@pytest.mark.smoke
@pytest.mark.django_db
def test_a_not_found_path_with_an_email_is_logged_without_it(client, json_log):
    response = client.get("/ar/contact/amal.haddad@example.org/", {"ref": "x@y.example"})

    assert response.status_code == 404
    (line,) = only(json_log(), "django.request")
    assert line["level"] == "WARNING" and line["status_code"] == 404
    assert line["message"] == "Not Found: /ar/contact/[email]/"
    assert "[email]" in line["request"]
    assert "example" not in json.dumps(line)


@pytest.mark.django_db
def test_survivors_names_are_never_logged_even_percent_encoded(client, json_log, survivors):
    client.get(f"/ar/{quote(SURVIVOR_NAME)}/", {"q": ARABIC_NAME})

    (line,) = only(json_log(), "django.request")
    text = json.dumps(line, ensure_ascii=False)
    assert line["message"] == "Not Found: /ar/[private]/"
    assert SURVIVOR_NAME not in text and ARABIC_NAME not in text
    assert quote(ARABIC_NAME) not in text and "[private]" in line["request"]


@pytest.mark.django_db
def test_a_server_error_traceback_is_scrubbed(json_log, monkeypatch):
    def fail():
        raise RuntimeError("lookup of amal@example.org at +970 59 912 3456 failed")

    monkeypatch.setattr(health, "_database", fail)
    response = Client(raise_request_exception=False).get("/readyz")

    assert response.status_code == 500
    (line,) = only(json_log(), "django.request")
    assert line["level"] == "ERROR" and line["message"] == "Internal Server Error: /readyz"
    assert "RuntimeError: lookup of [email] at [phone] failed" in line["exc_info"]
    assert "amal@" not in json.dumps(line) and "912" not in json.dumps(line)


def test_gunicorn_access_lines_lose_addresses_emails_and_phones(json_log):
    # The arguments gunicorn's Logger.access passes for its default format's atoms.
    atoms = {
        "h": "203.0.113.77",
        "r": "GET /ar/search/?q=amal%40example.org HTTP/1.1",
        "s": "200",
        "f": "https://partner.example/?phone=%2B970599123456",
        "a": "Mozilla/5.0",
    }
    logging.getLogger("gunicorn.access").info('%(h)s "%(r)s" %(s)s "%(f)s" "%(a)s"', atoms)
    logging.getLogger("gunicorn.access").info("client %s", "2001:db8:85a3:1234::8a2e:370:7334")

    first, second = only(json_log(), "gunicorn.access")
    assert first["message"] == (
        '203.0.113.0 "GET /ar/search/?q=[email] HTTP/1.1" 200 "https://partner.example/?phone=[phone]" "Mozilla/5.0"'
    )
    assert second["message"] == "client 2001:db8:85a3::"


def test_log_format_is_plain_by_default_and_json_on_request():
    formatter = "settings.LOGGING['handlers']['console']['formatter']"
    for env, expected in (({}, "plain"), ({"LOG_FORMAT": "json"}, "json")):
        result = setting_under(env, formatter)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == expected

    refused = setting_under({"LOG_FORMAT": "xml"}, formatter)
    assert refused.returncode != 0 and "LOG_FORMAT='xml'" in refused.stderr


@pytest.mark.django_db
def test_a_failed_sign_in_is_logged_without_the_username_or_address(client, json_log):
    client.post(
        "/admin/login/", {"username": "amal.haddad@example.org", "password": "wrong"}, REMOTE_ADDR="203.0.113.77"
    )

    lines = json_log()
    assert any("login failure" in line["message"] for line in lines)  # The lockout's own record of it.
    text = json.dumps(lines)
    assert "amal.haddad" not in text and "203.0.113.77" not in text
