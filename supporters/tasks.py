"""Delivering queued emails (supporters.mail) in the background, with retries.

The ``mail`` task backend is django-tasks' database backend (run by ``python manage.py db_worker
--backend mail``, the Procfile's ``mailer``); tests use the immediate one. A failed attempt records
the error and the time of the next one; a backend that can defer tasks gets the retry enqueued for
that time, and :func:`retry_due_emails` (``manage.py send_queued_email``) re-enqueues whatever is due
on any backend, e.g. after the worker was down.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task, task_backends

from .subscribers import OutgoingEmail

logger = logging.getLogger(__name__)

MAIL_TASK_BACKEND = "mail"


def retry_delays():
    """Seconds to wait before each retry; the last one repeats until the attempts run out."""
    return settings.SUPPORTERS_MAIL_RETRY_DELAYS


def _next_attempt_at(attempts):
    delays = retry_delays()
    return timezone.now() + timedelta(seconds=delays[min(attempts, len(delays)) - 1])


def describe_failure(error):
    """The kind of failure and the SMTP code, never the server's text (it can quote the address)."""
    code = getattr(error, "smtp_code", None)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code = ",".join(str(answer[0]) for answer in error.recipients.values())
    return f"{type(error).__name__} {code}" if code else type(error).__name__


def _record_failure(outgoing, error, *, permanent):
    outgoing.attempts += 1
    outgoing.last_error = describe_failure(error)
    outgoing.gave_up = permanent or outgoing.attempts > settings.SUPPORTERS_MAIL_MAX_ATTEMPTS
    outgoing.next_attempt_at = _next_attempt_at(outgoing.attempts)
    outgoing.save(update_fields=["attempts", "last_error", "gave_up", "next_attempt_at"])
    if outgoing.gave_up:
        logger.error("Email %s given up after %s attempts: %s", outgoing.pk, outgoing.attempts, outgoing.last_error)
    else:
        logger.warning(
            "Email %s not sent (attempt %s), retrying: %s", outgoing.pk, outgoing.attempts, outgoing.last_error
        )


@task(backend=MAIL_TASK_BACKEND)
def deliver_email(outgoing_id):
    """Send one queued email; on failure keep it for a later attempt. Returns what happened."""
    with transaction.atomic():
        outgoing = OutgoingEmail.objects.select_for_update().filter(pk=outgoing_id, gave_up=False).first()
        if outgoing is None:
            return "gone"  # delivered by another attempt, or erased on request
        message = EmailMultiAlternatives(
            subject=outgoing.subject, body=outgoing.body_text, to=[outgoing.to], headers=outgoing.headers
        )
        if outgoing.body_html:
            message.attach_alternative(outgoing.body_html, "text/html")
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            # Refused, unreachable, timed out: the server may take it later.
            _record_failure(outgoing, error, permanent=False)
        except (ValueError, UnicodeError) as error:
            # A message the mail library cannot write (an address it cannot encode): no retry will help.
            _record_failure(outgoing, error, permanent=True)
        else:
            outgoing.delete()
            return "sent"
        if outgoing.gave_up:
            return "gave up"
        run_after = outgoing.next_attempt_at
    if task_backends[MAIL_TASK_BACKEND].supports_defer:
        deliver_email.using(run_after=run_after).enqueue(outgoing_id)
    return "retry"


def enqueue_delivery(outgoing_id):
    deliver_email.enqueue(outgoing_id)


def retry_due_emails(now=None):
    """Enqueue every undelivered email whose next attempt is due; how many."""
    now = now or timezone.now()
    due = list(OutgoingEmail.objects.filter(gave_up=False, next_attempt_at__lte=now).values_list("pk", flat=True))
    for outgoing_id in due:
        enqueue_delivery(outgoing_id)
    return len(due)
