"""The consent rule: one place decides whether a story may be public.

Every route that publishes a story (admin, workflow, schedule, import,
translation publishing, revert) ends in ``StoryPage.save`` with ``live=True``,
which calls ``assert_may_publish``; withdrawing consent goes through
``withdraw_consent``.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

CONSENT_GRANTED = "granted"
CONSENT_PENDING = "pending"
CONSENT_WITHDRAWN = "withdrawn"
CONSENT_REFUSED = "refused"
CONSENT_STATUSES = [
    (CONSENT_PENDING, _("Pending")),
    (CONSENT_GRANTED, _("Granted")),
    (CONSENT_WITHDRAWN, _("Withdrawn")),
    (CONSENT_REFUSED, _("Refused")),
]
PUBLIC_CONSENT = CONSENT_GRANTED

CONSENT_METHODS = [
    ("written", _("Written form")),
    ("recorded-oral", _("Recorded oral consent")),
    ("oral-witnessed", _("Oral, witnessed")),
    ("electronic", _("Electronic")),
]


class ConsentError(ValidationError):
    pass


def public_consent_condition():
    """``may_publish`` as a query condition on StoryPage rows."""
    return Q(consent_status=PUBLIC_CONSENT, consent_recorded_on__isnull=False)


def may_publish(story):
    return story.consent_status == PUBLIC_CONSENT and story.consent_recorded_on is not None


def publication_blocked_reason(story):
    if story.consent_status != PUBLIC_CONSENT:
        return _(
            "A story can only be published once the survivor's consent is recorded as granted (now: %(status)s)."
        ) % {"status": story.get_consent_status_display()}
    if story.consent_recorded_on is None:
        return _("Record the date on which consent was given before publishing.")
    return None


def assert_may_publish(story):
    reason = publication_blocked_reason(story)
    if reason:
        raise ConsentError({"consent_status": reason})


@transaction.atomic
def withdraw_consent(story):
    """Mark consent withdrawn on the story and every translation, and take them all offline."""
    story_model = type(story)
    affected = list(story_model.objects.filter(translation_key=story.translation_key))
    for page in affected:
        story_model.objects.filter(pk=page.pk).update(consent_status=CONSENT_WITHDRAWN)
        page.consent_status = CONSENT_WITHDRAWN
        if page.live:
            page.unpublish(log_action="wagtail.unpublish")
    return affected
