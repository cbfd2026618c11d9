"""The search engine's index holding exactly the test's pages, for the API tests that search.

Index writes wait for a commit, which a test inside a transaction never makes; without an engine
(the database search backend) the pages are searchable already and nothing is done.
"""

from wagtail.models import Page

from search import indexer
from search.connection import engine_backend


def index_every_page():
    backend = engine_backend()
    if backend is None:
        return
    alias = backend.page_index()
    # Documents left by earlier tests of the session (their pages were rolled back) go first.
    for name in backend.es.indices.get(index=f"{alias.name}*", ignore_unavailable=True):
        backend.es.indices.delete(index=name)
    backend._page_index_exists = False
    backend.ensure_page_index()
    indexer.write_pages(backend, list(Page.objects.values_list("pk", flat=True)))
