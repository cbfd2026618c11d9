"""Images and documents follow the visibility of the pages that use them.

An image or document is public when a public page (:func:`core.visibility.public_pages`)
references it, by a foreign key, a chooser block in a StreamField or a rich-text link.
Wagtail's reference index (``ReferenceIndex``) records those references whenever a page is
saved, so the question is one query and names no page model.

:func:`public_images` and :func:`public_documents` filter the API listings;
:func:`serve_media` serves ``MEDIA_ROOT`` and refuses the file of a non-public image
(original or rendition) to anyone who may not use the admin, and every document file: documents
are served only by Wagtail's view (``/documents/<id>/<name>``), which runs :func:`refuse_private_document`
and Wagtail's own check of the collection's privacy (a login or password the collection asks for).
A document in a collection with a view restriction is left out of :func:`public_documents` (the API)
even when a public page links it: its title and link are not for everyone either.
"""

import posixpath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.static import serve
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex

from .visibility import public_pages

# Wagtail stores every document file under this folder of the storage.
DOCUMENTS_FOLDER = "documents/"


def _ids_used_by_public_pages(model):
    """Primary keys of ``model`` objects that a public page references (a subquery)."""
    public_page_ids = public_pages().annotate(object_key=Cast("pk", CharField())).values("object_key")
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=public_page_ids,
            to_content_type=ContentType.objects.get_for_model(model),
        )
        .annotate(target_pk=Cast("to_object_id", BigIntegerField()))
        .values("target_pk")
    )


def public_images(queryset=None):
    """Images shown by at least one public page."""
    model = get_image_model()
    queryset = model.objects.all() if queryset is None else queryset
    return queryset.filter(pk__in=_ids_used_by_public_pages(model))


def linked_documents(queryset=None):
    """Documents linked from at least one public page, whatever their collection."""
    model = get_document_model()
    queryset = model.objects.all() if queryset is None else queryset
    return queryset.filter(pk__in=_ids_used_by_public_pages(model))


def in_restricted_collection():
    """A condition on documents: their collection, or one above it, has a view restriction."""
    condition = Q(pk__in=[])
    for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
        condition |= Q(collection__path__startswith=path)
    return condition


def public_documents(queryset=None):
    """Documents linked from at least one public page and in no collection with a view restriction."""
    return linked_documents(queryset).exclude(in_restricted_collection())


def may_see_private_media(user):
    """Editors see every file: the admin shows drafts and their images."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def _owner_of_file(name):
    """``(queryset filter for public objects, pk)`` of the image or document stored as ``name``, or None."""
    image_model = get_image_model()
    image_id = image_model.objects.filter(file=name).values_list("pk", flat=True).first()
    if image_id is None:
        rendition_model = image_model.get_rendition_model()
        image_id = rendition_model.objects.filter(file=name).values_list("image_id", flat=True).first()
    if image_id is not None:
        return public_images, image_id
    document_id = get_document_model().objects.filter(file=name).values_list("pk", flat=True).first()
    if document_id is not None:
        return public_documents, document_id
    return None


def is_public_file(name):
    """False for the file of an image or document no public page uses; True for anything else."""
    owner = _owner_of_file(name)
    if owner is None:
        return True
    public_objects, pk = owner
    return public_objects().filter(pk=pk).exists()


def is_document_file(name):
    """Whether ``name`` is a document's file, or lies where Wagtail stores them."""
    return name.startswith(DOCUMENTS_FOLDER) or get_document_model().objects.filter(file=name).exists()


def serve_media(request, path):
    """``MEDIA_URL``: uploaded image files, except those the public may not see; never a document."""
    # The same normalisation django.views.static.serve applies, so "a/./b" cannot slip past the check.
    name = posixpath.normpath(path).lstrip("/")
    if is_document_file(name):
        raise Http404(name)  # Only /documents/<id>/<name> serves documents: it checks the collection's privacy.
    if is_public_file(name):
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    if not may_see_private_media(request.user):
        raise Http404(name)
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    # Served to an editor only: no shared cache may keep it for the next visitor.
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def refuse_private_document(document, request):
    """``before_serve_document`` hook: /documents/<id>/<name> answers 404 for a document no public page links.

    A linked document in a restricted collection passes here; Wagtail's own hook then asks for the
    login or password its collection requires.
    """
    if may_see_private_media(request.user) or linked_documents().filter(pk=document.pk).exists():
        return None
    raise Http404(document.file.name)
