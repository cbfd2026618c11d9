"""What every public page shows around its content, loaded in one query per request.

The header, the menu, the breadcrumbs, the language switcher and the hreflang links all
list pages near the one being shown: the site root's translations (each language's home
page), the home page's children, the page's ancestors and the page's own translations.
They are fetched together, once, through ``core.visibility.public_pages`` (so a draft,
a restricted page or a story without consent never appears in any of them), and kept on
the request for every tag that needs them.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core.visibility import public_pages


@dataclass
class PageFrame:
    homes: dict = field(default_factory=dict)  # {language code: the live public home page}
    children: list = field(default_factory=list)  # public children of the active language's home, by path
    ancestors: list = field(default_factory=list)  # public ancestors of the page from its home down
    versions: dict = field(default_factory=dict)  # {language code: the page's live public version}


def site_root(request):
    """The root page of the request's site (the default site's without a request)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def page_frame(request, page=None):
    """The :class:`PageFrame` of ``page`` (or of a view that is no page) in the active language.

    Without a page, any frame of this request in this language will do: the home pages and
    the menu do not depend on the page.
    """
    language = get_language()
    key = (page.pk if page is not None else None, language)
    frames = getattr(request, "_munasara_frames", None) if request is not None else None
    if frames:
        if key in frames:
            return frames[key]
        if page is None:
            same_language = [frame for (_pk, code), frame in frames.items() if code == language]
            if same_language:
                return same_language[0]
    frame = _load_frame(request, page, language)
    if request is not None:
        if frames is None:
            frames = request._munasara_frames = {}
        frames[key] = frame
    return frame


def _load_frame(request, page, language):
    root = site_root(request)
    frame = PageFrame()
    if root is None:
        return frame
    # Every home page, and every page one level below a home page in this language: the home
    # page's children are picked out below, once its path is known.
    wanted = Q(translation_key=root.translation_key, depth=root.depth) | Q(
        depth=root.depth + 1, locale__language_code=language
    )
    if page is not None:
        wanted |= Q(translation_key=page.translation_key)
        ancestor_paths = [page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)]
        wanted |= Q(path__in=ancestor_paths, depth__gte=root.depth)
    pages = list(public_pages(Page.objects.filter(wanted)).select_related("locale").order_by("path"))

    for candidate in pages:
        if candidate.translation_key == root.translation_key and candidate.depth == root.depth:
            frame.homes.setdefault(candidate.locale.language_code, candidate)
    home = frame.homes.get(language)
    for candidate in pages:
        code = candidate.locale.language_code
        if page is not None and candidate.translation_key == page.translation_key:
            frame.versions.setdefault(code, candidate)
        if home is not None and candidate.depth == home.depth + 1 and candidate.path.startswith(home.path):
            frame.children.append(candidate)
        if page is not None and candidate.depth < page.depth and page.path.startswith(candidate.path):
            frame.ancestors.append(candidate)
    return frame
