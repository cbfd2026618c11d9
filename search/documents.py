"""What the public search knows about a page, whichever backend answers.

The engine backend stores these values in each page's document; the database
backend computes the same values with queries. Keeping them in one place is
what makes the two answer with the same JSON.
"""

import datetime

from django.apps import apps
from django.db.models import DateField, F, Q
from django.db.models.functions import Cast, Coalesce, ExtractYear
from django.utils.text import Truncator
from modelsearch.index import RelatedFields, SearchField
from wagtail.models import Page

SUMMARY_LENGTH = 300

# The date a result shows and the year facet counts: the date of the events for
# a story, the start of a campaign, else when the page was first published.
DATE_FIELDS = {
    "stories.StoryPage": "date",
    "campaigns.CampaignPage": "start_date",
}
SUMMARY_FIELDS = ("summary", "introduction", "search_description")


def type_name(model):
    """The API type of a page model, e.g. ``stories.StoryPage``."""
    return f"{model._meta.app_label}.{model.__name__}"


def searchable_page_models():
    """Every concrete page type that has a page of its own on the site (not Wagtail's root)."""
    return [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]


def page_model(type_label):
    for model in searchable_page_models():
        if type_name(model) == type_label:
            return model
    return None


def page_date(page):
    field = DATE_FIELDS.get(type_name(type(page)))
    value = getattr(page, field, None) if field else None
    if value is None and page.first_published_at:
        value = page.first_published_at.date()
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
    """A database expression for :func:`page_date` on a ``Page`` queryset."""
    candidates = []
    for label, field in DATE_FIELDS.items():
        model = page_model(label)
        if model is not None:
            candidates.append(F(f"{model._meta.model_name}__{field}"))
    candidates.append(Cast("first_published_at", DateField()))
    return Coalesce(*candidates) if len(candidates) > 1 else candidates[0]


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
