"""wagtail-localize's admin views, kept from publishing for users who may not publish.

wagtail-localize publishes in two places without asking whether the user may
(wagtail-localize issue #743): "Update translations" with "Publish immediately"
ticked, and converting a translation back into an alias of its source page, which
makes it mirror the source's live state. Submitting a page for translation saves
drafts because ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`` is off, and the
translation editor's own Publish button already checks the permission.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import DraftStateMixin, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.views import update_translations
from wagtail_localize.views.convert import convert_to_alias


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


def convert_to_alias_if_may_publish(request, page_id):
    """An alias shows its source's live content, so turning a translation into one is publishing it."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert_to_alias(request, page_id)
