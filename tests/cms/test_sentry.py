"""Error reports to Sentry (SENTRY_DSN) carry no personal data: a real failing request, captured without network."""

import json
import uuid
from contextlib import contextmanager
from urllib.parse import quote

import pytest
import sentry_sdk
from django.contrib.auth import forms as auth_forms
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from sentry_sdk.transport import Transport

from cms.sentry import init_sentry
from stories.models import SurvivorRecord

SURVIVOR_NAME = "Amal Haddad"
EMAIL = "amal.haddad@example.org"
PHONE = "+970 59 912 3456"
PASSWORD = "the-survivor-password"
CSRF_TOKEN = "k" * 32  # The same token in the cookie and the form, as a browser sends them.


class CapturingTransport(Transport):
    """Keeps the envelopes Sentry would send, instead of sending them."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)

    def events(self):
        return [item.payload.json for envelope in self.envelopes for item in envelope.items if item.type == "event"]


@pytest.fixture
def sentry_events():
    transport = CapturingTransport()
    init_sentry(
        "https://public@sentry.invalid/1",
        environment="staging",
        release="munasara@1.2.3",
        transport=transport,
    )
    yield transport.events
    sentry_sdk.init()  # No DSN: reporting off again for the rest of the session.


@contextmanager
def database_kept_open():
    """What Django's test client does around a request: the test's transaction survives its end."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.mark.django_db
def test_a_failing_login_reaches_sentry_without_personal_data(sentry_events, monkeypatch):
    SurvivorRecord.objects.create(story_translation_key=uuid.uuid4(), survivor_name=SURVIVOR_NAME)

    def broken_backend(request=None, **credentials):
        raise RuntimeError(f"directory lookup failed for {credentials['username']}")

    monkeypatch.setattr(auth_forms, "authenticate", broken_backend)
    # Through Django's WSGI handler, as gunicorn calls it: Sentry reads the request from the WSGI environ.
    request = RequestFactory().post(
        f"/admin/login/?next=/admin/&phone={quote(PHONE)}",
        {"username": f"{SURVIVOR_NAME} <{EMAIL}>", "password": PASSWORD, "csrfmiddlewaretoken": CSRF_TOKEN},
        REMOTE_ADDR="203.0.113.77",
        HTTP_COOKIE=f"sessionid=secret-session-cookie; csrftoken={CSRF_TOKEN}",
        HTTP_AUTHORIZATION="Basic c2VjcmV0",
        HTTP_X_FORWARDED_FOR="198.51.100.23",
    )
    statuses = []
    with database_kept_open():
        b"".join(WSGIHandler()(request.environ, lambda status, headers: statuses.append(status)))
    sentry_sdk.flush()

    assert statuses == ["500 Internal Server Error"]
    (event,) = sentry_events()
    report = json.dumps(event, ensure_ascii=False)
    assert event["environment"] == "staging" and event["release"] == "munasara@1.2.3"
    (exception,) = event["exception"]["values"]
    assert exception["type"] == "RuntimeError"
    assert exception["value"] == "directory lookup failed for [private] <[email]>"
    assert event["request"]["url"].endswith("/admin/login/")
    assert event["request"]["method"] == "POST"
    assert event["request"]["query_string"] == "next=/admin/&phone=[phone]"
    for private in (SURVIVOR_NAME, EMAIL, "912 3456", PASSWORD, "secret-session-cookie", "c2VjcmV0", "203.0.113.77"):
        assert private not in report
    assert "198.51.100.23" not in report
    assert event["request"]["data"] == "[removed]"
    assert event.get("user", {}).keys() <= {"id"}
