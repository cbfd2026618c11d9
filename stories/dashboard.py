"""Dashboard panels on the admin home: the stories that wait for someone on the editorial team.

Each panel names a story by its Arabic (source) title, whichever translation the row is about. The
consent panels are shown to staff who may see consent records, the review panel to staff who may edit
pages. Nothing here changes data.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.i18n import SOURCE_LANGUAGE

from .models import ConsentEvent, ConsentRecord, ConsentStatus, StoryPage

CONSENT_VIEW_PERMISSIONS = ("stories.view_consentrecord", "stories.change_consentrecord")


def panel_limit():
    return getattr(settings, "STORIES_DASHBOARD_LIMIT", 10)


def may_see_consent(user):
    return any(user.has_perm(permission) for permission in CONSENT_VIEW_PERMISSIONS)


def may_edit_pages(user):
    return PagePermissionPolicy().user_has_permission(user, "change")


def source_pages(translation_keys):
    """``{translation_key: Arabic page}`` for the given stories."""
    pages = StoryPage.objects.filter(
        translation_key__in=set(translation_keys), locale__language_code=SOURCE_LANGUAGE
    ).select_related("locale")
    return {page.translation_key: page for page in pages}


class StoryRow:
    """One line of a panel: the story's Arabic title, the language concerned and where to act on it."""

    def __init__(self, panel, source, page=None, date=None):
        page = page or source
        self.title = source.get_admin_display_title()
        self.language = page.locale.get_display_name() if page.locale_id else ""
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk]) if panel.may_edit else ""
        self.consent_url = reverse("stories_consent", args=[source.pk]) if panel.may_record_consent else ""
        self.date = date


class StoryPanel(Component):
    template_name = "stories/admin/dashboard_panel.html"
    heading = ""
    empty_message = ""
    date_heading = ""

    def __init__(self, request):
        self.request = request
        self.user = request.user
        self.may_edit = may_edit_pages(self.user)
        self.may_record_consent = self.user.has_perm("stories.change_consentrecord")

    def is_shown(self):
        return self.may_edit

    def rows(self):
        raise NotImplementedError

    def render_html(self, parent_context=None):
        if not self.is_shown():
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "date_heading": self.date_heading,
            "empty_message": self.empty_message,
            "rows": self.rows(),
        }


class AwaitingConsentPanel(StoryPanel):
    """Stories whose consent is still pending: nobody recorded a grant, a refusal or a withdrawal."""

    name = "stories_awaiting_consent"
    order = 110
    heading = _("Stories awaiting consent")
    empty_message = _("Every story has a consent decision.")

    def is_shown(self):
        return may_see_consent(self.user)

    def rows(self):
        decided = ConsentRecord.objects.exclude(status=ConsentStatus.PENDING).values("story_translation_key")
        stories = (
            StoryPage.objects.filter(locale__language_code=SOURCE_LANGUAGE)
            .exclude(translation_key__in=decided)
            .select_related("locale")
            .order_by("-latest_revision_created_at", "-pk")[: panel_limit()]
        )
        return [StoryRow(self, story) for story in stories]


class AwaitingReviewPanel(StoryPanel):
    """Story pages (any language) with a workflow in progress, newest submission first."""

    name = "stories_awaiting_review"
    order = 120
    heading = _("Stories awaiting review")
    empty_message = _("No story is in review.")
    date_heading = _("Submitted")

    def rows(self):
        states = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            content_type__app_label="stories",
            content_type__model="storypage",
        ).order_by("-created_at")[: panel_limit()]
        pages = StoryPage.objects.select_related("locale").in_bulk([int(state.object_id) for state in states])
        sources = source_pages(page.translation_key for page in pages.values())
        rows = []
        for state in states:
            page = pages.get(int(state.object_id))
            if page is not None:
                rows.append(StoryRow(self, sources.get(page.translation_key, page), page, state.created_at))
        return rows


class RecentlyWithdrawnPanel(StoryPanel):
    """The latest withdrawals in the consent history, with the date the survivor withdrew."""

    name = "stories_recently_withdrawn"
    order = 130
    heading = _("Recently withdrawn")
    empty_message = _("No consent has been withdrawn.")
    date_heading = _("Withdrawn on")

    def is_shown(self):
        return may_see_consent(self.user)

    def rows(self):
        events = (
            ConsentEvent.objects.filter(status=ConsentStatus.WITHDRAWN)
            .select_related("record")
            .order_by("-created_at", "-pk")[: panel_limit()]
        )
        sources = source_pages(event.record.story_translation_key for event in events)
        rows = []
        for event in events:
            source = sources.get(event.record.story_translation_key)
            if source is not None:
                rows.append(StoryRow(self, source, date=event.recorded_on or event.created_at.date()))
        return rows


def story_panels(request):
    return [AwaitingConsentPanel(request), AwaitingReviewPanel(request), RecentlyWithdrawnPanel(request)]
