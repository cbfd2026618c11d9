"""A headless front end's walk through the site, using only the API (issue 9's walk test).

After the setup, nothing here reads the database: every id, path and title the walk follows
comes out of an API answer, as it would in a Next.js site or a mobile app.
"""

from urllib.parse import urlsplit

import pytest

from tests.cms.menus import show_sections_in_menus

pytestmark = pytest.mark.django_db

HOST = "front.example.org"
COMPONENTS = "navigation,breadcrumbs,translations"


@pytest.fixture
def site(site_pages):
    """The demo-like site: a page of every type in three languages, the sections ticked "show in menus"."""
    show_sections_in_menus(site_pages)
    return site_pages


class FrontEnd:
    """What a front end knows: the API's address and what it has been told."""

    def __init__(self, client):
        self.client = client

    def get(self, path, **params):
        response = self.client.get(f"/api/v2/{path}", params, HTTP_HOST=HOST)
        assert response.status_code == 200, (path, params, response.content)
        assert response["Content-Type"] == "application/json"
        return response.json()

    def page_at(self, html_path):
        """A page by its path, with its menu, breadcrumbs and translations: one request per page."""
        return self.get("pages/find/", html_path=html_path, expand=COMPONENTS)

    def page(self, page_id):
        return self.get(f"pages/{page_id}/", expand=COMPONENTS)


def menu_titles(page):
    return [item["title"] for item in page["@components"]["navigation"]["items"]]


def trail(page):
    return [(item["title"], item["html_path"]) for item in page["@components"]["breadcrumbs"]["items"]]


def test_from_the_arabic_home_page_to_a_story_and_its_english_translation(client, site):
    front = FrontEnd(client)

    # The frame: the site's languages, their direction and home pages.
    frame = front.get("site/", locale="ar")
    languages = {language["code"]: language for language in frame["locales"]}
    assert (languages["ar"]["direction"], languages["en"]["direction"]) == ("rtl", "ltr")
    assert urlsplit(languages["ar"]["root"]["url"]).path == "/ar/"

    # The Arabic home page, by its path, with the menu.
    home = front.page_at("/ar/")
    assert home["id"] == languages["ar"]["root"]["id"]
    assert home["title"] == "مناصرة"
    assert home["meta"]["locale"] == "ar"
    assert menu_titles(home) == ["عن المركز", "وحدات المركز", "الحملات", "قصص"]
    assert home["@components"]["navigation"] == front.get("navigation/", locale="ar")
    assert trail(home) == [("مناصرة", "/ar/")]

    # The menu leads to the stories index; the index lists its stories.
    stories_item = next(
        item for item in home["@components"]["navigation"]["items"] if item["type"] == "stories.StoryIndexPage"
    )
    assert stories_item["url"] == f"http://{HOST}/ar/stories/"
    stories = front.page_at(stories_item["html_path"])
    assert (stories["id"], stories["title"]) == (stories_item["id"], "قصص")
    assert trail(stories) == [("مناصرة", "/ar/"), ("قصص", "/ar/stories/")]
    listed = front.get("pages/", child_of=stories["id"], type="stories.StoryPage", fields="title")
    assert [item["title"] for item in listed["items"]] == ["هدم منزل في سلوان"]

    # The story, with its breadcrumbs.
    story = front.page(listed["items"][0]["id"])
    assert story["title"] == "هدم منزل في سلوان"
    assert story["meta"]["html_url"] == f"http://{HOST}/ar/stories/silwan-demolition/"
    assert trail(story) == [
        ("مناصرة", "/ar/"),
        ("قصص", "/ar/stories/"),
        ("هدم منزل في سلوان", "/ar/stories/silwan-demolition/"),
    ]
    assert story["@components"]["breadcrumbs"] == front.get(f"pages/{story['id']}/breadcrumbs/")

    # Its language switcher offers English and French; the front end follows English by its path.
    translations = {item["locale"]: item for item in story["@components"]["translations"]}
    assert list(translations) == ["en", "fr"]
    assert story["meta"]["translations"] == story["@components"]["translations"]
    english = front.page_at(urlsplit(translations["en"]["url"]).path)
    assert english["id"] == translations["en"]["id"]
    assert english["title"] == "A home demolished in Silwan"
    assert english["meta"]["locale"] == "en"
    assert menu_titles(english) == ["About the Center", "Our units", "Campaigns", "Stories"]
    assert trail(english) == [
        ("Munasara", "/en/"),
        ("Stories", "/en/stories/"),
        ("A home demolished in Silwan", "/en/stories/silwan-demolition/"),
    ]
    # And back: the English page's switcher points at the Arabic story.
    back = {item["locale"]: item["id"] for item in english["@components"]["translations"]}
    assert back["ar"] == story["id"]
