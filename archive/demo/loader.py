"""Put the demo content in the database; running it again updates the same pages.

Arabic pages are the source: each is found by its slug under its parent (or
created there), then every other language that has a text gets its translation
through ``core.services.translate_page`` (same ``translation_key``). A
language without a text gets no page; the language switcher copes with that.
"""

import html
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from archive.site import ensure_site_structure
from core.i18n import SOURCE_LANGUAGE, translate_page

from . import campaigns as campaign_content
from . import images
from . import site as site_content
from . import stories as story_content
from . import units as unit_content

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "munasara-demo"
DEMO_ADMIN_EMAIL = "admin@example.org"


@dataclass
class DemoReport:
    pages: dict = field(default_factory=dict)  # language code -> number of demo pages written
    images: int = 0
    admin_created: bool = False
    admin_enabled: bool = False

    def count(self, language):
        self.pages[language] = self.pages.get(language, 0) + 1


class DemoContentError(Exception):
    """The demo texts refer to something that does not exist (a vocabulary slug, an image, a page)."""


# --- StreamField ------------------------------------------------------------------------------


def paragraph_html(text):
    return f"<p>{html.escape(text, quote=False)}</p>"


def stream(blocks, language, pages):
    """Raw StreamField data from the compact block tuples used in the content modules.

    ``pages`` maps the section keys ("stories", "campaigns", ...) to the pages of ``language``,
    for call-to-action blocks.
    """
    data = []
    for block in blocks:
        kind, *args = block
        if kind in ("h2", "h3"):
            (text,) = args
            data.append({"type": "heading", "value": {"text": text, "level": kind}})
        elif kind == "p":
            (text,) = args
            data.append({"type": "paragraph", "value": paragraph_html(text)})
        elif kind == "ul":
            items = "".join(f"<li>{html.escape(item, quote=False)}</li>" for item in args[0])
            data.append({"type": "paragraph", "value": f"<ul>{items}</ul>"})
        elif kind == "quote":
            text, attribution = args
            data.append({"type": "quote", "value": {"quote": text, "attribution": attribution}})
        elif kind == "image":
            key, caption = args
            data.append(
                {
                    "type": "image",
                    "value": {
                        "image": images.ensure_image(key).pk,
                        "alt_text": images.alt_text(key, language),
                        "caption": caption,
                    },
                }
            )
        elif kind == "cta":
            text, button_label, page_key = args
            if page_key not in pages:
                raise DemoContentError(f"Call to action points to unknown page {page_key!r}.")
            data.append(
                {
                    "type": "call_to_action",
                    "value": {"text": text, "button_label": button_label, "page": pages[page_key].pk, "url": ""},
                }
            )
        else:
            raise DemoContentError(f"Unknown demo block type {kind!r} in {block!r}.")
    return data


# --- Pages ------------------------------------------------------------------------------------


def _reload(page):
    return type(page).objects.get(pk=page.pk)


def _write(page, live):
    """Save ``page`` as the published version (live) or as a draft revision."""
    if live:
        page.save_revision().publish()
    else:
        if page.live:
            page.unpublish()
        page.live = False
        page.save()
        page.save_revision()
    return _reload(page)


def upsert_source_page(parent, model, slug, fields, children=None, live=True):
    """The Arabic page ``slug`` under ``parent``, created or updated with ``fields``.

    ``children`` is a function(page) that sets the page's inline child objects (orderables).
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale=parent.locale, live=live, **fields)
        if children:
            children(page)
        parent.add_child(instance=page)
    else:
        page = page.specific
        for name, value in fields.items():
            setattr(page, name, value)
        if children:
            children(page)
    return _write(page, live)


def upsert_translation(source, locale, fields, children=None, live=True):
    translation = translate_page(source, locale, **fields)
    if children:
        children(translation)
    return _write(translation, live)


def replace_children(page, relation, model, values):
    """Set the orderables in ``relation`` to one per dict in ``values``, reusing rows that already match."""
    existing = list(getattr(page, relation).all())
    wanted = []
    for order, value in enumerate(values):
        match = next(
            (obj for obj in existing if all(_field_value(obj, name) == v for name, v in value.items())),
            None,
        )
        if match is None:
            match = model(**value)
        else:
            existing.remove(match)
        match.sort_order = order
        wanted.append(match)
    setattr(page, relation, wanted)


def _field_value(obj, name):
    value = getattr(obj, name, None)
    return getattr(value, "pk", value)


# --- Vocabulary -------------------------------------------------------------------------------


def term(model, slug, locale):
    try:
        return model.objects.get(slug=slug, locale=locale)
    except model.DoesNotExist:
        raise DemoContentError(
            f"{model._meta.verbose_name} {slug!r} does not exist in locale {locale.language_code!r}; "
            "check core/data/vocabulary.json."
        ) from None


# --- Sections ---------------------------------------------------------------------------------


def load_home_and_about(structure, report):
    home_image = images.ensure_image(site_content.HOME["image"])
    for code, text in site_content.HOME["text"].items():
        pages = _section_pages(structure, code)
        home = translate_page(
            structure["home"][SOURCE_LANGUAGE],
            structure["home"][code].locale,
            introduction=text["introduction"],
            hero_image=home_image,
            hero_image_alt=images.alt_text(site_content.HOME["image"], code),
            body=stream(text["body"], code, pages),
        )
        _write(home, live=True)
        report.count(code)

    for code, text in site_content.ABOUT["text"].items():
        pages = _section_pages(structure, code)
        about = translate_page(
            structure["about"][SOURCE_LANGUAGE],
            structure["about"][code].locale,
            title=text["title"],
            introduction=text["introduction"],
            founded_year=site_content.ABOUT["founded_year"],
            body=stream(text["body"], code, pages),
        )
        _write(about, live=True)
        report.count(code)

    for key in ("units", "campaigns", "stories"):
        for code, text in site_content.INDEX_INTRODUCTIONS[key].items():
            index_page = structure[key][code]
            index_page.introduction = text
            _write(index_page, live=True)


def load_units(structure, report):
    parent = structure["units"][SOURCE_LANGUAGE]
    from home.models import UnitPage

    for unit in unit_content.UNITS:
        source = None
        for code, text in _source_first(unit["text"]):
            pages = _section_pages(structure, code)
            fields = {
                "title": text["title"],
                "summary": text["summary"],
                "mission": text["mission"],
                "founded_year": unit.get("founded_year"),
                "founded_reason": stream(text["founded_reason"], code, pages),
                "goals": stream(text["goals"], code, pages),
                "how_we_work": stream(text["how_we_work"], code, pages),
            }
            if code == SOURCE_LANGUAGE:
                source = upsert_source_page(parent, UnitPage, unit["slug"], fields)
            else:
                upsert_translation(source, structure["units"][code].locale, fields)
            report.count(code)


def load_stories(structure, report):
    """Returns ``{story slug: {language code: StoryPage}}``."""
    from core.models import Neighbourhood, ViolationType
    from stories.models import StoryPage, StoryViolationType

    parent = structure["stories"][SOURCE_LANGUAGE]
    loaded = {}
    for story in story_content.STORIES:
        consent = story["consent"]
        live = consent["status"] == "granted"
        hero_image = images.ensure_image(story["image"])
        source = None
        loaded[story["slug"]] = {}
        for code, text in _source_first(story["text"]):
            locale = structure["stories"][code].locale
            pages = _section_pages(structure, code)
            fields = {
                "title": text["title"],
                "date": story["date"],
                "neighbourhood": term(Neighbourhood, story["neighbourhood"], locale),
                "summary": text["summary"],
                "hero_image": hero_image,
                "hero_image_alt": images.alt_text(story["image"], code),
                "body": stream(text["body"], code, pages),
                "consent_status": consent["status"],
                "consent_recorded_on": consent.get("recorded_on"),
                "consent_method": consent.get("method", ""),
                "anonymised": True,
            }
            violation_types = [
                {"violation_type": term(ViolationType, slug, locale)} for slug in story["violation_types"]
            ]

            def children(page, violation_types=violation_types):
                replace_children(page, "violation_type_links", StoryViolationType, violation_types)

            if code == SOURCE_LANGUAGE:
                page = upsert_source_page(parent, StoryPage, story["slug"], fields, children, live=live)
                source = page
            else:
                page = upsert_translation(source, locale, fields, children, live=live)
            loaded[story["slug"]][code] = page
            report.count(code)
    return loaded


def load_campaigns(structure, stories, report):
    from campaigns.models import CampaignAudience, CampaignPage, CampaignRelatedStory

    parent = structure["campaigns"][SOURCE_LANGUAGE]
    for campaign in campaign_content.CAMPAIGNS:
        hero_image = images.ensure_image(campaign["image"])
        source = None
        for code, text in _source_first(campaign["text"]):
            locale = structure["campaigns"][code].locale
            pages = _section_pages(structure, code)
            fields = {
                "title": text["title"],
                "status": campaign["status"],
                "start_date": campaign["start_date"],
                "end_date": campaign.get("end_date"),
                "summary": text["summary"],
                "the_ask": text["the_ask"],
                # The demo links to nothing outside the site: the call to action lives in the body.
                "call_to_action_label": "",
                "call_to_action_url": "",
                "hero_image": hero_image,
                "hero_image_alt": images.alt_text(campaign["image"], code),
                "body": stream(text["body"], code, pages),
            }
            related = []
            for slug in campaign["related_stories"]:
                if slug not in stories:
                    raise DemoContentError(f"Campaign {campaign['slug']!r} names unknown story {slug!r}.")
                story = stories[slug].get(code)
                if story is not None and story.live:
                    related.append({"story": story})
            audiences = [{"audience": audience} for audience in campaign["audiences"]]

            def children(page, audiences=audiences, related=related):
                replace_children(page, "audience_links", CampaignAudience, audiences)
                replace_children(page, "related_story_links", CampaignRelatedStory, related)

            if code == SOURCE_LANGUAGE:
                source = upsert_source_page(parent, CampaignPage, campaign["slug"], fields, children)
            else:
                upsert_translation(source, locale, fields, children)
            report.count(code)


def load_site_settings():
    from home.models import SiteSettings

    site_settings = SiteSettings.load()
    for name, value in site_content.SITE_SETTINGS.items():
        setattr(site_settings, name, value)
    site_settings.full_clean()
    site_settings.save()
    return site_settings


def ensure_demo_admin():
    """Create the demo superuser if it does not exist yet. Returns True when it was created."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    user_model = get_user_model()
    if user_model.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
        return False
    user = user_model.objects.create_superuser(
        username=DEMO_ADMIN_USERNAME, email=DEMO_ADMIN_EMAIL, password=DEMO_ADMIN_PASSWORD
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ar"
    profile.save()
    return True


def _source_first(texts):
    if SOURCE_LANGUAGE not in texts:
        raise DemoContentError(f"Demo content without an Arabic source text: {sorted(texts)}.")
    yield SOURCE_LANGUAGE, texts[SOURCE_LANGUAGE]
    for code, text in texts.items():
        if code != SOURCE_LANGUAGE:
            yield code, text


def _section_pages(structure, code):
    return {key: pages[code] for key, pages in structure.items() if code in pages}


@transaction.atomic
def load_demo():
    """Load (or refresh) all demo content. Returns a DemoReport."""
    report = DemoReport()
    structure = ensure_site_structure()
    load_home_and_about(structure, report)
    load_units(structure, report)
    stories = load_stories(structure, report)
    load_campaigns(structure, stories, report)
    load_site_settings()
    report.images = len({images.ensure_image(key).pk for key in images.IMAGES})
    report.admin_enabled = bool(getattr(settings, "MUNASARA_DEMO_ADMIN", False))
    if report.admin_enabled:
        report.admin_created = ensure_demo_admin()
    return report
