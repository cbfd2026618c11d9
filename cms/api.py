"""The headless API at /api/v2/: pages, images and documents.

Pages go through the same visibility rule as the site, so drafts, restricted
pages and unconsented stories never leave the building.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.visibility import public_pages


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        return public_pages(super().get_base_queryset())

    def get_queryset(self):
        queryset = super().get_queryset()
        # A page type that knows how to load its list (StoryPage.for_listing) avoids a query per item.
        for_listing = getattr(queryset.model, "for_listing", None)
        return for_listing(queryset) if for_listing else queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
