"""Wagtail's Elasticsearch 9 / OpenSearch 2-3 backends, extended for the public search.

What the stock backends do is kept (one index per root model, Wagtail's own
fields and ``_all_text``, atomic rebuilds behind an alias); this module adds:

* analysers for each content language (``munasara_ar``, ``munasara_en``,
  ``munasara_fr``) and for title autocomplete, in index settings that work on
  Elasticsearch 9 and OpenSearch 2.19 alike (only analysis-common filters);
* per-language fields in every page document: a page is written in one
  locale, so its title goes to ``m_title_<lang>`` and the rest of its
  searchable text to ``m_text_<lang>``, analysed for that language only; the
  public search queries the fields of the requested language explicitly (never
  ``_all_text``) and filters on ``m_locale``;
* facet and display fields (``m_type``, ``m_locale``, ``m_year``,
  ``m_violation_types``, ``m_neighbourhood``, ``m_url``, ``m_summary``…) and a
  ``m_digest`` of the document, so ``search_check`` can tell a stale document;
* only public pages (``core.visibility.public_pages``) are ever written: drafts,
  private pages and stories without consent never reach the index;
* indexing errors are raised, not swallowed: ``search.sync`` records them in a
  durable queue and retries.
"""

import hashlib
import json

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import timezone
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
)
from modelsearch.backends.elasticsearchbase import ElasticsearchAtomicIndexRebuilder, ElasticsearchIndexRebuilder
from modelsearch.backends.opensearch2 import OpenSearch2Index, OpenSearch2Mapping, OpenSearch2SearchBackend
from modelsearch.backends.opensearch3 import OpenSearch3Index, OpenSearch3Mapping, OpenSearch3SearchBackend
from modelsearch.index import RelatedFields
from modelsearch.utils import deep_update
from wagtail.models import Page

from search import documents

ANALYSED_LANGUAGES = ("ar", "en", "fr")
DEFAULT_ANALYSER = "munasara_default"
AUTOCOMPLETE_MAX_GRAM = 20

# Index-time variants the analysis-common Arabic filters leave alone.
ARABIC_CHAR_MAPPINGS = ["ٱ=>ا", "ؤ=>و", "ئ=>ي", "ی=>ي", "ک=>ك", "ـ=>"]
# The article with its attached particles (و ف, then ب ك), or لل, before a word of 2+ letters.
ARABIC_ARTICLE = r"^(?:[وف]?[بك]?ال|[وف]?لل)(\p{L}{2,})$"
# One attached particle (و ف ب ل ك) before a word of 3+ letters; indexed beside the original form.
ARABIC_PROCLITIC = r"^[وفبلك](\p{L}{3,})$"
# Taa marbuta written ت before an attached pronoun (إقامته → إقامه), indexed beside the original form.
ARABIC_POSSESSED_FEMININE = r"^(\p{L}{2,})ت(?:ه|ها|هما|هم|هن|ك|كم|كن|ي|نا)$"
# Past-tense plural ending (هدموا → هدم), which arabic_stem leaves on.
ARABIC_VERB_PLURAL = r"^(\p{L}{3,})وا$"

ANALYSIS = {
    "char_filter": {
        "munasara_arabic_chars": {"type": "mapping", "mappings": ARABIC_CHAR_MAPPINGS},
    },
    "filter": {
        "munasara_arabic_stop": {"type": "stop", "stopwords": "_arabic_"},
        "munasara_arabic_stemmer": {"type": "stemmer", "language": "arabic"},
        "munasara_arabic_verb_plural": {"type": "pattern_replace", "pattern": ARABIC_VERB_PLURAL, "replacement": "$1"},
        "munasara_arabic_proclitic": {"type": "pattern_replace", "pattern": ARABIC_PROCLITIC, "replacement": "$1"},
        "munasara_arabic_possessed_feminine": {
            "type": "pattern_replace",
            "pattern": ARABIC_POSSESSED_FEMININE,
            "replacement": "$1ه",
        },
        "munasara_arabic_proclitic_variants": {
            "type": "multiplexer",
            "filters": ["munasara_arabic_proclitic", "munasara_arabic_possessed_feminine"],
            "preserve_original": True,
        },
        "munasara_arabic_article": {"type": "pattern_replace", "pattern": ARABIC_ARTICLE, "replacement": "$1"},
        "munasara_english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "munasara_english_stop": {"type": "stop", "stopwords": "_english_"},
        "munasara_english_stemmer": {"type": "stemmer", "language": "english"},
        "munasara_french_elision": {
            "type": "elision",
            "articles_case": True,
            "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
        },
        "munasara_french_stop": {"type": "stop", "stopwords": "_french_"},
        "munasara_french_stemmer": {"type": "stemmer", "language": "light_french"},
        "munasara_autocomplete_edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": AUTOCOMPLETE_MAX_GRAM},
    },
    "analyzer": {
        "munasara_ar": {
            "type": "custom",
            "char_filter": ["munasara_arabic_chars"],
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "decimal_digit",
                "munasara_arabic_stop",
                "arabic_normalization",
                "munasara_arabic_proclitic_variants",
                "munasara_arabic_stemmer",
                "munasara_arabic_verb_plural",
                "remove_duplicates",
            ],
        },
        "munasara_en": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "munasara_english_possessive",
                "lowercase",
                "decimal_digit",
                "munasara_english_stop",
                "munasara_english_stemmer",
            ],
        },
        "munasara_fr": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "munasara_french_elision",
                "lowercase",
                "decimal_digit",
                "munasara_french_stop",
                "asciifolding",
                "munasara_french_stemmer",
            ],
        },
        DEFAULT_ANALYSER: {
            "type": "custom",
            "char_filter": ["munasara_arabic_chars"],
            "tokenizer": "standard",
            "filter": ["lowercase", "decimal_digit", "asciifolding", "arabic_normalization"],
        },
        # Title autocomplete: the same normalisation, edge n-grams at index time only.
        "munasara_autocomplete": {
            "type": "custom",
            "char_filter": ["munasara_arabic_chars"],
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "decimal_digit",
                "asciifolding",
                "arabic_normalization",
                "munasara_arabic_article",
                "munasara_autocomplete_edge",
            ],
        },
        "munasara_autocomplete_search": {
            "type": "custom",
            "char_filter": ["munasara_arabic_chars"],
            "tokenizer": "standard",
            "filter": ["lowercase", "decimal_digit", "asciifolding", "arabic_normalization", "munasara_arabic_article"],
        },
    },
}

INDEX_SETTINGS = {"settings": {"analysis": ANALYSIS, "index": {"max_ngram_diff": AUTOCOMPLETE_MAX_GRAM}}}


def language_key(code):
    """The suffix of the per-language fields for a locale's language code."""
    code = (code or "").split("-")[0].lower()
    return code if code in content_language_keys() else "xx"


def content_language_keys():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] + ["xx"]


def analyser_for(key):
    return f"munasara_{key}" if key in ANALYSED_LANGUAGES else DEFAULT_ANALYSER


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


class PublicIndexMixin:
    """Writes public pages only; everything else that reaches it is removed instead."""

    def _public_subset(self, model, items):
        items = list(items)
        if not issubclass(model, Page) or not items:
            return items, []
        from core.visibility import public_pages

        pages = Page.objects.filter(pk__in=[item.pk for item in items]).exclude(depth=1)  # Not the tree root.
        visible = set(public_pages(pages).values_list("pk", flat=True))
        return [item for item in items if item.pk in visible], [item.pk for item in items if item.pk not in visible]

    def add_items(self, model, items):
        if not issubclass(model, Page):
            return  # The public index holds pages only; images, documents and snippets stay in the database.
        public, _hidden = self._public_subset(model, items)
        if public:
            super().add_items(model, prepare_for_indexing(public))

    def add_item(self, item):
        self.add_items(type(item), [item])

    def add_model(self, model):
        if issubclass(model, Page):
            super().add_model(model)


class PublicRebuilderMixin:
    """Replays the changes made while a rebuild ran into the new index before the alias moves."""

    def start(self):
        self.started_at = timezone.now()
        return super().start()

    def finish(self):
        from search import sync

        sync.replay_changes_since(self.started_at, self.index)
        super().finish()


class PublicAtomicRebuilder(PublicRebuilderMixin, ElasticsearchAtomicIndexRebuilder):
    pass


class PublicBasicRebuilder(PublicRebuilderMixin, ElasticsearchIndexRebuilder):
    pass


class PublicBackendMixin:
    catch_indexing_errors = False
    atomic_rebuilder_class = PublicAtomicRebuilder
    basic_rebuilder_class = PublicBasicRebuilder

    def __init__(self, params):
        params = dict(params)
        params["INDEX_SETTINGS"] = deep_update(json.loads(json.dumps(INDEX_SETTINGS)), params.get("INDEX_SETTINGS", {}))
        super().__init__(params)

    # Helpers used by search.query and search.sync; one place that knows both clients.

    def get_index_for_model(self, model):
        # The public index holds pages only: route every model to it, so update_index rebuilds one
        # index (the other models' objects are skipped by PublicIndexMixin) instead of creating
        # empty image/document/snippet indexes.
        return super().get_index_for_model(Page)

    def page_index(self):
        return self.get_index_for_model(Page)

    def ensure_page_index(self):
        """Create the page index (behind its alias, with our mappings) if it does not exist yet.

        Without this, the first page published before any ``update_index`` would make the engine
        create the index on the fly with guessed mappings and no Arabic analysis.
        """
        if getattr(self, "_page_index_exists", False):
            return
        alias = self.page_index()
        if not self.es.indices.exists(index=alias.name):
            from modelsearch.index import get_indexed_models

            index = self.index_class(self, f"{alias.name}_{timezone.now():%Y%m%d%H%M%S}")
            index.put()
            for model in get_indexed_models():
                index.add_model(model)
            index.put_alias(alias.name)
        self._page_index_exists = True

    def raw_search(self, body, **params):
        return self.es.search(index=self.page_index().name, body=body, **params)

    def bulk_write(self, actions, index_name=None, refresh=False):
        """Index/delete documents; raises on any error except deleting a missing document."""
        params = {"refresh": refresh, "raise_on_error": False}
        if index_name is None:
            # Through the alias, and never let the engine create a missing index with guessed mappings.
            index_name = self.page_index().name
            params["require_alias"] = True
        _ok, errors = self.bulk(self.es, actions, index=index_name, **params)
        real_errors = [error for error in errors if error.get("delete", {}).get("status") != 404]
        if real_errors:
            raise RuntimeError(f"{len(real_errors)} search index writes failed, first: {real_errors[0]}")

    def page_actions(self, pages):
        """Bulk actions that write each page's document (pages must be specific and public)."""
        actions = []
        for page in prepare_for_indexing(list(pages)):
            mapping = self.mapping_class(type(page))
            actions.append({"_id": mapping.get_document_id(page), **mapping.get_document(page)})
        return actions

    def scan_digests(self):
        """``{page id: digest}`` for every document in the page index."""
        from_index = {}
        index_name = self.page_index().name
        response = self.es.search(
            index=index_name, body={"query": {"match_all": {}}, "_source": ["m_digest"], "size": 1000}, scroll="2m"
        )
        scroll_id = response.get("_scroll_id")
        try:
            while response["hits"]["hits"]:
                for hit in response["hits"]["hits"]:
                    from_index[int(hit["_id"])] = (hit.get("_source") or {}).get("m_digest")
                response = self.es.scroll(scroll_id=scroll_id, scroll="2m")
                scroll_id = response.get("_scroll_id", scroll_id)
        finally:
            if scroll_id:
                try:
                    self.es.clear_scroll(scroll_id=scroll_id)
                except Exception:  # noqa: BLE001 - the scroll expires by itself
                    pass
        return from_index

    def ping(self):
        return bool(self.es.ping())


class Elasticsearch9PublicMapping(PublicMappingMixin, Elasticsearch9Mapping):
    pass


class Elasticsearch9PublicIndex(PublicIndexMixin, Elasticsearch9Index):
    pass


class Elasticsearch9Backend(PublicBackendMixin, Elasticsearch9SearchBackend):
    mapping_class = Elasticsearch9PublicMapping
    index_class = Elasticsearch9PublicIndex


class OpenSearch2PublicMapping(PublicMappingMixin, OpenSearch2Mapping):
    pass


class OpenSearch2PublicIndex(PublicIndexMixin, OpenSearch2Index):
    pass


class OpenSearch2Backend(PublicBackendMixin, OpenSearch2SearchBackend):
    mapping_class = OpenSearch2PublicMapping
    index_class = OpenSearch2PublicIndex


class OpenSearch3PublicMapping(PublicMappingMixin, OpenSearch3Mapping):
    pass


class OpenSearch3PublicIndex(PublicIndexMixin, OpenSearch3Index):
    pass


class OpenSearch3Backend(PublicBackendMixin, OpenSearch3SearchBackend):
    mapping_class = OpenSearch3PublicMapping
    index_class = OpenSearch3PublicIndex
