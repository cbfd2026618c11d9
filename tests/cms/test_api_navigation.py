"""/api/v2/navigation/: the menu of a language, nested, public pages only, in a fixed number of queries."""

import pytest
from django.core.cache import cache
from wagtail.models import Page

from tests.cms.menus import SECTIONS, restrict, revoke_consent_behind_the_api, show_in_menus, show_sections_in_menus
from tests.factories import StoryPageFactory, UnitPageFactory, fresh

pytestmark = pytest.mark.django_db

HOST = "front.example.org"


@pytest.fixture
def menu(site_pages):
    """The sections in the menu in every language, and the advocacy unit under "Our units"."""
    show_sections_in_menus(site_pages)
    show_in_menus(*site_pages["unit"].values())
    return site_pages


def get_navigation(client, **params):
    response = client.get("/api/v2/navigation/", params, HTTP_HOST=HOST)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def link(page, path):
    return {
        "id": page.pk,
        "title": page.title,
        "type": f"{page._meta.app_label}.{type(page).__name__}",
        "url": f"http://{HOST}{path}",
        "html_path": path,
    }


def test_arabic_menu_is_the_default_with_the_sections_in_tree_order(client, menu):
    answer = get_navigation(client)

    assert answer["locale"] == "ar"
    assert answer["depth"] == 1
    assert answer["items"] == [{**link(menu[key]["ar"], f"/ar/{key}/"), "children": []} for key in SECTIONS]
    assert [item["title"] for item in answer["items"]] == ["عن المركز", "وحدات المركز", "الحملات", "قصص"]
    assert "قصص" in client.get("/api/v2/navigation/").content.decode()  # written out, not \\u-escaped


def test_english_menu(client, menu):
    answer = get_navigation(client, locale="en")

    assert answer["locale"] == "en"
    assert [(item["title"], item["html_path"]) for item in answer["items"]] == [
        ("About the Center", "/en/about/"),
        ("Our units", "/en/units/"),
        ("Campaigns", "/en/campaigns/"),
        ("Stories", "/en/stories/"),
    ]
    assert answer["items"][3]["url"] == f"http://{HOST}/en/stories/"


@pytest.mark.parametrize("code", ["ar", "en"])
def test_depth_two_nests_the_menu_children_of_each_section(client, menu, code):
    answer = get_navigation(client, locale=code, depth=2)

    units = answer["items"][1]
    assert units["id"] == menu["units"][code].pk
    assert units["children"] == [{**link(menu["unit"][code], f"/{code}/units/advocacy/"), "children": []}]
    # The story and the campaign are not in menus: their sections have no children here.
    assert [item["children"] for key, item in zip(SECTIONS, answer["items"], strict=True) if key != "units"] == [
        [],
        [],
        [],
    ]
    # Depth 1 leaves the unit out.
    assert get_navigation(client, locale=code)["items"][1]["children"] == []


def test_a_page_whose_parent_is_not_in_the_menu_is_left_out(client, menu):
    Page.objects.filter(pk=menu["units"]["ar"].pk).update(show_in_menus=False)

    answer = get_navigation(client, depth=3)

    assert [item["id"] for item in answer["items"]] == [menu[key]["ar"].pk for key in ("about", "campaigns", "stories")]
    assert f'"id": {menu["unit"]["ar"].pk},' not in client.get("/api/v2/navigation/", {"depth": 3}).content.decode()


def test_drafts_restricted_pages_and_unconsented_stories_never_appear(client, menu):
    fresh(menu["about"]["en"]).unpublish()
    restrict(menu["units"]["ar"])  # shared by its translations, and hides the advocacy unit below it too
    show_in_menus(*menu["story"].values())
    show_in_menus(StoryPageFactory(parent=menu["stories"]["ar"], title="مسودة", publish_page=False))
    # Both stories are in the Arabic menu until the consent goes: the draft never.
    stories = get_navigation(client, depth=2)["items"][-1]
    assert [child["id"] for child in stories["children"]] == [menu["story"]["ar"].pk]

    revoke_consent_behind_the_api(menu["story"]["ar"])

    english = get_navigation(client, locale="en", depth=3)
    arabic = get_navigation(client, locale="ar", depth=3)
    assert [item["title"] for item in english["items"]] == ["Campaigns", "Stories"]
    assert [item["title"] for item in arabic["items"]] == ["عن المركز", "الحملات", "قصص"]
    assert english["items"][1]["children"] == arabic["items"][2]["children"] == []


def test_a_language_without_a_public_home_page_has_an_empty_menu(client, menu):
    fresh(menu["home"]["fr"]).unpublish()

    assert get_navigation(client, locale="fr") == {"locale": "fr", "depth": 1, "items": []}


def test_query_count_does_not_grow_with_depth_or_items(client, menu, django_assert_max_num_queries):
    for number in range(12):
        unit = UnitPageFactory(parent=menu["units"]["ar"], title=f"وحدة {number}", slug=f"unit-{number}")
        show_in_menus(unit)
        show_in_menus(UnitPageFactory(parent=unit, title=f"فرع {number}", slug=f"branch-{number}"))
    # Wagtail keeps the site's root paths in Django's cache: a worker that has answered anything has them.
    cache.clear()
    client.get("/api/v2/site/")

    with django_assert_max_num_queries(3):
        answer = get_navigation(client, depth=5)

    units = answer["items"][1]["children"]
    assert len(units) == 13
    assert all(len(unit["children"]) == 1 for unit in units[1:])


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"depth": "0"}, "depth"),
        ({"depth": "6"}, "depth"),
        ({"depth": "two"}, "depth"),
        ({"depth": "٢"}, "depth"),  # an Arabic-Indic digit is not a depth the API reads
        ({"depth": "99999999999999999999999"}, "depth"),
        ({"locale": "xx"}, "locale"),
        ({"locale": ""}, "locale"),
        ({"limit": "5"}, "limit"),
        ({"locale": "ar\u202e"}, "locale"),
        ({"locale": "ar\x00"}, "locale"),
    ],
)
def test_bad_parameters_answer_400_naming_them(client, menu, params, named):
    response = client.get("/api/v2/navigation/", params, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith(f"{named}:")


def test_only_get_and_head(client, menu):
    response = client.post("/api/v2/navigation/")

    assert response.status_code == 405
    assert "message" in response.json()
    assert client.head("/api/v2/navigation/").status_code == 200
