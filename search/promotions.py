"""Editors' picks: the pages promoted for a query (``wagtail.contrib.search_promotions``), shown first.

Editors promote pages for a query in the admin (Settings → Promoted search results). A promoted page is
shown only when it is public (``core.visibility.public_pages``: never a draft, a private page or a story
without consent) and written in the language searched; the query is matched as Wagtail normalises it.

Most searches have no pick: the queries that have one are kept in Django's cache, so those searches
ask the database nothing. ``search.signals`` drops that list when a pick or its query changes.
"""

from django.core.cache import cache
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from core.visibility import public_pages

from . import documents

PROMOTED_QUERIES_KEY = "search:promoted-queries"
# Only bounds a change made behind the signals' back (raw SQL).
PROMOTED_QUERIES_TIMEOUT = 600


def promoted_queries():
    """The normalised query strings that have at least one pick."""
    queries = cache.get(PROMOTED_QUERIES_KEY)
    if queries is None:
        queries = frozenset(
            SearchPromotion.objects.filter(page__isnull=False).values_list("query__query_string", flat=True)
        )
        cache.set(PROMOTED_QUERIES_KEY, queries, PROMOTED_QUERIES_TIMEOUT)
    return queries


def forget_promoted_queries():
    cache.delete(PROMOTED_QUERIES_KEY)


def promoted_pages(q, language):
    """The public pages of ``language`` promoted for ``q``, in the editors' order."""
    query = normalise_query_string(q or "")
    if not query or query not in promoted_queries():
        return []
    ids = list(
        SearchPromotion.objects.filter(query__query_string=query, page__isnull=False)
        .order_by("sort_order", "pk")
        .values_list("page_id", flat=True)
    )
    if not ids:
        return []
    allowed = public_pages(Page.objects.filter(pk__in=ids, locale__language_code=language)).specific()
    pages = {page.pk: page for page in allowed}
    return [pages[pk] for pk in dict.fromkeys(ids) if pk in pages]


def promoted_hits(q, language):
    """:func:`promoted_pages` as search hits, in the same shape as the results."""
    return [documents.page_hit(page, language) for page in promoted_pages(q, language)]


def put_first(response, shape):
    """Put the editors' picks for the response's query first on its first page, marked ``"promoted": True``,
    and leave them out of the other results (``shape`` turns a hit into a result dict)."""
    params = response.params
    picks = promoted_hits(params.q, params.locale) if params.q else []
    if not picks:
        return
    picked = {(hit.type, hit.id) for hit in picks}  # An incident may share a page's id: the type tells them apart.
    organic = [result for result in response.results if (result["type"], result["id"]) not in picked]
    first = [{**shape(hit), "promoted": True} for hit in picks] if params.page == 1 else []
    response.results = first + organic
