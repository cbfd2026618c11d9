"""Images and documents follow the visibility of the pages that use them.

An image or document is public when a public page (:func:`core.visibility.public_pages`)
references it, by a foreign key, a chooser block in a StreamField or a rich-text link.
Wagtail's reference index (``ReferenceIndex``) records those references whenever a page is
saved, so the question is one query and names no page model.

:func:`public_images` and :func:`public_documents` filter the API listings;
:func:`serve_media` serves ``MEDIA_ROOT`` and refuses the file of a non-public image
(original or rendition) or document to anyone who may not use the admin.
"""

import posixpath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.static import serve
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from .visibility import public_pages


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


def public_documents(queryset=None):
    """Documents linked from at least one public page."""
    model = get_document_model()
    queryset = model.objects.all() if queryset is None else queryset
    return queryset.filter(pk__in=_ids_used_by_public_pages(model))


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


def serve_media(request, path):
    """``MEDIA_URL``: uploaded files, except those of images and documents the public may not see."""
    # The same normalisation django.views.static.serve applies, so "a/./b" cannot slip past the check.
    name = posixpath.normpath(path).lstrip("/")
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
    """``before_serve_document`` hook: /documents/<id>/<name> answers 404 for a document no public page links."""
    if may_see_private_media(request.user) or public_documents().filter(pk=document.pk).exists():
        return None
    raise Http404(document.file.name)
