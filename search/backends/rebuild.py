"""``update_index`` for the engine: rebuild, then replay what changed meanwhile, then move the alias.

Wagtail's atomic rebuild fills a new index while searches keep answering from
the old one behind the alias. Pages edited during the rebuild may have been
read before the edit; their queued updates (``search.models.IndexUpdate``) are
written into the new index before it goes live, so the switch loses nothing.
The verified incidents' documents (not Wagtail's: see ``search.incident_documents``)
are written into it then too.
"""

from django.utils import timezone
from modelsearch.backends.elasticsearchbase import ElasticsearchAtomicIndexRebuilder, ElasticsearchIndexRebuilder

from search import indexer


class ReplayingRebuilderMixin:
    def start(self):
        self.started_at = timezone.now()
        return super().start()

    def finish(self):
        indexer.replay_changes_since(self.started_at, self.index)
        super().finish()


class PublicAtomicRebuilder(ReplayingRebuilderMixin, ElasticsearchAtomicIndexRebuilder):
    pass


class PublicBasicRebuilder(ReplayingRebuilderMixin, ElasticsearchIndexRebuilder):
    pass
