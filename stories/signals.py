from django.dispatch import receiver
from wagtail.signals import page_published

from .models import StoryPage


@receiver(page_published, sender=StoryPage)
def keep_consent_in_step(sender, instance, **kwargs):
    """Consent is one fact for the story in every language: copy it to the other translations."""
    fields = {
        "consent_status": instance.consent_status,
        "consent_recorded_on": instance.consent_recorded_on,
        "consent_method": instance.consent_method,
        "anonymised": instance.anonymised,
    }
    StoryPage.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk).update(**fields)
