"""Site-wide set-up shared by migrations, ``import_archive`` and ``load_demo``."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

VOCABULARY_FILE = Path(__file__).resolve().parent / "data" / "vocabulary.json"
SOURCE_LANGUAGE = "ar"


def language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def ensure_locales(locale_model=None):
    """Create a Locale for every content language; return them by language code."""
    if locale_model is None:
        from wagtail.models import Locale as locale_model  # noqa: N813
    return {code: locale_model.objects.get_or_create(language_code=code)[0] for code in language_codes()}


def seed_vocabulary(violation_type_model=None, neighbourhood_model=None, locale_model=None):
    """Create or update the violation types and neighbourhoods in every locale (idempotent).

    Takes model classes so the data migration can pass its historical models.
    """
    import uuid

    if violation_type_model is None:
        from .models import Neighbourhood as neighbourhood_model  # noqa: N813
        from .models import ViolationType as violation_type_model  # noqa: N813
    locales = ensure_locales(locale_model)
    data = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    for model, entries in (
        (violation_type_model, data["violation_types"]),
        (neighbourhood_model, data["neighbourhoods"]),
    ):
        for entry in entries:
            existing = model.objects.filter(slug=entry["slug"]).first()
            translation_key = existing.translation_key if existing else uuid.uuid4()
            for code, locale in locales.items():
                name = entry.get(code) or entry["en"]
                model.objects.update_or_create(
                    slug=entry["slug"],
                    locale=locale,
                    defaults={"name": name, "translation_key": translation_key},
                )


def page_translation(page, locale):
    """The page's translation in ``locale``, or None."""
    return page.get_translations(inclusive=True).filter(locale=locale).first()


def translate_page(source, locale, **fields):
    """The translation of ``source`` in ``locale`` (created as a copy if missing), with ``fields`` set but not saved."""
    translation = page_translation(source, locale)
    if translation is None:
        translation = source.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    return translation


@transaction.atomic
def ensure_site_structure():
    """Make the page tree the site needs: an Arabic home page as the site root,
    its English and French translations, and the section index pages.

    Safe to call on a fresh database (right after ``migrate``) and again later.
    Returns ``{"home": {code: HomePage}, "stories": {code: StoryIndexPage}, ...}``.
    """
    from wagtail.models import Collection, Page, Site

    from campaigns.models import CampaignIndexPage
    from home.models import AboutPage, HomePage, UnitIndexPage
    from stories.models import StoryIndexPage

    from .structure import SECTION_TITLES, SITE_TITLES

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
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, site_name="Munasara")
    if site.root_page_id != home.pk:
        placeholder = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = "Munasara"
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page is no longer needed.
        if placeholder is not None and not isinstance(placeholder.specific, HomePage) and placeholder.depth == 2:
            placeholder.delete()

    structure = {"home": {}, "about": {}, "units": {}, "campaigns": {}, "stories": {}}
    for code, locale in locales.items():
        if code == SOURCE_LANGUAGE:
            structure["home"][code] = home
            continue
        translation = page_translation(home, locale)
        if translation is None:
            translation = translate_page(home, locale, title=SITE_TITLES[code], slug=code)
            translation.save_revision().publish()
        structure["home"][code] = translation.specific

    for key, model in (
        ("about", AboutPage),
        ("units", UnitIndexPage),
        ("campaigns", CampaignIndexPage),
        ("stories", StoryIndexPage),
    ):
        titles = SECTION_TITLES[key]
        source = model.objects.child_of(home).first()
        if source is None:
            source = model(title=titles["ar"]["title"], slug=titles["ar"]["slug"], locale=source_locale)
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
    # Hand back fresh rows: the instances above may predate their children's
    # creation, and publishing a stale copy would overwrite the tree columns.
    return {
        key: {code: Page.objects.get(pk=page.pk).specific for code, page in pages.items()}
        for key, pages in structure.items()
    }
