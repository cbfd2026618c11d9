"""Emails go through the database task queue to a real SMTP server; a refused send is retried, not lost.

The SMTP server is aiosmtpd on a local port, stopped and started by the test; the queue is
django-tasks' database backend, worked by the same ``db_worker`` command the Procfile's mailer runs.
"""

import socket
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from supporters.models import OutgoingEmail, Subscriber

from .conftest import API_URL, sign_up_payload

pytestmark = pytest.mark.django_db(transaction=True)


class Inbox:
    """An SMTP server's handler that keeps what it receives; it can refuse the first ``refusals`` recipients."""

    def __init__(self, refusals=0):
        self.messages = []
        self.refusals = refusals

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        if self.refusals:
            self.refusals -= 1
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 Message accepted"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_settings(settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    settings.SUPPORTERS_MAIL_RETRY_DELAYS = [60, 300]
    return port


def run_mailer():
    """What the Procfile's mailer does, until nothing is due."""
    call_command("db_worker", "--batch", "--backend", "mail", "--interval", "0", "--no-startup-delay", "--no-reload")


def time_passes():
    """Bring every deferred retry's time forward to now."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_a_send_refused_while_the_server_is_down_is_delivered_when_it_is_back(client, smtp_settings):
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_settings)

    assert client.post(API_URL, sign_up_payload(locale="ar"), content_type="application/json").status_code == 202
    assert DBTaskResult.objects.filter(status="READY").count() == 1, "the email waits for the mailer"

    run_mailer()  # the server is down: connection refused

    outgoing = OutgoingEmail.objects.get()
    assert (outgoing.attempts, outgoing.gave_up) == (1, False)
    assert "layla" not in outgoing.last_error and "ConnectionRefusedError" in outgoing.last_error
    retry = DBTaskResult.objects.get(status="READY")
    assert 50 <= (retry.run_after - timezone.now()).total_seconds() <= 70
    run_mailer()
    assert OutgoingEmail.objects.get().attempts == 1, "not retried before its time"

    server.start()
    try:
        time_passes()
        run_mailer()
    finally:
        server.stop()

    assert not OutgoingEmail.objects.exists(), "delivered, and no copy kept"
    ((recipients, message),) = inbox.messages
    assert recipients == ["layla@example.org"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.is_multipart()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_recipient_refused_for_now_is_retried_with_a_growing_delay(client, smtp_settings):
    inbox = Inbox(refusals=2)
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_settings)
    server.start()
    try:
        client.post(API_URL, sign_up_payload(), content_type="application/json")
        run_mailer()
        first = OutgoingEmail.objects.get()
        assert (first.attempts, first.last_error) == (1, "SMTPRecipientsRefused 451")
        time_passes()
        run_mailer()
        second = OutgoingEmail.objects.get()
        assert second.attempts == 2
        assert (second.next_attempt_at - timezone.now()).total_seconds() > 250
        time_passes()
        run_mailer()
    finally:
        server.stop()

    assert not OutgoingEmail.objects.exists()
    assert [recipients for recipients, _message in inbox.messages] == [["layla@example.org"]]
