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
from django.db.models import Exists, OuterRef, Q
from wagtail.models import Page


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


def public_pages(queryset=None, *, for_search=False):
    """Live pages with no view restriction that meet their model's own public condition.

    ``for_search``: the form a search backend can apply to a queryset it searches. The backends
    translate field lookups only (not ``EXISTS``), so the hidden pages come as one list of ids.
    """
    if queryset is None:
        queryset = Page.objects.all()
    queryset = queryset.live().public()
    for model in _conditional_page_models():
        if for_search:
            queryset = queryset.exclude(pk__in=model.objects.exclude(model.public_condition()).values("pk"))
        else:
            queryset = queryset.exclude(failing_own_condition(model))
    return queryset
