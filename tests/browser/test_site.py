"""The public site in a real browser: keyboard, language switching, right-to-left layout, filters without JavaScript.

Uses the ``browser`` and ``page`` fixtures of tests/browser/conftest.py (Debian's Chromium through Playwright).
"""

import datetime
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from core.models import Neighbourhood
from tests.factories import CampaignPageFactory, StoryPageFactory, fresh, locale, publish_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "test-results"
WIDTH, HEIGHT = 1280, 900


@pytest.fixture
def content(site_structure):
    stories = site_structure["stories"]["ar"]
    demolition = StoryPageFactory(
        parent=stories,
        title="هدم منزل في سلوان",
        slug="silwan-demolition",
        date=datetime.date(2020, 5, 17),
        neighbourhood="silwan",
        violation_types=["home-demolition"],
        summary="هدمت السلطات منزل عائلة في سلوان بعد سنوات من طلبات الترخيص.",
    )
    residency = StoryPageFactory(
        parent=stories,
        title="إقامة مسحوبة",
        slug="residency",
        date=datetime.date(2021, 2, 3),
        neighbourhood="shufat",
        violation_types=["residency-revocation"],
    )
    english = {
        demolition: {"title": "A home demolished in Silwan", "neighbourhood": "silwan"},
        residency: {"title": "A residency revoked", "neighbourhood": "shufat"},
    }
    translations = {}
    for story, fields in english.items():
        fields["neighbourhood"] = Neighbourhood.objects.get(slug=fields["neighbourhood"], locale=locale("en"))
        translations[story.pk] = publish_translation(story, "en", **fields)
    CampaignPageFactory(parent=site_structure["campaigns"]["ar"], title="أوقفوا الهدم", related_stories=[demolition])
    return {"story": {"ar": fresh(demolition), "en": fresh(translations[demolition.pk])}}


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(page, live_server, content):
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    page.goto(f"{live_server.url}/ar/")

    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert focused == ["skip-link", "#main"]
    # Hidden until focused, then on screen with a visible focus ring.
    page.wait_for_function("() => document.activeElement.getBoundingClientRect().top >= 0")
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"

    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('main') !== null"), "Tab continues inside the content"


def test_keyboard_focus_is_visible_on_navigation_links(page, live_server, content):
    page.goto(f"{live_server.url}/en/")
    link = page.locator("nav.main-nav a").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus arrives by keyboard, so :focus-visible applies

    assert page.evaluate("() => document.activeElement.textContent.trim()") == link.inner_text().strip()
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert style[0] != "none" and style[1] != "0px"


def test_the_language_switcher_leads_from_an_arabic_story_to_its_english_translation(page, live_server, content):
    arabic, english = content["story"]["ar"], content["story"]["en"]
    page.goto(f"{live_server.url}{arabic.url}")
    assert (page.locator("html").get_attribute("lang"), page.locator("html").get_attribute("dir")) == ("ar", "rtl")

    page.locator('nav.language-switcher a[hreflang="en"]').click()

    page.wait_for_url(f"{live_server.url}{english.url}")
    assert (page.locator("html").get_attribute("lang"), page.locator("html").get_attribute("dir")) == ("en", "ltr")
    assert page.locator("h1").inner_text() == "A home demolished in Silwan"
    assert page.locator('nav.language-switcher a[aria-current="true"]').get_attribute("hreflang") == "en"

    page.locator('nav.language-switcher a[hreflang="ar"]').click()
    page.wait_for_url(f"{live_server.url}{arabic.url}")
    assert page.locator("h1").inner_text() == "هدم منزل في سلوان"


def light_pixel_centre(png):
    """Horizontal centre (0..1) of the light pixels, i.e. the white link text on the dark navigation bar."""
    image = Image.open(BytesIO(png)).convert("L")
    width, height = image.size
    pixels = image.load()
    xs = [x for x in range(width) for y in range(0, height, 2) if pixels[x, y] > 200]
    assert xs, "no text found in the navigation bar screenshot"
    return sum(xs) / len(xs) / width


@pytest.mark.parametrize(("language", "side"), [("ar", "right"), ("en", "left")])
def test_layout_follows_the_reading_direction(page, live_server, content, language, side):
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    page.goto(f"{live_server.url}/{language}/")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"site-home-{language}.png", full_page=True)

    site_name = page.locator(".site-name").bounding_box()
    first_item = page.locator("nav.main-nav li").first.bounding_box()
    last_item = page.locator("nav.main-nav li").last.bounding_box()
    h1 = page.locator("main h1").bounding_box()
    centre = light_pixel_centre(page.locator("nav.main-nav").screenshot())

    if side == "right":
        assert site_name["x"] + site_name["width"] > WIDTH * 0.8, site_name
        assert first_item["x"] > last_item["x"], "the first menu item should be the rightmost one"
        assert h1["x"] + h1["width"] > WIDTH * 0.8, h1
        assert centre > 0.6, f"the menu text sits at {centre:.0%} of the bar, expected on the right"
    else:
        assert site_name["x"] < WIDTH * 0.2, site_name
        assert first_item["x"] < last_item["x"]
        assert h1["x"] < WIDTH * 0.2, h1
        assert centre < 0.4, f"the menu text sits at {centre:.0%} of the bar, expected on the left"


def test_story_page_screenshot_keeps_content_inside_the_viewport_on_a_phone(page, live_server, content):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{content['story']['ar'].url}")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "site-story-ar-phone.png", full_page=True)

    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= 390, "nothing may overflow sideways on a phone"
    assert page.locator("aside.note").is_visible()
    assert page.locator(".campaign-card h3").inner_text() == "أوقفوا الهدم"


def test_story_filters_work_without_javascript(browser, live_server, content):
    context = browser.new_context(java_script_enabled=False, locale="en")
    try:
        tab = context.new_page()
        tab.goto(f"{live_server.url}/en/stories/")
        assert tab.locator(".story-card h3").count() == 2

        tab.get_by_text("Filter stories").click()  # the filters are folded away until asked for
        tab.select_option("#id_violation_type", "home-demolition")
        tab.locator("form.filter-form button[type=submit]").click()

        tab.wait_for_url("**/en/stories/?violation_type=home-demolition*")
        assert tab.locator(".story-card h3").all_inner_texts() == ["A home demolished in Silwan"]
        assert tab.locator("#id_violation_type").input_value() == "home-demolition"
    finally:
        context.close()
