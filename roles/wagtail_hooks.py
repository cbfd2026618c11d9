"""Admin hooks that hold the roles' line: only a user with publish permission makes anything live."""

from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Page

from . import review_views, translations


@hooks.register("register_admin_urls")
def register_translation_views():
    # Registered before wagtail-localize's own URLs (this app comes first in INSTALLED_APPS),
    # so these paths resolve here and wagtail-localize's URL names still point at them.
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            translations.LanguageCheckedSubmitPageTranslationView.as_view(),
            name="roles_submit_page_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            translations.PermissionCheckedUpdateTranslationsView.as_view(),
            name="roles_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            translations.convert_to_alias_if_may_publish,
            name="roles_convert_to_alias",
        ),
        path(
            "translations/<int:translation_id>/submit-for-review/",
            review_views.SubmitTranslationForReviewView.as_view(),
            name="roles_submit_translation_for_review",
        ),
        path(
            "translations/<int:translation_id>/review/<str:action>/",
            review_views.ReviewTranslationView.as_view(),
            name="roles_review_translation",
        ),
    ]


def _tell_when_publish_was_refused(request, page):
    # Wagtail saves a draft instead when a user without publish permission presses Publish;
    # say so rather than let the editor believe the page is live.
    if request.POST.get("action-publish") and not page.live:
        messages.warning(
            request,
            _(
                "'%(title)s' was saved as a draft: you do not have permission to publish it. "
                "Submit it for review to have it published."
            )
            % {"title": page.get_admin_display_title()},
        )


@hooks.register("after_create_page")
def tell_when_publish_was_refused_on_create(request, page):
    _tell_when_publish_was_refused(request, page)


@hooks.register("after_edit_page")
def tell_when_publish_was_refused_on_edit(request, page):
    _tell_when_publish_was_refused(request, page)


@hooks.register("before_copy_page")
def refuse_live_alias_without_publish_permission(request, page):
    """An alias of a live page is live at once; only a user who may publish under the new parent makes one."""
    if request.method != "POST" or not request.POST.get("alias") or not page.live:
        return None
    parent = Page.objects.filter(pk=request.POST.get("new_parent_page")).first()
    if parent is not None and parent.permissions_for_user(request.user).can_publish_subpage():
        return None
    messages.error(request, _("You do not have permission to publish there, so you cannot create a live alias."))
    return redirect("wagtailadmin_pages:copy", page.pk)
