"""The headless API: every page type in every locale, and nothing that is not public."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignAudience, CampaignPage, CampaignRelatedStory
from core.i18n import translate_page
from home.models import UnitPage
from tests.factories import StoryPageFactory, publish

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "home.HomePage": ["introduction", "body"],
    "home.AboutPage": ["introduction", "body", "founded_year"],
    "home.UnitIndexPage": ["introduction"],
    "home.UnitPage": ["summary", "mission", "founded_reason", "goals", "how_we_work"],
    "campaigns.CampaignIndexPage": ["introduction"],
    "campaigns.CampaignPage": ["status", "start_date", "summary", "audiences", "the_ask", "related_stories"],
    "stories.StoryIndexPage": ["introduction"],
    "stories.StoryPage": ["date", "summary", "neighbourhood", "violation_types", "body"],
}


@pytest.fixture
def every_page_type(site_structure):
    """One published page of each type in Arabic, each with an English translation."""
    unit = UnitPage(title="وحدة المناصرة الدولية", slug="international-advocacy", summary="ملخص", mission="مهمة")
    site_structure["units"]["ar"].add_child(instance=unit)
    publish(unit)
    story = StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        title="هدم منزل في سلوان",
        neighbourhood="silwan",
        violation_types=["home-demolition"],
    )
    campaign = CampaignPage(
        title="أوقفوا الهدم",
        slug="stop-demolitions",
        start_date=datetime.date(2024, 1, 1),
        summary="حملة",
        the_ask="وقف الهدم",
    )
    campaign.audience_links.add(CampaignAudience(audience="eu"))
    campaign.related_story_links.add(CampaignRelatedStory(story=story))
    site_structure["campaigns"]["ar"].add_child(instance=campaign)
    publish(campaign)
    english = {
        unit: {"title": "International Advocacy Unit", "summary": "Summary"},
        story: {"title": "A home demolished in Silwan", "summary": "Summary"},
        campaign: {"title": "Stop the demolitions", "summary": "Campaign"},
    }
    for page, fields in english.items():
        translation = translate_page(page, site_structure["home"]["en"].locale, **fields)
        publish(translation)
    return {"unit": unit, "story": story, "campaign": campaign}


@pytest.mark.smoke
@pytest.mark.parametrize("locale", ["ar", "en"])
@pytest.mark.parametrize("page_type", sorted(PAGE_TYPES))
def test_list_and_detail_for_each_type_and_locale(client, every_page_type, page_type, locale):
    response = client.get("/api/v2/pages/", {"type": page_type, "locale": locale, "fields": "*"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 1, items
    item = items[0]
    assert item["meta"]["type"] == page_type
    assert item["meta"]["locale"] == locale
    for field in PAGE_TYPES[page_type]:
        assert field in item, f"{page_type} lacks {field}"

    detail = client.get(f"/api/v2/pages/{item['id']}/")
    assert detail.status_code == 200
    assert detail.json()["meta"]["locale"] == locale
    assert detail.json()["title"] == item["title"]


def test_story_fields_use_the_terms_of_the_page_locale(client, every_page_type):
    items = client.get(
        "/api/v2/pages/", {"type": "stories.StoryPage", "locale": "en", "fields": "neighbourhood,violation_types"}
    ).json()["items"]
    assert items[0]["neighbourhood"] == {"slug": "silwan", "name": "Silwan"}
    assert items[0]["violation_types"] == [{"slug": "home-demolition", "name": "Home demolition"}]


def test_campaign_lists_audiences_and_related_public_stories(client, every_page_type):
    campaign = every_page_type["campaign"]
    data = client.get(f"/api/v2/pages/{campaign.pk}/").json()
    assert [audience["slug"] for audience in data["audiences"]] == ["eu"]
    assert [story["id"] for story in data["related_stories"]] == [every_page_type["story"].pk]
    assert data["related_stories"][0]["type"] == "stories.StoryPage"


def test_private_and_consent_fields_never_appear(client, every_page_type):
    story = every_page_type["story"]
    body = client.get(f"/api/v2/pages/{story.pk}/").content.decode()
    for name in ("consent_status", "consent_recorded_on", "consent_method", "survivor", "contact"):
        assert name not in body


def test_unpublished_restricted_and_unconsented_pages_are_absent(client, every_page_type, site_structure):
    story = every_page_type["story"]
    draft = StoryPageFactory(parent=site_structure["stories"]["ar"], title="مسودة", publish_page=False)
    pending = StoryPageFactory(
        parent=site_structure["stories"]["ar"], title="بانتظار الموافقة", consent_status="pending", publish_page=False
    )
    restricted = StoryPageFactory(parent=site_structure["stories"]["ar"], title="مقيدة")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="secret")

    ids = {
        item["id"]
        for item in client.get("/api/v2/pages/", {"type": "stories.StoryPage", "locale": "ar", "limit": 50}).json()[
            "items"
        ]
    }
    assert ids == {story.pk}
    for hidden in (draft, pending, restricted):
        response = client.get(f"/api/v2/pages/{hidden.pk}/")
        assert response.status_code == 404
        assert response.json() == {"message": "Not found"} or "message" in response.json()


def test_withdrawn_consent_hides_the_story_in_every_language_at_once(client, every_page_type):
    from stories.services import withdraw_consent

    story = every_page_type["story"]
    withdraw_consent(story)
    response = client.get("/api/v2/pages/", {"type": "stories.StoryPage"})
    assert response.json()["meta"]["total_count"] == 0


@pytest.mark.parametrize(
    "query",
    [{"type": "nonsense.Page"}, {"locale": "xx"}, {"limit": "-1"}, {"offset": "abc"}, {"order": "not_a_field"}],
)
def test_bad_parameters_get_a_json_error_not_a_500(client, every_page_type, query):
    response = client.get("/api/v2/pages/", query)
    assert 400 <= response.status_code < 500
    assert "message" in response.json()
