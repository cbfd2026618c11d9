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
from wagtail.models import Page


@cache
def _conditional_page_models():
    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, Page) and callable(getattr(model, "public_condition", None))
    )


def hidden_by_own_condition():
    """``{model: queryset of pks}`` of the pages that fail their model's public condition."""
    return {model: model.objects.exclude(model.public_condition()).values("pk") for model in _conditional_page_models()}


def public_pages(queryset=None):
    """Live pages with no view restriction that meet their model's own public condition."""
    if queryset is None:
        queryset = Page.objects.all()
    queryset = queryset.live().public()
    for hidden in hidden_by_own_condition().values():
        queryset = queryset.exclude(pk__in=hidden)
    return queryset
