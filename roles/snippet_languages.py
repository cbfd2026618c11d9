"""Translatable snippets follow the pages' language rule (``roles.languages``).

Wagtail's snippet permissions are per model: a translator into English holds "change organisation
details", which alone would let them change the Arabic and French records too. The checks here keep
each record to the users who may write its language. ``roles.wagtail_hooks`` runs them before
Wagtail's and wagtail-localize's own hooks: creating, editing (wagtail-localize shows a snippet's
translation editor from the snippet's edit view, so the editor and its Publish are covered),
unpublishing and deleting a record; and the translation editor's endpoints (strings, overrides, PO
download, machine translation, stopping the translation), which check the model permission only.
"""

from functools import wraps

from django.contrib.admin.utils import quote
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import Translation

from .languages import locales_to_translate_into, may_edit_in_locale


def is_language_bound(model):
    """Whether ``model``'s records each belong to one language: a translatable model other than pages (whose
    permissions follow the page tree already)."""
    return issubclass(model, TranslatableMixin) and not issubclass(model, Page)


def may_write_record(user, instance):
    """Whether the language rule lets ``user`` write ``instance``; the model permission is Wagtail's to check."""
    return not is_language_bound(type(instance)) or may_edit_in_locale(user, instance.locale)


def refusal_message(locale):
    return _("You do not have permission to change content in %(language)s.") % {"language": locale.get_display_name()}


def refuse(request, locale):
    """The admin's answer to a refused request: back to the dashboard, saying which language was refused."""
    messages.error(request, refusal_message(locale))
    return redirect("wagtailadmin_home")


def requested_locale(request):
    """The locale a snippet's add view creates its record in: ``?locale=``, else the default (Wagtail's rule)."""
    code = request.GET.get("locale")
    if code:
        return Locale.objects.filter(language_code=code).first()  # an unknown code is Wagtail's 404 to answer
    return Locale.get_default()


def refuse_record_in_other_language(request, instance):
    """``before_edit_snippet`` and ``before_unpublish``: a record in a language the user may not write."""
    if not may_write_record(request.user, instance):
        return refuse(request, instance.locale)
    return None


def refuse_creating_in_other_language(request, model):
    """``before_create_snippet``: creating a record in a language the user may not write."""
    if not is_language_bound(model):
        return None
    locale = requested_locale(request)
    if locale is not None and not may_edit_in_locale(request.user, locale):
        return refuse(request, locale)
    return None


def refuse_deleting_in_other_language(request, instances):
    """``before_delete_snippet`` (one record or a bulk deletion): any record in a language the user may not write."""
    for instance in instances:
        if not may_write_record(request.user, instance):
            return refuse(request, instance.locale)
    return None


def target_language_checked(view, *, api=False):
    """Wrap one of wagtail-localize's translation endpoints (``view(request, translation_id, …)``) so that a
    snippet's translation is worked on only by users who may write its target language.

    ``api``: the endpoint answers the editor's scripts, so a refusal is a JSON 403 rather than a redirect.
    """

    @wraps(view)
    def checked(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(
            Translation.objects.select_related("source__specific_content_type", "target_locale"), pk=translation_id
        )
        model = translation.source.specific_content_type.model_class()
        bound = model is not None and is_language_bound(model)
        if bound and not may_edit_in_locale(request.user, translation.target_locale):
            if api:
                return JsonResponse({"detail": refusal_message(translation.target_locale)}, status=403)
            return refuse(request, translation.target_locale)
        return view(request, translation_id, *args, **kwargs)

    return checked


def drop_translate_button_without_languages(buttons, snippet, user):
    """``construct_snippet_listing_buttons``: wagtail-localize offers "Translate" whenever a language lacks the
    record; hide it when none of those languages is one the user may write."""
    if not is_language_bound(type(snippet)):
        return
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[snippet._meta.app_label, snippet._meta.model_name, quote(snippet.pk)],
    )
    translate = [button for button in buttons if getattr(button, "url", None) == url]
    if not translate:
        return
    missing = locales_to_translate_into(user, snippet).exclude(
        pk__in=snippet.get_translations(inclusive=True).values("locale_id")
    )
    if not missing.exists():
        for button in translate:
            buttons.remove(button)
