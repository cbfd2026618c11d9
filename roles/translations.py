"""wagtail-localize's admin views, kept from publishing for users who may not publish.

wagtail-localize publishes in two places without asking whether the user may
(wagtail-localize issue #743): "Update translations" with "Publish immediately"
ticked, and converting a translation back into an alias of its source page, which
makes it mirror the source's live state. Submitting a page for translation saves
drafts because ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`` is off (and
``roles.drafts`` keeps any page showing another language's content offline), and the
translation editor's own Publish button already checks the permission.

"Translate this page" and a snippet's "Translate" offer only the languages whose content the
user may write (``roles.languages``), so a translator makes translations in their own language
only; and machine output is never published unseen: "Use machine translation" with "Publish
immediately" is refused, and so is machine translation into a language the user may not write.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import DraftStateMixin, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.views import submit_translations, update_translations
from wagtail_localize.views.convert import convert_to_alias

from .languages import locales_to_translate_into
from .snippet_languages import may_write_record


def may_publish(user, instance):
    """Whether ``user`` may make ``instance`` (a page or a snippet) live."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return ModelPermissionPolicy(type(instance)).user_has_permission(user, "publish") and may_write_record(
            user, instance
        )
    return True  # an object without a draft state has no "live" to protect


def may_edit(user, instance):
    """Whether ``user`` may change ``instance`` (a page, or a snippet in a language they may write)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return ModelPermissionPolicy(type(instance)).user_has_permission(user, "change") and may_write_record(
        user, instance
    )


def targets_not_editable(user, source):
    """The enabled translations of ``source`` whose target ``user`` may not change (existing targets only)."""
    refused = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        if not may_edit(user, target):
            refused.append(translation)
    return refused


def may_publish_translations(user, source):
    """Whether ``user`` may publish the source object of ``source`` (a TranslationSource) and its translations."""
    instance = source.get_source_instance()
    if not may_publish(user, instance):
        return False
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue  # created by the update under the source's permissions, checked above
        if not may_publish(user, target):
            return False
    return True


class PermissionCheckedUpdateTranslationsView(update_translations.UpdateTranslationsView):
    """ "Update translations", refusing "Publish immediately" to a user who may not publish."""

    def form_valid(self, form):
        if form.cleaned_data["publish_translations"] and form.cleaned_data.get("use_machine_translation"):
            messages.error(
                self.request,
                _(
                    "Machine translations are reviewed before they are published. "
                    "Untick 'Publish immediately' to add them to the drafts, then submit the translations for review."
                ),
            )
            return self.render_to_response(self.get_context_data(), status=400)
        refused = form.cleaned_data.get("use_machine_translation") and targets_not_editable(
            self.request.user, self.object
        )
        if refused:
            # wagtail-localize would write machine output into every language's strings, the user's or not.
            messages.error(
                self.request,
                _(
                    "You may not translate into %(languages)s. "
                    "Untick 'Use machine translation' to update the source only."
                )
                % {
                    "languages": ", ".join(str(translation.target_locale.get_display_name()) for translation in refused)
                },
            )
            return self.render_to_response(self.get_context_data(), status=403)
        if form.cleaned_data["publish_translations"] and not may_publish_translations(self.request.user, self.object):
            messages.error(
                self.request,
                _(
                    "You do not have permission to publish the translations of '%(title)s'. "
                    "Untick 'Publish immediately' to update them as drafts."
                )
                % {"title": self.object.object_repr},
            )
            return self.render_to_response(self.get_context_data(), status=403)
        return super().form_valid(form)


class OwnLanguagesOnlyMixin:
    """A "Translate" view offering (and accepting) only the languages the user may write."""

    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset & locales_to_translate_into(self.request.user, self.object)
        return form


class LanguageCheckedSubmitPageTranslationView(OwnLanguagesOnlyMixin, submit_translations.SubmitPageTranslationView):
    """ "Translate this page", offering only the languages the user translates into."""


class LanguageCheckedSubmitSnippetTranslationView(
    OwnLanguagesOnlyMixin, submit_translations.SubmitSnippetTranslationView
):
    """A snippet's "Translate": it creates a record of the snippet's model, so it needs the model's add
    permission (wagtail-localize asks only for "submit translation"), and offers only the languages the user
    may write."""

    def dispatch(self, request, *args, **kwargs):
        model = get_snippet_model_from_url_params(kwargs["app_label"], kwargs["model_name"])
        if not ModelPermissionPolicy(model).user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def convert_to_alias_if_may_publish(request, page_id):
    """Turning a translation back into an alias takes it offline (an alias of another language's page is never
    live, ``roles.drafts``): that is unpublishing, for a user who may publish."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert_to_alias(request, page_id)
