"""What one API response refers to, loaded together: a fixed number of queries however long the response.

A listing of twenty pages shows twenty sets of translations, twenty bodies full of links,
images and documents. Instead of each field querying for its own page, the first field
that needs something asks :func:`references_for` for the response's ``ResponseReferences``:
it scans every page being serialised (the whole listing) once and loads

- the public pages they refer to — their translations, their parents, the pages their
  bodies link to — in one query;
- the images they show (hero images, body images) with their renditions, in one (two on an
  image's first showing, which makes its renditions);
- the documents their bodies link to, in one.

Only what a response uses is loaded: a listing without bodies or translations queries none of it.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import F, Q, Subquery
from django.db.models.functions import Substr
from rest_framework import serializers
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from core.visibility import public_pages

from .stream_references import image_filters, linked_document_ids, linked_page_ids


def absolute_url(request, path):
    """``path`` on WAGTAILAPI_BASE_URL when it is set, otherwise on the host the client asked for."""
    if not path or path.startswith(("http://", "https://")):
        return path
    base_url = getattr(settings, "WAGTAILAPI_BASE_URL", None)
    if base_url:
        return base_url.rstrip("/") + path
    return request.build_absolute_uri(path) if request is not None else path


def page_url(request, page):
    """The absolute public URL of ``page`` (loaded with its locale), or None when it has none."""
    url = page.get_url(request=request)
    return absolute_url(request, url) if url else None


def request_public_pages(request):
    """``public_pages()`` of the whole tree, built once per request.

    ``public_pages`` reads the view restrictions when it is called: building it once lets
    every query of a response share that read.
    """
    if request is None:
        return public_pages(Page.objects.all())
    if not hasattr(request, "_munasara_public_pages"):
        request._munasara_public_pages = public_pages(Page.objects.all())
    return request._munasara_public_pages


def parent_path_of(page):
    """The tree path of ``page``'s parent, or None for a locale's home page and above (never shown)."""
    return page.path[: -Page.steplen] if page.depth > 2 else None


def load_page_with_relatives(request, base_queryset, **lookup):
    """The public page matching ``lookup`` (``pk=`` or ``url_path=``) or None, loaded with its relatives.

    One query brings the page, its public translations and its public parent; they are kept on
    the request so that the response's fields (``meta.translations``, ``meta.parent``) find them.
    """
    target = Page.objects.filter(**lookup)
    parent_paths = target.filter(depth__gt=2).annotate(parent_path=Substr("path", 1, (F("depth") - 1) * Page.steplen))
    rows = list(
        base_queryset.filter(
            # Scalar subqueries (not IN): the database computes each value once and reaches the
            # rows through the indexes on id, translation key and path instead of scanning every page.
            Q(**lookup)
            | Q(translation_key=Subquery(target.values("translation_key")[:1]))
            | Q(path=Subquery(parent_paths.values("parent_path")[:1]))
        ).select_related("locale")
    )
    ((name, value),) = lookup.items()
    page = next((row for row in rows if getattr(row, name) == value), None)
    if page is not None:
        request._munasara_preloaded_pages = rows
        request._munasara_preloaded_for = [page]
    return page


class ResponseReferences:
    """The public pages, images and documents the pages of one response refer to, each kind loaded once."""

    def __init__(self, request, pages):
        self.request = request
        self.pages = [page for page in pages if isinstance(page, Page)]
        self._public_pages = {}  # pk -> Page (with locale), public ones only
        self._by_translation_key = defaultdict(list)
        self._asked_pks, self._asked_keys, self._asked_paths = set(), set(), set()
        self._images = None
        self._documents = None
        for page in getattr(request, "_munasara_preloaded_pages", ()):
            self._remember(page)
        for loaded in getattr(request, "_munasara_preloaded_for", ()):
            self._asked_keys.add(loaded.translation_key)
            self._asked_paths.add(parent_path_of(loaded))

    # Pages

    def _remember(self, page):
        if page.pk not in self._public_pages:
            self._public_pages[page.pk] = page
            self._by_translation_key[page.translation_key].append(page)

    def _load_pages(self, pks=(), keys=(), paths=()):
        pks = set(pks) - self._asked_pks - set(self._public_pages)
        keys = set(keys) - self._asked_keys
        paths = {path for path in paths if path} - self._asked_paths
        if not (pks or keys or paths):
            return
        self._asked_pks |= pks
        self._asked_keys |= keys
        self._asked_paths |= paths
        condition = Q(pk__in=pks) | Q(translation_key__in=keys) | Q(path__in=paths)
        for page in request_public_pages(self.request).filter(condition).select_related("locale"):
            self._remember(page)

    def _load_everything_for_pages(self):
        """Translations, parents and linked pages of every page of the response, in one query."""
        self._load_pages(
            pks=linked_page_ids(self.pages),
            keys={page.translation_key for page in self.pages},
            paths={parent_path_of(page) for page in self.pages},
        )

    def translations(self, page):
        """``page``'s public translations (itself included), in the order of ``settings.LANGUAGES``."""
        if page.translation_key not in self._asked_keys:
            self._load_everything_for_pages()
            self._load_pages(keys={page.translation_key})
        order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
        found = self._by_translation_key.get(page.translation_key, [])
        return sorted(found, key=lambda item: order.get(item.locale.language_code, len(order)))

    def parent(self, page):
        """``page``'s parent when it is public and below the tree root; otherwise None."""
        path = parent_path_of(page)
        if path is None:
            return None
        if path not in self._asked_paths:
            self._load_everything_for_pages()
            self._load_pages(paths={path})
        return next((item for item in self._public_pages.values() if item.path == path), None)

    def public_page(self, pk):
        """The public page ``pk`` (a link's target), or None."""
        if pk not in self._public_pages and pk not in self._asked_pks:
            self._load_everything_for_pages()
            self._load_pages(pks={pk})
        return self._public_pages.get(pk)

    # Images and documents

    def image(self, pk):
        """The image ``pk`` with the renditions the response shows of it at hand, or None."""
        if self._images is None:
            self._images = _images_with_renditions(image_filters(self.pages))
        return self._images.get(pk)

    def document(self, pk):
        if self._documents is None:
            ids = linked_document_ids(self.pages)
            self._documents = get_document_model().objects.in_bulk(ids) if ids else {}
        return self._documents.get(pk)


def _images_with_renditions(wanted):
    """``{pk: image}`` for ``wanted`` (``{image pk: {filter specs}}``), each with its existing renditions attached.

    One query reads the renditions with their images; the images that have none yet (their first
    showing, which makes them) are read in a second.
    """
    if not wanted:
        return {}
    specs = {spec for image_specs in wanted.values() for spec in image_specs}
    rendition_model = get_image_model().get_rendition_model()
    images = {}
    for rendition in rendition_model.objects.filter(image_id__in=wanted, filter_spec__in=specs).select_related("image"):
        image = images.setdefault(rendition.image_id, rendition.image)
        if not hasattr(image, "prefetched_renditions"):
            image.prefetched_renditions = []
        image.prefetched_renditions.append(rendition)
    missing = set(wanted) - set(images)
    if missing:
        for image in get_image_model().objects.filter(pk__in=missing):
            image.prefetched_renditions = []
            images[image.pk] = image
    return images


def references_for(field):
    """The ``ResponseReferences`` of the response ``field`` is part of, made on first use."""
    root = field.root
    references = getattr(root, "_munasara_references", None)
    if references is None:
        instance = root.instance
        pages = instance if isinstance(root, serializers.ListSerializer) else [instance]
        references = ResponseReferences(field.context.get("request"), list(pages))
        root._munasara_references = references
    return references
