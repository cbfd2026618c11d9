from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .choosers import TranslatedSnippetViewSet, translate_wagtail_chooser_search_tabs
from .models import Neighbourhood, ViolationType

translate_wagtail_chooser_search_tabs()


class ViolationTypeViewSet(TranslatedSnippetViewSet):
    model = ViolationType
    icon = "warning"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]


class NeighbourhoodViewSet(TranslatedSnippetViewSet):
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
