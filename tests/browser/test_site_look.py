"""How the public site looks in a real browser: our own Arabic and Latin fonts load, nothing comes from
another site, and a phone shows content first (the first story on the first screen, the filters folded).

Uses the ``browser`` fixture of tests/browser/conftest.py (Debian's Chromium through Playwright).
"""

import datetime
from pathlib import Path

import pytest

from tests.cms.conftest import hero_image
from tests.factories import CampaignPageFactory, StoryPageFactory, fresh

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "test-results"
PHONE = {"width": 390, "height": 844}
# As long as the demo's: the home page's introduction is what stands between a phone visitor and the stories.
INTRODUCTION = (
    "مناصرة منصة لوحدة المناصرة الدولية في مركز العمل المجتمعي – جامعة القدس. ننشر هنا قصص المقدسيين الذين "
    "يواجهون إلغاء الإقامات وهدم المنازل ورفض تصاريح البناء والتهجير، ونحوّل ما نوثقه إلى حملات تخاطب "
    "الحكومات والاتحاد الأوروبي والأمم المتحدة."
)
LOADED_FACES = """family => document.fonts.ready.then(() =>
    [...document.fonts].filter(face => face.family.replace(/"/g, "") === family && face.status === "loaded").length)"""


@pytest.fixture
def content(site_structure, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    home = site_structure["home"]["ar"]
    home.introduction = INTRODUCTION
    home.hero_image = hero_image("نقش هندسي")
    home.save_revision().publish()
    stories = [
        StoryPageFactory(
            parent=site_structure["stories"]["ar"],
            title=title,
            slug=f"story-{number}",
            date=datetime.date(2024, 1, 1 + number),
            neighbourhood="silwan",
            violation_types=["home-demolition"],
            summary="هدمت السلطات منزل عائلة بعد سنوات من طلبات الترخيص، وتعيش العائلة اليوم عند أقاربها.",
        )
        for number, title in enumerate(("هدم منزل في سلوان", "إقامة مسحوبة", "أرض بلا ترخيص"))
    ]
    for number in range(3):
        CampaignPageFactory(parent=site_structure["campaigns"]["ar"], title=f"حملة {number}", slug=f"campaign-{number}")
    return {"stories": [fresh(story) for story in stories]}


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="ar", viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.set_default_timeout(15000)
    yield tab
    context.close()


def test_on_a_phone_the_first_story_is_on_the_first_screen_of_the_home_page(phone, live_server, content):
    phone.goto(f"{live_server.url}/ar/")
    SCREENSHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=SCREENSHOTS / "site-look-home-ar-phone.png")

    first_story = phone.locator("main .story-card").first
    title = first_story.locator("h3").bounding_box()
    assert title is not None and title["y"] + title["height"] <= PHONE["height"], f"first story title at {title}"
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_the_story_filters_are_folded_until_opened(phone, live_server, content):
    phone.goto(f"{live_server.url}/ar/stories/")

    assert phone.locator("details.filter-panel").get_attribute("open") is None
    assert not phone.locator("#id_violation_type").is_visible()
    card = phone.locator("main .story-card").first.bounding_box()
    assert card["y"] < PHONE["height"], f"first story at {card}"

    phone.locator("summary.filter-panel__summary").click()
    assert phone.locator("#id_violation_type").is_visible()
    phone.select_option("#id_violation_type", "home-demolition")
    phone.locator("form.filter-form button[type=submit]").click()
    phone.wait_for_url("**/ar/stories/?violation_type=home-demolition*")
    # While filters apply, the panel stays open to show them.
    assert phone.locator("details.filter-panel").get_attribute("open") is not None


@pytest.mark.parametrize(("language", "family"), [("ar", "Noto Naskh Arabic"), ("en", "Noto Sans")])
def test_the_site_fonts_load_from_our_own_server(browser, live_server, content, language, family):
    context = browser.new_context(locale=language)
    try:
        tab = context.new_page()
        requests = []
        tab.on("request", lambda request: requests.append(request.url))
        tab.goto(f"{live_server.url}/{language}/")
        tab.wait_for_load_state("networkidle")

        assert tab.evaluate(LOADED_FACES, family) >= 1, f"no {family} face loaded"
        heading_font = tab.evaluate("() => getComputedStyle(document.querySelector('main h1')).fontFamily")
        assert heading_font.replace('"', "").startswith(family), heading_font
        fonts = [url for url in requests if url.endswith(".woff2")]
        assert fonts and all(url.startswith(f"{live_server.url}/static/fonts/") for url in fonts), fonts
        assert all(url.startswith(live_server.url) for url in requests), "every request stays on our site"
    finally:
        context.close()


def test_digits_inside_arabic_text_use_the_arabic_font(browser, live_server, content):
    """A year in an Arabic sentence comes from Noto Naskh Arabic's own Latin subset: same face, same size."""
    context = browser.new_context(locale="ar")
    try:
        tab = context.new_page()
        tab.goto(f"{live_server.url}{content['stories'][0].url}")
        tab.wait_for_load_state("networkidle")
        # Chromium reports the fonts it actually drew each run of text with.
        client = context.new_cdp_session(tab)
        client.send("DOM.enable")
        client.send("CSS.enable")
        document = client.send("DOM.getDocument")
        node = client.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": "main time"})
        used = client.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        assert {font["familyName"] for font in used} == {"Noto Naskh Arabic"}, used
    finally:
        context.close()
