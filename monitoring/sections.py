"""The reports index and the statistics page under every language's home page, made by the site set-up.

Called by ``archive.site.ensure_site_structure`` (so by ``migrate``'s set-up, ``import_archive``,
``load_demo`` and the tests) once the home pages exist; safe to call again.
"""

from core.i18n import SOURCE_LANGUAGE, page_translation, translate_page

from .pages import MONITORING_SECTION_TITLES, ReportIndexPage, StatisticsPage

MONITORING_SECTION_MODELS = {"reports": ReportIndexPage, "statistics": StatisticsPage}


def ensure_monitoring_sections(homes, locales):
    """``homes`` and ``locales`` by language code; returns ``{"reports": {code: page}, "statistics": {...}}``."""
    home = homes[SOURCE_LANGUAGE]
    structure = {}
    for key, model in MONITORING_SECTION_MODELS.items():
        titles = MONITORING_SECTION_TITLES[key]
        source = model.objects.child_of(home).first()
        if source is None:
            source = model(
                title=titles[SOURCE_LANGUAGE]["title"],
                slug=titles[SOURCE_LANGUAGE]["slug"],
                locale=locales[SOURCE_LANGUAGE],
                # Out of the main menu for now: the menu (and its tests) list the four sections; an editor
                # ticks "show in menus" to add them.
                show_in_menus=False,
            )
            home.add_child(instance=source)
            source.save_revision().publish()
        structure[key] = {SOURCE_LANGUAGE: source}
        for code, locale in locales.items():
            if code == SOURCE_LANGUAGE:
                continue
            translation = page_translation(source, locale)
            if translation is None:
                translation = translate_page(source, locale, title=titles[code]["title"], slug=titles[code]["slug"])
                translation.save_revision().publish()
            structure[key][code] = translation.specific
    return structure
