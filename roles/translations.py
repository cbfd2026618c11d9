"""wagtail-localize's admin views, kept from publishing for users who may not publish.

wagtail-localize publishes in two places without asking whether the user may
(wagtail-localize issue #743): "Update translations" with "Publish immediately"
ticked, and converting a translation back into an alias of its source page, which
makes it mirror the source's live state. Submitting a page for translation saves
drafts because ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`` is off (and
``roles.drafts`` keeps any page showing another language's content offline), and the
translation editor's own Publish button already checks the permission.

"Translate this page" offers only the languages whose tree the user may add pages to,
so a translator makes translations in their own language only; and machine output is
never published unseen: "Use machine translation" with "Publish immediately" is refused.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import DraftStateMixin, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy
from wagtail_localize.views import submit_translations, update_translations
from wagtail_localize.views.convert import convert_to_alias

from .roles import language_home_page


def may_publish(user, instance):
    """Whether ``user`` may make ``instance`` (a page or a snippet) live."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return ModelPermissionPolicy(type(instance)).user_has_permission(user, "publish")
    return True  # an object without a draft state has no "live" to protect


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


def locales_to_translate_into(user, page):
    """The locales ``user`` may translate ``page`` into: those whose home page (tree) they may add pages to."""
    from wagtail.models import Locale

    allowed = []
    for locale in Locale.objects.exclude(pk=page.locale_id):
        home = language_home_page(locale.language_code)
        if home is not None and page_permission_policy.user_has_permission_for_instance(user, "add", home):
            allowed.append(locale.pk)
    return Locale.objects.filter(pk__in=allowed)


class LanguageCheckedSubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    """ "Translate this page", offering only the languages the user translates into."""

    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset & locales_to_translate_into(self.request.user, self.object)
        return form


def convert_to_alias_if_may_publish(request, page_id):
    """Turning a translation back into an alias takes it offline (an alias of another language's page is never
    live, ``roles.drafts``): that is unpublishing, for a user who may publish."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert_to_alias(request, page_id)
