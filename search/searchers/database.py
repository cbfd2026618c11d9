"""The public search on Wagtail's database backend (the embedded default, no engine configured).

Matching and ranking come from the database index (``search.backends.database``,
with the Arabic normalisation of ``search.arabic``); visibility, filters and
facets are database queries over ``public_pages()``; highlights are found in
the page's own text with the same normalisation.
"""

from dataclasses import replace

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.text import Truncator
from modelsearch.backends import get_search_backend
from modelsearch.query import And, Or, PlainText
from wagtail.models import Page

from core.visibility import public_pages
from monitoring.incidents import IncidentText

from .. import arabic, documents, incident_documents
from ..incident_documents import INCIDENT_TYPE
from . import spelling
from .base import FACETS, MARK_END, MARK_START, SNIPPET_LENGTH, Matches, Searcher, Suggestion, unmarked
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
            if value != INCIDENT_TYPE
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


def _incident_filter(name, values):
    """The filter ``name`` on ``IncidentText`` rows (the facts are the incident's, the same in every language)."""
    if name == "type":
        return Q() if INCIDENT_TYPE in values else Q(pk__in=[])
    if name == "violation_type":
        return Q(incident__violation_type__slug__in=values)
    if name == "neighbourhood":
        return Q(incident__neighbourhood__slug__in=values)
    return Q(incident__date__year__in=[int(value) for value in values])


def _apply_incident_filters(texts, params, skip=None):
    for name, values in params.filters.items():
        if name == skip:
            continue
        if name == "type" and INCIDENT_TYPE not in values:
            return texts.none()  # No query at all when the reader asked for pages only.
        texts = texts.filter(_incident_filter(name, values))
    return texts


INCIDENT_GROUP = ("incident__violation_type__slug", "incident__neighbourhood__slug", "_year")


def _incident_groups(scope):
    """``{(violation type, neighbourhood, year): count}`` of ``scope``: every incident facet in one query."""
    rows = scope.annotate(_year=ExtractYear("incident__date")).values(*INCIDENT_GROUP).annotate(n=Count("pk"))
    return {tuple(row[key] for key in INCIDENT_GROUP): row["n"] for row in rows.order_by()}


def _incident_facet_counts(name, groups):
    counts = {}
    for (violation_type, neighbourhood, year), n in groups.items():
        value = {"type": INCIDENT_TYPE, "violation_type": violation_type, "neighbourhood": neighbourhood}.get(
            name, str(year)
        )
        counts[value] = counts.get(value, 0) + n
    return counts


def _added(counts, more):
    return {value: counts.get(value, 0) + more.get(value, 0) for value in counts.keys() | more.keys()}


def _ranked(results):
    """``{pk: sort key}`` in the backend's order: best score first, then the backend's own order."""
    ranked = {}
    for position, obj in enumerate(results.annotate_score("_score")):
        score = getattr(obj, "_score", None)
        ranked.setdefault(obj.pk, (-(score or 0), position))
    return ranked


def _ids(results):
    if hasattr(results, "get_queryset"):
        return list(results.get_queryset().values_list("pk", flat=True))
    return [page.pk for page in results]


def _highlight(page, q):
    """The page's text around the first word matching the query, matched words marked."""
    title, texts = documents.page_texts(page)
    summary = documents.page_summary(page)
    return _highlight_in([summary, *texts, title], summary, q)


def _highlight_in(candidates, summary, q):
    """The first of ``candidates`` with a word matching the query, around it, matched words marked."""
    wanted = set(arabic.tokens(q))
    for text in candidates:
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
    return unmarked(Truncator(summary).chars(SNIPPET_LENGTH))


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


def _by_date(entries):
    """Newest first, undated last, then the highest id: ``entries`` are ``(kind, pk, date)``."""
    return sorted(entries, key=lambda entry: (entry[2] is None, -(entry[2].toordinal() if entry[2] else 0), -entry[1]))


class DatabaseSearcher(Searcher):
    """Pages from ``public_pages()`` and verified incidents' texts (``incident_documents``), ranked together."""

    def __init__(self):
        self._matched_for = None  # (params, pages, texts, rank): search and facets share one full-text query.

    def _matched(self, params):
        """Public pages and public incident texts of the locale matching ``q`` (unfiltered), and
        ``{(kind, pk): sort key}`` of the matches (None without ``q``)."""
        if self._matched_for is None or self._matched_for[0] is not params:
            pages, texts, rank = _public_in(params.locale), incident_documents.public_texts(params.locale), None
            if params.q:
                backend = get_search_backend(DATABASE_BACKEND_NAME)
                page_rank = _ranked(backend.search(database_query(params), Page))
                text_rank = _ranked(backend.search(database_query(params), IncidentText))
                pages = pages.filter(pk__in=list(page_rank))
                texts = texts.filter(pk__in=list(text_rank))
                rank = {("page", pk): (*key, 0) for pk, key in page_rank.items()}
                rank.update({("incident", pk): (*key, 1) for pk, key in text_rank.items()})
            self._matched_for = (params, pages, texts, rank)
        return self._matched_for[1:]

    def _filtered(self, params):
        pages, texts, rank = self._matched(params)
        return _apply_filters(pages, params), _apply_incident_filters(texts, params), rank

    def search(self, params):
        pages, texts, rank = self._filtered(params)
        incidents = [("incident", pk, date) for pk, date in texts.values_list("pk", "incident__date")]
        if rank is not None:
            entries = [("page", pk) for pk in pages.values_list("pk", flat=True)] + [entry[:2] for entry in incidents]
            ordered = sorted(entries, key=lambda entry: rank[entry])
        else:
            dated = pages.annotate(_date=documents.date_expression()).values_list("pk", "_date")
            ordered = [entry[:2] for entry in _by_date([("page", pk, date) for pk, date in dated] + incidents)]
        count = len(ordered)
        wanted = ordered[params.offset : params.offset + params.page_size]
        page_ids = [pk for kind, pk in wanted if kind == "page"]
        text_ids = [pk for kind, pk in wanted if kind == "incident"]
        found = {("page", page.pk): page for page in Page.objects.filter(pk__in=page_ids).specific()}
        found.update({("incident", text.pk): text for text in texts.filter(pk__in=text_ids)})
        paths = incident_documents.statistics_paths() if text_ids else {}
        terms = highlight_terms(params) if params.q else ""
        hits = []
        for entry in wanted:
            item = found.get(entry)
            if item is None:
                continue
            if entry[0] == "incident":
                hits.append(self._incident_hit(item, terms, paths))
            else:
                hits.append(self._page_hit(item, terms, params.locale))
        return Matches(count=count, hits=hits)

    @staticmethod
    def _page_hit(page, terms, locale):
        return documents.page_hit(page, locale, highlight=_highlight(page, terms) if terms else None)

    @staticmethod
    def _incident_hit(text, terms, paths):
        summary = incident_documents.incident_summary(text)
        highlight = _highlight_in([text.description], summary, terms) if terms else summary
        return incident_documents.incident_hit(text, highlight, paths)

    def facets(self, params):
        pages, texts, _rank = self._matched(params)
        counts, groups = {}, {}
        for name in FACETS:
            page_counts = _facet_counts(name, _apply_filters(pages, params, skip=name).order_by())
            # Facets without an active filter share one scope, and one grouped query.
            skip = name if name in params.filters else None
            if skip not in groups:
                groups[skip] = _incident_groups(_apply_incident_filters(texts, params, skip=skip))
            counts[name] = _added(page_counts, _incident_facet_counts(name, groups[skip]))
        return counts

    def count(self, params):
        if params.matches_nothing:
            return 0
        pages, texts, _rank = self._filtered(params)
        return pages.count() + texts.count()

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
