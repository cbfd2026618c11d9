"""What the public search knows about a page, whichever backend answers.

The engine backend stores these values in each page's document; the database
backend computes the same values with queries. Keeping them in one place is
what makes the two answer with the same JSON.
"""

import datetime

from django.apps import apps
from django.db.models import DateField, F, Q
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.text import Truncator
from modelsearch.index import RelatedFields, SearchField
from wagtail.models import Page

SUMMARY_LENGTH = 300

# The content date a result shows and the year facet counts: the date of the events
# for a story, the start of a campaign, a report's date. Other pages (an about page,
# a unit) have none: when they were published says nothing about what they tell.
DATE_FIELDS = {
    "stories.StoryPage": "date",
    "campaigns.CampaignPage": "start_date",
    "monitoring.ReportPage": "date",
}
# Pages that only lead to others (the home page, the section indexes): never a search result.
STRUCTURAL_TYPES = ("home.HomePage",)
SUMMARY_FIELDS = ("summary", "introduction", "search_description")


def type_name(model):
    """The API type of a page model, e.g. ``stories.StoryPage``."""
    return f"{model._meta.app_label}.{model.__name__}"


def searchable_page_models():
    """Every concrete page type that has a page of its own on the site (not Wagtail's root)."""
    return [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]


def is_structural(model):
    from core.models import SectionIndexPage

    return issubclass(model, SectionIndexPage) or type_name(model) in STRUCTURAL_TYPES


def structural_type_names():
    """The API types of the pages the public search never returns (``home.HomePage``, the section indexes)."""
    return sorted(type_name(model) for model in searchable_page_models() if is_structural(model))


def result_page_models():
    """The page types a public search can return: every page type but the structural ones."""
    return [model for model in searchable_page_models() if not is_structural(model)]


def page_model(type_label):
    for model in searchable_page_models():
        if type_name(model) == type_label:
            return model
    return None


def page_date(page):
    """The page's content date (see :data:`DATE_FIELDS`), or None for a type that has none."""
    field = DATE_FIELDS.get(type_name(type(page)))
    value = getattr(page, field, None) if field else None
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value


def page_summary(page):
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, "")
        if value:
            return Truncator(str(value)).chars(SUMMARY_LENGTH)
    return ""


def page_url(page):
    """The page's path on the site (``/ar/stories/…/``), or None for a page outside any site."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def violation_type_slugs(page):
    links = getattr(page, "violation_type_links", None)
    if links is None:
        return []
    return sorted({link.violation_type.slug for link in links.all() if link.violation_type_id})


def neighbourhood_slug(page):
    neighbourhood = getattr(page, "neighbourhood", None)
    return neighbourhood.slug if neighbourhood is not None else None


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _flatten(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _flatten(item)]
    text = str(value).strip()
    return [text] if text else []


def _field_texts(obj, fields):
    for field in fields:
        if isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if hasattr(related, "all"):
                related = related.all()
            elif not isinstance(related, (list, tuple)):
                related = [related]
            for item in related:
                yield from _field_texts(item, field.fields)
        elif isinstance(field, SearchField):
            yield field.field_name, _flatten(field.get_value(obj))


def page_texts(page):
    """``(title, [other searchable texts…])`` from the page's ``search_fields``."""
    title = page.title
    others = []
    for name, texts in _field_texts(page, type(page).get_search_fields()):
        if name == "title":
            continue
        others.extend(texts)
    # Keep the order, drop repeats (a summary repeated by a StreamField block, say).
    return title, list(dict.fromkeys(others))


def date_expression():
    """A database expression for :func:`page_date` on a ``Page`` queryset (NULL for a type without a date)."""
    candidates = []
    for label, field in DATE_FIELDS.items():
        model = page_model(label)
        if model is not None:
            candidates.append(F(f"{model._meta.model_name}__{field}"))
    if len(candidates) == 1:
        return candidates[0]
    return Coalesce(*candidates, output_field=DateField())


def year_expression():
    return ExtractYear(date_expression())


def story_relation():
    """The lookup from ``Page`` to its story row, for facet filters on stories."""
    story = page_model("stories.StoryPage")
    return story._meta.model_name if story else None


def violation_type_filter(slugs):
    relation = story_relation()
    return Q(**{f"{relation}__violation_type_links__violation_type__slug__in": slugs})


def neighbourhood_filter(slugs):
    relation = story_relation()
    return Q(**{f"{relation}__neighbourhood__slug__in": slugs})


def page_hit(page, locale, highlight=None):
    """``page`` as a search hit in ``locale``; without ``highlight`` its summary stands in, unmarked."""
    from .searchers.base import Hit, unmarked

    summary = page_summary(page)
    return Hit(
        id=page.pk,
        type=type_name(type(page)),
        title=page.title,
        url=page_url(page),
        locale=locale,
        date=page_date(page),
        summary=summary,
        highlight=unmarked(summary) if highlight is None else highlight,
    )
