"""The public-only rule of the engine index: it holds public pages and nothing else.

Whatever asks Wagtail's index to add objects (``update_index``, a rebuild, our
indexer) goes through :class:`PublicIndexMixin`: pages that
``core.visibility.public_pages`` does not allow (drafts, private pages, stories
without consent, the tree root) are left out, and objects that are not pages
(images, documents, snippets) stay in the database backend.
"""

from wagtail.models import Page

from core.visibility import public_pages

from .mapping import prepare_for_indexing


def split_public(items):
    """``(public items, ids of the others)`` for a list of pages."""
    items = list(items)
    if not items:
        return [], []
    pages = Page.objects.filter(pk__in=[item.pk for item in items]).exclude(depth=1)  # Not the tree root.
    visible = set(public_pages(pages).values_list("pk", flat=True))
    return [item for item in items if item.pk in visible], [item.pk for item in items if item.pk not in visible]


class PublicIndexMixin:
    """Writes public pages only; everything else that reaches it is left out."""

    def add_items(self, model, items):
        if not issubclass(model, Page):
            return  # The public index holds pages only; images, documents and snippets stay in the database.
        public, _hidden = split_public(items)
        if public:
            super().add_items(model, prepare_for_indexing(public))

    def add_item(self, item):
        self.add_items(type(item), [item])

    def add_model(self, model):
        if issubclass(model, Page):
            super().add_model(model)
