"""Wagtail's Elasticsearch 9 / OpenSearch 2-3 backends, extended for the public search.

What the stock backends do is kept (one index per root model, Wagtail's own
fields and ``_all_text``, atomic rebuilds behind an alias). Each engine gets one
backend class put together from the rooms beside this module:

* ``analysis.py``: the index settings (an analyser per content language, title
  autocomplete);
* ``mapping.py``: per-language, facet and display fields in every page document;
* ``public_only.py``: only public pages are ever written;
* ``rebuild.py``: changes made while ``update_index`` runs are replayed before
  the alias moves.

This module adds what ``search.indexer`` and ``search.searchers.engine`` need
from the engine, in one place that knows all three clients: the page index
(created with our mappings on first use), raw searches, bulk writes that raise
on errors (the indexer queues them, instead of Wagtail logging and dropping
them), and scrolling over every document.
"""

import copy

from django.utils import timezone
from elasticsearch import helpers as elasticsearch_helpers
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
)
from modelsearch.backends.opensearch2 import OpenSearch2Index, OpenSearch2Mapping, OpenSearch2SearchBackend
from modelsearch.backends.opensearch3 import OpenSearch3Index, OpenSearch3Mapping, OpenSearch3SearchBackend
from modelsearch.utils import deep_update
from opensearchpy import helpers as opensearch_helpers
from wagtail.models import Page

from search import incident_documents

from .analysis import INDEX_SETTINGS
from .mapping import PublicMappingMixin, incident_document, prepare_for_indexing
from .public_only import PublicIndexMixin
from .rebuild import PublicAtomicRebuilder, PublicBasicRebuilder


class PublicBackendMixin:
    catch_indexing_errors = False
    atomic_rebuilder_class = PublicAtomicRebuilder
    basic_rebuilder_class = PublicBasicRebuilder

    def __init__(self, params):
        params = dict(params)
        params["INDEX_SETTINGS"] = deep_update(copy.deepcopy(INDEX_SETTINGS), params.get("INDEX_SETTINGS", {}))
        super().__init__(params)

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

    def incident_actions(self, texts):
        """Bulk actions that write the document of each incident text (texts of public incidents only)."""
        paths = incident_documents.statistics_paths()
        actions = []
        for text in texts:
            doc = incident_document(text, paths)
            actions.append({"_id": incident_documents.document_id(text.incident_id, doc["m_locale"]), **doc})
        return actions

    def scan_digests(self):
        """``{document id: digest}`` for every document in the page index (page ids and incident documents)."""
        hits = self.scan(
            self.es, index=self.page_index().name, query={"query": {"match_all": {}}, "_source": ["m_digest"]}
        )
        return {hit["_id"]: (hit.get("_source") or {}).get("m_digest") for hit in hits}

    def ping(self):
        return bool(self.es.ping())


class Elasticsearch9PublicMapping(PublicMappingMixin, Elasticsearch9Mapping):
    pass


class Elasticsearch9PublicIndex(PublicIndexMixin, Elasticsearch9Index):
    pass


class Elasticsearch9Backend(PublicBackendMixin, Elasticsearch9SearchBackend):
    mapping_class = Elasticsearch9PublicMapping
    index_class = Elasticsearch9PublicIndex

    def scan(self, *args, **kwargs):
        return elasticsearch_helpers.scan(*args, **kwargs)


class OpenSearch2PublicMapping(PublicMappingMixin, OpenSearch2Mapping):
    pass


class OpenSearch2PublicIndex(PublicIndexMixin, OpenSearch2Index):
    pass


class OpenSearch2Backend(PublicBackendMixin, OpenSearch2SearchBackend):
    mapping_class = OpenSearch2PublicMapping
    index_class = OpenSearch2PublicIndex

    def scan(self, *args, **kwargs):
        return opensearch_helpers.scan(*args, **kwargs)


class OpenSearch3PublicMapping(PublicMappingMixin, OpenSearch3Mapping):
    pass


class OpenSearch3PublicIndex(PublicIndexMixin, OpenSearch3Index):
    pass


class OpenSearch3Backend(PublicBackendMixin, OpenSearch3SearchBackend):
    mapping_class = OpenSearch3PublicMapping
    index_class = OpenSearch3PublicIndex

    def scan(self, *args, **kwargs):
        return opensearch_helpers.scan(*args, **kwargs)
