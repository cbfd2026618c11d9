"""Moving an incident between draft and verified: who may, and what it leaves behind.

Verifying makes an incident public (``records.public_incidents``); only holders of
``monitoring.verify_incident`` (the Documentation officers) may verify, return to draft, or change an
incident already verified. Each move saves a revision and an audit-log entry naming who made it.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .incidents import IncidentStatus

VERIFY_PERMISSION = "monitoring.verify_incident"
LOG_VERIFIED = "monitoring.incident_verified"
LOG_RETURNED_TO_DRAFT = "monitoring.incident_returned_to_draft"


def may_verify(user):
    return user is not None and user.is_active and user.has_perm(VERIFY_PERMISSION)


def may_change(user, incident):
    """Whether ``user`` may edit ``incident``: a verified incident is the verifiers' to change."""
    return incident.status != IncidentStatus.VERIFIED or may_verify(user)


@transaction.atomic
def verify(incident, user):
    """Mark ``incident`` verified by ``user`` (PermissionDenied unless they may verify)."""
    if not may_verify(user):
        raise PermissionDenied
    incident.status = IncidentStatus.VERIFIED
    incident.verified_at = timezone.now()
    incident.verified_by = user
    incident.full_clean()
    incident.save()
    incident.save_revision(user=user, log_action=False)
    log(instance=incident, action=LOG_VERIFIED, user=user)
    return incident


@transaction.atomic
def return_to_draft(incident, user):
    """Take ``incident`` out of the public record until it is verified again."""
    if not may_verify(user):
        raise PermissionDenied
    incident.status = IncidentStatus.DRAFT
    incident.verified_at = None
    incident.verified_by = None
    incident.save()
    incident.save_revision(user=user, log_action=False)
    log(instance=incident, action=LOG_RETURNED_TO_DRAFT, user=user)
    return incident
