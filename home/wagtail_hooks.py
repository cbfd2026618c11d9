from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .organisation import OrganisationDetails


class OrganisationDetailsViewSet(SnippetViewSet):
    """Beside "Site settings" in the Settings menu; wagtail-localize adds "Translate" to each record."""

    model = OrganisationDetails
    icon = "site"
    menu_label = _("Organisation details")
    add_to_settings_menu = True
    search_fields = ["organisation_name", "address"]


register_snippet(OrganisationDetailsViewSet)
