"""The translation editor's "Upload PO file", checked first (see :mod:`localization.po_files`).

Registered at wagtail-localize's own address, so its editor's upload form posts here. A page's
imported strings are saved at once into a draft of the translated page.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from core.i18n import may_edit_in_locale
from core.translation_drafts import save_translation_draft

from .po_files import POFileRefusedError, check_po_file, read_po_file


@require_POST
def upload_po_file(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as missing:
        raise Http404 from missing
    if not user_can_edit_instance(request.user, target):
        raise PermissionDenied
    if not isinstance(target, Page) and not may_edit_in_locale(request.user, translation.target_locale):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    lock = target.get_lock() if isinstance(target, Page) else None
    if lock and lock.for_user(request.user):
        messages.error(request, _("'%(title)s' is locked; the PO file was not imported.") % {"title": target})
        return redirect(next_url)
    try:
        checked = check_po_file(read_po_file(request.FILES.get("file")), translation)
        if not checked.translated:
            messages.warning(
                request, _("The PO file has no translated text (every msgstr is empty); nothing was changed.")
            )
            return redirect(next_url)
        with transaction.atomic():
            _import(request, translation, target, checked)
    except POFileRefusedError as refusal:
        messages.error(request, refusal.message)
    return redirect(next_url)


def _import(request, translation, target, checked):
    warnings = translation.import_po(checked.po, user=request.user, tool_name="PO File")
    if warnings:
        # The source changed between the check and the import: refuse rather than import part of the file.
        raise POFileRefusedError([str(warning) for warning in warnings])
    text = _("Imported %(count)d translated texts from the PO file.") % {"count": checked.translated}
    if isinstance(target, Page):
        try:
            save_translation_draft(translation, request.user)
        except ValidationError as error:
            raise POFileRefusedError(
                [_("The translated page is not valid: %(errors)s") % {"errors": " ".join(error.messages)}]
            ) from error
        text += " " + _("They are in a new draft of '%(title)s'.") % {"title": target.get_admin_display_title()}
    messages.success(request, text)
