"""``GET /api/v2/vocabularies/violation-types/`` and ``…/neighbourhoods/``: the terms in a language.

Each term gives its slug (the same in every language, what filters take), its label in the requested
language and how many public stories in that language use it. The counts are correlated subqueries
over the public stories, so a vocabulary of any size answers in one SQL query.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from core.models import Neighbourhood, ViolationType
from core.visibility import public_pages
from stories.models import StoryPage, StoryViolationType

from .api_site import locale_view


def public_story_ids(code):
    return public_pages(StoryPage.objects.filter(locale__language_code=code)).values("pk")


def stories_per_term(rows, term_slug, story):
    """How many distinct ``story`` values among ``rows`` have the outer term's slug at ``term_slug``.

    Matched by slug rather than by row, so a story still pointing at the Arabic term counts for its translation.
    """
    counted = (
        rows.filter(**{term_slug: OuterRef("slug")})
        .order_by()
        .values(term_slug)
        .annotate(stories=Count(story, distinct=True))
        .values("stories")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def terms_answer(model, story_count, code):
    terms = model.objects.filter(locale__language_code=code).annotate(story_count=story_count).order_by("name", "slug")
    items = [{"slug": term.slug, "label": term.name, "story_count": term.story_count} for term in terms]
    return {"meta": {"locale": code, "total_count": len(items)}, "items": items}


@locale_view
def violation_types(request, code):
    """``GET /api/v2/vocabularies/violation-types/?locale=ar``."""
    links = StoryViolationType.objects.filter(page__in=public_story_ids(code))
    return terms_answer(ViolationType, stories_per_term(links, "violation_type__slug", "page"), code)


@locale_view
def neighbourhoods(request, code):
    """``GET /api/v2/vocabularies/neighbourhoods/?locale=ar``."""
    stories = StoryPage.objects.filter(pk__in=public_story_ids(code))
    return terms_answer(Neighbourhood, stories_per_term(stories, "neighbourhood__slug", "pk"), code)
