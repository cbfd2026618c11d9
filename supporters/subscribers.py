"""The mailing list: subscribers and the emails waiting to be delivered.

A subscriber row holds only what the list needs: the address, an optional name, the language and
topics chosen, the state of their consent and when it was given and confirmed.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .topics import TOPICS


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    # Normalised by supporters.validation.normalised_email, so one address is one row.
    email = models.EmailField(_("email"), max_length=254, unique=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # Slugs from supporters.topics.TOPICS.
    topics = models.JSONField(_("topics"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    consented_at = models.DateTimeField(_("consent given at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # How long a row is kept depends on it (supporters.retention).
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-consented_at"]
        permissions = [("export_subscriber", _("Can export subscribers"))]
        indexes = [models.Index(fields=["status", "language"])]

    def __str__(self):
        # No address: this label is kept in the admin's history after an erasure.
        return f"{self._meta.verbose_name} #{self.pk}"

    @property
    def topic_labels(self):
        return [str(TOPICS[slug]) for slug in self.topics if slug in TOPICS]


class OutgoingEmail(models.Model):
    """An email waiting to be delivered. Deleted once the SMTP server accepts it (we keep no copy)."""

    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # The SMTP server's answer to the last attempt (no address in it: see supporters.mail).
    last_error = models.CharField(max_length=255, blank=True)
    gave_up = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["gave_up", "next_attempt_at"])]

    def __str__(self):
        return f"email #{self.pk}"
