"""Every public page type, in every language, owes its visitors the same accessible page (tests/markup.py)."""

import pytest
from wagtail.models import Page, get_page_models

from tests.cms.conftest import LANGUAGES, PAGE_TYPES
from tests.markup import alternates, assert_accessible_page, language_links, parse

pytestmark = pytest.mark.django_db


def test_every_page_type_is_checked():
    assert set(PAGE_TYPES.values()) == set(get_page_models()) - {Page}, "add the new page type to PAGE_TYPES"


@pytest.mark.smoke
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", sorted(PAGE_TYPES))
def test_each_page_type_renders_accessibly_and_links_to_its_own_translations(client, site_pages, key, language):
    page = site_pages[key][language]
    translations = site_pages[key]
    assert type(page) is PAGE_TYPES[key]

    soup = parse(client.get(page.url))

    assert_accessible_page(soup, language)
    assert soup.h1.get_text(strip=True) == page.title
    assert soup.title.get_text().startswith(page.title)
    # The switcher leads to this page's translation in each language, not to that language's home page.
    assert language_links(soup) == {code: translations[code].url for code in LANGUAGES}
    assert alternates(soup) == {
        **{code: f"http://testserver{translations[code].url}" for code in LANGUAGES},
        "x-default": f"http://testserver{translations['ar'].url}",
    }
