"""How long the mailing list keeps what it holds (the privacy page says the same; keep them in step).

* A sign-up never confirmed: deleted when its confirmation link expires (``SUPPORTERS_CONFIRM_MAX_AGE_DAYS``).
* An unsubscribed address: deleted ``SUPPORTERS_UNSUBSCRIBED_RETENTION_DAYS`` after unsubscribing (until
  then it lets the person undo a mistaken click).
* A confirmed subscriber: until they unsubscribe or ask to be erased.
* An email the SMTP server kept refusing: deleted ``SUPPORTERS_UNSUBSCRIBED_RETENTION_DAYS`` after the last try.

``python manage.py prune_subscribers`` applies this; run it daily (see README).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .subscribers import OutgoingEmail, Subscriber


@transaction.atomic
def prune_subscribers(now=None):
    """Delete what is past its keeping time; returns ``{"pending": n, "unsubscribed": n, "emails": n}``."""
    now = now or timezone.now()
    pending_limit = now - timedelta(days=settings.SUPPORTERS_CONFIRM_MAX_AGE_DAYS)
    retention_limit = now - timedelta(days=settings.SUPPORTERS_UNSUBSCRIBED_RETENTION_DAYS)
    counts = {}
    for key, queryset in (
        ("pending", Subscriber.objects.filter(status=Subscriber.Status.PENDING, status_changed_at__lt=pending_limit)),
        (
            "unsubscribed",
            Subscriber.objects.filter(status=Subscriber.Status.UNSUBSCRIBED, status_changed_at__lt=retention_limit),
        ),
    ):
        # One by one so the erasure signal drops their waiting emails too; there are few each day.
        counts[key] = 0
        for subscriber in queryset.iterator():
            subscriber.delete()
            counts[key] += 1
    counts["emails"], _ = OutgoingEmail.objects.filter(gave_up=True, next_attempt_at__lt=retention_limit).delete()
    return counts
