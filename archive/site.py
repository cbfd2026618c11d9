"""The page tree every Munasara site has, made on a fresh database and kept afterwards.

Used by ``import_archive``, ``load_demo`` and the tests: an Arabic home page as
the site root, its English and French translations, and under each home page
the about page and the unit, campaign and story indexes.
"""

from django.db import transaction

from campaigns.models import CampaignIndexPage
from core.i18n import SOURCE_LANGUAGE, ensure_locales, page_translation, translate_page
from core.vocabulary import seed_vocabulary
from home.models import AboutPage, HomePage, UnitIndexPage
from monitoring.sections import ensure_monitoring_sections
from roles.workflows import ensure_workflows
from stories.models import StoryIndexPage
from supporters.site_pages import ensure_supporter_pages

from .structure import SECTION_TITLES, SITE_TITLES

SECTION_MODELS = {
    "about": AboutPage,
    "units": UnitIndexPage,
    "campaigns": CampaignIndexPage,
    "stories": StoryIndexPage,
}


@transaction.atomic
def ensure_site_structure():
    """Make the page tree the site needs; safe on a fresh database (right after ``migrate``) and again later.

    Returns ``{"home": {code: HomePage}, "stories": {code: StoryIndexPage}, ...}``.
    """
    from wagtail.models import Collection, Page, Site

    seed_vocabulary()
    locales = ensure_locales()
    source_locale = locales[SOURCE_LANGUAGE]
    # Wagtail's migrations create the tree root and the root collection; a
    # flushed database (live-server tests) has neither.
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=source_locale))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")

    home = HomePage.objects.filter(locale=source_locale, depth=2).first()
    if home is None:
        home = HomePage(title=SITE_TITLES["ar"], slug="ar", locale=source_locale, live=True)
        root.add_child(instance=home)
        home.save_revision().publish()
    _point_default_site_at(home, Site)

    structure = {"home": {}, **{key: {} for key in SECTION_MODELS}}
    for code, locale in locales.items():
        if code == SOURCE_LANGUAGE:
            structure["home"][code] = home
            continue
        translation = page_translation(home, locale)
        if translation is None:
            translation = translate_page(home, locale, title=SITE_TITLES[code], slug=code)
            translation.save_revision().publish()
        structure["home"][code] = translation.specific

    for key, model in SECTION_MODELS.items():
        titles = SECTION_TITLES[key]
        source = model.objects.child_of(home).first()
        if source is None:
            # The sections are the site's menu (the site's header and the API's navigation/ both follow show_in_menus).
            source = model(
                title=titles["ar"]["title"], slug=titles["ar"]["slug"], locale=source_locale, show_in_menus=True
            )
            home.add_child(instance=source)
            source.save_revision().publish()
        for code, locale in locales.items():
            if code == SOURCE_LANGUAGE:
                structure[key][code] = source
                continue
            translation = page_translation(source, locale)
            if translation is None:
                translation = translate_page(source, locale, title=titles[code]["title"], slug=titles[code]["slug"])
                translation.save_revision().publish()
            structure[key][code] = translation.specific
    # The reports index and the statistics page (monitoring's own sections, not part of the archive format).
    structure.update(ensure_monitoring_sections(structure["home"], locales))
    structure.update(ensure_supporter_pages(structure["home"], locales))
    # The roles' page permissions need the tree root, and the review workflows the index pages.
    ensure_workflows()
    # Hand back fresh rows: the instances above may predate their children's
    # creation, and publishing a stale copy would overwrite the tree columns.
    return {
        key: {code: Page.objects.get(pk=page.pk).specific for code, page in pages.items()}
        for key, pages in structure.items()
    }


def _point_default_site_at(home, site_model):
    site = site_model.objects.filter(is_default_site=True).first()
    if site is None:
        site = site_model(hostname="localhost", port=80, is_default_site=True, site_name="Munasara")
    if site.root_page_id == home.pk:
        return
    placeholder = site.root_page if site.pk else None
    site.root_page = home
    site.site_name = "Munasara"
    site.save()
    # Wagtail's "Welcome to your new Wagtail site!" page is no longer needed.
    if placeholder is not None and not isinstance(placeholder.specific, HomePage) and placeholder.depth == 2:
        placeholder.delete()
