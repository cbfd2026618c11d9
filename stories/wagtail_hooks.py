from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import services
from .models import StoryPage, SurvivorRecord


@hooks.register("after_edit_page")
def withdraw_consent_as_soon_as_it_is_recorded(request, page):
    """A withdrawal saved as a mere draft still takes the story offline at once."""
    if isinstance(page.specific, StoryPage) and page.specific.consent_status == services.CONSENT_WITHDRAWN:
        services.withdraw_consent(page.specific)


class SurvivorRecordViewSet(SnippetViewSet):
    """Private survivor details; Wagtail's model permissions decide who may see them."""

    model = SurvivorRecord
    icon = "lock"
    menu_label = _("Survivor records")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["__str__", "updated_at"]
    search_fields = []


register_snippet(SurvivorRecordViewSet)
