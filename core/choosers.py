"""Snippet choosers whose texts follow the admin language of each request.

Wagtail builds a snippet's chooser widget once per process, when the snippet is registered:
``AdminSnippetChooser`` formats "Choose %(object)s" and its siblings into plain strings there,
and ``ChooserViewSet`` translates its modal title and tab labels with ``gettext`` at import.
Every editor then reads the language that happened to be active at that moment. Here the same
texts are lazy, so each is translated when a page renders it, in that editor's language.
"""

from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser


def _choose_one(model):
    return gettext("Choose %(object)s") % {"object": model._meta.verbose_name}


def _choose_another(model):
    return gettext("Choose another %(object)s") % {"object": model._meta.verbose_name}


def _edit_chosen(model):
    return gettext("Edit this %(object)s") % {"object": model._meta.verbose_name}


choose_one_text = lazy(_choose_one, str)
choose_another_text = lazy(_choose_another, str)
edit_chosen_text = lazy(_edit_chosen, str)


class TranslatedSnippetChooser(AdminSnippetChooser):
    """``AdminSnippetChooser`` with its button texts translated at render time; explicit texts still win."""

    def __init__(self, model, **kwargs):
        texts = {
            "choose_one_text": choose_one_text(model),
            "choose_another_text": choose_another_text(model),
            "link_to_chosen_text": edit_chosen_text(model),
        }
        super().__init__(model, **{**texts, **kwargs})


class TranslatedSnippetChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser modal and widget, every label lazy."""

    choose_one_text = _("Choose")
    page_title = _("Choose")
    choose_another_text = _("Choose another")
    edit_item_text = _("Edit")
    search_tab_label = _("Search")
    create_action_label = _("Create")

    @cached_property
    def widget_class(self):
        # An instance, as in SnippetChooserViewSet: Wagtail registers it as the form widget for
        # foreign keys to the snippet, and forms deep-copy it (lazy texts survive the copy).
        return TranslatedSnippetChooser(model=self.model, icon=self.icon)


class TranslatedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose chooser speaks each editor's language: the base for our snippets."""

    chooser_viewset_class = TranslatedSnippetChooserViewSet


def translate_wagtail_chooser_search_tabs():
    """Give Wagtail's image and document chooser modals a lazy "Search" tab label.

    They inherit ``ChooserViewSet.search_tab_label``, translated once at import (Wagtail 7.4), so
    their tab reads "بحث" next to a French "Transférer". Must run before the admin URLs are built,
    which is when the viewsets construct their views: importing ``wagtail_hooks`` is early enough.
    """
    from wagtail.documents.views.chooser import viewset as document_chooser
    from wagtail.images.views.chooser import viewset as image_chooser

    for viewset in (image_chooser, document_chooser):
        viewset.search_tab_label = _("Search")
