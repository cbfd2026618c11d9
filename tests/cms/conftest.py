import datetime
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from campaigns.models import CampaignIndexPage, CampaignPage
from home.models import AboutPage, HomePage, UnitIndexPage, UnitPage
from monitoring.pages import ReportIndexPage, ReportPage, StatisticsPage
from stories.models import StoryIndexPage, StoryPage
from supporters.models import MailingListPage, PrivacyPage
from tests.factories import CampaignPageFactory, StoryPageFactory, UnitPageFactory, fresh, publish_translation

LANGUAGES = ["ar", "en", "fr"]

# Every page type a visitor can reach, by the key ``site_pages`` files it under.
PAGE_TYPES = {
    "home": HomePage,
    "about": AboutPage,
    "units": UnitIndexPage,
    "unit": UnitPage,
    "campaigns": CampaignIndexPage,
    "campaign": CampaignPage,
    "stories": StoryIndexPage,
    "story": StoryPage,
    "reports": ReportIndexPage,
    "report": ReportPage,
    "statistics": StatisticsPage,
    "mailing_list": MailingListPage,
    "privacy": PrivacyPage,
}


def hero_image(title):
    buffer = BytesIO()
    PILImage.new("RGB", (1200, 800), "#1d5446").save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="hero.png"))


@pytest.fixture
def site_pages(site_structure, settings, tmp_path):
    """One published page of every type in Arabic, English and French: ``{key: {language: page}}``.

    The pages carry what their templates show (taxonomy, body text, a call to action, a
    hero image), so the pages under test look like real ones.
    """
    settings.MEDIA_ROOT = tmp_path
    story = StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        title="هدم منزل في سلوان",
        slug="silwan-demolition",
        neighbourhood="silwan",
        violation_types=["home-demolition"],
        summary="هدمت السلطات منزل عائلة في سلوان.",
        body=[("heading", {"text": "البيت", "level": "h2"}), ("paragraph", "<p>بنى أبو خالد منزله عام 1998.</p>")],
        hero_image=hero_image("منظر عام لحي سلوان"),
    )
    campaign = CampaignPageFactory(
        parent=site_structure["campaigns"]["ar"],
        title="أوقفوا هدم المنازل",
        slug="stop-demolitions",
        start_date=datetime.date(2024, 1, 10),
        the_ask="وقف فوري لأوامر الهدم.",
        call_to_action_label="وقّع العريضة",
        call_to_action_url="https://example.org/petition",
        audiences=["eu", "un"],
        related_stories=[story],
    )
    unit = UnitPageFactory(
        parent=site_structure["units"]["ar"],
        title="وحدة المناصرة الدولية",
        slug="advocacy",
        goals=[("paragraph", "<p>حشد المؤيدين النشطين.</p>")],
    )
    report = site_structure["reports"]["ar"].add_child(
        instance=ReportPage(
            title="تقرير الهدم في القدس الشرقية 2024",
            slug="demolitions-2024",
            date=datetime.date(2024, 12, 1),
            summary="أرقام الهدم في القدس الشرقية خلال عام 2024.",
            body=[("paragraph", "<p>وثّقت الوحدة حالات الهدم شهرًا بشهر.</p>")],
        )
    )
    report.save_revision().publish()
    translations = {
        "story": {
            "en": {"title": "A home demolished in Silwan", "summary": "A family home was demolished."},
            "fr": {"title": "Une maison démolie à Silwan", "summary": "Une maison familiale a été démolie."},
        },
        "campaign": {
            "en": {"title": "Stop the demolitions", "call_to_action_label": "Sign the petition"},
            "fr": {"title": "Arrêtez les démolitions", "call_to_action_label": "Signez la pétition"},
        },
        "report": {
            "en": {"title": "Demolitions in East Jerusalem, 2024", "summary": "The 2024 demolition figures."},
            "fr": {"title": "Les démolitions à Jérusalem-Est en 2024", "summary": "Les chiffres de 2024."},
        },
        "unit": {
            "en": {"title": "International Advocacy Unit", "mission": "End it."},
            "fr": {"title": "Unité de plaidoyer international", "mission": "Y mettre fin."},
        },
    }
    pages = {key: {code: fresh(page) for code, page in site_structure[key].items()} for key in site_structure}
    for key, source in (("story", story), ("campaign", campaign), ("unit", unit), ("report", report)):
        pages[key] = {"ar": fresh(source)}
        for code, fields in translations[key].items():
            pages[key][code] = fresh(publish_translation(source, code, **fields))
    return pages
