"""The site's menu and a page's breadcrumbs for headless front ends, alone or embedded in a page's detail.

- ``GET /api/v2/navigation/?locale=ar&depth=1``: the public pages marked "show in menus" below the
  locale's home page, nested ``depth`` levels deep (1–5, default 1), in the tree's order.
- ``GET /api/v2/pages/<id>/breadcrumbs/``: the public pages from the locale's home page down to
  the page itself (included, last), as Plone's ``@breadcrumbs`` gives them.
- ``GET /api/v2/pages/<id>/?expand=navigation,breadcrumbs,translations``: the page's detail with
  those answers under ``"@components"``, so a page renders in one round trip
  (:class:`ExpandComponentsMixin`).

Everything goes through ``core.visibility.public_pages``: drafts, restricted pages and stories
without consent are never in a menu or a trail. Each answer takes a fixed number of SQL
queries, whatever the depth and the number of pages. The shapes are described in the
OpenAPI schema.
"""

from django.db.models import F, Q, Subquery
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from rest_framework import serializers
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page, Site

from core.api_fields import PageTranslationsField
from core.api_references import absolute_url, request_public_pages

from .api_site import json_answer
from .api_validation import LARGEST_ID, check_known_parameters, locale_parameter

DEFAULT_DEPTH = 1
MAX_DEPTH = 5


def depth_parameter(query_params, name="depth"):
    """How many levels of the menu ``name`` asks for: 1 to MAX_DEPTH, DEFAULT_DEPTH when absent."""
    value = query_params.get(name, str(DEFAULT_DEPTH))
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_DEPTH):
        raise BadRequestError(
            _("%(parameter)s: '%(value)s' is not a whole number from 1 to %(maximum)d")
            % {"parameter": name, "value": value, "maximum": MAX_DEPTH}
        )
    return int(value)


# Parameters


# Data


def page_link(request, page):
    """``{id, title, type, url, html_path}`` of a page loaded with its content type."""
    url_parts = page.get_url_parts(request=request)
    html_path = url_parts[2] if url_parts else None
    content_type = page.content_type
    return {
        "id": page.pk,
        "title": page.title,
        "type": f"{content_type.app_label}.{content_type.model_class().__name__}",
        "url": absolute_url(request, html_path) if html_path else None,
        "html_path": html_path,
    }


def menu_pages(request, code, depth):
    """The public home page of language ``code`` and the menu pages below it, ``depth`` levels deep.

    One query (plus the view restrictions ``public_pages`` reads, once per request): the home
    page is the default site root's translation, found in a subquery. In tree order, so the
    home page comes first.
    """
    site_roots = Site.objects.filter(is_default_site=True).values("root_page__translation_key")
    home = Page.objects.filter(locale__language_code=code, translation_key__in=site_roots)
    pages = (
        request_public_pages(request)
        .annotate(home_path=Subquery(home.values("path")[:1]), home_depth=Subquery(home.values("depth")[:1]))
        .filter(
            Q(path=F("home_path"))
            | Q(
                show_in_menus=True,
                path__startswith=F("home_path"),
                depth__gt=F("home_depth"),
                depth__lte=F("home_depth") + depth,
            )
        )
    )
    return pages.select_related("content_type").order_by("path")


def navigation(request, code, depth=DEFAULT_DEPTH):
    """``{locale, depth, items}``: the menu of language ``code``, each item with its ``children``."""
    items = []
    pages = iter(menu_pages(request, code, depth))
    home = next(pages, None)
    if home is not None and home.path == home.home_path:
        # A page's children list by its path; a page whose parent is not in the menu has no place in it.
        children_by_path = {home.path: items}
        for page in pages:
            siblings = children_by_path.get(page.path[: -Page.steplen])
            if siblings is None:
                continue
            item = {**page_link(request, page), "children": []}
            siblings.append(item)
            children_by_path[page.path] = item["children"]
    return {"locale": code, "depth": depth, "items": items}


def trail_pages(request, pk):
    """The public pages from the locale's home page down to page ``pk`` (itself included, if public), in one query."""
    target_path = Subquery(Page.objects.filter(pk=pk).values("path")[:1])
    pages = request_public_pages(request).annotate(target_path=target_path)
    pages = pages.filter(depth__gte=2, target_path__startswith=F("path"))
    return list(pages.select_related("content_type", "locale").order_by("path"))


def breadcrumbs(request, pk):
    """``{id, locale, items}`` for public page ``pk``: its trail from the locale's home page, itself last; or None."""
    trail = trail_pages(request, pk)
    if not trail or trail[-1].pk != pk:
        return None
    return {"id": pk, "locale": trail[-1].locale.language_code, "items": [page_link(request, page) for page in trail]}


class _TranslationsSerializer(serializers.Serializer):
    translations = PageTranslationsField()


def translations(request, page):
    """The page's live public translations, as ``meta.translations`` lists them."""
    return _TranslationsSerializer(page, context={"request": request}).data["translations"]


# Views


def json_view(view):
    """A GET/HEAD-only JSON view: BadRequestError answers 400, Http404 404, with a ``message``."""

    @require_safe
    def wrapper(request, *args, **kwargs):
        try:
            return json_answer(view(request, *args, **kwargs))
        except BadRequestError as error:
            return json_answer({"message": str(error)}, status=400)
        except Http404 as error:
            return json_answer({"message": str(error)}, status=404)

    wrapper.__name__ = wrapper.__qualname__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@json_view
def api_navigation(request):
    """``GET /api/v2/navigation/?locale=en&depth=2``."""
    check_known_parameters(request.GET, {"locale", "depth"})
    return navigation(request, locale_parameter(request.GET), depth_parameter(request.GET))


@json_view
def api_breadcrumbs(request, pk):
    """``GET /api/v2/pages/<id>/breadcrumbs/``; 404 for a page the public may not see."""
    check_known_parameters(request.GET, set())
    answer = breadcrumbs(request, pk) if pk <= LARGEST_ID else None
    if answer is None:
        raise Http404(_("No public page with id %(id)s.") % {"id": pk})
    return answer
