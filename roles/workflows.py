"""The moderation workflows and where they apply.

``Story review``: a legal and consent review by the legal reviewers, then the
publication approval by the publishers; assigned to the story index of every
language, so every story and translation goes through it. ``Campaign approval``:
the publishers' approval, on the campaign index of every language. Wagtail emails
each task's group when a page reaches it (Django's mail settings).
"""

from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from campaigns.models import CampaignIndexPage
from stories.models import StoryIndexPage

from .roles import LEGAL_REVIEWERS, PUBLISHERS, ensure_roles

LEGAL_REVIEW = "Legal & consent review"
PUBLICATION_APPROVAL = "Publication approval"
STORY_REVIEW = "Story review"
CAMPAIGN_APPROVAL = "Campaign approval"

# workflow name: ([task names in order], the index page model it is assigned to)
WORKFLOWS = {
    STORY_REVIEW: ([LEGAL_REVIEW, PUBLICATION_APPROVAL], StoryIndexPage),
    CAMPAIGN_APPROVAL: ([PUBLICATION_APPROVAL], CampaignIndexPage),
}
TASK_GROUPS = {LEGAL_REVIEW: LEGAL_REVIEWERS, PUBLICATION_APPROVAL: PUBLISHERS}


@transaction.atomic
def ensure_workflows():
    """Create the roles, tasks and workflows and assign each workflow to its index pages in every locale.

    Idempotent; returns the workflows by name.
    """
    groups = ensure_roles()
    tasks = {}
    for name, group_name in TASK_GROUPS.items():
        task = GroupApprovalTask.objects.filter(name=name).first() or GroupApprovalTask.objects.create(name=name)
        task.active = True
        task.save(update_fields=["active"])
        task.groups.set([groups[group_name]])
        tasks[name] = task

    workflows = {}
    for name, (task_names, index_model) in WORKFLOWS.items():
        workflow, _created = Workflow.objects.get_or_create(name=name)
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
        wanted = [tasks[task_name].pk for task_name in task_names]
        if list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True)) != wanted:
            workflow.workflow_tasks.all().delete()
            for order, task_id in enumerate(wanted):
                WorkflowTask.objects.create(workflow=workflow, task_id=task_id, sort_order=order)
        for page in index_model.objects.all():
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        workflows[name] = workflow
    return workflows
