"""What a shared link, a search engine and a visitor's browser get from every public page: description,
canonical URL, Open Graph and Twitter-card tags with a share image, share links without any third-party
script, and the web fonts, logo and favicon served from our own static files.
"""

import re
from io import BytesIO
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.staticfiles import finders
from PIL import Image
from wagtail.models import PageViewRestriction

from core import share_card
from stories.records import ConsentRecord
from tests.cms.conftest import LANGUAGES, PAGE_TYPES, hero_image
from tests.factories import CampaignPageFactory, StoryPageFactory, UnitPageFactory, fresh, publish_translation
from tests.markup import assert_accessible_page, parse

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
OG_LOCALES = {"ar": "ar_AR", "en": "en_GB", "fr": "fr_FR"}
ARTICLES = {"story", "campaign"}
STYLESHEETS = ("css/fonts.css", "css/site.css", "css/look.css")


def head_tags(soup):
    """``{property or name: [content, …]}`` of the head's meta tags, plus ``canonical``."""
    tags = {}
    for meta in soup.head.find_all("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            tags.setdefault(key, []).append(meta.get("content"))
    canonical = soup.head.select('link[rel="canonical"]')
    tags["canonical"] = [link["href"] for link in canonical]
    return tags


def one(tags, key):
    values = tags.get(key, [])
    assert len(values) == 1, f"{key}: expected one tag, found {values}"
    assert values[0], f"{key} is empty"
    return values[0]


@pytest.fixture
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def story(site_structure, settings, tmp_path):
    """An Arabic story with a hero image and its English translation, live."""
    settings.MEDIA_ROOT = tmp_path
    arabic = StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        title="هدم منزل في سلوان",
        slug="silwan",
        summary="هدمت السلطات منزل عائلة في سلوان.",
        hero_image=hero_image("منظر عام لحي سلوان"),
    )
    english = publish_translation(arabic, "en", title="A home demolished in Silwan", summary="A home was demolished.")
    return {"ar": fresh(arabic), "en": fresh(english)}


@pytest.fixture
def campaign(site_structure):
    """A campaign without a hero image, live in Arabic and English."""
    arabic = CampaignPageFactory(parent=site_structure["campaigns"]["ar"], title="أوقفوا هدم المنازل", slug="stop")
    english = publish_translation(arabic, "en", title="Stop the demolitions")
    return {"ar": fresh(arabic), "en": fresh(english)}


def test_every_page_type_describes_itself_to_search_engines_and_shared_links(client, site_pages):
    for language in LANGUAGES:
        for key in PAGE_TYPES:
            assert_described(client, site_pages[key][language], key, language)


def assert_described(client, page, key, language):
    soup = parse(client.get(page.url))
    assert_accessible_page(soup, language)
    tags = head_tags(soup)

    url = f"{HOST}{page.url}"
    assert one(tags, "canonical") == url
    assert one(tags, "og:url") == url
    assert one(tags, "og:title") == one(tags, "twitter:title") == (page.seo_title or page.title)
    assert one(tags, "og:type") == ("article" if key in ARTICLES else "website")
    assert one(tags, "og:locale") == OG_LOCALES[language]
    assert sorted(tags["og:locale:alternate"]) == sorted(OG_LOCALES[code] for code in LANGUAGES if code != language)
    assert one(tags, "description") == one(tags, "og:description") == one(tags, "twitter:description")
    assert one(tags, "twitter:card") == "summary_large_image"
    image = one(tags, "og:image")
    assert image == one(tags, "twitter:image") and image.startswith(f"{HOST}/"), image
    assert one(tags, "og:image:alt") == one(tags, "twitter:image:alt")
    hreflang = {link["hreflang"] for link in soup.head.select('link[rel="alternate"][hreflang]')}
    assert hreflang == {*LANGUAGES, "x-default"}


def test_the_description_is_the_page_summary_shortened(client, story):
    story = story["ar"]
    tags = head_tags(parse(client.get(story.url)))
    assert one(tags, "description") == "هدمت السلطات منزل عائلة في سلوان."

    story.search_description = "وصف لمحركات البحث"
    story.summary = "ملخص " * 100
    story.save_revision().publish()
    tags = head_tags(parse(client.get(story.url)))
    assert one(tags, "description") == "وصف لمحركات البحث"

    story.search_description = ""
    story.save_revision().publish()
    description = one(head_tags(parse(client.get(story.url))), "description")
    assert description.startswith("ملخص ملخص") and len(description) <= 200 and description.endswith("…")


def test_a_story_shares_its_hero_image_and_the_image_is_served(client, story):
    story = story["ar"]
    tags = head_tags(parse(client.get(story.url)))
    image = one(tags, "og:image")
    assert urlparse(image).path.startswith("/media/images/"), image
    assert one(tags, "og:image:alt") == "منظر عام لحي سلوان"  # no alternative text of its own: the image's title
    assert (one(tags, "og:image:width"), one(tags, "og:image:height")) == ("1200", "800")

    response = client.get(urlparse(image).path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")


def test_a_page_without_a_hero_image_shares_a_card_with_its_title(client, site_structure, campaign):
    for page in (campaign["ar"], campaign["en"], site_structure["about"]["fr"]):
        assert_shares_a_card(client, page)


def assert_shares_a_card(client, page):
    tags = head_tags(parse(client.get(page.url)))
    image = urlparse(one(tags, "og:image"))
    assert re.fullmatch(rf"/share-card/{page.pk}\.png", image.path), image
    assert parse_qs(image.query)["v"], "the card's address changes with the title"
    assert one(tags, "og:image:alt") == page.title

    response = client.get(f"{image.path}?{image.query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    card = Image.open(BytesIO(response.content))
    assert card.size == (1200, 630)
    assert (card.width, card.height) == (int(one(tags, "og:image:width")), int(one(tags, "og:image:height")))


def title_area_has_text(png):
    """Whether white (title) pixels show between the logo row and the patterned band of a card."""
    card = Image.open(BytesIO(png)).convert("RGB").crop((0, share_card.PADDING + share_card.MARK_SIZE, 1200, 518))
    return any(pixel == (255, 255, 255) for pixel in card.getdata())


def test_an_arabic_card_is_left_without_its_title_when_pillow_cannot_shape_arabic(monkeypatch):
    assert title_area_has_text(share_card.render_card("مفاتيح الشيخ جراح منذ 1956", "ar"))

    monkeypatch.setattr(share_card, "can_shape", lambda: False)
    assert not title_area_has_text(share_card.render_card("مفاتيح الشيخ جراح منذ 1956", "ar"))
    assert title_area_has_text(share_card.render_card("Stop the demolitions", "en"))


def test_a_new_title_gives_a_new_card_address(client, campaign):
    campaign = campaign["ar"]
    before = one(head_tags(parse(client.get(campaign.url))), "og:image")
    campaign.title = "عنوان جديد للحملة"
    campaign.save_revision().publish()
    after = one(head_tags(parse(client.get(campaign.url))), "og:image")
    assert before != after


def test_no_card_for_a_page_the_public_may_not_see(client, site_structure):
    """Drafts, live stories whose consent is not (or no longer) granted and private pages: no card, no title."""
    draft = StoryPageFactory(parent=site_structure["stories"]["ar"], title="مسودة سرية", publish_page=False)
    withheld = StoryPageFactory(parent=site_structure["stories"]["ar"], title="قصة بلا موافقة")
    ConsentRecord.objects.filter(story_translation_key=withheld.translation_key).update(status="pending")
    private = UnitPageFactory(parent=site_structure["units"]["ar"], title="وحدة خاصة")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    for page in (draft, withheld, private):
        assert client.get(f"/share-card/{page.pk}.png").status_code == 404, page.title
    assert client.get("/share-card/999999.png").status_code == 404

    index = parse(client.get(site_structure["stories"]["ar"].url)).head.decode()
    for title in ("مسودة سرية", "قصة بلا موافقة"):
        assert title not in index


def test_the_search_page_has_its_own_tags_without_the_query(english, site_structure):
    soup = parse(english.get("/en/search/", {"q": "Silwan", "utm_source": "x"}))
    tags = head_tags(soup)
    assert one(tags, "canonical") == one(tags, "og:url") == f"{HOST}/en/search/"
    assert one(tags, "og:title") == "Search"
    assert one(tags, "og:type") == "website"
    assert one(tags, "og:locale") == "en_GB"
    home = site_structure["home"]["en"]
    assert one(tags, "og:image").startswith(f"{HOST}/share-card/{home.pk}.png?v=")


def test_an_error_page_names_no_canonical_address(english, site_structure):
    soup = parse(english.get("/en/no-such-page/"), status=404)
    tags = head_tags(soup)
    assert tags["canonical"] == [] and "og:url" not in tags
    assert one(tags, "og:title") == "Munasara"


def test_a_story_offers_share_links_that_need_no_script(client, story):
    story = story["en"]
    soup = parse(client.get(story.url))
    url = f"{HOST}{story.url}"
    share = soup.select_one("main section.share")
    assert share is not None
    links = {link.get_text(strip=True): link["href"] for link in share.select("a")}
    assert set(links) >= {"X", "Facebook", "WhatsApp", "Telegram"}
    for name in ("X", "Facebook", "Telegram"):
        query = parse_qs(urlparse(links[name]).query)
        assert url in (query.get("url", []) + query.get("u", [])), links[name]
    assert url in parse_qs(urlparse(links["WhatsApp"]).query)["text"][0]
    email = next(href for href in links.values() if href.startswith("mailto:"))
    assert "A%20home%20demolished%20in%20Silwan" in email
    copy = share.select_one("input#share-url")
    assert copy["value"] == url and copy.has_attr("readonly")
    assert soup.find("script", src=re.compile("^https?://")) is None
    assert not any(tag.get("style") for tag in soup.find_all(True)), "no inline style (CSP)"


def test_a_campaign_offers_share_links(client, campaign):
    soup = parse(client.get(campaign["ar"].url))
    assert soup.select("main section.share a[href^='https://']")


def test_pages_load_nothing_from_another_site(client, site_structure, story, campaign):
    for page in (site_structure["home"]["ar"], site_structure["stories"]["en"], story["ar"], campaign["en"]):
        assert_loads_only_our_files(parse(client.get(page.url)))


def assert_loads_only_our_files(soup):
    for tag in soup.find_all(["img", "script", "link", "source", "iframe"]):
        for attribute in ("src", "href", "srcset"):
            value = tag.get(attribute)
            if value and not (tag.name == "link" and tag.get("rel") in (["alternate"], ["canonical"])):
                assert value.startswith("/") or value.startswith(f"{HOST}/"), f"{tag.name} loads {value}"
    assert soup.select_one("header img.site-name__logo")["src"].endswith("img/logo.svg")
    icons = [link["href"] for link in soup.head.select('link[rel="icon"], link[rel="apple-touch-icon"]')]
    assert any(href.endswith(".svg") for href in icons) and any(href.endswith(".png") for href in icons)


def stylesheet_urls(name):
    text = open(finders.find(name), encoding="utf-8").read()
    return text, re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text)


def test_stylesheets_load_only_our_own_files():
    for name in STYLESHEETS:
        text, urls = stylesheet_urls(name)
        assert "@import" not in text
        for url in urls:
            assert not re.match(r"^(https?:)?//", url), f"{name} loads {url}"


def test_the_fonts_are_shipped_with_their_licence_and_served(client, settings):
    settings.WHITENOISE_USE_FINDERS = True  # the test settings serve no collected files
    text, urls = stylesheet_urls("css/fonts.css")
    faces = re.findall(r"@font-face\s*{([^}]*)}", text)
    families = {re.search(r'font-family:\s*"([^"]+)"', face).group(1) for face in faces}
    assert families == {"Noto Naskh Arabic", "Noto Sans"}
    for face in faces:
        assert "font-display: swap" in face
        assert "unicode-range:" in face
    arabic_ranges = [face for face in faces if "U+0600-06FF" in face]
    assert arabic_ranges and all("Noto Naskh Arabic" in face for face in arabic_ranges)
    assert len(urls) == len(faces) and all(url.endswith(".woff2") for url in urls)
    for url in urls:
        path = "fonts/" + url.rsplit("/", 1)[1]
        assert finders.find(path), f"{path} is missing"
        response = client.get(f"/static/{path}")
        assert response.status_code == 200, path
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert content[:4] == b"wOF2", path
    for licence in ("fonts/OFL-noto-naskh-arabic.txt", "fonts/OFL-noto-sans.txt"):
        assert "SIL Open Font License" in open(finders.find(licence), encoding="utf-8").read()
    for image in ("img/logo.svg", "img/logo-mark.svg", "img/favicon-32.png", "img/favicon.ico"):
        assert client.get(f"/static/{image}").status_code == 200, image
