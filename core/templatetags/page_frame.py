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

from core import memo
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
    frame = _remembered_frame(request, page, language)
    if request is not None:
        if frames is None:
            frames = request._munasara_frames = {}
        frames[key] = frame
    return frame


def _remembered_frame(request, page, language):
    """The frame, from the page data cache when nothing it shows has changed since (core.memo).

    It lists public pages only; every change that could add or remove one renews what it is kept
    under: the page's own path (its publication, its translations', its ancestors', a move, a view
    restriction, a consent withdrawal) and the language's layout (homes and sections).
    """
    root = site_root(request)
    if root is None:
        return PageFrame()
    paths = ()
    if page is not None:
        path = memo.public_path(page, request)
        if path is None:
            return _load_frame(request, page, language)
        paths = (path,)
    return memo.remember(
        "page_frame",
        (root.pk, page.pk if page is not None else None, language),
        lambda: _load_frame(request, page, language),
        paths=paths,
        layouts=(language,),
    )


def _load_frame(request, page, language):
    root = site_root(request)
    frame = PageFrame()
    if root is None:
        return frame
    # One query, every part of it answered from an index (PostgreSQL then reads a few dozen rows,
    # not every page of the archive): the homes and the page's versions by translation key, its
    # ancestors by path, and the sections below the page's own home by path prefix.
    wanted = Q(translation_key=root.translation_key, depth=root.depth)
    home_path = _home_path(page, root)
    if home_path is not None:
        wanted |= Q(depth=root.depth + 1, path__range=_children_interval(home_path))
    else:
        wanted |= Q(depth=root.depth + 1, locale__language_code=language)
    if page is not None:
        wanted |= Q(translation_key=page.translation_key)
        ancestor_paths = [page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)]
        wanted |= Q(path__in=ancestor_paths, depth__gte=root.depth)
    pages = list(public_pages(Page.objects.filter(wanted)).select_related("locale").order_by("path"))

    for candidate in pages:
        if candidate.translation_key == root.translation_key and candidate.depth == root.depth:
            frame.homes.setdefault(candidate.locale.language_code, candidate)
    home = frame.homes.get(language)
    if home is not None and home_path is not None and home.path != home_path:
        # The page lives under another language's home (rare): its sections are not the ones loaded.
        return _load_frame(request, None, language) if page is None else _with_sections(frame, pages, page, language)
    _fill(frame, pages, page, home)
    return frame


def _home_path(page, root):
    """The path of the home page above ``page`` (its ancestor at the homes' depth), if it has one."""
    if page is None or page.depth < root.depth:
        return None
    return page.path[: root.depth * Page.steplen]


def _children_interval(path):
    """Paths of the children of the page at ``path`` lie in this range (with descendants, which the
    depth condition leaves out; an index on (depth, path) then reads the children only)."""
    return path + "0" * Page.steplen, path + "Z" * Page.steplen


def _fill(frame, pages, page, home):
    for candidate in pages:
        code = candidate.locale.language_code
        if page is not None and candidate.translation_key == page.translation_key:
            frame.versions.setdefault(code, candidate)
        if home is not None and candidate.depth == home.depth + 1 and candidate.path.startswith(home.path):
            frame.children.append(candidate)
        if page is not None and candidate.depth < page.depth and page.path.startswith(candidate.path):
            frame.ancestors.append(candidate)


def _with_sections(frame, pages, page, language):
    """``frame`` for a page outside the active language's home: its sections loaded by language."""
    sections = public_pages(
        Page.objects.filter(
            depth=frame.homes[language].depth + 1, path__range=_children_interval(frame.homes[language].path)
        )
    )
    known = {candidate.pk for candidate in pages}
    extra = [section for section in sections.select_related("locale") if section.pk not in known]
    _fill(frame, sorted([*pages, *extra], key=lambda candidate: candidate.path), page, frame.homes[language])
    return frame
