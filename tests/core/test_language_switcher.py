"""The language switcher and the hreflang alternates, as a visitor and a search engine meet them.

A language with a live public translation of the page is one link; a language without one says so
visibly and offers its home page instead; filters and search terms survive the switch; drafts,
restricted pages and stories without consent are never linked.
"""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import PageViewRestriction

from core.i18n import translate_page
from stories.models import ConsentRecord
from stories.services import withdraw_consent
from tests.factories import StoryPageFactory, UnitPageFactory, fresh, locale, publish_translation
from tests.markup import alternates, language_links, parse, text

pytestmark = pytest.mark.django_db


def switcher(soup):
    nav = soup.select_one("nav.language-switcher")
    assert nav is not None, "no language switcher"
    return nav


def item(soup, code):
    """The switcher's list item for language ``code``."""
    for entry in switcher(soup).select("li"):
        name = entry.select_one(".language-switcher__language")
        if name is not None and name.get("lang") == code:
            return entry
    raise AssertionError(f"no switcher item for {code}")


def visible_text(element):
    """What a sighted visitor reads: the text outside visually-hidden elements."""
    copy = parse_fragment(str(element))
    for hidden in copy.select(".visually-hidden"):
        hidden.decompose()
    return text(copy)


def parse_fragment(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def query_of(url):
    return parse_qs(urlsplit(url).query)


@pytest.fixture
def story(site_structure):
    """An Arabic story, live in English, with a French translation still a draft."""
    arabic = StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        title="هدم منزل في سلوان",
        slug="silwan-demolition",
        date=datetime.date(2020, 5, 17),
        neighbourhood="silwan",
        violation_types=["home-demolition"],
    )
    english = publish_translation(arabic, "en", title="A home demolished in Silwan")
    french = translate_page(arabic, locale("fr"), title="Une maison démolie à Silwan")
    french.save_revision()
    return {"ar": fresh(arabic), "en": fresh(english), "fr": fresh(french)}


@pytest.fixture
def untranslated(site_structure):
    """A unit page in Arabic only."""
    return UnitPageFactory(parent=site_structure["units"]["ar"], title="وحدة التوثيق", slug="documentation")


def test_a_translated_language_is_one_link_to_the_translation(client, story):
    soup = parse(client.get(story["ar"].url))

    english = item(soup, "en")
    link = english.select_one("a")
    assert link["href"] == story["en"].url
    assert (link["lang"], link["hreflang"], link["dir"]) == ("en", "en", "ltr")
    assert link.get_text(strip=True) == "English"
    assert len(english.select("a")) == 1
    assert "language-switcher__item--untranslated" not in english["class"]
    current = item(soup, "ar").select_one("a")
    assert (current["href"], current["aria-current"], current["dir"]) == (story["ar"].url, "true", "rtl")


def test_an_untranslated_language_says_so_visibly_and_offers_its_home_page(client, site_structure, untranslated):
    english = publish_translation(untranslated, "en", title="Documentation Unit")

    soup = parse(client.get(english.url))

    french = item(soup, "fr")
    assert "language-switcher__item--untranslated" in french["class"]
    name = french.select_one(".language-switcher__language")
    assert name.name == "span", "the language name is not a link to a page that is not this one"
    assert (name["lang"], name["dir"], name.get_text(strip=True)) == ("fr", "ltr", "Français")
    assert visible_text(french) == "Français (not translated) home page"
    home = french.select_one("a")
    assert home["href"] == fresh(site_structure["home"]["fr"]).url == "/fr/"
    assert home["hreflang"] == "fr"
    # The link's words are English, like the page, and name the language for those who list links.
    words = home.select_one("span")
    assert (words["lang"], words["dir"]) == ("en", "ltr")
    assert home.get_text(" ", strip=True) == "home page in French"
    # Arabic has the page: a plain link, no note.
    assert language_links(soup)["ar"] == untranslated.url
    assert "not translated" not in visible_text(item(soup, "ar"))


def test_a_page_in_one_language_offers_every_other_languages_home_page(client, untranslated):
    soup = parse(client.get(untranslated.url))

    assert language_links(soup) == {"ar": untranslated.url, "en": "/en/", "fr": "/fr/"}
    for code in ("en", "fr"):
        entry = item(soup, code)
        assert "language-switcher__item--untranslated" in entry["class"]
        assert entry.select_one("a span")["lang"] == "ar", "the link's words are in the page's language"
        assert entry.select_one("a span")["dir"] == "rtl"
    assert set(alternates(soup)) == {"ar", "x-default"}


def test_a_draft_translation_is_never_linked(client, story):
    soup = parse(client.get(story["ar"].url))

    assert story["fr"].url not in str(soup)
    assert "language-switcher__item--untranslated" in item(soup, "fr")["class"]
    assert language_links(soup)["fr"] == "/fr/"
    assert "fr" not in alternates(soup)


def test_a_restricted_translation_is_never_linked(client, story):
    """A visitor allowed to read a restricted page is still not sent to its other languages."""
    PageViewRestriction.objects.create(page=story["ar"], restriction_type=PageViewRestriction.LOGIN)
    client.force_login(get_user_model().objects.create_user("reader", password="pw"))

    soup = parse(client.get(story["ar"].url))

    assert story["en"].url not in str(soup)
    assert language_links(soup) == {"ar": story["ar"].url, "en": "/en/", "fr": "/fr/"}
    assert alternates(soup) == {}


def render_switcher(page, path):
    request = RequestFactory().get(path)
    request.resolver_match = None
    with translation.override(page.locale.language_code):
        html = Template("{% load munasara_tags %}{% language_switcher %}").render(
            Context({"page": page, "request": request})
        )
    return parse_fragment(html)


def test_a_story_without_consent_is_never_linked(client, story):
    """Consent is the story's in every language: without it no switcher anywhere leads to any version."""
    ConsentRecord.objects.filter(story_translation_key=story["ar"].translation_key).update(status="pending")

    soup = render_switcher(story["ar"], story["ar"].url)
    assert language_links(soup) == {"ar": story["ar"].url, "en": "/en/", "fr": "/fr/"}
    # The visitor never gets that far: the story's own address is not found, and its page links only home pages.
    for code in ("ar", "en"):
        response = client.get(story[code].url)
        assert response.status_code == 404
        assert language_links(parse(response, status=404)) == {"ar": "/ar/", "en": "/en/", "fr": "/fr/"}


def test_a_withdrawn_story_links_only_the_home_pages(client, story):
    withdraw_consent(story["ar"])

    soup = parse(client.get(story["en"].url), status=410)

    assert language_links(soup) == {"ar": "/ar/", "en": "/en/", "fr": "/fr/"}
    assert alternates(soup) == {}


def test_switching_language_keeps_the_story_filters_but_not_the_page_number(client, story, site_structure):
    index = {code: fresh(site_structure["stories"][code]) for code in ("ar", "en")}
    filters = {"violation_type": "home-demolition", "neighbourhood": "silwan", "year": "2020"}

    soup = parse(client.get(index["ar"].url, {**filters, "page": "1"}))

    links = language_links(soup)
    for code in ("ar", "en", "fr"):
        path, query = links[code].split("?", 1)
        assert path == fresh(site_structure["stories"][code]).url
        assert query_of(links[code]) == {name: [value] for name, value in filters.items()}
    # The English listing the link leads to is filtered the same way.
    english = parse(client.get(links["en"]))
    assert [title.get_text(strip=True) for title in english.select("main .story-card h3")] == [story["en"].title]
    assert english.select_one("#id_neighbourhood option[selected]")["value"] == "silwan"
    # Search engines are told about the listing, not about one filtered view of it.
    assert alternates(soup)["en"] == f"http://testserver{index['en'].url}"


def test_switching_language_keeps_the_search_terms_but_not_the_page_number(client, site_structure):
    response = client.get("/ar/search/", {"q": "سلوان", "type": "stories.StoryPage", "page": "2"})

    links = language_links(parse(response, status=response.status_code))
    for code in ("en", "fr"):
        assert urlsplit(links[code]).path == f"/{code}/search/"
        assert query_of(links[code]) == {"q": ["سلوان"], "type": ["stories.StoryPage"]}


def test_hreflang_names_only_live_public_versions_and_defaults_to_arabic(client, story):
    english = parse(client.get(story["en"].url))

    assert alternates(english) == {
        "ar": f"http://testserver{story['ar'].url}",
        "en": f"http://testserver{story['en'].url}",
        "x-default": f"http://testserver{story['ar'].url}",
    }
    publish_translation(story["ar"], "fr", title="Une maison démolie à Silwan")
    assert alternates(parse(client.get(story["en"].url)))["fr"] == f"http://testserver{story['fr'].url}"


def test_an_unpublished_arabic_source_leaves_no_x_default(client, story):
    fresh(story["ar"]).unpublish()

    soup = parse(client.get(story["en"].url))

    assert alternates(soup) == {"en": f"http://testserver{story['en'].url}"}
    assert "language-switcher__item--untranslated" in item(soup, "ar")["class"]
