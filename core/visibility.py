"""The one answer to "may the public see this page?".

A page is public when it is live, has no view restriction, and meets the
condition its own model declares, if any: a page model may define a
``public_condition()`` classmethod returning a ``Q`` over its own fields (a
story declares "consent granted, with a date"). The conditions are collected
from the installed page models, so this module names no domain app.

Templates, the API, search, sitemaps and exports all go through
:func:`public_pages`, so a page that fails any part is hidden everywhere at once.
"""

from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


@cache
def _conditional_page_models():
    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, Page) and callable(getattr(model, "public_condition", None))
    )


def failing_own_condition(model):
    """A condition true of the rows of ``model`` (and its subclasses) that fail its public condition.

    A correlated ``EXISTS`` per candidate row rather than the list of every hidden page: a detail
    or a short listing then looks at its own rows only, not at every story in the archive.
    """
    content_types = ContentType.objects.get_for_models(model, *_page_subclasses(model), for_concrete_models=False)
    meets_condition = model.objects.filter(model.public_condition(), pk=OuterRef("pk"))
    return Q(content_type__in=[content_type.pk for content_type in content_types.values()]) & ~Q(
        Exists(meets_condition)
    )


@cache
def _page_subclasses(model):
    return tuple(other for other in apps.get_models() if issubclass(other, model) and other is not model)


def in_private_section():
    """A condition true of pages carrying a view restriction themselves or through an ancestor.

    What Wagtail's ``.public()`` excludes, as one correlated ``EXISTS`` (a restricted page's path
    is a prefix of the candidate's) rather than a query for every restriction each time a listing
    is built: a page renders several listings.
    """
    restriction_above = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return Q(Exists(restriction_above))


def public_pages(queryset=None, *, for_search=False):
    """Live pages with no view restriction that meet their model's own public condition.

    ``for_search``: the form a search backend can apply to a queryset it searches. The backends
    translate field lookups only (not ``EXISTS``), so the hidden pages come as one list of ids.
    """
    if queryset is None:
        queryset = Page.objects.all()
    if for_search:
        queryset = queryset.live().public()
    else:
        queryset = queryset.live().exclude(in_private_section())
    for model in _conditional_page_models():
        if for_search:
            queryset = queryset.exclude(pk__in=model.objects.exclude(model.public_condition()).values("pk"))
        else:
            queryset = queryset.exclude(failing_own_condition(model))
    return queryset


def restriction_check_needed():
    """An annotation for page querysets: whether a view restriction may apply to the page.

    True when the page or an ancestor carries a restriction, or is an alias (whose source's
    restrictions apply). When it is False, Wagtail's check before serving has nothing to find.
    """
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    aliased = Page.objects.filter(alias_of__isnull=False, path=Substr(OuterRef("path"), 1, Length("path")))
    return ExpressionWrapper(Q(Exists(restricted)) | Q(Exists(aliased)), output_field=BooleanField())


class ViewRestrictionsInOneQuery:
    """A page mixin: Wagtail's ``get_view_restrictions()`` in one query instead of two, or none.

    Wagtail checks the restrictions on the page and its ancestors before serving it, resolving
    any alias among them to its source page (whose restrictions an alias shares). Here the
    ancestors are named by their paths, which the page knows, so the check needs no query for them;
    and none at all when the page was loaded with ``restriction_check_needed`` False.
    """

    def get_view_restrictions(self):
        if getattr(self, "restriction_check_needed", True) is False:
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(Page.steplen, len(self.path) + 1, Page.steplen)]
        on_the_way = Q(page__path__in=paths, page__alias_of__isnull=True)
        through_an_alias = Q(page__aliases__path__in=paths)
        return PageViewRestriction.objects.filter(on_the_way | through_an_alias).distinct()
