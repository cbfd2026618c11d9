"""The public site's home, about and unit pages, the site chrome, error pages and the stylesheet."""

import datetime
import re
from io import BytesIO
from urllib.parse import urlencode

import pytest
from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from django.template import loader
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Locale

from home.models import OrganisationDetails, SiteSettings
from tests.factories import (
    CampaignPageFactory,
    StoryPageFactory,
    UnitPageFactory,
    fresh,
    publish,
    publish_translation,
)
from tests.markup import (
    alternates,
    assert_accessible_page,
    html_attributes,
    language_links,
    main_text,
    parse,
    text,
)

pytestmark = pytest.mark.django_db

ARABIC_LETTERS = re.compile("[\u0600-\u06ff]")


@pytest.fixture
def pages(site_structure):
    """Each page type of the home app in Arabic with its English translation, by key and language."""
    unit = UnitPageFactory(
        parent=site_structure["units"]["ar"],
        title="وحدة المناصرة الدولية",
        slug="advocacy",
        summary="تفضح الوحدة انتهاكات حقوق المقدسيين.",
        mission="إنهاء الإجراءات التي تمنع المقدسيين من العيش بأمان وكرامة.",
        founded_year=2016,
        founded_reason=[("paragraph", "<p>بعد ضم القدس الشرقية عام 1967.</p>")],
        goals=[("paragraph", "<p>حشد المؤيدين النشطين.</p>")],
        how_we_work=[("paragraph", "<p>العمل مع المنظمات الحقوقية.</p>")],
    )
    unit_en = publish_translation(
        unit, "en", title="International Advocacy Unit", summary="The unit exposes violations.", mission="End it."
    )
    found = {key: {code: fresh(site_structure[key][code]) for code in ("ar", "en")} for key in site_structure}
    found["unit"] = {"ar": fresh(unit), "en": fresh(unit_en)}
    return found


def test_a_language_without_a_translation_links_to_that_languages_home_page(client, pages, site_structure):
    soup = parse(client.get(pages["unit"]["ar"].url))

    assert language_links(soup)["fr"] == fresh(site_structure["home"]["fr"]).url == "/fr/"
    french = soup.select_one('nav.language-switcher a[hreflang="fr"]')
    assert "home page" in french.get_text() or "الصفحة الرئيسية" in french.get_text()
    # Search engines are only told about real translations.
    assert set(alternates(soup)) == {"ar", "en", "x-default"}


def test_a_draft_translation_is_not_offered(client, pages):
    english = pages["unit"]["en"]
    english.unpublish()

    soup = parse(client.get(pages["unit"]["ar"].url))

    assert language_links(soup)["en"] == "/en/"
    assert "en" not in alternates(soup)


def test_french_pages_are_left_to_right_and_in_french(client, site_structure):
    soup = parse(client.get("/fr/about/"))

    assert_accessible_page(soup, "fr")
    assert "Aller au contenu principal" in soup.select_one("a.skip-link").get_text()
    # French falls back to the default language's catalogue for a missing message: none may be missing.
    for selector in ("a.skip-link", ".site-name", "nav.main-nav", "nav.breadcrumbs", "main"):
        assert not ARABIC_LETTERS.search(text(soup.select_one(selector))), f"Arabic in the French {selector}"


def test_home_page_shows_active_campaigns_latest_public_stories_and_the_sections(client, pages, site_structure):
    home = pages["home"]["ar"]
    home.introduction = "نكشف انتهاكات حقوق الفلسطينيين في القدس الشرقية."
    publish(home)
    stories = site_structure["stories"]["ar"]
    for day in range(1, 5):
        StoryPageFactory(parent=stories, title=f"قصة اليوم {day}", date=datetime.date(2022, 3, day))
    StoryPageFactory(parent=stories, title="قصة مسودة", date=datetime.date(2023, 1, 1), publish_page=False)
    campaigns = site_structure["campaigns"]["ar"]
    CampaignPageFactory(parent=campaigns, title="حملة جارية")
    CampaignPageFactory(parent=campaigns, title="حملة منتهية", status="closed")

    soup = parse(client.get(home.url))

    assert_accessible_page(soup, "ar")
    body = main_text(soup)
    assert home.introduction in body
    assert "حملة جارية" in body and "حملة منتهية" not in body
    story_titles = [
        heading.get_text(strip=True) for heading in soup.select("section[aria-labelledby=latest-stories] h3")
    ]
    assert story_titles == ["قصة اليوم 4", "قصة اليوم 3", "قصة اليوم 2"]
    section_links = {link["href"] for link in soup.select(".section-links a")}
    assert section_links == {"/ar/about/", "/ar/units/", "/ar/campaigns/", "/ar/stories/"}
    nav = [(link.get_text(strip=True), link["href"]) for link in soup.select("nav.main-nav a")]
    assert nav == [
        ("عن المركز", "/ar/about/"),
        ("وحدات المركز", "/ar/units/"),
        ("الحملات", "/ar/campaigns/"),
        ("قصص", "/ar/stories/"),
        ("بحث", "/ar/search/"),
    ]


def test_footer_shows_the_site_settings(client, pages):
    organisation = OrganisationDetails.objects.create(
        locale=Locale.objects.get(language_code="ar"), organisation_name="مركز العمل المجتمعي – جامعة القدس"
    )
    site_settings = SiteSettings.load()
    site_settings.contact_email = "cac@example.org"
    site_settings.phone = "+970 2 000 0000"
    site_settings.save()

    soup = parse(client.get(pages["about"]["en"].url))

    footer = text(soup.find("footer"))
    assert organisation.organisation_name in footer
    assert "cac@example.org" in footer and "+970 2 000 0000" in footer
    assert soup.select_one('footer a[href="mailto:cac@example.org"]') is not None


def test_unit_page_shows_mission_reasons_goals_and_way_of_working(client, pages):
    soup = parse(client.get(pages["unit"]["ar"].url))

    sections = [heading.get_text(strip=True) for heading in soup.select("main h2")]
    assert sections == ["رسالتنا", "لماذا أُنشئت الوحدة؟", "أهدافنا", "كيف نعمل"]
    body = main_text(soup)
    for fragment in ("إنهاء الإجراءات", "بعد ضم القدس الشرقية", "حشد المؤيدين", "العمل مع المنظمات", "2016"):
        assert fragment in body


def test_unit_index_lists_public_units_only(client, pages, site_structure):
    UnitPageFactory(parent=site_structure["units"]["ar"], title="وحدة غير منشورة", publish_page=False)

    soup = parse(client.get(pages["units"]["ar"].url))

    assert [heading.get_text(strip=True) for heading in soup.select("main h2")] == ["وحدة المناصرة الدولية"]


def test_breadcrumbs_lead_from_the_home_page_to_the_current_page(client, pages):
    soup = parse(client.get(pages["unit"]["en"].url))

    crumbs = [(link.get_text(strip=True), link["href"]) for link in soup.select("nav.breadcrumbs a")]
    assert crumbs == [
        ("Home", "/en/"),
        ("Our units", "/en/units/"),
        ("International Advocacy Unit", "/en/units/advocacy/"),
    ]
    assert soup.select("nav.breadcrumbs a")[-1]["aria-current"] == "page"
    assert soup.select_one('nav.main-nav a[aria-current="true"]')["href"] == "/en/units/"


def test_hero_image_alt_text_falls_back_to_the_image_title(client, pages, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = BytesIO()
    PILImage.new("RGB", (1200, 800), "#1d5446").save(buffer, "PNG")
    image = Image.objects.create(title="منظر عام لحي سلوان", file=ImageFile(buffer, name="silwan.png"))
    home = pages["home"]["ar"]
    home.hero_image = image
    publish(home)

    hero = parse(client.get(home.url)).select_one("img.hero__image")
    assert hero["alt"] == "منظر عام لحي سلوان"

    home.hero_image_alt = "بيوت سلوان على سفح التلة"
    publish(home)
    hero = parse(client.get(home.url)).select_one("img.hero__image")
    assert hero["alt"] == "بيوت سلوان على سفح التلة"


def test_search_page_switches_language_by_swapping_the_prefix(client, site_structure):
    soup = parse(client.get("/ar/search/", {"q": "سلوان"}))

    assert html_attributes(soup) == ("ar", "rtl")
    links = language_links(soup)
    assert links["en"] == "/en/search/?" + urlencode({"q": "سلوان"})
    assert links["fr"] == "/fr/search/?" + urlencode({"q": "سلوان"})


@pytest.mark.parametrize(
    ("language", "direction", "heading"), [("ar", "rtl", "الصفحة غير موجودة"), ("en", "ltr", "Page not found")]
)
def test_not_found_page_is_in_the_visitors_language(client, site_structure, language, direction, heading):
    response = client.get(f"/{language}/no-such-page/")

    soup = parse(response, status=404)
    assert_accessible_page(soup, language)
    assert soup.h1.get_text(strip=True) == heading
    assert language_links(soup) == {"ar": "/ar/", "en": "/en/", "fr": "/fr/"}


@pytest.mark.parametrize(
    ("language", "direction", "heading"), [("ar", "rtl", "حدث خطأ ما"), ("en", "ltr", "Something went wrong")]
)
def test_server_error_page_renders_without_a_request(language, direction, heading):
    # Django renders 500.html with an empty context: no request, no context processors.
    with translation.override(language):
        html = loader.get_template("500.html").render()

    assert f'<html lang="{language}" dir="{direction}">' in html
    assert heading in html
    assert f'href="/{language}/"' in html


PHYSICAL_DIRECTIONS = re.compile(
    r"(?<![\w-])(margin|padding|border)-(left|right)\b"  # margin-left, border-right-color …
    r"|(text-align|float|clear):\s*(left|right)"
    r"|(?<![\w-])(left|right):"  # positioning offsets
)


def test_stylesheet_is_local_and_direction_neutral():
    path = finders.find("css/site.css")
    assert path, "css/site.css is missing from the static files"
    css = open(path, encoding="utf-8").read()

    assert PHYSICAL_DIRECTIONS.findall(css) == [], "use logical properties so one stylesheet serves RTL and LTR"
    assert "http:" not in css and "https:" not in css and "@import" not in css
    assert ":focus-visible" in css


def test_pages_load_nothing_from_other_hosts(client, pages):
    for key in ("home", "unit"):
        soup = parse(client.get(pages[key]["ar"].url))
        for tag, attribute in (("script", "src"), ("img", "src"), ("link", "href"), ("iframe", "src")):
            for element in soup.find_all(tag):
                if tag == "link" and "alternate" in element.get("rel", []):
                    continue
                value = element.get(attribute)
                if value:
                    # Our own address in full (the canonical URL) is this host; nothing else may be named.
                    local = value.startswith("/") and not value.startswith("//")
                    assert local or value.startswith("http://testserver/"), f"{tag} loads {value}"
