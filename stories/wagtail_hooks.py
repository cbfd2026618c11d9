"""Stories in the admin: every publishing route asks the consent rule first and says why it refuses.

``StoryPage.save`` refuses a live story without consent as the last line (a ``ConsentError`` is a
``PermissionDenied``, so the admin never answers 500); these hooks and ``stories.permissions``
catch each route before that, with the reason in the editor's language:

- admin publish, schedule and revert: ``StoryPageForm.clean`` (a form error on the page);
- bulk publish from the page listing: ``before_bulk_action``;
- copying or aliasing a story (a copy is a new story, without consent): ``before_copy_page``;
- publishing a translation in wagtail-localize's editor: ``before_edit_page``;
- workflow approval and scheduled publishing: a withdrawal cancels both (``services.withdraw_consent``).
"""

from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import PageListingButton
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from . import services
from .dashboard import story_panels
from .listing import story_listing_viewset
from .models import StoryPage
from .private_admin import LOG_SURVIVOR_RECORD_VIEWED, PrivateSectionView, SurvivorRecordViewSet
from .views import ConsentView


@hooks.register("register_admin_urls")
def register_consent_url():
    return [
        path("stories/<int:page_id>/consent/", ConsentView.as_view(), name="stories_consent"),
        path("stories/<int:page_id>/private/", PrivateSectionView.as_view(), name="stories_private"),
    ]


@hooks.register("register_permissions")
def register_consent_permissions():
    return Permission.objects.filter(content_type__app_label="stories", codename__endswith="_consentrecord")


@hooks.register("register_page_listing_more_buttons")
def consent_listing_button(page, user, next_url=None, **kwargs):
    if isinstance(page.specific_deferred, StoryPage) and user.has_perm("stories.change_consentrecord"):
        yield PageListingButton(_("Consent"), reverse("stories_consent", args=[page.pk]), icon_name="lock", priority=60)


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    @actions.register_action(services.LOG_CONSENT_WITHDRAWN)
    class ConsentWithdrawn(LogFormatter):
        label = gettext_lazy("Withdraw consent")

        def format_message(self, log_entry):
            return _("Consent withdrawn at the survivor's request; the story was taken offline in every language")

    @actions.register_action(services.LOG_CONSENT_RECORDED)
    class ConsentRecorded(LogFormatter):
        label = gettext_lazy("Record consent")

        def format_message(self, log_entry):
            return _("Consent recorded: %(status)s") % {"status": (log_entry.data or {}).get("status", "")}

    @actions.register_action(LOG_SURVIVOR_RECORD_VIEWED)
    class SurvivorRecordViewed(LogFormatter):
        label = gettext_lazy("View survivor record")

        def format_message(self, log_entry):
            return _("Survivor record viewed")


def _stories_blocked(pages):
    """``[(story, reason)]`` for the stories among ``pages`` that their consent keeps offline."""
    stories = StoryPage.objects.filter(pk__in=[page.pk for page in pages])
    blocked = []
    for story in stories:
        # What would go live is the latest revision, which may differ from the row (private data in a draft).
        content = story.get_latest_revision_as_object() if story.has_unpublished_changes else story
        reason = services.publication_blocked_reason(content)
        if reason:
            blocked.append((story, reason))
    return blocked


def _refuse(request, blocked, fallback_url):
    for story, reason in blocked:
        messages.error(request, f"{story.get_admin_display_title()}: {reason}")
    return redirect(get_valid_next_url_from_request(request) or fallback_url)


@hooks.register("before_bulk_action")
def refuse_bulk_publish_without_consent(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    # Stories the permission policy already set aside are not in ``objects``: read what was asked for.
    asked = request.GET.getlist("id")
    requested = list(objects) + list(StoryPage.objects.filter(pk__in=[pk for pk in asked if pk.isdigit()]))
    parent_id = request.GET.get("childOf", "")
    parent = Page.objects.filter(pk=parent_id).first() if "all" in asked and parent_id.isdigit() else None
    if parent is not None:
        requested += list(StoryPage.objects.child_of(parent))
    blocked = _stories_blocked(requested)
    if blocked:
        return _refuse(request, blocked, reverse("wagtailadmin_explore_root"))
    return None


@hooks.register("before_copy_page")
def refuse_publishing_copies_of_stories(request, page):
    if request.method != "POST" or not (request.POST.get("publish_copies") or request.POST.get("alias")):
        return None
    pages = [page] + list(page.get_descendants()) if request.POST.get("copy_subpages") else [page]
    if any(isinstance(candidate.specific_deferred, StoryPage) for candidate in pages):
        messages.error(
            request,
            _(
                "A copy of a story is a new story without the survivor's consent: copy it as a draft "
                "(not published, not an alias) and record consent for it before publishing."
            ),
        )
        return redirect(request.get_full_path())
    return None


@hooks.register("before_edit_page", order=-10)
def refuse_publishing_a_translation_without_consent(request, page):
    """wagtail-localize's translation editor posts ``action=publish``; answer before it publishes."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if not isinstance(page.specific_deferred, StoryPage):
        return None
    blocked = _stories_blocked([page])
    if blocked:
        return _refuse(request, blocked, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return None


register_snippet(SurvivorRecordViewSet)


@hooks.register("construct_homepage_panels")
def add_story_panels(request, panels):
    panels.extend(story_panels(request))


@hooks.register("register_admin_viewset")
def register_story_listing():
    return story_listing_viewset
