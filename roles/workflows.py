"""The moderation workflows and where they apply.

On the Arabic (source) tree: ``Story review``, a legal and consent review by the legal
reviewers then the publication approval by the publishers, on the story index; ``Campaign
approval``, the publishers' approval, on the campaign index.

On each translated tree: ``Translation review (<language>)``, one approval by that language's
translation reviewers, on the language's home page, so every page of the tree (stories and
campaigns included) goes through it. The consent record still decides for stories: approving
publishes, and publishing an unconsented story is refused as on every route.

Wagtail emails each task's group when a page reaches it (Django's mail settings).
"""

from django.db import transaction
from wagtail.models import GroupApprovalTask, Locale, Workflow, WorkflowPage, WorkflowTask

from campaigns.models import CampaignIndexPage
from core.i18n import SOURCE_LANGUAGE
from stories.models import StoryIndexPage

from .roles import (
    LEGAL_REVIEWERS,
    PUBLISHERS,
    ensure_roles,
    language_home_page,
    language_name,
    target_languages,
    translation_reviewers,
)

LEGAL_REVIEW = "Legal & consent review"
PUBLICATION_APPROVAL = "Publication approval"
STORY_REVIEW = "Story review"
CAMPAIGN_APPROVAL = "Campaign approval"


def translation_review(code):
    """The name of language ``code``'s review workflow and of its one task, e.g. "Translation review (English)"."""
    return f"Translation review ({language_name(code)})"


# workflow name: ([task names in order], the index page model it is assigned to in the source language)
WORKFLOWS = {
    STORY_REVIEW: ([LEGAL_REVIEW, PUBLICATION_APPROVAL], StoryIndexPage),
    CAMPAIGN_APPROVAL: ([PUBLICATION_APPROVAL], CampaignIndexPage),
}
TASK_GROUPS = {LEGAL_REVIEW: LEGAL_REVIEWERS, PUBLICATION_APPROVAL: PUBLISHERS}


def _ensure_task(name, group):
    task = GroupApprovalTask.objects.filter(name=name).first() or GroupApprovalTask.objects.create(name=name)
    task.active = True
    task.save(update_fields=["active"])
    task.groups.set([group])
    return task


def _ensure_workflow(name, tasks):
    workflow, _created = Workflow.objects.get_or_create(name=name)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    wanted = [task.pk for task in tasks]
    if list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True)) != wanted:
        workflow.workflow_tasks.all().delete()
        for order, task_id in enumerate(wanted):
            WorkflowTask.objects.create(workflow=workflow, task_id=task_id, sort_order=order)
    return workflow


@transaction.atomic
def ensure_workflows():
    """Create the roles, tasks and workflows and assign each workflow to the pages it covers.

    Idempotent; returns the workflows by name.
    """
    groups = ensure_roles()
    tasks = {name: _ensure_task(name, groups[group_name]) for name, group_name in TASK_GROUPS.items()}
    source_locale = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()

    workflows = {}
    for name, (task_names, index_model) in WORKFLOWS.items():
        workflow = _ensure_workflow(name, [tasks[task_name] for task_name in task_names])
        # In a translated tree the language's translation review applies instead (inherited from its home page).
        WorkflowPage.objects.filter(workflow=workflow).exclude(page__locale=source_locale).delete()
        for page in index_model.objects.filter(locale=source_locale):
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        workflows[name] = workflow

    for code in target_languages():
        name = translation_review(code)
        workflow = _ensure_workflow(name, [_ensure_task(name, groups[translation_reviewers(code)])])
        home = language_home_page(code)
        if home is not None:
            WorkflowPage.objects.filter(workflow=workflow).exclude(page=home).delete()
            WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
        workflows[name] = workflow
    return workflows
