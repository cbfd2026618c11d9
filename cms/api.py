"""The headless API at /api/v2/: pages, images and documents.

Pages go through the same visibility rule as the site, so drafts, restricted
pages and unconsented stories never leave the building; images and documents are
listed only when a public page uses them (core.media).

``meta.translations`` lists a page's live public translations in the other
languages: always in the detail, in listings on request (``fields=translations``
or ``fields=*``), loaded in one query per response.
"""

from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.api_fields import PageTranslationsField
from core.media import public_documents, public_images
from core.visibility import public_pages


class PublicPagesAPIViewSet(PagesAPIViewSet):
    meta_fields = PagesAPIViewSet.meta_fields + [APIField("translations", serializer=PageTranslationsField())]

    def get_base_queryset(self):
        return public_pages(super().get_base_queryset())

    def get_queryset(self):
        # meta.locale is on every item: load it with the page, not once per item.
        queryset = super().get_queryset().select_related("locale")
        # A page type that knows how to load its list (StoryPage.for_listing) avoids a query per item.
        for_listing = getattr(queryset.model, "for_listing", None)
        return for_listing(queryset) if for_listing else queryset


class PrefetchedTagsField(TagsField):
    """Tag names from the tags prefetched with the listing (Wagtail's field queries once per item)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTagsMixin:
    def build_property_field(self, field_name, model_class):
        field_class, field_kwargs = super().build_property_field(field_name, model_class)
        return (PrefetchedTagsField if field_class is TagsField else field_class), field_kwargs


class PublicImageSerializer(PrefetchedTagsMixin, ImageSerializer):
    pass


class PublicDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    pass


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Only images a public page shows."""

    base_serializer_class = PublicImageSerializer

    def get_queryset(self):
        return public_images(super().get_queryset()).prefetch_related("tags")


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Only documents a public page links."""

    base_serializer_class = PublicDocumentSerializer

    def get_queryset(self):
        return public_documents(super().get_queryset()).prefetch_related("tags")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
