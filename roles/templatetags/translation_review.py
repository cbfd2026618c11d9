"""The review panel under wagtail-localize's translation editor: where the translation stands, what its
strings are (machine output marked), and the review actions the user may take."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from ..translation_review import may_submit, review_actions, string_counts, strings_summary

register = template.Library()


def _action_label(name, state):
    if name == "reject":
        return _("Request changes")
    last_task = state.workflow.workflow_tasks.order_by("-sort_order").values_list("task_id", flat=True).first()
    if name == "approve" and state.current_task_state.task_id == last_task:
        return _("Approve and publish")
    return _("Approve")


@register.inclusion_tag("roles/translation_review_panel.html", takes_context=True)
def translation_review_panel(context):
    translation, instance, request = context.get("translation"), context.get("instance"), context.get("request")
    if translation is None or not isinstance(instance, Page) or request is None:
        return {"shown": False}
    page = Page.objects.get(pk=instance.pk).specific
    state = page.current_workflow_state
    counts = string_counts(translation)
    return {
        "shown": True,
        "page": page,
        "state": state,
        "in_progress": state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        # The task in progress, or the one that asked for changes.
        "task": state.current_task_state.task if state is not None and state.current_task_state else None,
        "has_workflow": page.get_workflow() is not None,
        "counts": counts,
        "summary": strings_summary(counts, translation.source.locale.get_display_name()),
        "can_submit": may_submit(page, request.user),
        "submit_url": reverse("roles_submit_translation_for_review", args=[translation.pk]),
        "actions": [
            (name, _action_label(name, state), reverse("roles_review_translation", args=[translation.pk, name]))
            for name in review_actions(page, request.user)
        ],
        "csrf_token": context.get("csrf_token"),
    }
