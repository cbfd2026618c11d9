"""The translation editor's review actions: a translator submits, a reviewer approves or asks for changes.

Both answer a POST from the form our ``edit_translation.html`` adds under wagtail-localize's editor,
and come back to the editor with a message saying what happened.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin import messages
from wagtail_localize.models import Translation

from .translation_review import (
    ReviewError,
    approve_or_request_changes,
    review_actions,
    string_counts,
    strings_summary,
    submit_for_review,
    target_page,
)


class TranslationReviewActionView(View):
    http_method_names = ["post"]

    def setup(self, request, *args, translation_id, **kwargs):
        super().setup(request, *args, **kwargs)
        self.translation = get_object_or_404(
            Translation.objects.select_related("source__locale", "target_locale"), pk=translation_id, enabled=True
        )
        self.page = target_page(self.translation)

    def back_to_editor(self):
        return redirect(reverse("wagtailadmin_pages:edit", args=[self.page.pk]))

    def summary(self):
        return strings_summary(string_counts(self.translation), self.translation.source.locale.get_display_name())


class SubmitTranslationForReviewView(TranslationReviewActionView):
    def post(self, request, translation_id):
        if self.page is None or not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        try:
            page, state = submit_for_review(self.translation, request.user)
        except ReviewError as error:
            messages.error(request, str(error))
            return self.back_to_editor()
        message = _("'%(title)s' was submitted for review: %(task)s.") % {
            "title": page.get_admin_display_title(),
            "task": state.current_task_state.task.name,
        }
        messages.success(request, f"{message} {self.summary()}".strip())
        return self.back_to_editor()


class ReviewTranslationView(TranslationReviewActionView):
    def post(self, request, translation_id, action):
        if self.page is None:
            raise Http404
        if action not in review_actions(self.page, request.user):
            raise PermissionDenied
        title = self.page.get_admin_display_title()
        try:
            page = approve_or_request_changes(
                self.translation, request.user, action, comment=request.POST.get("comment", "").strip()
            )
        except (ReviewError, PermissionDenied) as error:
            # A story without consent is refused here too (the consent record's PermissionDenied).
            messages.error(
                request,
                _("'%(title)s' was not approved: %(reason)s")
                % {"title": title, "reason": str(error) or _("you may not publish it")},
            )
            return self.back_to_editor()
        if action == "reject":
            messages.success(request, _("Changes were requested on '%(title)s'.") % {"title": title})
        elif page.live and not page.has_unpublished_changes:
            messages.success(request, _("'%(title)s' was approved and published.") % {"title": title})
        else:
            messages.success(request, _("'%(title)s' was approved.") % {"title": title})
        return self.back_to_editor()
