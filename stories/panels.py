"""The story editor's consent panel: the current consent (read from the ConsentRecord), a link to record it and,
for staff who may see it, a link to the story's private section (its survivor record)."""

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
            may_see_private = page.pk and self.request.user.has_perm("stories.view_survivorrecord")
            context["private_url"] = reverse("stories_private", args=[page.pk]) if may_see_private else None
            return context
