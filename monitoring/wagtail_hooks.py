"""The monitoring record in the admin: incidents, their texts in each language, and legal references.

Editors add and edit draft incidents; Documentation officers also verify them (making them public),
return them to draft, and change verified ones (``verification.py``). Listings filter by type,
neighbourhood, year and status; every change is a revision and an audit-log entry.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.choosers import TranslatedSnippetViewSet
from core.i18n import SOURCE_LANGUAGE

from . import admin_views, verification
from .admin_filters import IncidentFilterSet
from .admin_forms import IncidentForm
from .incidents import Incident, IncidentStatus, IncidentText, LegalReference


class IncidentPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that a verified incident is changed or deleted only by those who verify."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "delete") and not verification.may_change(user, instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) <= {"change", "delete"} and not verification.may_verify(user):
            instances = instances.exclude(status=IncidentStatus.VERIFIED)
        return instances


class IncidentIndexView(snippets.IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perms(admin_views.CsvImportView.permission_required):
            buttons.append(
                HeaderButton(_("Import CSV"), url=reverse("monitoring_incidents_import"), icon_name="upload")
            )
        query = urlencode([(name, value) for name, value in self.request.GET.items() if name != "p"])
        export_url = reverse("monitoring_incidents_export") + (f"?{query}" if query else "")
        buttons.append(HeaderButton(_("Export CSV"), url=export_url, icon_name="download"))
        return buttons

    def search_queryset(self, queryset):
        # Searching through the texts and sources joins several rows per incident.
        searched = super().search_queryset(queryset)
        return searched.distinct() if self.is_searching else searched


class _VerifiedIsForVerifiers:
    """Refuse the view when the permission policy refuses changing this very incident (Wagtail checks the model)."""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(request.user, "change", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class IncidentDeleteView(_VerifiedIsForVerifiers, snippets.DeleteView):
    pass


class IncidentEditView(_VerifiedIsForVerifiers, snippets.EditView):
    # Wagtail builds the revert view from this one, so reverting a verified incident is refused the same way.
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if verification.may_verify(self.request.user):
            if self.object.status == IncidentStatus.DRAFT:
                url, label, icon = reverse("monitoring_incident_verify", args=[self.object.pk]), _("Verify"), "tick"
            else:
                url, label, icon = (
                    reverse("monitoring_incident_return_to_draft", args=[self.object.pk]),
                    _("Return to draft"),
                    "undo",
                )
            buttons.append(Button(label, url=url, icon_name=icon, priority=5))
        return buttons


def _status_label(incident):
    return incident.get_status_display()


class IncidentViewSet(SnippetViewSet):
    model = Incident
    icon = "clipboard-list"
    menu_label = gettext_lazy("Incidents")
    filterset_class = IncidentFilterSet
    index_view_class = IncidentIndexView
    edit_view_class = IncidentEditView
    delete_view_class = IncidentDeleteView
    inspect_view_enabled = True
    list_display = [
        "key",
        "date",
        Column("violation_type", label=gettext_lazy("Violation type")),
        Column("neighbourhood", label=gettext_lazy("Neighbourhood")),
        "people_affected",
        Column("status", label=gettext_lazy("Status"), accessor=_status_label),
    ]
    # The admin searches drafts too, so it asks the database, not the (verified-only) search index.
    search_backend_name = None
    search_fields = ["key", "texts__description", "sources__reference"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("key"),
                    FieldRowPanel([FieldPanel("date"), FieldPanel("date_end")]),
                    FieldRowPanel([FieldPanel("violation_type"), FieldPanel("neighbourhood")]),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                    FieldRowPanel(
                        [FieldPanel("people_affected"), FieldPanel("children_affected"), FieldPanel("women_affected")]
                    ),
                ],
                heading=gettext_lazy("Facts"),
            ),
            FieldPanel("description"),
            InlinePanel("sources", heading=gettext_lazy("Sources"), label=gettext_lazy("Source")),
            MultiFieldPanel(
                [FieldPanel("legal_analysis"), FieldPanel("legal_references")], heading=gettext_lazy("Legal analysis")
            ),
            MultiFieldPanel([FieldPanel("stories"), FieldPanel("campaigns")], heading=gettext_lazy("Links")),
        ],
        base_form_class=IncidentForm,
    )

    @property
    def permission_policy(self):
        return IncidentPermissionPolicy(self.model)


class IncidentTextPermissionPolicy(ModelPermissionPolicy):
    """The Arabic (source) text of a verified incident is part of the verified record: the verifiers' to change.
    Translations stay with their translators (the language rule is roles.snippet_languages)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if (
            action in ("change", "delete")
            and instance.locale.language_code == SOURCE_LANGUAGE
            and not verification.may_change(user, instance.incident)
        ):
            return False
        return super().user_has_permission_for_instance(user, action, instance)


class IncidentTextEditView(_VerifiedIsForVerifiers, snippets.EditView):
    pass


class IncidentTextViewSet(TranslatedSnippetViewSet):
    """The description and legal analysis in each language; wagtail-localize adds "Translate"."""

    model = IncidentText
    icon = "doc-full"
    menu_label = gettext_lazy("Incident texts")
    list_display = ["incident", "locale"]
    search_backend_name = None
    search_fields = ["incident__key", "description"]
    panels = [FieldPanel("incident", read_only=True), FieldPanel("description"), FieldPanel("legal_analysis")]
    edit_view_class = IncidentTextEditView

    @property
    def permission_policy(self):
        return IncidentTextPermissionPolicy(self.model)


class LegalReferenceViewSet(TranslatedSnippetViewSet):
    model = LegalReference
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Legal references")
    list_display = ["instrument", "article", "title", "locale"]
    search_backend_name = None
    search_fields = ["instrument", "article", "title"]


class MonitoringGroup(SnippetViewSetGroup):
    items = (IncidentViewSet, IncidentTextViewSet, LegalReferenceViewSet)
    menu_icon = "clipboard-list"
    menu_label = gettext_lazy("Monitoring")
    menu_name = "monitoring"
    menu_order = 250


register_snippet(MonitoringGroup)


@hooks.register("register_admin_urls")
def monitoring_admin_urls():
    return [
        path(
            "monitoring/incidents/<int:pk>/verify/",
            admin_views.VerifyView.as_view(),
            name="monitoring_incident_verify",
        ),
        path(
            "monitoring/incidents/<int:pk>/return-to-draft/",
            admin_views.ReturnToDraftView.as_view(),
            name="monitoring_incident_return_to_draft",
        ),
        path("monitoring/incidents/import/", admin_views.CsvImportView.as_view(), name="monitoring_incidents_import"),
        path("monitoring/incidents/export/", admin_views.CsvExportView.as_view(), name="monitoring_incidents_export"),
    ]


@hooks.register("register_snippet_listing_buttons")
def verify_listing_button(snippet, user, next_url=None):
    if isinstance(snippet, Incident) and snippet.status == IncidentStatus.DRAFT and verification.may_verify(user):
        yield Button(
            _("Verify"), url=reverse("monitoring_incident_verify", args=[snippet.pk]), icon_name="tick", priority=15
        )


@hooks.register("register_permissions")
def register_verify_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="monitoring", codename="verify_incident")


@hooks.register("register_log_actions")
def register_incident_log_actions(actions):
    @actions.register_action(verification.LOG_VERIFIED)
    class IncidentVerified(LogFormatter):
        label = gettext_lazy("Verify incident")

        def format_message(self, log_entry):
            return _("Incident verified: it is now public")

    @actions.register_action(verification.LOG_RETURNED_TO_DRAFT)
    class IncidentReturnedToDraft(LogFormatter):
        label = gettext_lazy("Return incident to draft")

        def format_message(self, log_entry):
            return _("Incident returned to draft: it is no longer public")
