"""Admin hooks that hold the roles' line: only a user with publish permission makes anything live, and
each language's content is written by those who may write that language (pages and translatable snippets).

This app comes before wagtail-localize in INSTALLED_APPS, so its URLs resolve first and its hooks run
first; the snippet language checks are registered with a lower ``order`` as well, so they run before
wagtail-localize's ``before_edit_snippet`` (which shows the translation editor) whatever the app order.
"""

from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.views import edit_translation

from . import review_views, snippet_languages, translations
from .snippet_languages import target_language_checked

# Before any other app's hooks of the same name (Wagtail's default order is 0).
FIRST = -10


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
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            translations.LanguageCheckedSubmitSnippetTranslationView.as_view(),
            name="roles_submit_snippet_translation",
        ),
        # The translation editor's endpoints check only the model permission for a snippet: add its language.
        # (The PO upload is the localization app's view, which has to make this check itself.)
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            target_language_checked(edit_translation.edit_string_translation, api=True),
            name="roles_edit_string_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            target_language_checked(edit_translation.edit_override, api=True),
            name="roles_edit_override",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/download/",
            target_language_checked(edit_translation.download_pofile),
            name="roles_download_pofile",
        ),
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            target_language_checked(edit_translation.machine_translate),
            name="roles_machine_translate",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            target_language_checked(edit_translation.stop_translation),
            name="roles_stop_translation",
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


# Translatable snippets: each record is written only by users who may write its language (roles.languages).
hooks.register("before_create_snippet", snippet_languages.refuse_creating_in_other_language, order=FIRST)
hooks.register("before_edit_snippet", snippet_languages.refuse_record_in_other_language, order=FIRST)
hooks.register("before_unpublish", snippet_languages.refuse_record_in_other_language, order=FIRST)
hooks.register("before_delete_snippet", snippet_languages.refuse_deleting_in_other_language, order=FIRST)
hooks.register("construct_snippet_listing_buttons", snippet_languages.drop_translate_button_without_languages)
