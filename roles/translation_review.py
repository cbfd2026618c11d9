"""A translation goes to review as a draft revision of its page, made from its current strings.

wagtail-localize's translation editor saves strings, not revisions, and its only page action is
Publish, which a translator may not use. ``submit_for_review`` saves the draft a reviewer will
judge and starts (or resumes) the page's workflow; ``approve_or_request_changes`` lets a
reviewer act on what the editor shows, saving the reviewer's own corrections first. Both leave a
published translation's live content as it is until the review publishes the new revision.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

from core.translation_drafts import save_translation_draft, target_page


class ReviewError(Exception):
    """The review step was refused; the message says why, in the user's language."""


@dataclass(frozen=True)
class StringCounts:
    """How far a translation's strings are: all of them, those translated, those left as machine output."""

    total: int
    translated: int
    machine: int
    machine_tools: tuple

    @property
    def untranslated(self):
        return self.total - self.translated


def string_counts(translation):
    """Count the source's strings, their translations and those that are machine translations nobody has edited.

    wagtail-localize records machine output with ``translation_type = "machine"`` and the tool's
    name; a person's edit in the translation editor turns it into a manual translation.
    """
    translations = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
        has_error=False,
    )
    rows = (
        StringSegment.objects.filter(source=translation.source)
        .annotate(
            kind=Subquery(translations.values("translation_type")[:1]),
            tool=Subquery(translations.values("tool_name")[:1]),
        )
        .values_list("kind", "tool")
    )
    total = translated = machine = 0
    tools = set()
    for kind, tool in rows:
        total += 1
        if kind is not None:
            translated += 1
        if kind == StringTranslation.TRANSLATION_TYPE_MACHINE:
            machine += 1
            if tool:
                tools.add(str(tool))
    return StringCounts(total, translated, machine, tuple(sorted(tools)))


def strings_summary(counts, source_language):
    """What a reviewer should know about the strings: machine output nobody checked, text left in the source."""
    parts = []
    if counts.machine:
        parts.append(
            ngettext(
                "%(count)d of %(total)d strings is a machine translation (%(tools)s) that nobody has edited yet.",
                "%(count)d of %(total)d strings are machine translations (%(tools)s) that nobody has edited yet.",
                counts.machine,
            )
            % {"count": counts.machine, "total": counts.total, "tools": ", ".join(counts.machine_tools) or "?"}
        )
    if counts.untranslated:
        parts.append(
            ngettext(
                "%(count)d string is not translated and shows the %(language)s text.",
                "%(count)d strings are not translated and show the %(language)s text.",
                counts.untranslated,
            )
            % {"count": counts.untranslated, "language": source_language}
        )
    return " ".join(parts)


def may_submit(page, user):
    """Whether ``user`` may send ``page`` to review now: they may edit it, it has a workflow and none is running."""
    permissions = page.permissions_for_user(user)
    state = page.current_workflow_state
    return (
        permissions.can_edit()
        and not permissions.page_locked()
        and page.get_workflow() is not None
        and (state is None or state.status == WorkflowState.STATUS_NEEDS_CHANGES)
    )


def review_actions(page, user):
    """The current task's actions ``user`` may take on ``page``, by name (``approve``, ``reject``); empty if none."""
    if not page.workflow_in_progress:
        return {}
    task = page.current_workflow_task
    return {name: str(label) for name, label, _modal in task.get_actions(page, user)} if task else {}


@transaction.atomic
def submit_for_review(translation, user):
    """Save the translation as a draft and start its page's workflow (or resume one that asked for changes).

    Returns the page and its workflow state; raises ``PermissionDenied`` when ``user`` may not
    edit the page and ``ReviewError`` when it cannot be submitted now.
    """
    page = target_page(translation)
    if page is None:
        # Not made yet (its source was never translated into this language here): make it as a draft.
        page = save_translation_draft(translation, user)
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    if page.get_workflow() is None:
        raise ReviewError(_("'%(title)s' has no review workflow.") % {"title": page.get_admin_display_title()})
    if not may_submit(page, user):
        raise ReviewError(_("'%(title)s' is already awaiting review.") % {"title": page.get_admin_display_title()})
    try:
        page = save_translation_draft(translation, user)
    except ValidationError as error:
        raise ReviewError(
            _("'%(title)s' could not be saved: %(errors)s")
            % {"title": page.get_admin_display_title(), "errors": "; ".join(error.messages)}
        ) from error
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)
    return page, Page.objects.get(pk=page.pk).current_workflow_state


@transaction.atomic
def approve_or_request_changes(translation, user, action, comment=""):
    """Take the current review task's ``action`` ("approve" or "reject") as ``user``; return the page.

    Approving first saves the strings as they are now (the reviewer's corrections included), so
    what is published is what the reviewer saw; Wagtail then publishes the latest revision, and
    the consent record still decides for a story (a refusal is a ``PermissionDenied``).
    """
    page = target_page(translation)
    if page is None or action not in review_actions(page, user):
        raise PermissionDenied
    if action == "approve":
        try:
            save_translation_draft(translation, user)
        except ValidationError as error:
            raise ReviewError("; ".join(error.messages)) from error
        page = Page.objects.get(pk=page.pk).specific
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state.specific, user, action, comment=comment)
    return Page.objects.get(pk=page.pk).specific
