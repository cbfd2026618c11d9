"""What a user can do about a status entry: links to translate, sync, or edit the translation."""

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from .status import MISSING


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    url: str


def actions_for(entry, user):
    """The links ``user`` may follow to act on ``entry``, most useful first."""
    actions = []
    may_submit = user.has_perm("wagtail_localize.submit_translation")
    if entry.state == MISSING and entry.target is None:
        if may_submit:
            actions.append(Action("translate", _("Translate"), translate_url(entry.source)))
        return actions
    if entry.source_changed and entry.translation is not None and may_submit:
        url = reverse("wagtail_localize:update_translations", args=[entry.translation.source_id])
        label = _("Sync translated pages") if entry.is_page else _("Sync translated snippets")
        actions.append(Action("sync", label, url))
    edit_url = AdminURLFinder(user).get_edit_url(entry.target)
    if edit_url:
        actions.append(Action("edit", _("Edit translation"), edit_url))
    return actions


def translate_url(source):
    if isinstance(source, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    meta = source._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, quote(source.pk)]
    )
