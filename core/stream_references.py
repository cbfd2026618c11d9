"""What the StreamFields of pages refer to, read from their stored (raw) data without loading anything.

Pages, documents and images chosen in blocks or linked and embedded in rich text, as ``(kind, id, spec)``
references, so that ``core.api_references`` can load them all in one query per kind and ``core.api_body``
can render the bodies from what was loaded.
"""

import re

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.formats import get_image_format
from wagtail.rich_text.rewriters import extract_attrs

BODY_IMAGE_FILTER = "max-1600x1600"
HERO_IMAGE_FILTER = "fill-1200x630"
RICH_TEXT_IMAGE_FILTER = "max-800x800"

# Draftail writes links without nesting, so an opening tag's link ends at the next </a>.
STORED_LINK = re.compile(r"<a(\b[^>]*)>(.*?)</a>", re.DOTALL | re.IGNORECASE)
STORED_EMBED = re.compile(r"<embed(\b[^>]*)/>", re.IGNORECASE)


def _walk(block, raw, found):
    """Collect ``(kind, id, spec)`` references from ``raw`` (``block``'s stored data) into ``found``."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                _walk(child_block, child.get("value"), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            _walk(block.child_block, item.get("value") if is_list_item(item) else item, found)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _walk(child_block, raw.get(name), found)
    elif isinstance(block, blocks.RichTextBlock):
        found.update(_rich_text_references(raw))
    elif isinstance(block, ImageChooserBlock):
        found.add(("image", raw, BODY_IMAGE_FILTER))
    elif isinstance(block, DocumentChooserBlock):
        found.add(("document", raw, None))
    elif isinstance(block, blocks.PageChooserBlock):
        found.add(("page", raw, None))


def is_list_item(item):
    return isinstance(item, dict) and item.get("type") == "item" and "value" in item


def _rich_text_references(html):
    found = set()
    for match in STORED_LINK.finditer(html or ""):
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") in ("page", "document"):
            found.add((attrs["linktype"], as_int(attrs.get("id")), None))
    for match in STORED_EMBED.finditer(html or ""):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") == "image":
            found.add(("image", as_int(attrs.get("id")), rich_text_image_spec(attrs.get("format"))))
    return found


def rich_text_image_spec(format_name):
    try:
        return get_image_format(format_name).filter_spec
    except KeyError:
        return RICH_TEXT_IMAGE_FILTER


def as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _references(pages):
    found = set()
    for page in pages:
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                value = getattr(page, field.attname)
                _walk(field.stream_block, list(value.raw_data) if value is not None else [], found)
    return {reference for reference in found if isinstance(reference[1], int)}


def linked_page_ids(pages):
    return {pk for kind, pk, _spec in _references(pages) if kind == "page"}


def linked_document_ids(pages):
    return {pk for kind, pk, _spec in _references(pages) if kind == "document"}


def image_filters(pages):
    """``{image id: {filter specs}}`` of the images the pages show: in their bodies and as RenditionFields."""
    wanted = {}
    for kind, pk, spec in _references(pages):
        if kind == "image":
            wanted.setdefault(pk, set()).add(spec)
    for page in pages:
        for api_field in getattr(type(page), "api_fields", ()):
            # A RenditionField (core.api_body) names the rendition it serves.
            filter_spec = getattr(getattr(api_field, "serializer", None), "filter_spec", None)
            pk = getattr(page, f"{api_field.name}_id", None)
            if filter_spec and pk is not None:
                wanted.setdefault(pk, set()).add(filter_spec)
    return wanted
