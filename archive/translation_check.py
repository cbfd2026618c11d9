"""Does a page's translation, given as texts, mirror its source the way a translator's work does?

A translator working in wagtail-localize translates, one by one, the strings wagtail-localize
extracts from the source page: they cannot add, drop or reorder blocks, and what is not text
(images, dates, page links, block settings) comes from the source. :class:`TextsCheck` holds
texts given in bulk to the same rule, reports every way they differ from the source by field
path (``body[3]: a heading in the source, a paragraph here``), and turns them into the strings
wagtail-localize would have asked a translator for, under the same content paths.
"""

from collections import defaultdict

from bs4 import BeautifulSoup, Tag
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import extract_strings, validate_translation_links

MISSING = object()
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.BlockQuoteBlock)


def text_fields(model):
    """The fields of ``model`` a translator translates, by name (title, slug, summary, body, …)."""
    fields = {}
    for translatable in get_translatable_fields(model):
        field = translatable.get_field(model)
        is_text = isinstance(field, StreamField | RichTextField | models.TextField | models.CharField)
        if isinstance(translatable, TranslatableField) and is_text and not getattr(field, "choices", None):
            fields[field.name] = field
    return fields


def strings_by_path(segments):
    """``{content path: [StringValue, …]}`` of the string segments, in page order."""
    strings = defaultdict(list)
    for segment in sorted(segments, key=lambda segment: segment.order):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string)
    return strings


class TextsCheck:
    """``texts`` held against ``source`` (a specific page as stored).

    ``problems`` lists every difference; when it is empty, ``translated_strings`` holds the
    translation of each source string by content path (``{path: [StringValue, …]}``, in the order
    wagtail-localize extracts them) and ``page_links`` the content paths of page choosers in
    streams with the source page's id.
    """

    def __init__(self, source, texts, *, current_slug=None):
        self.source = source
        self.problems = []
        self.values = {}
        self.page_links = {}
        self._labels = {}
        self._current_slug = current_slug
        if not isinstance(texts, dict):
            self.problems.append(_("the texts should map field names to translated values"))
            return
        fields = text_fields(type(source))
        for name in texts:
            if name not in fields:
                self._problem(name, _("not a translatable text of a %(model)s") % {"model": _model_name(source)})
        for name, field in fields.items():
            given = self._slug(texts) if name == "slug" else texts.get(name, MISSING)
            source_value = field.value_from_object(source)
            if isinstance(field, StreamField):
                value = self._stream(field.stream_block, source_value.get_prep_value(), given, name, name)
            else:
                value = self._text(field, source_value, given, name)
            if value is not MISSING:
                self.values[name] = value
        self.translated_strings = {} if self.problems else self._pair_with_source()

    def _pair_with_source(self):
        """``{content path: [StringValue, …]}``: what a translator would have typed for each source string."""
        probe = type(self.source)()
        for name, value in self.values.items():
            setattr(probe, name, value)
        translated = strings_by_path(extract_segments(probe))
        source = strings_by_path(extract_segments(self.source))
        for path in source.keys() | translated.keys():
            if len(source.get(path, [])) != len(translated.get(path, [])):
                self._problem(
                    self.label(path),
                    _("%(source)d texts in the source, %(given)d here")
                    % {"source": len(source.get(path, [])), "given": len(translated.get(path, []))},
                )
        return translated

    def label(self, path):
        """The field path of a content path, as problems name it (``body.<block id>.text`` → ``body[3].text``)."""
        prefix = path
        while prefix and prefix not in self._labels:
            prefix = prefix.rpartition(".")[0]
        return self._labels.get(prefix, "") + path[len(prefix) :] if prefix else path

    def _problem(self, label, message):
        self.problems.append(f"{label}: {message}")

    def _slug(self, texts):
        """A given slug as wagtail-localize will store it; otherwise the current one, or one made from the title."""
        given = texts.get("slug")
        if not given and self._current_slug:
            return self._current_slug
        if not given:
            title = texts.get("title")
            slug = slugify(title) if isinstance(title, str) else ""
            if not slug and isinstance(title, str) and title.strip():
                self._problem("slug", _("cannot be made from the title “%(title)s”; give one") % {"title": title})
            return slug or MISSING
        if isinstance(given, str) and given.strip() and not slugify(given):
            self._problem("slug", _("“%(slug)s” has no letters or digits usable in a web address") % {"slug": given})
            return MISSING
        return slugify(given) if isinstance(given, str) else given

    def _text(self, field, source_value, given, label):
        source_value = source_value or ""
        if isinstance(field, RichTextField):
            return self._rich_text(source_value, given, label)
        if given is MISSING:
            if source_value:
                self._problem(label, _("missing; the source has text here"))
            return MISSING
        if not self._plain_text_mirrors(source_value, given, label):
            return MISSING
        if given:
            try:
                field.clean(given, None)
            except ValidationError as error:
                self._problem(label, " ".join(error.messages))
        return given

    def _plain_text_mirrors(self, source_value, given, label):
        if given is None:
            given = ""
        if not isinstance(given, str):
            self._problem(label, _("should be text"))
            return False
        if source_value and not given.strip():
            self._problem(label, _("empty; the source has text here"))
            return False
        if given and not source_value:
            self._problem(label, _("the source has no text here, so there is nothing to translate"))
            return False
        return True

    def _stream(self, stream_block, source_raw, given, label, path):
        self._labels[path] = label
        if given is MISSING:
            if source_raw:
                self._problem(label, _("missing; the source has %(count)d blocks") % {"count": len(source_raw)})
            return list(source_raw)
        if not isinstance(given, list):
            self._problem(label, _("should be a list of blocks"))
            return MISSING
        if len(given) != len(source_raw):
            self._problem(
                label,
                _("%(source)d blocks in the source, %(given)d here") % {"source": len(source_raw), "given": len(given)},
            )
            return MISSING
        stream = []
        for index, (source_child, child) in enumerate(zip(source_raw, given, strict=True)):
            child_label, child_path = f"{label}[{index}]", f"{path}.{source_child['id']}"
            self._labels[child_path] = child_label
            if not isinstance(child, dict) or "type" not in child:
                self._problem(child_label, _("should be a block: an object with a type and a value"))
                continue
            if child["type"] != source_child["type"]:
                self._problem(
                    child_label,
                    _("a %(source)s in the source, a %(given)s here")
                    % {"source": source_child["type"], "given": child["type"]},
                )
                continue
            child_block = stream_block.child_blocks[source_child["type"]]
            value = self._block(
                child_block, source_child["value"], child.get("value", MISSING), child_label, child_path
            )
            stream.append({"type": source_child["type"], "value": value, "id": source_child["id"]})
        return stream

    def _block(self, block, source_raw, given, label, path):
        if isinstance(block, blocks.StreamBlock):
            return self._stream(block, source_raw or [], given, label, path)
        if isinstance(block, blocks.StructBlock):
            return self._struct(block, source_raw or {}, given, label, path)
        if isinstance(block, blocks.ListBlock):
            # No block in core.blocks is a list yet; pairing list items would need their ids.
            self._problem(label, _("lists of blocks cannot be written as translations yet"))
            return source_raw
        if isinstance(block, blocks.RichTextBlock):
            value = self._rich_text(source_raw or "", given, label)
            return source_raw if value is MISSING else value
        if isinstance(block, TEXT_BLOCKS):
            return self._text_block(block, source_raw or "", given, label)
        return self._fact(block, source_raw, given, label, path)

    def _struct(self, block, source_raw, given, label, path):
        if given is MISSING:
            given = {}
        if not isinstance(given, dict):
            self._problem(label, _("should be an object with the fields of a %(block)s") % {"block": block.name})
            return source_raw
        for name in given:
            if name not in block.child_blocks:
                self._problem(f"{label}.{name}", _("not a field of this block"))
        return {
            name: self._block(
                child, source_raw.get(name), given.get(name, MISSING), f"{label}.{name}", f"{path}.{name}"
            )
            for name, child in block.child_blocks.items()
        }

    def _text_block(self, block, source_raw, given, label):
        if given is MISSING:
            if source_raw:
                self._problem(label, _("missing; the source has text here"))
            return source_raw
        if not self._plain_text_mirrors(source_raw, given, label):
            return source_raw
        try:
            block.clean(given or "")
        except ValidationError as error:
            self._problem(label, " ".join(error.messages))
        return given or ""

    def _rich_text(self, source_html, given, label):
        source_parts, source_strings = _rich_text_parts(source_html)
        if given is MISSING:
            if source_strings:
                self._problem(label, _("missing; the source has text here"))
            return MISSING
        if not isinstance(given, str):
            self._problem(label, _("should be rich text (HTML)"))
            return MISSING
        given_parts, given_strings = _rich_text_parts(given)
        if given_parts != source_parts:
            self._problem(
                label,
                _("the source has %(source_count)d text blocks (%(source)s), this has %(count)d (%(given)s)")
                % {
                    "source_count": len(source_parts),
                    "source": ", ".join(source_parts) or "-",
                    "count": len(given_parts),
                    "given": ", ".join(given_parts) or "-",
                },
            )
            return MISSING
        translations = defaultdict(set)
        for position, (source_string, string) in enumerate(zip(source_strings, given_strings, strict=True), start=1):
            translations[source_string.data].add(string.data)
            try:
                validate_translation_links(source_string.data, string.data)
            except ValueError:
                self._problem(
                    label, _("text block %(position)d has a link the source does not have") % {"position": position}
                )
        for source_text, texts in translations.items():
            if len(texts) > 1:
                self._problem(
                    label,
                    _("the source repeats “%(text)s”; translate it the same way each time") % {"text": source_text},
                )
        return given

    def _fact(self, block, source_raw, given, label, path):
        """A value that is not text: the source's, whatever the translation says, unless they disagree."""
        given = given.pk if isinstance(given, models.Model) else given
        if isinstance(block, blocks.PageChooserBlock) and source_raw:
            self.page_links[path] = source_raw
            if given not in (MISSING, None, source_raw) and not _same_page(source_raw, given):
                self._problem(
                    label,
                    _("the source links to page %(source)s; a translation links to that page or its translation")
                    % {"source": source_raw},
                )
            return source_raw
        if given is MISSING or _same_value(given, source_raw):
            return source_raw
        self._problem(
            label,
            _("%(source)r in the source, %(given)r here; this is not text and is the same in every language")
            % {"source": source_raw, "given": given},
        )
        return source_raw


def _rich_text_parts(html):
    """What a translator sees of rich text: its text blocks (``p``, ``ul > li``, …) and their strings."""
    template, strings = extract_strings(html)
    parts = []
    for element in BeautifulSoup(template, "html.parser").find_all("text"):
        names = [parent.name for parent in element.parents if isinstance(parent, Tag) and parent.name != "[document]"]
        parts.append(" > ".join(reversed(names)) or "text")
    return parts, [string for string, _attrs in strings]


def _same_value(given, source_raw):
    if given in (None, "") or source_raw in (None, ""):
        return given in (None, "") and source_raw in (None, "")
    return given == source_raw or (isinstance(source_raw, int) and str(given) == str(source_raw))


def _same_page(source_pk, given_pk):
    """Whether ``given_pk`` is a translation of page ``source_pk`` (in any language)."""
    try:
        pks = {int(source_pk), int(given_pk)}
    except (TypeError, ValueError):
        return False
    keys = list(Page.objects.filter(pk__in=pks).values_list("translation_key", flat=True))
    return len(keys) == 2 and keys[0] == keys[1]


def _model_name(page):
    return str(type(page)._meta.verbose_name)
