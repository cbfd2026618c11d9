"""Archive blocks ⇄ Wagtail StreamField data (``core.blocks.ContentStreamBlock``).

An archive block names pages and images by key; a stream names them by primary key. Converting one
way needs ``page_id(ref)`` and ``image_id(key)`` (the writer's, for one language); the other way needs
``page_ref(pk)`` and ``image_key(pk)`` (the exporter's). Plain paragraphs and bullet lists are stored as
rich text, so an exported rich-text block that is just one paragraph or one list comes back as such.
"""

import html
import re

from django.utils.html import escape
from django.utils.translation import gettext as _

from .format import show

PAGE_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
LINKTYPE_PAGE = re.compile(r"""\blinktype=(["'])page\1""")
PAGE_ATTRIBUTE = re.compile(r"""\bpage=(["'])(.*?)\1""")
ID_ATTRIBUTE = re.compile(r"""\bid=(["'])(\d+)\1""")
ONE_PARAGRAPH = re.compile(r"^<p>([^<>]*)</p>$")
ONE_LIST = re.compile(r"^<ul>((?:<li>[^<>]*</li>)+)</ul>$")
LIST_ITEM = re.compile(r"<li>([^<>]*)</li>")


def normalise(blocks):
    """The blocks with version 1's plain strings turned into paragraph blocks (blank ones dropped)."""
    result = []
    for block in blocks or []:
        if isinstance(block, str):
            if block.strip():
                result.append({"type": "paragraph", "text": block.strip()})
        else:
            result.append(block)
    return result


def page_references(block):
    """The page references a (well-formed) block makes: a call to action's page, a rich text's page links."""
    if block.get("type") == "call_to_action" and block.get("page"):
        return [block["page"]]
    if block.get("type") == "rich_text":
        return [ref for ref, _text in _page_links(block.get("html", ""))]
    return []


def _page_links(markup):
    links = []
    for match in PAGE_LINK.finditer(markup):
        attributes = match.group(1)
        reference = PAGE_ATTRIBUTE.search(attributes)
        if LINKTYPE_PAGE.search(attributes) and reference:
            links.append((reference.group(2), match.group(2)))
    return links


# What a translated block must keep from its source block (facts, not text).
_KEPT = {"heading": ("level",), "image": ("image",), "call_to_action": ("page", "url"), "embed": ("url",)}


def mirror_problems(source, translation):
    """``[(path below the field as a list, message)]`` where ``translation`` does not mirror ``source`` block by block.

    Both are normalised block lists.
    """
    if len(source) != len(translation):
        return [
            (
                [],
                _(
                    "has %(count)d blocks but the source has %(source)d "
                    "(a translation mirrors its source block by block)"
                )
                % {"count": len(translation), "source": len(source)},
            )
        ]
    problems = []
    for index, (original, translated) in enumerate(zip(source, translation, strict=True)):
        where = [index]
        if original["type"] != translated["type"]:
            problems.append(
                (
                    where,
                    _("is a %(type)s block where the source has a %(source)s block")
                    % {"type": translated["type"], "source": original["type"]},
                )
            )
            continue
        kind = original["type"]
        for name in _KEPT.get(kind, ()):
            if name in translated and translated.get(name) != original.get(name):
                problems.append(
                    (
                        [*where, name],
                        _("%(value)s differs from the source's %(source)s")
                        % {"value": show(translated.get(name)), "source": show(original.get(name))},
                    )
                )
        if kind == "list" and len(translated["items"]) != len(original["items"]):
            problems.append(
                (
                    [*where, "items"],
                    _("has %(count)d items but the source has %(source)d")
                    % {"count": len(translated["items"]), "source": len(original["items"])},
                )
            )
        if kind == "rich_text":
            theirs = [ref for ref, _text in _page_links(original["html"])]
            ours = [ref for ref, _text in _page_links(translated["html"])]
            if theirs != ours:
                problems.append(
                    (
                        [*where, "html"],
                        _("links to pages %(links)s but the source links to %(source)s")
                        % {"links": show(ours), "source": show(theirs)},
                    )
                )
    return problems


def inherit(source, translation):
    """The translation's blocks completed with the facts it may leave out (a heading's level, an image)."""
    result = []
    for original, translated in zip(source, translation, strict=True):
        block = dict(translated)
        for name in _KEPT.get(original["type"], ()):
            block.setdefault(name, original.get(name))
        result.append(block)
    return result


# --- archive → stream ----------------------------------------------------------------------------


def to_stream(blocks, page_id, image_id):
    """Raw StreamField data for the normalised ``blocks``."""
    return [_to_stream_block(block, page_id, image_id) for block in blocks]


def _to_stream_block(block, page_id, image_id):
    kind = block["type"]
    if kind == "paragraph":
        return {"type": "paragraph", "value": f"<p>{escape(block['text'])}</p>"}
    if kind == "list":
        items = "".join(f"<li>{escape(item)}</li>" for item in block["items"])
        return {"type": "paragraph", "value": f"<ul>{items}</ul>"}
    if kind == "rich_text":
        return {"type": "paragraph", "value": _links_to_ids(block["html"], page_id)}
    if kind == "heading":
        return {"type": "heading", "value": {"text": block["text"], "level": block.get("level") or "h2"}}
    if kind == "quote":
        return {"type": "quote", "value": {"quote": block["text"], "attribution": block.get("attribution") or ""}}
    if kind == "image":
        value = {"image": image_id(block["image"]), "alt_text": block.get("alt") or "", "caption": ""}
        value["caption"] = block.get("caption") or ""
        return {"type": "image", "value": value}
    if kind == "call_to_action":
        page = page_id(block["page"]) if block.get("page") else None
        value = {"text": block["text"], "button_label": block["button_label"], "page": page}
        value["url"] = block.get("url") or ""
        return {"type": "call_to_action", "value": value}
    if kind == "embed":
        return {"type": "embed", "value": block["url"]}
    raise ValueError(f"unknown block type {kind!r}")


def _links_to_ids(markup, page_id):
    def replace(match):
        attributes = match.group(1)
        if not LINKTYPE_PAGE.search(attributes):
            return match.group(0)
        reference = PAGE_ATTRIBUTE.search(attributes)
        attributes = PAGE_ATTRIBUTE.sub(f'id="{page_id(reference.group(2))}"', attributes) if reference else attributes
        return f"<a{attributes}>{match.group(2)}</a>"

    return PAGE_LINK.sub(replace, markup)


def keep_block_ids(old_stream, new_raw):
    """Give the new blocks the ids of the old blocks they replace (same position, same type).

    Stable block ids keep a page's translation segments attached to the same blocks across imports.
    """
    old = list(old_stream or [])
    for position, block in enumerate(new_raw):
        if position < len(old) and old[position].block_type == block["type"] and old[position].id:
            block["id"] = old[position].id
    return new_raw


# --- stream → archive (export) -------------------------------------------------------------------


def from_stream(stream, page_ref, image_key, skipped):
    """Archive blocks for a StreamValue. ``page_ref(pk)``/``image_key(pk)`` return None for what is not
    exported; ``skipped`` is a list that receives a description of every block or link left out."""
    blocks = []
    for child in stream.raw_data:
        block = _from_stream_block(child["type"], child["value"], page_ref, image_key, skipped)
        if block is not None:
            blocks.append(block)
    return blocks


def _from_stream_block(kind, value, page_ref, image_key, skipped):
    if kind == "paragraph":
        return _from_rich_text(value, page_ref, skipped)
    if kind == "heading":
        return {"type": "heading", "text": value["text"], "level": value.get("level") or "h2"}
    if kind == "quote":
        return _without_empty({"type": "quote", "text": value["quote"], "attribution": value.get("attribution")})
    if kind == "image":
        key = image_key(value.get("image"))
        if key is None:
            skipped.append(_("an image block whose image is missing"))
            return None
        block = {"type": "image", "image": key, "alt": value.get("alt_text"), "caption": value.get("caption")}
        return _without_empty(block)
    if kind == "call_to_action":
        block = {"type": "call_to_action", "text": value["text"], "button_label": value["button_label"]}
        if value.get("page"):
            reference = page_ref(value["page"])
            if reference is None:
                skipped.append(_("a call to action's link to a page that is not exported"))
            block["page"] = reference
        block["url"] = value.get("url")
        return _without_empty(block)
    if kind == "embed":
        return {"type": "embed", "url": value}
    skipped.append(_("a %(type)s block (not part of the archive format)") % {"type": kind})
    return None


def _from_rich_text(markup, page_ref, skipped):
    paragraph = ONE_PARAGRAPH.match(markup)
    if paragraph:
        return {"type": "paragraph", "text": html.unescape(paragraph.group(1))}
    bullets = ONE_LIST.match(markup)
    if bullets:
        return {"type": "list", "items": [html.unescape(item) for item in LIST_ITEM.findall(bullets.group(1))]}

    def replace(match):
        attributes, text = match.group(1), match.group(2)
        if not LINKTYPE_PAGE.search(attributes):
            if "linktype=" in attributes:  # documents: their files are not in the archive
                skipped.append(_("a link to a document"))
                return text
            return match.group(0)
        pk = ID_ATTRIBUTE.search(attributes)
        reference = page_ref(int(pk.group(2))) if pk else None
        if reference is None:
            skipped.append(_("a link to a page that is not exported"))
            return text
        attributes = ID_ATTRIBUTE.sub(f'page="{reference}"', attributes)
        return f"<a{attributes}>{text}</a>"

    return {"type": "rich_text", "html": PAGE_LINK.sub(replace, markup)}


def _without_empty(block):
    return {name: value for name, value in block.items() if value not in (None, "")}
