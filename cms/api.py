"""The headless API at /api/v2/: pages, images and documents.

Pages go through the same visibility rule as the site, so drafts, restricted
pages and unconsented stories never leave the building; images and documents are
listed only when a public page uses them (core.media).

``meta.translations`` lists a page's live public translations in the other
languages: always in the detail, in listings on request (``fields=translations``
or ``fields=*``), loaded in one query per response.

Bad parameter values answer 400 with a JSON ``message`` (cms/api_validation.py).
Absolute URLs (``detail_url``, ``html_url``, ``download_url``, the ``find``
redirect) use the request's host, unless ``WAGTAILAPI_BASE_URL`` is set.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch
from rest_framework.fields import SkipField
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    DetailUrlField,
    PageAliasOfField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    TagsField,
    get_serializer_class,
)
from wagtail.api.v2.utils import get_full_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField, DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.api_fields import PageTranslationsField
from core.media import public_documents, public_images
from core.visibility import public_pages

from .api_validation import ValidatingAPIMixin, validating_filters


def absolute_url(request, path):
    """``path`` on WAGTAILAPI_BASE_URL when it is set, otherwise on the host the client asked for."""
    if getattr(settings, "WAGTAILAPI_BASE_URL", None):
        return get_full_url(request, path)
    return request.build_absolute_uri(path)


class RequestHostDetailUrlField(DetailUrlField):
    def get_attribute(self, instance):
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField  # No endpoint serves this model.
        return absolute_url(self.context["request"], path)


class RequestHostHtmlUrlField(PageHtmlUrlField):
    def to_representation(self, page):
        request = self.context["request"]
        try:
            url = page.get_url(request=request)
        except NoReverseMatch:
            return None
        return absolute_url(request, url) if url else None


class NestedPageMixin:
    """Wagtail builds ``meta.parent`` and ``alias_of`` on its own serializer: use ours, for their URLs."""

    def to_representation(self, value):
        serializer_class = get_serializer_class(
            value.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=PublicPageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class PublicPageParentField(NestedPageMixin, PageParentField):
    pass


class PublicPageAliasOfField(NestedPageMixin, PageAliasOfField):
    pass


class PublicPageSerializer(PageSerializer):
    detail_url = RequestHostDetailUrlField(read_only=True)
    html_url = RequestHostHtmlUrlField(read_only=True)
    parent = PublicPageParentField(read_only=True)
    alias_of = PublicPageAliasOfField(read_only=True)


class PublicPagesAPIViewSet(ValidatingAPIMixin, PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer
    filter_backends = validating_filters(PagesAPIViewSet.filter_backends)
    meta_fields = PagesAPIViewSet.meta_fields + [APIField("translations", serializer=PageTranslationsField())]

    def find_view(self, request):
        response = super().find_view(request)
        # Wagtail points the redirect at the Site's hostname: keep its path and query, on our base.
        location = urlsplit(response["Location"])
        response["Location"] = absolute_url(request, urlunsplit(("", "", location.path, location.query, "")))
        return response

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
    detail_url = RequestHostDetailUrlField(read_only=True)


class RequestHostDocumentDownloadUrlField(DocumentDownloadUrlField):
    def to_representation(self, document):
        return absolute_url(self.context["request"], document.url)


class PublicDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    detail_url = RequestHostDetailUrlField(read_only=True)
    download_url = RequestHostDocumentDownloadUrlField(read_only=True)


class PublicImagesAPIViewSet(ValidatingAPIMixin, ImagesAPIViewSet):
    """Only images a public page shows."""

    base_serializer_class = PublicImageSerializer
    filter_backends = validating_filters(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return public_images(super().get_queryset()).prefetch_related("tags")


class PublicDocumentsAPIViewSet(ValidatingAPIMixin, DocumentsAPIViewSet):
    """Only documents a public page links."""

    base_serializer_class = PublicDocumentSerializer
    filter_backends = validating_filters(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        return public_documents(super().get_queryset()).prefetch_related("tags")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
