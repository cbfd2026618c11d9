"""Load the renditions of every image a page shows in one query.

Wagtail looks a rendition up per image (``{% image %}``) unless the image's renditions were
prefetched. A page's hero image and the images in its StreamFields are collected here and their
renditions fetched together, so an image more costs no query.
"""

from collections.abc import Mapping, Sequence

from django.db.models import prefetch_related_objects
from wagtail.blocks import StreamValue
from wagtail.images.models import AbstractImage


def images_in(value):
    """The image instances inside a StreamField value (at any nesting), in order."""
    if isinstance(value, AbstractImage):
        return [value]
    if isinstance(value, StreamValue):
        return [image for child in value for image in images_in(child.value)]
    if isinstance(value, Mapping):
        return [image for child in value.values() for image in images_in(child)]
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return [image for child in value for image in images_in(child)]
    return []


def prefetch_page_renditions(pages, *stream_fields, hero="hero_image"):
    """Prefetch the renditions of ``pages``' hero images and the images of their ``stream_fields``."""
    images = []
    for page in pages:
        if hero and getattr(page, f"{hero}_id", None):
            images.append(getattr(page, hero))
        for name in stream_fields:
            images.extend(images_in(getattr(page, name)))
    images = [image for image in images if "renditions" not in getattr(image, "_prefetched_objects_cache", {})]
    if images:
        prefetch_related_objects(images, "renditions")
