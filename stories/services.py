"""The consent rule: the one module that answers every consent question and changes consent.

Consent lives in the story's :class:`~stories.models.ConsentRecord` (one per ``translation_key``,
shared by every translation), never in a page or a revision, so no route can bring back a stale
"granted". Every route that publishes a story ends in ``StoryPage.save`` with ``live=True``, which
calls :func:`assert_may_publish`; the admin routes ask :func:`publication_blocked_reason` first so
that the editor sees why (see ``stories.wagtail_hooks`` and ``stories.permissions``).
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page, Revision, WorkflowState

from .private_guard import private_data_reason
from .records import ConsentEvent, ConsentMethod, ConsentRecord, ConsentStatus

CONSENT_GRANTED = ConsentStatus.GRANTED
CONSENT_PENDING = ConsentStatus.PENDING
CONSENT_WITHDRAWN = ConsentStatus.WITHDRAWN
CONSENT_REFUSED = ConsentStatus.REFUSED
CONSENT_STATUSES = ConsentStatus.choices
CONSENT_METHODS = ConsentMethod.choices

LOG_CONSENT_RECORDED = "stories.consent_recorded"
LOG_CONSENT_WITHDRAWN = "stories.consent_withdrawn"


class ConsentError(PermissionDenied):
    """Publishing a story its consent does not allow. A PermissionDenied, so no admin view answers 500."""

    def __init__(self, reason):
        self.reason = reason
        super().__init__(str(reason))


# --- questions ---------------------------------------------------------------------------------------


def consent_of(story):
    """The story's ConsentRecord; an unsaved pending one when nothing was recorded yet."""
    record = ConsentRecord.objects.filter(story_translation_key=story.translation_key).first()
    return record or ConsentRecord(story_translation_key=story.translation_key)


def public_consent_condition():
    """:func:`may_publish` as a query condition on StoryPage rows."""
    granted = ConsentRecord.objects.filter(
        story_translation_key=OuterRef("translation_key"), status=CONSENT_GRANTED, recorded_on__isnull=False
    )
    return Q(Exists(granted))


def may_publish(story):
    """Whether the survivor's consent lets ``story`` be public (what is shown, and the Publish button).

    The private-data guard is not part of it: it judges the text being published, which is not
    always the page row (see :func:`publication_blocked_reason`).
    """
    return consent_blocked_reason(story) is None


def publication_blocked_reason(story, record=None):
    """Why ``story`` may not go live, in the editor's language; None when it may.

    Consent first, then the private-data guard: the story's text must not carry the survivor's real
    name, phone number or email from the private record (see :mod:`stories.private_guard`).
    """
    return consent_blocked_reason(story, record) or private_data_reason(story)


def consent_blocked_reason(story, record=None):
    """Why the survivor's consent keeps ``story`` offline; None when consent allows publishing."""
    record = record or consent_of(story)
    if record.status == CONSENT_WITHDRAWN:
        return _("The survivor has withdrawn their consent: this story cannot be published in any language.")
    if record.status != CONSENT_GRANTED:
        return _(
            "A story can only be published once the survivor's consent is recorded as granted (now: %(status)s)."
        ) % {"status": record.get_status_display()}
    if record.recorded_on is None:
        return _("Record the date on which consent was given before publishing.")
    return None


def assert_may_publish(story):
    reason = publication_blocked_reason(story)
    if reason:
        raise ConsentError(reason)


def is_withdrawn(story):
    return consent_of(story).status == CONSENT_WITHDRAWN


# --- changes -----------------------------------------------------------------------------------------


@transaction.atomic
def record_consent(story, *, status, recorded_on=None, method="", anonymised=True, actor=None, note=""):
    """Record the survivor's consent for ``story`` (every translation) and append it to the history.

    A withdrawal goes through :func:`withdraw_consent`; any other status but "granted" takes the story
    offline in every language the same way.
    """
    if status not in ConsentStatus.values:
        raise ValueError(f"Unknown consent status {status!r}; expected one of {', '.join(ConsentStatus.values)}.")
    if status == CONSENT_WITHDRAWN:
        return withdraw_consent(
            story, actor=actor, note=note, recorded_on=recorded_on, method=method, anonymised=anonymised
        )
    record = _write(story, status, recorded_on, method or "", anonymised, actor, note)
    for page in _translations(story):
        log(instance=page, action=LOG_CONSENT_RECORDED, user=actor, data={"status": status})
    if status != CONSENT_GRANTED:
        _take_offline(story, actor)
    return record


@transaction.atomic
def withdraw_consent(story, *, actor=None, note="", recorded_on=None, method=None, anonymised=None):
    """The survivor withdrew consent: record it, then take the story offline in every language for good.

    Unpublishes every live translation (even locked ones), cancels scheduled publications and
    in-progress workflows, and writes an audit-log entry per translation with the actor. The
    unpublish signals queue the pages' removal from the search index.
    """
    current = consent_of(story)
    record = _write(
        story,
        CONSENT_WITHDRAWN,
        recorded_on or timezone.localdate(),
        current.method if method is None else method,
        current.anonymised if anonymised is None else anonymised,
        actor,
        note,
    )
    for page in _translations(story):
        log(instance=page, action=LOG_CONSENT_WITHDRAWN, user=actor, data={"note": note} if note else None)
    _take_offline(story, actor)
    return record


def _write(story, status, recorded_on, method, anonymised, actor, note):
    if isinstance(recorded_on, str):
        recorded_on = datetime.date.fromisoformat(recorded_on)
    record, _created = ConsentRecord.objects.select_for_update().get_or_create(
        story_translation_key=story.translation_key
    )
    record.status = status
    record.recorded_on = recorded_on
    record.method = method
    record.anonymised = anonymised
    record.save()
    ConsentEvent.objects.create(
        record=record,
        status=status,
        recorded_on=recorded_on,
        method=method,
        anonymised=anonymised,
        actor=actor,
        note=note,
    )
    return record


def _translations(story):
    return list(type(story).objects.filter(translation_key=story.translation_key).order_by("pk"))


def _take_offline(story, actor):
    pages = _translations(story)
    page_ids = [page.pk for page in pages]
    # Scheduled publications: no revision of the story may go live later.
    Revision.page_revisions.filter(object_id__in=[str(pk) for pk in page_ids]).exclude(
        approved_go_live_at__isnull=True
    ).update(approved_go_live_at=None)
    Page.objects.filter(pk__in=page_ids).exclude(go_live_at__isnull=True).update(go_live_at=None)
    for state in WorkflowState.objects.active().filter(
        base_content_type_id__in=_page_content_type_ids(), object_id__in=[str(pk) for pk in page_ids]
    ):
        state.cancel(user=actor)
    for page in pages:
        page.refresh_from_db()
        if page.live:
            # The permission check would refuse a page locked by someone else; withdrawal must win.
            UnpublishPageAction(page, user=actor).execute(skip_permission_checks=True)
    return pages


def _page_content_type_ids():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    return [ContentType.objects.get_for_model(Page).pk]
