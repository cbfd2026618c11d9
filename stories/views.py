"""The admin's consent view for a story: the current consent, a form to record a change, the history."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services
from .forms import ConsentForm
from .models import ConsentStatus, StoryPage


class ConsentView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    permission_required = "stories.change_consentrecord"
    raise_exception = True
    form_class = ConsentForm
    template_name = "stories/admin/consent.html"
    page_title = gettext_lazy("Consent")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        self.story = get_object_or_404(StoryPage, pk=kwargs["page_id"])
        self.record = self.story.consent
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.story.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("wagtailadmin_pages:edit", args=[self.story.pk]), "label": self.get_page_subtitle()},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        record = self.record
        return {
            "status": record.status,
            "recorded_on": record.recorded_on,
            "method": record.method,
            "anonymised": record.anonymised,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            story=self.story,
            record=self.record,
            history=self.record.history.select_related("actor") if self.record.pk else [],
            translations=StoryPage.objects.filter(translation_key=self.story.translation_key).select_related("locale"),
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        services.record_consent(
            self.story,
            status=data["status"],
            recorded_on=data["recorded_on"],
            method=data["method"],
            anonymised=data["anonymised"],
            actor=self.request.user,
            note=data["note"],
        )
        if data["status"] == ConsentStatus.WITHDRAWN:
            messages.success(
                self.request, _("Consent withdrawn: the story is offline in every language and cannot be published.")
            )
        else:
            messages.success(self.request, _("Consent recorded."))
        return redirect("stories_consent", self.story.pk)
