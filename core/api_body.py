"""StreamField bodies, rich text and images as the headless API serves them.

A StreamField (``body``; a unit's ``founded_reason``, ``goals``, ``how_we_work``) is a list of
blocks ``{"type": str, "value": …, "id": str}``; the values of ``core.blocks.ContentStreamBlock``:

- ``heading``: ``{"text", "level"}`` (``"h2"``, ``"h3"`` or ``"h4"``)
- ``paragraph``: an HTML string. A link to a page becomes the target's absolute public URL; a link to a
  page that is not public (draft, restricted, a story without consent, deleted) is unwrapped to its
  text, so neither its URL nor its existence leaks. A document link becomes the document's absolute
  URL; an embedded image an ``<img>`` of its rendition; a link of an unknown kind its text.
- ``image``: ``{"image": Rendition | null, "caption"}`` (``alt`` from the block's alternative text, else
  the image's title; null when the image was deleted)
- ``quote``: ``{"quote", "attribution"}``
- ``embed``: ``{"url"}`` (the front end embeds it; no oEmbed request is made for the API)
- ``document``: ``{"document": {"id", "title", "url"} | null, "title"}``
- ``call_to_action``: ``{"text", "button_label", "page": {"id", "title", "html_url", "detail_url"} | null,
  "url"}`` (``page`` null when unset or not public)

A Rendition is ``{"url", "width", "height", "alt"}`` with an absolute ``url`` on the request's host (or
``WAGTAILAPI_BASE_URL``); ``hero_image`` has the same shape (``alt`` from ``hero_image_alt``).

Everything a response's bodies refer to is loaded once for the whole response
(``core.api_references``), from the blocks' stored (raw) data (``core.stream_references``), so the
number of queries does not grow with the number of pages or blocks.
"""

from django.utils.html import escape, format_html
from rest_framework import serializers
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.formats import get_image_format
from wagtail.rich_text.rewriters import extract_attrs

from .api_references import absolute_url, page_url, references_for
from .blocks import ImageWithCaptionBlock
from .stream_references import (
    BODY_IMAGE_FILTER,
    STORED_EMBED,
    STORED_LINK,
    as_int,
    is_list_item,
    rich_text_image_spec,
)

# Rendering


def rendition(request, image, filter_spec, alt=""):
    """``{url, width, height, alt}`` of ``image`` through ``filter_spec``, or None when it cannot be made."""
    if image is None:
        return None
    try:
        made = image.get_rendition(filter_spec)
    except (OSError, InvalidFilterSpecError):
        return None  # the original file is missing or unreadable: show no picture rather than fail
    return {
        "url": absolute_url(request, made.url),
        "width": made.width,
        "height": made.height,
        "alt": alt or image.default_alt_text or image.title,
    }


class BodyRenderer:
    """Turns a StreamField's stored data into the API's JSON, with the response's references."""

    def __init__(self, references, context):
        self.references = references
        self.request = context.get("request")
        self.router = context.get("router")

    def stream(self, block, raw):
        return [
            {
                "type": child["type"],
                "value": self.value(block.child_blocks[child["type"]], child.get("value")),
                "id": child.get("id"),
            }
            for child in raw or []
            if child.get("type") in block.child_blocks
        ]

    def value(self, block, raw):
        if isinstance(block, blocks.StreamBlock):
            return self.stream(block, raw)
        if isinstance(block, blocks.ListBlock):
            return [self.value(block.child_block, item["value"] if is_list_item(item) else item) for item in raw or []]
        if isinstance(block, ImageWithCaptionBlock):
            raw = raw or {}
            image = self.references.image(as_int(raw.get("image")))
            return {
                "image": rendition(self.request, image, BODY_IMAGE_FILTER, raw.get("alt_text", "")),
                "caption": raw.get("caption", ""),
            }
        if isinstance(block, blocks.StructBlock):
            raw = raw or {}
            return {
                name: self.value(child, raw.get(name, child.get_default()))
                for name, child in block.child_blocks.items()
            }
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(raw or "")
        if isinstance(block, ImageChooserBlock):
            return rendition(self.request, self.references.image(as_int(raw)), BODY_IMAGE_FILTER)
        if isinstance(block, DocumentChooserBlock):
            return self.document(as_int(raw))
        if isinstance(block, blocks.PageChooserBlock):
            return self.page_link(as_int(raw))
        if isinstance(block, EmbedBlock):
            return {"url": raw or ""}
        return block.get_api_representation(block.to_python(raw))

    def page_link(self, pk):
        page = self.references.public_page(pk) if pk is not None else None
        if page is None:
            return None
        detail_path = self.router.get_object_detail_urlpath(type(page), page.pk) if self.router else None
        return {
            "id": page.pk,
            "title": page.title,
            "html_url": page_url(self.request, page),
            "detail_url": absolute_url(self.request, detail_path) if detail_path else None,
        }

    def document(self, pk):
        document = self.references.document(pk) if pk is not None else None
        if document is None:
            return None
        return {"id": document.pk, "title": document.title, "url": absolute_url(self.request, document.url)}

    def rich_text(self, html):
        html = STORED_LINK.sub(self._link, html)
        return STORED_EMBED.sub(self._embed, html)

    def _link(self, match):
        attrs = extract_attrs(match.group(1))
        inner = match.group(2)
        linktype = attrs.get("linktype")
        if linktype is None:
            return match.group(0)  # an external or mail link: kept as written
        href = None
        if linktype == "page":
            page = self.references.public_page(as_int(attrs.get("id")))
            href = page_url(self.request, page) if page is not None else None
        elif linktype == "document":
            document = self.references.document(as_int(attrs.get("id")))
            href = absolute_url(self.request, document.url) if document is not None else None
        if href is None:
            return inner  # a page that is not public: its text only, no trace of where it led
        return f'<a href="{escape(href)}">{inner}</a>'

    def _embed(self, match):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") != "image":
            return ""
        spec = rich_text_image_spec(attrs.get("format"))
        image = self.references.image(as_int(attrs.get("id")))
        shown = rendition(self.request, image, spec, attrs.get("alt", ""))
        if shown is None:
            return ""
        try:
            classname = get_image_format(attrs.get("format")).classname
        except KeyError:
            classname = ""
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}" class="{}">',
            shown["url"],
            shown["width"],
            shown["height"],
            shown["alt"],
            classname,
        )


class StreamBodyField(serializers.Field):
    """A StreamField as the list of blocks described at the top of this module."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        if value is None:
            return []
        renderer = BodyRenderer(references_for(self), self.context)
        return renderer.stream(value.stream_block, list(value.raw_data))


class RenditionField(serializers.Field):
    """An image foreign key as a Rendition through ``filter_spec``; ``alt`` from the page's ``alt_field``.

    The image and its rendition come with the other images of the response (``core.api_references``).
    """

    def __init__(self, filter_spec, alt_field=None, **kwargs):
        self.filter_spec = filter_spec
        self.alt_field = alt_field
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        image = references_for(self).image(getattr(page, f"{self.field_name}_id"))
        alt = getattr(page, self.alt_field, "") if self.alt_field else ""
        return rendition(self.context.get("request"), image, self.filter_spec, alt)
