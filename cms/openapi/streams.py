"""JSON Schemas of StreamField values as core/api_body.py renders them, derived from the blocks' definitions.

A stream is a list of ``{"type", "value", "id"}``, one item per block, ``value`` shaped by the
block's type: a struct block an object of its children, and the other blocks as ``BLOCK_SCHEMAS``
says (most specific class first). A block the schema does not know raises ``UndescribedBlockError``.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import ImageWithCaptionBlock

from .components import ref, strict_object


class UndescribedBlockError(LookupError):
    """A StreamField block whose API value the schema does not know: describe it in cms/openapi/streams.py."""


def _label(block):
    label = str(block.meta.label or block.name or "")
    return label[:1].upper() + label[1:]


def block_schema(block):
    """The schema of a block's value in the API (``core.api_body.BodyRenderer.value``)."""
    if isinstance(block, blocks.StreamBlock):
        return stream_schema(block)
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block)}
    for block_class, describe in BLOCK_SCHEMAS:
        if isinstance(block, block_class):
            schema = describe(block)
            label = _label(block)
            return {**schema, "description": label} if label and "description" not in schema else schema
    raise UndescribedBlockError(f"no schema for the block {type(block).__name__} ({block.name})")


def stream_name(stream_block):
    """The component name of a stream block's schema (streams are described once, referred to by fields)."""
    return type(stream_block).__name__


def stream_schemas(stream_blocks):
    """``{component name: schema}`` for these stream blocks."""
    return {stream_name(block): stream_schema(block) for block in stream_blocks}


def stream_schema(stream_block):
    """A stream: its items are one of the stream's block types, each with the value that type gives."""
    items = []
    for name, child in stream_block.child_blocks.items():
        items.append(
            {
                "type": "object",
                "title": name,
                "properties": {
                    "type": {"const": name},
                    "value": block_schema(child),
                    "id": {"type": ["string", "null"], "format": "uuid"},
                },
                "required": ["type", "value", "id"],
                "additionalProperties": False,
            }
        )
    return {"type": "array", "items": {"oneOf": items}}


def _struct(block):
    return strict_object({name: block_schema(child) for name, child in block.child_blocks.items()})


def _choice(block):
    values = [str(value) for value, _label in block.field.choices if value != ""]
    return {"type": "string", "enum": values if block.required else [*values, ""]}


def _text(block):
    return {"type": "string"}


def _nullable_ref(name):
    return lambda block: {"anyOf": [ref(name), {"type": "null"}], "description": "Null when it is gone or not public."}


#: What each kind of block gives in the API (core/api_body.py), most specific class first.
BLOCK_SCHEMAS = [
    (
        ImageWithCaptionBlock,
        lambda block: strict_object(
            {"image": _nullable_ref("Rendition")(block), "caption": {"type": "string"}},
            description="An image; `alt` from the block's alternative text, else the image's title.",
        ),
    ),
    (blocks.StructBlock, _struct),
    (
        blocks.RichTextBlock,
        lambda block: {
            "type": "string",
            "contentMediaType": "text/html",
            "description": "HTML; links to pages and documents are their absolute public URLs, links to pages "
            "that are not public are unwrapped to their text.",
        },
    ),
    (blocks.ChoiceBlock, _choice),
    (EmbedBlock, lambda block: strict_object({"url": {"type": "string"}}, description="Embed it from its URL.")),
    (ImageChooserBlock, _nullable_ref("Rendition")),
    (DocumentChooserBlock, _nullable_ref("DocumentLink")),
    (blocks.PageChooserBlock, _nullable_ref("PageReference")),
    (blocks.URLBlock, _text),
    (blocks.CharBlock, _text),
    (blocks.TextBlock, _text),
]
