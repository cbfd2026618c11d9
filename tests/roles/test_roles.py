"""The five staff roles exist on every site with the permissions their work needs, and no more."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from roles import roles
from roles.workflows import CAMPAIGN_APPROVAL, STORY_REVIEW, ensure_workflows

pytestmark = pytest.mark.django_db


def test_migrate_leaves_every_role_with_admin_access_and_its_page_permissions():
    # No site_structure here: only what `migrate` made.
    assert set(roles.ROLES) <= set(Group.objects.values_list("name", flat=True))
    for name in roles.ROLES:
        assert Group.objects.get(name=name).permissions.filter(codename="access_admin").exists()
    root = Page.get_first_root_node()
    granted = set(
        GroupPagePermission.objects.filter(page=root, group__name=roles.PUBLISHERS).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= granted
    assert not GroupPagePermission.objects.filter(
        page=root,
        group__name__in=[roles.EDITORS, *(roles.translators(code) for code in roles.target_languages())],
        permission__codename="publish_page",
    ).exists()


def test_only_publishers_may_publish_pages(site_structure, editor, legal_reviewer, publisher, translator):
    about = site_structure["about"]["ar"]
    assert about.permissions_for_user(publisher).can_publish()
    for user in (editor, legal_reviewer, translator):
        assert not about.permissions_for_user(user).can_publish(), user.username
    assert about.permissions_for_user(editor).can_edit()
    # Translators work in their own language's tree, never on the Arabic source.
    assert not about.permissions_for_user(translator).can_edit()
    assert site_structure["about"]["fr"].permissions_for_user(translator).can_edit()
    assert not about.permissions_for_user(legal_reviewer).can_edit()


def test_editors_upload_images_and_documents_translators_only_choose_them(editor, translator):
    from wagtail.documents.permissions import permission_policy as documents
    from wagtail.images.permissions import permission_policy as images

    for policy in (images, documents):
        assert policy.user_has_permission(editor, "add")
        assert policy.user_has_permission(editor, "change")
        assert policy.user_has_permission(translator, "choose")
        assert not policy.user_has_any_permission(translator, ["add", "change"])


def test_role_definitions_win_over_stale_grants_and_stay_single(site_structure):
    editors = Group.objects.get(name=roles.EDITORS)
    root = Page.get_first_root_node()
    GroupPagePermission.objects.create(group=editors, page=root, permission_type="publish")

    ensure_workflows()
    ensure_workflows()

    editors_on_root = GroupPagePermission.objects.filter(group=editors, page=root)
    assert not editors_on_root.filter(permission__codename="publish_page").exists()
    assert Group.objects.filter(name=roles.EDITORS).count() == 1
    assert Workflow.objects.filter(name=STORY_REVIEW).count() == 1
    # On the Arabic indexes; translated trees go through their language's translation review.
    story_indexes = [site_structure["stories"]["ar"].pk]
    campaign_indexes = [site_structure["campaigns"]["ar"].pk]
    assert set(WorkflowPage.objects.filter(workflow__name=STORY_REVIEW).values_list("page_id", flat=True)) == set(
        story_indexes
    )
    assert set(WorkflowPage.objects.filter(workflow__name=CAMPAIGN_APPROVAL).values_list("page_id", flat=True)) == set(
        campaign_indexes
    )
    tasks = list(Workflow.objects.get(name=STORY_REVIEW).tasks.values_list("name", flat=True))
    assert tasks == ["Legal & consent review", "Publication approval"]


def test_legal_reviewers_get_the_consent_permissions_that_exist(legal_reviewer):
    from roles.roles import consent_permissions

    granted = list(consent_permissions())
    assert granted, "the consent record's permissions exist"
    for permission in granted:
        assert legal_reviewer.has_perm(f"stories.{permission.codename}")
    assert legal_reviewer.has_perm("stories.change_consentrecord")
    assert not legal_reviewer.has_perm("stories.delete_consentrecord")
    assert legal_reviewer.has_perm("stories.view_survivorrecord")
    assert legal_reviewer.has_perm("stories.change_survivorrecord")
