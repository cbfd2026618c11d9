"""Erasing a subscriber (from the admin or in code) also drops every email still waiting to go to them."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .mail import discard_pending_emails
from .subscribers import Subscriber


@receiver(post_delete, sender=Subscriber, dispatch_uid="supporters_discard_pending_emails")
def discard_emails_of_erased_subscriber(sender, instance, **kwargs):
    discard_pending_emails(instance.email)
