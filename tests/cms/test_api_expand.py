"""``?expand=navigation,breadcrumbs,translations`` on a page's detail: the page and its frame in one request."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.cms.menus import revoke_consent_behind_the_api, show_in_menus, show_sections_in_menus
from tests.factories import UnitPageFactory, fresh

pytestmark = pytest.mark.django_db

HOST = "front.example.org"
EVERYTHING = "navigation,breadcrumbs,translations"


@pytest.fixture
def menu(site_pages):
    show_sections_in_menus(site_pages)
    show_in_menus(*site_pages["unit"].values())
    return site_pages


def get(client, url, **params):
    response = client.get(url, params, HTTP_HOST=HOST, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, response.content
    return response.json()


def detail(client, page, **params):
    return get(client, f"/api/v2/pages/{page.pk}/", **params)


@pytest.mark.parametrize("code", ["ar", "en"])
def test_a_story_with_every_component_matches_their_own_endpoints(client, menu, code):
    story = menu["story"][code]

    answer = detail(client, story, expand=EVERYTHING)

    assert answer["id"] == story.pk
    assert answer["title"] == story.title
    components = answer["@components"]
    assert list(components) == ["navigation", "breadcrumbs", "translations"]
    assert components["navigation"] == get(client, "/api/v2/navigation/", locale=code)
    assert components["breadcrumbs"] == get(client, f"/api/v2/pages/{story.pk}/breadcrumbs/")
    assert components["translations"] == answer["meta"]["translations"]
    others = [other for other in ("ar", "en", "fr") if other != code]
    assert [(item["locale"], item["id"]) for item in components["translations"]] == [
        (other, menu["story"][other].pk) for other in others
    ]
    assert components["navigation"]["locale"] == code
    assert components["breadcrumbs"]["items"][-1]["html_path"] == f"/{code}/stories/silwan-demolition/"


def test_only_the_requested_components_and_none_without_expand(client, menu):
    story = menu["story"]["ar"]

    assert list(detail(client, story, expand="breadcrumbs")["@components"]) == ["breadcrumbs"]
    assert list(detail(client, story, expand="translations,navigation")["@components"]) == [
        "navigation",
        "translations",
    ]
    assert "@components" not in detail(client, story)


def test_translations_come_even_when_fields_leave_meta_translations_out(client, menu):
    story = menu["story"]["en"]

    answer = detail(client, story, expand="translations", fields="-translations")

    assert "translations" not in answer["meta"]
    assert [item["locale"] for item in answer["@components"]["translations"]] == ["ar", "fr"]
    assert answer["@components"]["translations"][0]["url"] == f"http://{HOST}/ar/stories/silwan-demolition/"


def test_navigation_depth(client, menu):
    units = menu["units"]["en"]

    shallow = detail(client, units, expand="navigation")["@components"]["navigation"]
    deep = detail(client, units, expand="navigation", navigation_depth="2")["@components"]["navigation"]

    assert shallow["depth"] == 1
    assert shallow["items"][1]["children"] == []
    assert deep == get(client, "/api/v2/navigation/", locale="en", depth="2")
    assert deep["items"][1]["children"][0]["title"] == "International Advocacy Unit"


def test_hidden_pages_are_not_in_any_component(client, menu):
    fresh(menu["about"]["ar"]).unpublish()
    fresh(menu["unit"]["fr"]).unpublish()
    show_in_menus(*menu["story"].values())
    revoke_consent_behind_the_api(menu["story"]["ar"])  # the story is hidden in every language

    answer = detail(client, menu["unit"]["ar"], expand=EVERYTHING, navigation_depth="2")["@components"]

    assert [item["title"] for item in answer["navigation"]["items"]] == ["وحدات المركز", "الحملات", "قصص"]
    assert answer["navigation"]["items"][2]["children"] == []
    assert [item["locale"] for item in answer["translations"]] == ["en"]


def test_find_by_path_keeps_the_expansion(client, menu):
    response = client.get(
        "/api/v2/pages/find/",
        {"html_path": "/en/stories/silwan-demolition/", "expand": "breadcrumbs"},
        HTTP_HOST=HOST,
        follow=True,
    )

    assert response.status_code == 200, response.content
    answer = response.json()
    assert answer["id"] == menu["story"]["en"].pk
    assert [item["title"] for item in answer["@components"]["breadcrumbs"]["items"]] == [
        "Munasara",
        "Stories",
        "A home demolished in Silwan",
    ]


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"expand": "navigation,comments"}, "expand"),
        ({"expand": ""}, "expand"),
        ({"expand": "navigation,"}, "expand"),
        ({"expand": "Navigation"}, "expand"),
        ({"expand": "breadcrumbs", "navigation_depth": "2"}, "navigation_depth"),
        ({"navigation_depth": "2"}, "navigation_depth"),
        ({"expand": "navigation", "navigation_depth": "0"}, "navigation_depth"),
        ({"expand": "navigation", "navigation_depth": "6"}, "navigation_depth"),
        ({"expand": "navigation", "navigation_depth": "deep"}, "navigation_depth"),
    ],
)
def test_bad_expansions_answer_400_naming_the_parameter(client, menu, params, named):
    response = client.get(f"/api/v2/pages/{menu['story']['ar'].pk}/", params, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400, response.content
    assert response.json()["message"].startswith(f"{named}:")


def test_the_listing_refuses_expand(client, menu):
    response = client.get("/api/v2/pages/", {"expand": "navigation"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json()["message"].startswith("expand:")


def count_queries(client, url, **params):
    with CaptureQueriesContext(connection) as captured:
        get(client, url, **params)
    return len(captured)


def warm_worker(client, story):
    """Wagtail's site root paths in the cache and Django's content types known, as in a worker that has answered."""
    cache.clear()
    client.get(f"/api/v2/pages/{story.pk}/")


def test_components_cost_a_fixed_number_of_queries(client, menu):
    story = menu["story"]["ar"]
    url = f"/api/v2/pages/{story.pk}/"
    warm_worker(client, story)
    plain = count_queries(client, url)
    expanded = count_queries(client, url, expand=EVERYTHING, navigation_depth="5")

    for number in range(10):
        unit = UnitPageFactory(parent=menu["units"]["ar"], title=f"وحدة {number}", slug=f"unit-{number}")
        show_in_menus(unit, UnitPageFactory(parent=unit, title=f"فرع {number}", slug=f"branch-{number}"))
    warm_worker(client, story)

    # One query each for navigation and breadcrumbs (sharing the detail's read of the view restrictions);
    # the translations are the detail's own.
    assert expanded - plain <= 2
    assert count_queries(client, url, expand=EVERYTHING, navigation_depth="5") == expanded
