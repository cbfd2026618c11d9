"""One Arabic page of every type with every kind of content, and helpers to translate it with wagtail-localize."""

import datetime
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.utils import translation as django_translation
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.accounts import staff_user
from tests.factories import CampaignPageFactory, StoryPageFactory, UnitPageFactory, fresh, locale, publish

PAGE_KINDS = ["home", "about", "units", "unit", "campaigns", "campaign", "stories", "story"]


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages are translatable; these tests read them in English."""
    with django_translation.override("en"):
        yield


@pytest.fixture
def admin_user(site_structure):
    return staff_user("staff", superuser=True)


def make_image(title, colour="#1d5446"):
    buffer = BytesIO()
    PILImage.new("RGB", (800, 600), colour).save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="picture.png"))


@pytest.fixture
def images(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return {"hero": make_image("منظر عام لحي سلوان"), "banner": make_image("لافتة بالإنجليزية", "#aa3322")}


def stream(image, page):
    """A stream with a block of every kind that holds text, an image, a page link and a web link."""
    return [
        ("heading", {"text": "ما حدث", "level": "h2"}),
        (
            "paragraph",
            RichText('<p>بنى أبو خالد منزله عام ١٩٩٨</p><p>اقرأ <a href="https://example.org/r">التقرير</a></p>'),
        ),
        ("quote", {"quote": "لم يبق لنا شيء", "attribution": "أم خالد"}),
        ("image", {"image": image, "alt_text": "ركام المنزل", "caption": "سلوان، ٢٠٢٠"}),
        ("call_to_action", {"text": "اقرأ عن حملاتنا", "button_label": "الحملات", "page": page, "url": ""}),
    ]


SEO = {"seo_title": "عنوان لمحركات البحث", "search_description": "وصف لمحركات البحث"}


@pytest.fixture
def pages(site_structure, images):
    """``{kind: Arabic page}`` for every page type, published, each field filled in."""
    hero = images["hero"]
    about = site_structure["about"]["ar"]
    home = site_structure["home"]["ar"]
    for page, fields in (
        (home, {"introduction": "مقدمة الموقع", "hero_image": hero, "hero_image_alt": "حي سلوان", "body": None}),
        (about, {"introduction": "من نحن", "founded_year": 1990, "body": None}),
        *(
            (site_structure[key]["ar"], {"introduction": f"مقدمة قسم {key}"})
            for key in ("units", "campaigns", "stories")
        ),
    ):
        for name, value in {**fields, **SEO}.items():
            setattr(page, name, stream(hero, about) if name == "body" else value)
        publish(page)
    story = StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        title="هدم منزل في سلوان",
        slug="silwan",
        summary="هدمت السلطات منزل عائلة في سلوان",
        neighbourhood="silwan",
        violation_types=["home-demolition"],
        hero_image=hero,
        hero_image_alt="ركام المنزل",
        body=stream(hero, about),
        import_key="story-silwan",
        **SEO,
    )
    campaign = CampaignPageFactory(
        parent=site_structure["campaigns"]["ar"],
        title="أوقفوا هدم المنازل",
        slug="stop-demolitions",
        start_date=datetime.date(2024, 1, 10),
        end_date=datetime.date(2024, 12, 31),
        summary="حملة ضد هدم المنازل",
        the_ask="وقف فوري لأوامر الهدم",
        call_to_action_label="وقّع العريضة",
        call_to_action_url="https://example.org/petition",
        hero_image=hero,
        hero_image_alt="جرافة أمام منزل",
        body=stream(hero, about),
        audiences=["eu", "un"],
        related_stories=[story],
        import_key="campaign-demolitions",
        **SEO,
    )
    unit = UnitPageFactory(
        parent=site_structure["units"]["ar"],
        title="وحدة المناصرة الدولية",
        slug="advocacy",
        founded_year=2005,
        founded_reason=stream(hero, about),
        goals=[("paragraph", RichText("<p>حشد المؤيدين</p>"))],
        how_we_work=[("quote", {"quote": "نعمل معاً", "attribution": ""})],
        import_key="unit-advocacy",
        **SEO,
    )
    found = {key: site_structure[key]["ar"] for key in ("home", "about", "units", "campaigns", "stories")}
    found.update(story=story, campaign=campaign, unit=unit)
    return {kind: fresh(found[kind]) for kind in PAGE_KINDS}


def translated_text(segment, code):
    """What the tests' translator writes for a source string: marked with the language, slugs kept usable."""
    if segment.context.path == "slug":
        return f"{segment.string.data}-{code}"
    return f"[{code}] {segment.string.data}"


def translate(page, code, *, translate_text=translated_text, publish_page=False, user=None):
    """Translate ``page`` into ``code`` with wagtail-localize as a translator would; return the translation.

    Every string gets ``translate_text(segment, code)``; the target page is saved (a draft unless
    ``publish_page``).
    """
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale(code))
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale(code),
            context=segment.context,
            defaults={"data": translate_text(segment, code), "translation_type": "manual"},
        )
    translation.save_target(user=user, publish=False)
    if publish_page:
        translation.get_target_instance().latest_revision.publish(user=user)
    return translation


def target(translation):
    """The translated page as the database has it."""
    return fresh(translation.get_target_instance())


def draft(translation):
    """The translated page's latest revision, as a page."""
    return target(translation).get_latest_revision_as_object()
