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

from urllib.parse import unquote, urlsplit, urlunsplit

from django.db.models import Prefetch, Q
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _
from rest_framework.fields import SkipField
from rest_framework.renderers import JSONRenderer
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
from wagtail.api.v2.utils import BadRequestError, FieldsParameterParseError, parse_fields_parameter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField, DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site

from core.api_fields import AnnotatedField, PageTranslationsField
from core.api_references import absolute_url, load_page_with_relatives, references_for, request_public_pages
from core.media import public_documents, public_images
from core.visibility import public_pages

from .api_expand import ExpandComponentsMixin
from .api_validation import LARGEST_ID, ValidatingAPIMixin, validating_filters

__all__ = ["absolute_url", "api_router"]  # absolute_url lives in core.api_references; imported from here too

# DRF's browsable HTML view (``?format=api``) is not part of a JSON API.
JSON_ONLY = [JSONRenderer]
# The largest primary key the databases store (a signed 64-bit integer); beyond it no page can exist.


class JsonOnlyMixin:
    """Answers JSON only: ``?format=`` other than ``json`` is a bad parameter (400), not an HTML page."""

    renderer_classes = JSON_ONLY

    def perform_content_negotiation(self, request, force=False):
        requested = request.query_params.get("format")
        if not force and requested not in (None, "json"):
            raise BadRequestError(_("format: only 'json' is available"))
        return super().perform_content_negotiation(request, force=force)


class CheckedFindByIdMixin:
    """``find/?id=`` takes a whole number: anything else is a bad parameter (400), not a server error."""

    def find_object(self, queryset, request):
        value = request.GET.get("id")
        if value is not None:
            if not (value.isascii() and value.isdigit()):
                raise BadRequestError(_("id: '%(value)s' is not a whole number") % {"value": value})
            if int(value) > LARGEST_ID:
                return None
        return super().find_object(queryset, request)


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
    """``meta.parent``: only a public parent, and never above a locale's home page (null there)."""

    def get_attribute(self, instance):
        return references_for(self).parent(instance)


class PublicPageAliasOfField(NestedPageMixin, PageAliasOfField):
    pass


class PublicPageSerializer(PageSerializer):
    detail_url = RequestHostDetailUrlField(read_only=True)
    html_url = RequestHostHtmlUrlField(read_only=True)
    # The page's own public URL, for <link rel="canonical">: the same as html_url, named for SEO.
    canonical_url = RequestHostHtmlUrlField(read_only=True)
    parent = PublicPageParentField(read_only=True)
    alias_of = PublicPageAliasOfField(read_only=True)


class PublicPagesAPIViewSet(
    ExpandComponentsMixin, JsonOnlyMixin, CheckedFindByIdMixin, ValidatingAPIMixin, PagesAPIViewSet
):
    base_serializer_class = PublicPageSerializer
    filter_backends = validating_filters(PagesAPIViewSet.filter_backends)
    meta_fields = PagesAPIViewSet.meta_fields + [
        "canonical_url",
        APIField("translations", serializer=PageTranslationsField()),
    ]

    def find_view(self, request):
        """``?html_path=/ar/…`` answers the page's detail itself; ``?id=`` redirects to it, as in Wagtail."""
        if "html_path" not in request.GET and "id" in request.GET:
            response = super().find_view(request)
            # Wagtail points the redirect at the Site's hostname: keep its path and query, on our base.
            location = urlsplit(response["Location"])
            response["Location"] = absolute_url(request, urlunsplit(("", "", location.path, location.query, "")))
            return response
        path = request.GET.get("html_path", "").strip()
        if not path:
            raise BadRequestError(_("html_path: give the path of a page, with its language, e.g. /ar/stories/"))
        page = self.find_by_html_path(path)
        if page is None:
            raise Http404(_("Page not found: no public page has this path."))
        self._cached_object = self.specific_page(page)
        self.kwargs["pk"] = page.pk
        return self.detail_view(request, page.pk)

    def find_by_html_path(self, path):
        """The public page at a public URL path, which starts with its language (``/en/stories/…``)."""
        components = [unquote(component) for component in urlsplit(path).path.split("/") if component]
        if not components:
            return None
        language, rest = components[0], components[1:]
        roots = [root for root in self.site_root_paths() if root.language_code == language]
        if not roots:
            return None
        url_path = roots[0].root_path + "".join(f"{component}/" for component in rest)
        return load_page_with_relatives(self.request, self.get_base_queryset(), url_path=url_path)

    def get_object(self):
        # One query for the page with its translations and parent, one for its specific type.
        if not hasattr(self, "_cached_object"):
            try:
                pk = int(self.kwargs["pk"])
            except (KeyError, TypeError, ValueError) as error:
                raise Http404(_("Page not found: no public page has this id.")) from error
            if pk > LARGEST_ID:
                raise Http404(_("Page not found: no public page has this id."))
            page = load_page_with_relatives(self.request, self.get_base_queryset(), pk=pk)
            if page is None:
                raise Http404(_("Page not found: no public page has this id."))
            self._cached_object = self.specific_page(page)
        return self._cached_object

    def specific_page(self, page):
        """``page`` as its own type, loaded with what its detail shows."""
        model = page.specific_class
        if model is None or model is Page:
            return page
        return self.prepare_queryset(model.objects.filter(pk=page.pk)).get()

    def site_root_paths(self):
        """The home pages' URL paths of the request's site, one per language (cached by Wagtail)."""
        request = self.request
        if not hasattr(request, "_wagtail_cached_site_root_paths"):  # shared with Page.get_url(request=…)
            request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
        site = Site.find_for_request(request)
        return [root for root in request._wagtail_cached_site_root_paths if site and root.site_id == site.pk]

    def get_base_queryset(self):
        if "site" in self.request.GET:  # another site, named by the client: Wagtail's lookup
            try:
                return public_pages(super().get_base_queryset(), for_search="search" in self.request.GET)
            except (Site.DoesNotExist, ValueError) as error:
                raise BadRequestError(
                    _("site: no site '%(value)s' (give its host name, or host:port)")
                    % {"value": self.request.GET["site"]}
                ) from error
        root_paths = [root.root_path for root in self.site_root_paths()]
        in_site = Q(pk__in=[])
        if "search" in self.request.GET:
            # Search engines filter on the tree path (an indexed filter field), not on url_path.
            for tree_path in Page.objects.filter(url_path__in=root_paths).values_list("path", flat=True):
                in_site |= Q(path__startswith=tree_path)
        else:
            for root_path in root_paths:
                in_site |= Q(url_path__startswith=root_path)
        if "search" in self.request.GET:
            return public_pages(Page.objects.all(), for_search=True).filter(in_site)
        return request_public_pages(self.request).filter(in_site)

    def get_queryset(self):
        return self.prepare_queryset(super().get_queryset())

    def prepare_queryset(self, queryset):
        """Load with the pages what the response shows of them, in a fixed number of queries."""
        queryset = queryset.select_related("locale")  # meta.locale and every URL
        wanted = self.wanted_fields()
        model = queryset.model
        for api_field in model.api_fields if hasattr(model, "api_fields") else ():
            if isinstance(api_field.serializer, AnnotatedField) and (wanted is None or api_field.name in wanted):
                queryset = queryset.annotate(**{f"api_{api_field.name}": api_field.serializer.annotation()})
        for names, load in RELATION_LOADERS.get(model, {}).items():
            if wanted is None or wanted & set(names):
                queryset = load(queryset)
        return queryset

    def wanted_fields(self):
        """The fields a listing asked for by name, or None when it shows every field (a detail, ``*``)."""
        if getattr(self, "action", None) != "listing_view":
            return None
        try:
            requested = parse_fields_parameter(self.request.GET.get("fields", ""))
        except (BadRequestError, FieldsParameterParseError):
            return set()  # Wagtail reports the bad parameter (400 "fields error") when it serialises
        names = {name for name, negated, _nested in requested if not negated}
        return None if "*" in names else names


def _story_relations(queryset):
    from stories.models import StoryViolationType

    links = StoryViolationType.objects.select_related("violation_type")
    return queryset.select_related("neighbourhood").prefetch_related(Prefetch("violation_type_links", queryset=links))


def _campaign_audiences(queryset):
    return queryset.prefetch_related("audience_links")


def _relation_loaders():
    from campaigns.models import CampaignPage
    from stories.models import StoryPage

    return {
        StoryPage: {("neighbourhood", "violation_types"): _story_relations},
        CampaignPage: {("audiences",): _campaign_audiences},
    }


#: Per page type, the related rows some of its API fields show: ``{fields: add them to the queryset}``.
RELATION_LOADERS = _relation_loaders()


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


class PublicImagesAPIViewSet(JsonOnlyMixin, CheckedFindByIdMixin, ValidatingAPIMixin, ImagesAPIViewSet):
    """Only images a public page shows."""

    base_serializer_class = PublicImageSerializer
    filter_backends = validating_filters(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return public_images(super().get_queryset()).prefetch_related("tags")


class PublicDocumentsAPIViewSet(JsonOnlyMixin, CheckedFindByIdMixin, ValidatingAPIMixin, DocumentsAPIViewSet):
    """Only documents a public page links."""

    base_serializer_class = PublicDocumentSerializer
    filter_backends = validating_filters(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        return public_documents(super().get_queryset()).prefetch_related("tags")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
