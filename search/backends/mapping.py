"""The page document in the engine index: Wagtail's fields plus ours, per language.

A page is written in one locale, so its title goes to ``m_title_<lang>`` and the
rest of its searchable text to ``m_text_<lang>``, analysed for that language
only (other codes use ``xx``); the public search queries the fields of the
requested language explicitly, never ``_all_text``, and filters on
``m_locale``. Facet and display fields (``m_type``, ``m_locale``, ``m_year``,
``m_violation_types``, ``m_neighbourhood``, ``m_url``, ``m_summary``…) let the
engine answer without the database, and ``m_digest`` lets ``search_check``
tell a stale document.
"""

import hashlib
import json

from django.conf import settings
from django.db.models import prefetch_related_objects
from modelsearch.index import RelatedFields
from wagtail.models import Page

from search import documents, incident_documents

from .analysis import analyser_for

OTHER_LANGUAGES = "xx"


def content_language_keys():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] + [OTHER_LANGUAGES]


def language_key(code):
    """The suffix of the per-language fields for a locale's language code."""
    code = (code or "").split("-")[0].lower()
    return code if code in content_language_keys() else OTHER_LANGUAGES


def title_field(key):
    return f"m_title_{key}"


def text_field(key):
    return f"m_text_{key}"


def _document_digest(doc):
    payload = json.dumps(doc, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def _locale_code(page):
    code = getattr(page, "_search_locale_code", None)
    return code if code is not None else page.locale.language_code


def _nested_lookups(fields, prefix=""):
    """Prefetch lookups for RelatedFields inside RelatedFields (Wagtail only prefetches the first level)."""
    lookups = []
    for field in fields:
        if isinstance(field, RelatedFields):
            path = prefix + field.field_name
            if prefix:
                lookups.append(path)
            lookups.extend(_nested_lookups(field.fields, path + "__"))
    return lookups


def prepare_for_indexing(pages):
    """Fetch, in a few queries, what building the documents of ``pages`` would otherwise query page by page."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, items in by_model.items():
        lookups = _nested_lookups(model.get_search_fields())
        if lookups:
            prefetch_related_objects(items, *lookups)
    return attach_locale_codes(pages)


def attach_locale_codes(pages):
    """Look the locales of ``pages`` up in one query instead of one per page."""
    from wagtail.models import Locale

    codes = dict(Locale.objects.values_list("pk", "language_code"))
    for page in pages:
        page._search_locale_code = codes.get(page.locale_id)
    return pages


class PublicMappingMixin:
    """Adds the per-language and facet fields to page documents."""

    def _is_page_mapping(self):
        return issubclass(self.model, Page)

    def get_mapping(self):
        mapping = super().get_mapping()
        if not self._is_page_mapping():
            return mapping
        properties = mapping["properties"]
        properties.update(
            {
                "m_id": {"type": "long"},
                "m_locale": {"type": "keyword"},
                "m_type": {"type": "keyword"},
                "m_title": {"type": "keyword", "index": False, "doc_values": False},
                "m_url": {"type": "keyword", "index": False, "doc_values": False},
                "m_summary": {"type": "text", "index": False},
                "m_date": {"type": "date"},
                "m_year": {"type": "integer"},
                "m_violation_types": {"type": "keyword"},
                "m_neighbourhood": {"type": "keyword"},
                "m_digest": {"type": "keyword"},
            }
        )
        for key in content_language_keys():
            analyser = analyser_for(key)
            properties[title_field(key)] = {
                "type": "text",
                "analyzer": analyser,
                "fields": {
                    "suggest": {
                        "type": "text",
                        "analyzer": "munasara_autocomplete",
                        "search_analyzer": "munasara_autocomplete_search",
                    }
                },
            }
            properties[text_field(key)] = {"type": "text", "analyzer": analyser}
        return mapping

    def get_document(self, obj):
        doc = super().get_document(obj)
        if not self._is_page_mapping():
            return doc
        key = language_key(_locale_code(obj))
        title, texts = documents.page_texts(obj)
        date = documents.page_date(obj)
        doc.update(
            {
                "m_id": obj.pk,
                "m_locale": _locale_code(obj),
                "m_type": documents.type_name(type(obj)),
                "m_title": title,
                "m_url": documents.page_url(obj),
                "m_summary": documents.page_summary(obj),
                "m_date": date.isoformat() if date else None,
                "m_year": date.year if date else None,
                "m_violation_types": documents.violation_type_slugs(obj),
                "m_neighbourhood": documents.neighbourhood_slug(obj),
                title_field(key): title,
                text_field(key): texts,
            }
        )
        doc["m_digest"] = _document_digest(doc)
        return doc


def incident_document(text, paths=None):
    """The engine document of an incident text (``search.incident_documents``), in the page documents' fields.

    Only the description is searchable text, as on the database backend (the title, made of vocabulary
    labels, is for display: the facets find incidents by type and place). Never a source.
    """
    doc = incident_documents.incident_document(text, paths)
    key = language_key(doc["m_locale"])
    doc.update({text_field(key): [text.description], "_all_text": [text.description]})
    doc["m_digest"] = _document_digest(doc)
    return doc
