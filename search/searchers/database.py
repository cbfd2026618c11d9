"""The public search on Wagtail's database backend (the embedded default, no engine configured).

Matching and ranking come from the database index (``search.backends.database``,
with the Arabic normalisation of ``search.arabic``); visibility, filters and
facets are database queries over ``public_pages()``; highlights are found in
the page's own text with the same normalisation.
"""

from dataclasses import replace

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q
from django.utils.text import Truncator
from modelsearch.backends import get_search_backend
from modelsearch.query import And, Or, PlainText
from wagtail.models import Page

from core.visibility import public_pages

from .. import arabic, documents
from . import spelling
from .base import FACETS, MARK_END, MARK_START, SNIPPET_LENGTH, Hit, Matches, Searcher, Suggestion, unmarked
from .expansion import all_terms, expand

DATABASE_BACKEND_NAME = "default"


def _structural_content_types():
    models = [documents.page_model(name) for name in documents.structural_type_names()]
    return [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]


def _public_in(locale):
    """The pages a search in ``locale`` may return: public, not the tree root, not a structural page."""
    pages = public_pages(Page.objects.filter(locale__language_code=locale)).exclude(depth=1)
    return pages.exclude(content_type__in=_structural_content_types())


def _filter(name, values):
    if name == "type":
        content_types = [
            ContentType.objects.get_for_model(documents.page_model(value), for_concrete_model=False).pk
            for value in values
        ]
        return Q(content_type__in=content_types)
    if name == "violation_type":
        return documents.violation_type_filter(values)
    if name == "neighbourhood":
        return documents.neighbourhood_filter(values)
    return Q(pk__in=Page.objects.annotate(_year=documents.year_expression()).filter(_year__in=values).values("pk"))


def _apply_filters(queryset, params, skip=None):
    for name, values in params.filters.items():
        if name != skip:
            queryset = queryset.filter(pk__in=Page.objects.filter(_filter(name, values)).values("pk"))
    return queryset


def _facet_counts(name, scope):
    from stories.models import StoryViolationType

    if name == "type":
        counts = {}
        for row in scope.values("content_type").annotate(n=Count("pk")):
            model = ContentType.objects.get_for_id(row["content_type"]).model_class()
            if model is not None:
                counts[documents.type_name(model)] = row["n"]
        return counts
    if name == "violation_type":
        rows = (
            StoryViolationType.objects.filter(page_id__in=scope.values("pk"))
            .order_by()
            .values("violation_type__slug")
            .annotate(n=Count("page", distinct=True))
        )
        return {row["violation_type__slug"]: row["n"] for row in rows}
    if name == "neighbourhood":
        lookup = f"{documents.story_relation()}__neighbourhood__slug"
        rows = scope.filter(**{f"{lookup}__isnull": False}).values(lookup).annotate(n=Count("pk"))
        return {row[lookup]: row["n"] for row in rows}
    rows = scope.annotate(_year=documents.year_expression()).values("_year").annotate(n=Count("pk"))
    return {str(row["_year"]): row["n"] for row in rows if row["_year"]}


def _ids(results):
    if hasattr(results, "get_queryset"):
        return list(results.get_queryset().values_list("pk", flat=True))
    return [page.pk for page in results]


def _highlight(page, q):
    """The page's text around the first word matching the query, matched words marked."""
    wanted = set(arabic.tokens(q))
    title, texts = documents.page_texts(page)
    for text in [documents.page_summary(page), *texts, title]:
        spans = [span for span in arabic.word_spans(text) if span[2] & wanted]
        if not spans:
            continue
        start = max(0, spans[0][0] - SNIPPET_LENGTH // 3)
        if start:
            start = text.rfind(" ", 0, start) + 1
        end = min(len(text), start + SNIPPET_LENGTH)
        pieces, cursor = [], start
        for span_start, span_end, _forms in spans:
            if span_start < start or span_end > end:
                continue
            pieces.append(text[cursor:span_start])
            pieces.append(MARK_START + text[span_start:span_end] + MARK_END)
            cursor = span_end
        pieces.append(text[cursor:end])
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(text) else ""
        return prefix + "".join(pieces) + suffix
    return unmarked(Truncator(documents.page_summary(page)).chars(SNIPPET_LENGTH))


def database_query(params):
    """The query string, or with words that meet it (``expansion.expand``): every group must match,
    through any of its terms (the database backends' default is every word)."""
    groups = expand(params.q, params.locale)
    if not groups:
        return params.q
    return And([Or([PlainText(term) for term in group]) if len(group) > 1 else PlainText(group[0]) for group in groups])


def highlight_terms(params):
    groups = expand(params.q, params.locale)
    return all_terms(groups) if groups else params.q


class DatabaseSearcher(Searcher):
    def __init__(self):
        self._matched_for = None  # (params, matched, rank): search and facets share one full-text query.

    def _matched(self, params):
        """Public pages of the locale matching ``q`` (unfiltered), and their rank (None without ``q``)."""
        if self._matched_for is None or self._matched_for[0] is not params:
            matched, rank = _public_in(params.locale), None
            if params.q:
                ids = _ids(get_search_backend(DATABASE_BACKEND_NAME).search(database_query(params), Page))
                matched = matched.filter(pk__in=ids)
                rank = {pk: position for position, pk in enumerate(ids)}
            self._matched_for = (params, matched, rank)
        return self._matched_for[1], self._matched_for[2]

    def search(self, params):
        matched, rank = self._matched(params)
        final = _apply_filters(matched, params)
        count = final.count()
        if rank is not None:
            ordered = sorted(final.values_list("pk", flat=True), key=lambda pk: rank[pk])
        else:
            ordered = list(
                final.annotate(_date=documents.date_expression())
                .order_by(F("_date").desc(nulls_last=True), "-pk")
                .values_list("pk", flat=True)
            )
        page_ids = ordered[params.offset : params.offset + params.page_size]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
        hits = []
        terms = highlight_terms(params) if params.q else ""
        for pk in page_ids:
            page = pages.get(pk)
            if page is None:
                continue
            summary = documents.page_summary(page)
            hits.append(
                Hit(
                    id=pk,
                    type=documents.type_name(type(page)),
                    title=page.title,
                    url=documents.page_url(page),
                    locale=params.locale,
                    date=documents.page_date(page),
                    summary=summary,
                    highlight=_highlight(page, terms) if params.q else unmarked(summary),
                )
            )
        return Matches(count=count, hits=hits)

    def facets(self, params):
        matched, _rank = self._matched(params)
        return {name: _facet_counts(name, _apply_filters(matched, params, skip=name).order_by()) for name in FACETS}

    def count(self, params):
        if params.matches_nothing:
            return 0
        matched, _rank = self._matched(params)
        return _apply_filters(matched, params).count()

    def did_you_mean(self, params):
        pages = _public_in(params.locale)
        texts = list(pages.values_list("title", flat=True)) + list(pages.values_list("search_description", flat=True))
        for model in documents.result_page_models():
            for name in documents.SUMMARY_FIELDS:
                if name != "search_description" and any(field.name == name for field in model._meta.fields):
                    texts.extend(model.objects.filter(pk__in=pages.values("pk")).values_list(name, flat=True))
        suggestion = spelling.corrected(params.q, spelling.vocabulary(texts))
        if suggestion and self.count(replace(params, q=suggestion, filters={})):
            return suggestion
        return None

    def suggest(self, q, locale, limit):
        ids = _ids(get_search_backend(DATABASE_BACKEND_NAME).autocomplete(q, Page))
        allowed = set(_public_in(locale).filter(pk__in=ids).values_list("pk", flat=True))
        ids = [pk for pk in ids if pk in allowed][:limit]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        return [
            Suggestion(
                id=pk,
                type=documents.type_name(type(pages[pk])),
                title=pages[pk].title,
                url=documents.page_url(pages[pk]),
            )
            for pk in ids
        ]
