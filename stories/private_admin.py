"""The private section in the admin: the survivor record is created and edited from its story only.

``PrivateSectionView`` (``/admin/stories/<page id>/private/``, linked from the story editor's panel) is the
one place a record is created or changed; the snippet pages list and show records to staff with
``stories.view_survivorrecord`` but offer no "add" (a record without its story means nothing). Every time
a record is shown, an audit-log entry (``LOG_SURVIVOR_RECORD_VIEWED``) names who saw it.
"""

from django import forms
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets

from core.choosers import TranslatedSnippetChooserViewSet

from .models import StoryPage, SurvivorRecord

LOG_SURVIVOR_RECORD_VIEWED = "stories.survivor_record_viewed"
VIEW_PERMISSION = "stories.view_survivorrecord"
CHANGE_PERMISSION = "stories.change_survivorrecord"


def log_record_viewed(record, user):
    log(instance=record, action=LOG_SURVIVOR_RECORD_VIEWED, user=user)


class SurvivorRecordForm(forms.ModelForm):
    class Meta:
        model = SurvivorRecord
        fields = ["survivor_name", "contact", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class PrivateSectionView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Shows a story's survivor record to staff who may view it; those who may change it also edit it here."""

    permission_required = VIEW_PERMISSION
    raise_exception = True
    form_class = SurvivorRecordForm
    template_name = "stories/admin/private.html"
    page_title = gettext_lazy("Private section")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        self.story = get_object_or_404(StoryPage, pk=kwargs["page_id"])
        self.record = SurvivorRecord.objects.filter(story_translation_key=self.story.translation_key).first()
        return super().dispatch(request, *args, **kwargs)

    @property
    def can_change(self):
        return self.request.user.has_perm(CHANGE_PERMISSION)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.record is not None:
            log_record_viewed(self.record, request.user)
        return response

    def post(self, request, *args, **kwargs):
        if not self.can_change:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.record or SurvivorRecord(story_translation_key=self.story.translation_key)
        return kwargs

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.can_change:
            for field in form.fields.values():
                field.disabled = True
        return form

    def get_page_subtitle(self):
        return self.story.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("wagtailadmin_pages:edit", args=[self.story.pk]), "label": self.get_page_subtitle()},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(story=self.story, record=self.record, can_change=self.can_change)
        return context

    def form_valid(self, form):
        created = form.instance.pk is None
        record = form.save()
        log(instance=record, action="wagtail.create" if created else "wagtail.edit", user=self.request.user)
        messages.success(self.request, _("Private section saved."))
        return redirect("stories_private", self.story.pk)


class SurvivorRecordPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody adds a record here: records are made from their story."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class _RequiresViewPermission:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class _LogsRecordViewed:
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log_record_viewed(self.object, request.user)
        return response


class SurvivorRecordIndexView(snippets.IndexView):
    any_permission_required = ["view"]


class SurvivorRecordInspectView(_LogsRecordViewed, snippets.InspectView):
    any_permission_required = ["view"]


class SurvivorRecordEditView(_LogsRecordViewed, snippets.EditView):
    pass


class SurvivorRecordChooserViewSet(TranslatedSnippetChooserViewSet):
    choose_view_class = type("ChooseView", (_RequiresViewPermission, snippet_chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (_RequiresViewPermission, snippet_chooser.ChooseResultsView), {}
    )
    chosen_view_class = type("ChosenView", (_RequiresViewPermission, snippet_chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (_RequiresViewPermission, snippet_chooser.SnippetChosenMultipleView), {}
    )
    create_view_class = type("CreateView", (_RequiresViewPermission, snippet_chooser.SnippetCreateView), {})


class SurvivorRecordViewSet(snippets.SnippetViewSet):
    """Lists and shows records to staff with the view permission; records are added from their story only."""

    model = SurvivorRecord
    icon = "lock"
    menu_label = gettext_lazy("Survivor records")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["__str__", "updated_at"]
    search_fields = []
    inspect_view_enabled = True
    index_view_class = SurvivorRecordIndexView
    inspect_view_class = SurvivorRecordInspectView
    edit_view_class = SurvivorRecordEditView
    chooser_viewset_class = SurvivorRecordChooserViewSet

    @property
    def permission_policy(self):
        return SurvivorRecordPermissionPolicy(self.model)
