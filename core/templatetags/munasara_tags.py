"""Template tags for the public site: home page lookup, main navigation,
language switcher and hreflang links, breadcrumbs and pagination.

Everything that lists pages goes through ``core.visibility.public_pages`` so
drafts, restricted pages and stories without consent never show up in a link.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from .page_frame import page_frame, site_root

register = template.Library()

SECTION_KEYS = {
    "aboutpage": "about",
    "unitindexpage": "units",
    "campaignindexpage": "campaigns",
    "storyindexpage": "stories",
}


def _request(context):
    return context.get("request")


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def home_page_for(request, language_code):
    """The live, public home page for ``language_code``, or None if that language has none."""
    return page_frame(request).homes.get(language_code)


def _url(page, request):
    return page.get_url(request=request) if page is not None else None


# Pagination belongs to one listing in one language: page 3 of the Arabic stories is not page 3 of the English ones.
QUERY_PARAMETERS_NOT_KEPT = frozenset({"page"})


def _kept_query(request):
    """The query string a language switch keeps (filters, search terms), as ``?…`` or ""."""
    if request is None:
        return ""
    query = request.GET.copy()
    for name in QUERY_PARAMETERS_NOT_KEPT:
        query.pop(name, None)
    return f"?{query.urlencode()}" if query else ""


def _public_versions(request, page):
    """``{language code: page}`` for this page's live public versions (itself included)."""
    return page_frame(request, page).versions


def _home_url(request, language_code):
    return _url(home_page_for(request, language_code), request) or f"/{language_code}/"


def _serves_a_page(request):
    """Whether the request went to Wagtail's page view (as opposed to a Django view such as search)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve"


def _view_in_language(request, code):
    """This non-page view's path in ``code`` (``/ar/search/`` → ``/en/search/``), or None if it has none."""
    if request is None or _serves_a_page(request):
        return None
    path = translate_url(request.path, code)
    if path == request.path and code != get_language():
        return None
    return path


@dataclass(frozen=True)
class LanguageVersion:
    """One language in the switcher: where this page lives in it, or that it has no translation there."""

    code: str
    name: str  # in the language itself: "Français"
    name_translated: str  # in the active language: "الفرنسية"
    direction: str
    is_current: bool
    url: str | None  # this page (or view) in that language, with the kept query string; None: not translated
    home_url: str | None  # that language's home page, offered when ``url`` is None

    @property
    def is_translated(self):
        return self.url is not None


def language_versions(context, homes_only=False):
    """One :class:`LanguageVersion` per site language, in the order of ``settings.LANGUAGES``.

    On a Wagtail page each language leads to the page's own live public translation,
    keeping the query string (story filters) but not the page number; a language
    without one gets ``url=None`` and its home page as ``home_url``. The current
    language always leads to the page itself. Other views (search) swap the
    language prefix of the path. ``homes_only`` (error pages) leads every language
    to its home page.
    """
    request = _request(context)
    page = _current_page(context)
    current = get_language()
    query = _kept_query(request)
    translations = _public_versions(request, page) if page is not None and not homes_only else {}
    versions = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if homes_only:
            url = _home_url(request, code)
        elif page is not None:
            version = page if code == current else translations.get(code)
            url = _url(version, request)
            url = url + query if url else None
        else:
            url = _view_in_language(request, code)
            url = url + query if url else None
        versions.append(
            LanguageVersion(
                code=code,
                name=info["name_local"],
                name_translated=info["name_translated"],
                direction="rtl" if info["bidi"] else "ltr",
                is_current=code == current,
                url=url,
                home_url=None if url else _home_url(request, code),
            )
        )
    return versions


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, homes_only=False):
    return {"versions": language_versions(context, homes_only=homes_only), "request": _request(context)}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """``<link rel="alternate" hreflang>`` for every live public version of this page, plus x-default (Arabic).

    Alternates name the document itself: no filters, search terms or page number.
    """
    request = _request(context)
    page = _current_page(context)
    if page is not None:
        paths = {code: _url(version, request) for code, version in _public_versions(request, page).items()}
    else:
        paths = {code: _view_in_language(request, code) for code, _name in settings.LANGUAGES}
    links = [
        {"hreflang": code, "href": request.build_absolute_uri(paths[code]) if request else paths[code]}
        for code, _name in settings.LANGUAGES
        if paths.get(code)
    ]
    default = next((link for link in links if link["hreflang"] == settings.LANGUAGE_CODE), None)
    if default is not None:
        links.append({"hreflang": "x-default", "href": default["href"]})
    return {"links": links}


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page in the active language (falls back to the site root)."""
    request = _request(context)
    return home_page_for(request, get_language()) or site_root(request)


@register.simple_tag(takes_context=True)
def section_pages(context):
    """The section index pages under the active language's home page, by key: about, units, campaigns, stories."""
    sections = {}
    for child in page_frame(_request(context), _current_page(context)).children:
        key = SECTION_KEYS.get(child.specific_class.__name__.lower()) if child.specific_class else None
        if key:
            sections.setdefault(key, child)
    return sections


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = _request(context)
    page = _current_page(context)
    items = []
    # The editors' "show in menus" decides, as it does for the API's navigation/.
    for section in page_frame(request, page).children:
        if not section.show_in_menus:
            continue
        if page is not None and page.pk == section.pk:
            current = "page"
        elif page is not None and page.path.startswith(section.path):
            current = "true"
        else:
            current = None
        items.append({"title": section.title, "url": _url(section, request), "current": current})
    resolver_match = getattr(request, "resolver_match", None)
    search_current = "page" if resolver_match is not None and resolver_match.url_name == "search" else None
    return {"items": items, "search_current": search_current, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Links from the language's home page down to the current page (nothing on the home page itself)."""
    request = _request(context)
    page = _current_page(context)
    crumbs = []
    if page is not None and page.depth > 2:
        crumbs = [
            {"title": ancestor.title, "url": _url(ancestor, request), "is_home": ancestor.depth == 2}
            for ancestor in page_frame(request, page).ancestors
        ]
    return {"crumbs": crumbs, "page": page}


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with ``page`` set to ``number`` (filters are kept)."""
    request = _request(context)
    query = request.GET.copy() if request is not None else None
    if query is None:
        return f"?page={number}"
    query["page"] = number
    return "?" + query.urlencode()


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj, label=None):
    request = _request(context)
    page_range = []
    if page_obj is not None and page_obj.paginator.num_pages > 1:
        paginator = page_obj.paginator
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1):
            is_gap = number == paginator.ELLIPSIS
            page_range.append({"number": number, "is_gap": is_gap, "is_current": number == page_obj.number})
    return {"page_obj": page_obj, "page_range": page_range, "label": label, "request": request}
