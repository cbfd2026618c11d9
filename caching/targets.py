"""Which cached answers a change to a page makes stale: the one place that knows what lists what.

A page's own HTML and API detail; its translations (their language switcher names it); its ancestors
(an index page lists its children, a home page the latest stories); its descendants (their breadcrumbs
name it); the pages that link to it and the pages it links to (a campaign lists its related stories, and
each of those stories lists the campaigns that name it; both found through Wagtail's reference index);
every collection-like answer of its languages (content generation); and when the page is a home or
section page, every page of its language (layout generation: navigation, breadcrumbs).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from .keys import Purge, languages, normalise_path

# Home pages sit at depth 2 and the sections the navigation lists at depth 3.
LAYOUT_DEPTH = 3


def html_path(page):
    """The page's path on the public site (``/en/stories/x/``), or None when no site serves it."""
    parts = page.get_url_parts()
    if not parts or not parts[2]:
        return None
    return normalise_path(parts[2])


def _urls(page, path):
    """The absolute URLs a CDN may hold for the page: its HTML and its API detail."""
    parts = page.get_url_parts()
    root = (parts[1] if parts else None) or ""
    api_root = (settings.WAGTAILAPI_BASE_URL or root).rstrip("/")
    urls = {f"{api_root}/api/v2/pages/{page.pk}/"} if api_root else set()
    if root and path:
        urls.add(root.rstrip("/") + path)
    return urls


def _add_page(purge, page, path=None):
    path = path or html_path(page)
    purge.resources.add(f"page:{page.pk}")
    if path:
        purge.resources.add(f"path:{path}")
    purge.urls |= _urls(page, path)


def page_changed(page, *, old_paths=()):
    """What is stale when ``page`` was published, unpublished, deleted or moved (``old_paths``: where it was)."""
    purge = Purge()
    translations = list(Page.objects.filter(translation_key=page.translation_key).select_related("locale"))
    if not any(translation.pk == page.pk for translation in translations):
        translations.append(page)  # being deleted, or not saved with its key yet
    for translation in translations:
        language = translation.locale.language_code
        purge.content_languages.add(language)
        _add_page(purge, translation)
        for ancestor in translation.get_ancestors().filter(depth__gt=1).select_related("locale"):
            _add_page(purge, ancestor)
        if translation.depth <= LAYOUT_DEPTH:
            purge.layout_languages.add(language)
        elif translation.numchild:
            for descendant in translation.get_descendants().select_related("locale"):
                _add_page(purge, descendant)
    for linked in _linked_pages(translations):
        _add_page(purge, linked)
    for path in old_paths:
        purge.resources.add(f"path:{path}")
    return purge


def subtree_changed(page, *, old_paths=()):
    """A move, a slug change or a view restriction: the page, everything below it, and what lists them."""
    purge = page_changed(page, old_paths=old_paths)
    for descendant in page.get_descendants().select_related("locale"):
        _add_page(purge, descendant)
        purge.content_languages.add(descendant.locale.language_code)
    return purge


def subtree_paths(page):
    """The HTML paths of the page and everything below it, as they are now (before a move)."""
    pages = [page, *page.get_descendants().select_related("locale")]
    return [path for path in (html_path(each) for each in pages) if path]


def renamed_paths(old_root_path, new_root_path, page):
    """Where the page's subtree was before its slug changed from ``old_root_path`` to ``new_root_path``."""
    old_paths = [old_root_path]
    for path in subtree_paths(page):
        if path.startswith(new_root_path) and path != new_root_path:
            old_paths.append(old_root_path + path[len(new_root_path) :])
    return old_paths


def figures_changed():
    """Incidents were verified, edited or removed: the statistics (their API answers are collection-like,
    under the content generation of every language), the statistics pages and the reports listing incidents."""
    from monitoring.pages import ReportPage, StatisticsPage

    purge = Purge(content_languages=set(languages()))
    for page in Page.objects.type(StatisticsPage, ReportPage).select_related("locale"):
        _add_page(purge, page)
    return purge


def search_answers():
    """Editors taught the search a word (a synonym set) or picked a result: every search answer may change."""
    return Purge(content_languages=set(languages()))


def everything():
    """A change every page shows (site settings, footer texts, a vocabulary, a locale)."""
    return Purge(content_languages=set(languages()), layout_languages=set(languages()))


def _linked_pages(pages):
    """The pages that link to ``pages`` and the pages they link to (other than themselves).

    Both ways: a story's page lists the campaigns that name it among their related stories, so a
    campaign's unpublication must refresh those stories as well as what links to the campaign.
    """
    page_type = ContentType.objects.get_for_model(Page)
    ids = set()
    for page in pages:
        inbound = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type)
        ids.update(int(pk) for pk in inbound.values_list("object_id", flat=True) if pk.isdigit())
        outbound = ReferenceIndex.get_references_for_object(page).filter(to_content_type=page_type)
        # An empty page chooser is indexed too, with the id "None".
        ids.update(int(pk) for pk in outbound.values_list("to_object_id", flat=True) if pk.isdigit())
    ids -= {page.pk for page in pages}
    return Page.objects.filter(pk__in=ids).select_related("locale") if ids else []
