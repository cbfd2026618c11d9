"""/api/v2/pages/<id>/breadcrumbs/: the public trail from the language's home page down to the page itself."""

import pytest
from django.core.cache import cache

from tests.cms.menus import restrict, revoke_consent_behind_the_api
from tests.factories import StoryPageFactory, UnitPageFactory, fresh

pytestmark = pytest.mark.django_db

HOST = "front.example.org"


def get_breadcrumbs(client, page, **params):
    response = client.get(f"/api/v2/pages/{page.pk}/breadcrumbs/", params, HTTP_HOST=HOST)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def trail(answer):
    return [(item["title"], item["html_path"]) for item in answer["items"]]


def test_an_arabic_story_from_the_home_page_to_itself(client, site_pages):
    story = site_pages["story"]["ar"]

    answer = get_breadcrumbs(client, story)

    assert answer["id"] == story.pk
    assert answer["locale"] == "ar"
    assert trail(answer) == [
        ("مناصرة", "/ar/"),
        ("قصص", "/ar/stories/"),
        ("هدم منزل في سلوان", "/ar/stories/silwan-demolition/"),
    ]
    assert answer["items"][-1] == {
        "id": story.pk,
        "title": "هدم منزل في سلوان",
        "type": "stories.StoryPage",
        "url": f"http://{HOST}/ar/stories/silwan-demolition/",
        "html_path": "/ar/stories/silwan-demolition/",
    }
    assert answer["items"][0]["id"] == site_pages["home"]["ar"].pk


def test_an_english_story(client, site_pages):
    answer = get_breadcrumbs(client, site_pages["story"]["en"])

    assert answer["locale"] == "en"
    assert trail(answer) == [
        ("Munasara", "/en/"),
        ("Stories", "/en/stories/"),
        ("A home demolished in Silwan", "/en/stories/silwan-demolition/"),
    ]
    assert [item["type"] for item in answer["items"]] == [
        "home.HomePage",
        "stories.StoryIndexPage",
        "stories.StoryPage",
    ]


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_home_page_and_a_section(client, site_pages, code):
    home = site_pages["home"][code]
    campaigns = site_pages["campaigns"][code]

    assert [item["id"] for item in get_breadcrumbs(client, home)["items"]] == [home.pk]
    assert [item["id"] for item in get_breadcrumbs(client, campaigns)["items"]] == [home.pk, campaigns.pk]


def test_an_unpublished_section_above_a_live_page_is_left_out(client, site_pages):
    fresh(site_pages["units"]["en"]).unpublish()

    assert trail(get_breadcrumbs(client, site_pages["unit"]["en"])) == [
        ("Munasara", "/en/"),
        ("International Advocacy Unit", "/en/units/advocacy/"),
    ]


def hidden_pages(site_pages):
    draft = StoryPageFactory(parent=site_pages["stories"]["ar"], title="مسودة", publish_page=False)
    restricted = UnitPageFactory(parent=site_pages["units"]["ar"], title="وحدة مقيدة", slug="restricted")
    restrict(restricted)
    unconsented = site_pages["story"]["en"]
    revoke_consent_behind_the_api(unconsented)
    return [draft, restricted, unconsented]


def test_pages_the_public_may_not_see_answer_404(client, site_pages):
    for page in hidden_pages(site_pages):
        response = client.get(f"/api/v2/pages/{page.pk}/breadcrumbs/", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 404, page
        assert response.json() == {"message": f"No public page with id {page.pk}."}
    for missing in ("999999", "99999999999999999999999"):
        response = client.get(f"/api/v2/pages/{missing}/breadcrumbs/", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 404
        assert response.json() == {"message": f"No public page with id {missing}."}


@pytest.mark.parametrize(
    ("params", "named"),
    [({"locale": "en"}, "locale"), ({"depth": "2"}, "depth"), ({"fields": "\u202etitle"}, "fields")],
)
def test_parameters_answer_400_naming_them(client, site_pages, params, named):
    response = client.get(f"/api/v2/pages/{site_pages['story']['ar'].pk}/breadcrumbs/", params)

    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{named}:")


def test_only_get_and_head(client, site_pages):
    url = f"/api/v2/pages/{site_pages['story']['ar'].pk}/breadcrumbs/"

    assert client.post(url).status_code == 405
    assert client.head(url).status_code == 200


def test_query_count_does_not_grow_with_the_depth_of_the_page(client, site_pages, django_assert_max_num_queries):
    parent = site_pages["units"]["ar"]
    for level in range(6):
        parent = UnitPageFactory(parent=parent, title=f"مستوى {level}", slug=f"level-{level}")
    # Wagtail keeps the site's root paths in Django's cache: a worker that has answered anything has them.
    cache.clear()
    client.get("/api/v2/site/")

    with django_assert_max_num_queries(2):
        answer = get_breadcrumbs(client, parent)

    assert len(answer["items"]) == 8
