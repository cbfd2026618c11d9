"""The link to a campaign's CSV export, shown inside the petition and letter panels of its edit view."""

from django.urls import reverse
from wagtail.admin.panels import Panel

EXPORT_PERMISSION = "supporters.export_campaign_actions"


class CampaignExportPanel(Panel):
    """A link to download the campaign's signatures or letters, for staff who may export them."""

    def __init__(self, kind, **kwargs):
        super().__init__(**kwargs)
        self.kind = kind

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "kind": self.kind}

    class BoundPanel(Panel.BoundPanel):
        template_name = "supporters/actions/admin/export_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk and self.request.user.has_perm(EXPORT_PERMISSION))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["export_url"] = reverse(f"supporters_export_{self.panel.kind}", args=[self.instance.page_id])
            context["kind"] = self.panel.kind
            return context
