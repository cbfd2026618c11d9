"""The incidents' admin screens beyond Wagtail's own: verify, return to draft, CSV import and export."""

import datetime

from django import forms
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.spreadsheet import csv_response

from .admin_filters import IncidentFilterSet
from .csv_format import CsvImportError, export_columns, export_rows
from .csv_import import import_csv
from .incidents import Incident, IncidentStatus
from .records import with_public_details
from .verification import may_verify, return_to_draft, verify

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def index_url():
    return reverse("wagtailsnippets_monitoring_incident:list")


def edit_url(incident):
    return reverse("wagtailsnippets_monitoring_incident:edit", args=[incident.pk])


class _StatusChangeView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks for confirmation, POST makes the change; both only for those who may verify."""

    template_name = "monitoring/admin/confirm_status.html"
    header_icon = "tick-inverse"
    wanted_status = None

    def dispatch(self, request, *args, **kwargs):
        if not may_verify(request.user):
            raise PermissionDenied
        self.incident = get_object_or_404(Incident, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.incident)

    def get_context_data(self, **kwargs):
        return super().get_context_data(incident=self.incident, question=self.question, button=self.button, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.incident.status != self.wanted_status:
            self.change(self.incident, request.user)
            messages.success(request, self.done % {"incident": self.incident.key})
        return redirect(edit_url(self.incident))


class VerifyView(_StatusChangeView):
    page_title = gettext_lazy("Verify incident")
    wanted_status = IncidentStatus.VERIFIED
    question = gettext_lazy(
        "Verifying makes this incident public: on the site, in the statistics, the API and search. "
        "Its confidential sources stay private."
    )
    button = gettext_lazy("Yes, verify")
    done = gettext_lazy("Incident %(incident)s verified.")

    @staticmethod
    def change(incident, user):
        verify(incident, user)


class ReturnToDraftView(_StatusChangeView):
    page_title = gettext_lazy("Return incident to draft")
    header_icon = "undo"
    wanted_status = IncidentStatus.DRAFT
    question = gettext_lazy("The incident leaves the public record until it is verified again.")
    button = gettext_lazy("Yes, return to draft")
    done = gettext_lazy("Incident %(incident)s returned to draft.")

    @staticmethod
    def change(incident, user):
        return_to_draft(incident, user)


class CsvUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file (UTF-8)"))
    verify = forms.BooleanField(
        label=gettext_lazy("Mark the imported incidents verified"),
        required=False,
        help_text=gettext_lazy("For the unit's reviewed record only; otherwise new incidents are drafts."),
    )

    def __init__(self, *args, may_verify_incidents=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_verify_incidents:
            del self.fields["verify"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class CsvImportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a CSV file of incidents: every bad row reported by line and column, nothing written if any."""

    permission_required = ("monitoring.add_incident", "monitoring.change_incident")
    raise_exception = True
    template_name = "monitoring/admin/import_csv.html"
    form_class = CsvUploadForm
    page_title = gettext_lazy("Import incidents from CSV")
    header_icon = "upload"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "may_verify_incidents": may_verify(self.request.user)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=export_columns(), **kwargs)

    def form_valid(self, form):
        content = form.cleaned_data["file"].read()
        may_verify_incidents = may_verify(self.request.user)
        try:
            result = import_csv(
                content,
                verify=may_verify_incidents and form.cleaned_data.get("verify", False),
                user=self.request.user,
                protect_verified=not may_verify_incidents,
            )
        except CsvImportError as error:
            return self.render_to_response(self.get_context_data(form=form, problems=error.problems))
        messages.success(
            self.request,
            _("Incidents imported: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
        )
        return redirect(index_url())


class CsvExportView(PermissionRequiredMixin, View):
    """The incidents the listing shows (its filters apply), as CSV: public sources only, formulas neutralised."""

    permission_required = "monitoring.view_incident"
    raise_exception = True

    def get(self, request):
        filters = IncidentFilterSet(request.GET or None, queryset=Incident.objects.all(), request=request)
        incidents = with_public_details(filters.qs.order_by("date", "key"))
        filename = f"incidents-{datetime.date.today().isoformat()}.csv"
        return csv_response(filename, export_columns(), export_rows(incidents.iterator(chunk_size=1000)))
