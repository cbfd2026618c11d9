from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Neighbourhood, ViolationType


class ViolationTypeViewSet(SnippetViewSet):
    model = ViolationType
    icon = "warning"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]


class NeighbourhoodViewSet(SnippetViewSet):
    model = Neighbourhood
    icon = "site"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]


class VocabularyGroup(SnippetViewSetGroup):
    items = (ViolationTypeViewSet, NeighbourhoodViewSet)
    menu_icon = "tag"
    menu_label = _("Vocabularies")
    menu_name = "vocabularies"


register_snippet(VocabularyGroup)
