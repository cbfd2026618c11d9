"""Template tags for the public site: home page lookup, main navigation,
language switcher and hreflang links, breadcrumbs and pagination.

Everything that lists pages goes through ``core.visibility.public_pages`` so
drafts, restricted pages and stories without consent never show up in a link.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from core.visibility import public_pages

register = template.Library()

SECTION_KEYS = {
    "aboutpage": "about",
    "unitindexpage": "units",
    "campaignindexpage": "campaigns",
    "storyindexpage": "stories",
}
SECTION_MODELS = tuple(SECTION_KEYS)


def _request(context):
    return context.get("request")


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _site_root(request):
    site = None
    if request is not None:
        site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def home_page_for(request, language_code):
    """The live, public home page for ``language_code``, or None if that language has none."""
    cache = getattr(request, "_munasara_homes", None) if request is not None else None
    if cache is not None and language_code in cache:
        return cache[language_code]
    root = _site_root(request)
    home = None
    if root is not None:
        translations = root.get_translations(inclusive=True).filter(locale__language_code=language_code)
        home = public_pages(translations).first()
    if request is not None:
        if cache is None:
            cache = request._munasara_homes = {}
        cache[language_code] = home
    return home


def _url(page, request):
    return page.get_url(request=request) if page is not None else None


def _language_prefix_url(request, language_code):
    """The current non-page URL with its language prefix swapped (``/ar/search/`` → ``/en/search/``)."""
    return translate_url(request.get_full_path(), language_code)


def language_versions(context, homes_only=False):
    """One entry per site language: where this page lives in that language.

    For a Wagtail page, each language links to the page's own live translation,
    or to that language's home page when there is no such translation (then
    ``is_fallback`` is True). Other views (search) swap the language prefix of
    the path. ``homes_only`` (used by error pages) links every language to its
    home page.
    """
    request = _request(context)
    page = _current_page(context)
    current = get_language()
    translations = {}
    if page is not None and not homes_only:
        for translation in public_pages(page.get_translations(inclusive=True)).select_related("locale"):
            translations[translation.locale.language_code] = translation
    versions = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        url = None
        is_fallback = False
        if page is not None and not homes_only:
            if code in translations:
                url = _url(translations[code], request)
        elif request is not None and not homes_only:
            url = _language_prefix_url(request, code)
        if url is None:
            url = _url(home_page_for(request, code), request) or f"/{code}/"
            is_fallback = True
        versions.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_current": code == current,
                "is_fallback": is_fallback,
                "is_bidi": info["bidi"],
            }
        )
    return versions


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, homes_only=False):
    return {"versions": language_versions(context, homes_only=homes_only), "request": _request(context)}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """``<link rel="alternate" hreflang>`` for every live version of this page, plus x-default."""
    request = _request(context)
    page = _current_page(context)
    links = []
    for version in language_versions(context):
        if version["is_fallback"]:
            continue
        url = version["url"]
        if page is not None:
            # Alternates name the page itself, not the current filters or page number.
            url = url.split("?", 1)[0]
        links.append({"hreflang": version["code"], "href": request.build_absolute_uri(url) if request else url})
    default = next((link for link in links if link["hreflang"] == settings.LANGUAGE_CODE), None)
    if default is not None:
        links.append({"hreflang": "x-default", "href": default["href"]})
    return {"links": links}


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page in the active language (falls back to the site root)."""
    request = _request(context)
    return home_page_for(request, get_language()) or _site_root(request)


@register.simple_tag(takes_context=True)
def section_pages(context):
    """The section index pages under the active language's home page, by key: about, units, campaigns, stories."""
    request = _request(context)
    home = home_page_for(request, get_language())
    sections = {}
    if home is not None:
        children = public_pages(home.get_children()).filter(content_type__model__in=SECTION_MODELS)
        for child in children.order_by("path").specific():
            key = SECTION_KEYS[type(child).__name__.lower()]
            sections.setdefault(key, child)
    return sections


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = _request(context)
    page = _current_page(context)
    home = home_page_for(request, get_language())
    items = []
    if home is not None:
        sections = public_pages(home.get_children()).filter(content_type__model__in=SECTION_MODELS)
        for section in sections.order_by("path"):
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
        ancestors = public_pages(page.get_ancestors().filter(depth__gte=2)).order_by("depth")
        crumbs = [
            {"title": ancestor.title, "url": _url(ancestor, request), "is_home": ancestor.depth == 2}
            for ancestor in ancestors
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
