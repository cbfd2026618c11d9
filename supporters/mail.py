"""Emails to supporters: rendered in their language, kept in the database until delivered.

:func:`send_supporter_email` renders the message and writes an :class:`OutgoingEmail` row in the
caller's transaction; once it commits, the ``deliver_email`` task (supporters/tasks.py, on the
``mail`` task backend run by the Procfile's ``mailer``) hands it to Django's mail backend. A
refused or failed send stays in the table and is tried again later with growing delays, so a
down SMTP server delays mail but loses none.
"""

from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string, select_template
from django.utils import translation

from .subscribers import OutgoingEmail

TEMPLATE_DIR = "supporters/email"


def _names(language, name):
    """A language's own version first (``email/ar/confirm.txt``), then the translatable one (``email/confirm.txt``)."""
    return [f"{TEMPLATE_DIR}/{language}/{name}", f"{TEMPLATE_DIR}/{name}"]


def _render(template, context, language):
    with translation.override(language):
        subject = render_to_string(_names(language, f"{template}_subject.txt"), context)
        text = render_to_string(_names(language, f"{template}.txt"), context)
        try:
            html_template = select_template(_names(language, f"{template}.html"))
        except TemplateDoesNotExist:
            html = ""
        else:
            html = html_template.render(
                {**context, "language": language, "direction": "rtl" if translation.get_language_bidi() else "ltr"}
            )
    # A subject is one line: a line break in it would start a new header.
    subject = " ".join(subject.split())[:255]
    return subject, text, html


def send_supporter_email(*, to: str, template: str, context: dict, language: str, headers: dict | None = None) -> None:
    """Queue an email to ``to``: ``<template>_subject.txt``, ``<template>.txt`` and, when it exists,
    ``<template>.html`` from ``supporters/templates/supporters/email/<language>/`` if there, else from
    ``supporters/templates/supporters/email/`` (translatable strings), rendered in ``language``.

    Call it inside the transaction that writes the row the email is about: it is delivered only if
    that transaction commits. ``headers`` are extra email headers (e.g. ``List-Unsubscribe``).
    """
    from .tasks import enqueue_delivery

    subject, text, html = _render(template, context, language)
    outgoing = OutgoingEmail.objects.create(
        to=to, subject=subject, body_text=text, body_html=html, headers=dict(headers or {})
    )
    transaction.on_commit(lambda: enqueue_delivery(outgoing.pk))


def discard_pending_emails(address: str) -> int:
    """Delete every undelivered email to ``address`` (erasure on request); the number deleted."""
    deleted, _ = OutgoingEmail.objects.filter(to=address).delete()
    return deleted
