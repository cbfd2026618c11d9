"""The story editor's consent panel: the current consent (read from the ConsentRecord) and a link to record it."""

from wagtail.admin.panels import Panel


class ConsentPanel(Panel):
    """Shows consent instead of editing it: consent is not page content and never goes into a revision."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/consent_panel.html"

        def get_context_data(self, parent_context=None):
            from django.urls import reverse

            context = super().get_context_data(parent_context)
            page = self.instance
            context["consent"] = page.consent
            context["consent_url"] = reverse("stories_consent", args=[page.pk]) if page.pk else None
            return context
