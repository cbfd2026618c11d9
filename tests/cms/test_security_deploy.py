"""Production settings: ``manage.py check --deploy`` is clean, and the answers carry the headers it asks for.

Both run in a fresh interpreter with ``cms.settings.production`` and only what a deployment must
provide in its environment (the secret keys and the host name).
"""

import json
import os
import subprocess
import sys

import pytest

from tests.cms.test_settings import ROOT

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k7#Qz!pL0vX9wR2sT5uY8bN3mC6dF1gH4jK7lP0oI9uY6tR3eW",
    "FIELD_ENCRYPTION_KEY": "production-field-key",
    "ALLOWED_HOSTS": "munasara.example",
}


def run_with_production_settings(args, extra_env=None):
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "ELASTICSEARCH_", "SECURE_", "CSP_", "SERVE_MEDIA", "AWS_"))
        # Set by the browser tests' conftest for Playwright; a deployment must not have it (async.E001).
        and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    clean.update(PRODUCTION_ENV, **(extra_env or {}))
    return subprocess.run(args, cwd=ROOT, env=clean, capture_output=True, text=True, timeout=300)


@pytest.mark.smoke
def test_check_deploy_is_clean_with_production_settings():
    result = run_with_production_settings([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"])

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


@pytest.mark.smoke
def test_turning_hsts_off_is_reported_by_the_deploy_check():
    """The check above is not clean by accident: the settings it reads come from the environment."""
    result = run_with_production_settings(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        {"SECURE_HSTS_SECONDS": "0", "SECURE_SSL_REDIRECT": "false"},
    )

    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout
    assert "security.W008" in result.stderr + result.stdout


HEADERS_SCRIPT = """
import json, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="munasara.example")
answers = {}
for name, path, secure in [
    ("https", "/healthz", True), ("http", "/api/v2/docs/", False), ("probe", "/healthz", False),
    ("admin", "/admin/", True),
]:
    response = client.get(path, secure=secure)
    answers[name] = {"status": response.status_code, "headers": dict(response.headers),
                     "cookies": {key: dict(morsel) for key, morsel in response.cookies.items()}}
from django.conf import settings
answers["cookies_secure"] = [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE]
print(json.dumps(answers))
"""


@pytest.fixture(scope="module")
def production_answers(tmp_path_factory):
    # None of these answers reads the database; an empty one keeps any developer's data out of reach.
    database = tmp_path_factory.mktemp("deploy") / "empty.sqlite3"
    result = run_with_production_settings(
        [sys.executable, "-c", HEADERS_SCRIPT], {"DATABASE_URL": f"sqlite:///{database}"}
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.smoke
def test_https_answers_carry_hsts_and_deny_framing(production_answers):
    headers = production_answers["https"]["headers"]

    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


@pytest.mark.smoke
def test_plain_http_is_redirected_to_https_except_health_probes(production_answers):
    assert production_answers["http"]["status"] == 301
    assert production_answers["http"]["headers"]["Location"] == "https://munasara.example/api/v2/docs/"
    assert production_answers["probe"]["status"] == 200


@pytest.mark.smoke
def test_cookies_are_secure_and_the_admin_may_frame_itself(production_answers):
    admin = production_answers["admin"]

    assert admin["status"] == 302  # to the login
    assert admin["headers"]["X-Frame-Options"] == "SAMEORIGIN"
    assert production_answers["cookies_secure"] == [True, True]
