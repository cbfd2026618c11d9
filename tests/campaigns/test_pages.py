"""The public campaign listing and campaign pages."""

import datetime

import pytest

from tests.factories import CampaignPageFactory, StoryPageFactory, fresh, publish_translation
from tests.markup import main_text, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaigns(site_structure):
    index = site_structure["campaigns"]["ar"]
    story = StoryPageFactory(parent=site_structure["stories"]["ar"], title="هدم منزل في سلوان")
    draft_story = StoryPageFactory(parent=site_structure["stories"]["ar"], title="قصة لم تنشر", publish_page=False)
    active = CampaignPageFactory(
        parent=index,
        title="أوقفوا هدم المنازل",
        slug="stop-demolitions",
        start_date=datetime.date(2024, 1, 10),
        summary="حملة تدعو الحكومات الأوروبية إلى التحرك.",
        the_ask="وقف فوري لأوامر الهدم.",
        call_to_action_label="وقّع العريضة",
        call_to_action_url="https://example.org/petition",
        audiences=["eu", "un"],
        related_stories=[story, draft_story],
    )
    closed = CampaignPageFactory(
        parent=index,
        title="الحق في الإقامة",
        slug="residency",
        status="closed",
        start_date=datetime.date(2019, 3, 1),
        end_date=datetime.date(2021, 6, 30),
    )
    active_en = publish_translation(
        active,
        "en",
        title="Stop the demolitions",
        summary="A campaign calling on European governments to act.",
        the_ask="An immediate halt to demolition orders.",
        call_to_action_label="Sign the petition",
    )
    return {
        "index": {code: fresh(site_structure["campaigns"][code]) for code in ("ar", "en")},
        "campaign": {"ar": fresh(active), "en": fresh(active_en)},
        "closed": fresh(closed),
    }


@pytest.mark.parametrize(
    ("language", "status", "dates", "audiences"),
    [
        ("ar", "جارية", "منذ 10 كانون الثاني 2024", ["الاتحاد الأوروبي", "الأمم المتحدة"]),
        ("en", "Active", "Since 10 January 2024", ["European Union", "United Nations"]),
    ],
)
def test_campaign_page_shows_status_dates_audiences_ask_and_action(
    client, campaigns, language, status, dates, audiences
):
    page = campaigns["campaign"][language]

    soup = parse(client.get(page.url))

    assert soup.select_one(".badge").get_text(strip=True) == status
    assert " ".join(soup.select_one(".eyebrow .dates").get_text(" ").split()) == dates
    assert soup.select_one("time")["datetime"] == "2024-01-10"
    assert [item.get_text(strip=True) for item in soup.select("[aria-labelledby=campaign-audiences] li")] == audiences
    assert page.the_ask in soup.select_one(".the-ask").get_text()
    action = soup.select_one(".the-ask a.button")
    assert (action["href"], action.get_text(strip=True)) == ("https://example.org/petition", page.call_to_action_label)


def test_campaign_page_lists_only_public_related_stories(client, campaigns):
    soup = parse(client.get(campaigns["campaign"]["ar"].url))

    related = [heading.get_text(strip=True) for heading in soup.select("[aria-labelledby=related-stories] h3")]
    assert related == ["هدم منزل في سلوان"]
    assert "قصة لم تنشر" not in main_text(soup)


def test_closed_campaign_shows_its_date_range(client, campaigns):
    soup = parse(client.get(campaigns["closed"].url))

    assert soup.select_one(".badge").get_text(strip=True) == "منتهية"
    assert [time["datetime"] for time in soup.select(".eyebrow time")] == ["2019-03-01", "2021-06-30"]
    assert soup.select_one(".the-ask a") is None, "no call to action without a link"


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (None, ["أوقفوا هدم المنازل", "الحق في الإقامة"]),
        ("active", ["أوقفوا هدم المنازل"]),
        ("closed", ["الحق في الإقامة"]),
    ],
)
def test_campaign_index_filters_by_status(client, campaigns, status, expected):
    query = {"status": status} if status else {}

    soup = parse(client.get(campaigns["index"]["ar"].url, query))

    assert [heading.get_text(strip=True) for heading in soup.select("main .card h2")] == expected
    current = soup.select_one('nav.filter-tabs a[aria-current="page"]')
    assert current["href"].endswith(f"?status={status}" if status else "/campaigns/")


def test_campaign_index_paginates(client, campaigns, site_structure):
    index = campaigns["index"]["ar"]
    for number in range(9):
        CampaignPageFactory(parent=index, title=f"حملة إضافية {number}", start_date=datetime.date(2020, 1, number + 1))

    first = parse(client.get(index.url))
    second = parse(client.get(index.url, {"page": 2}))

    assert len(first.select("main .card")) == 9
    assert len(second.select("main .card")) == 2
    assert first.select_one('nav.pagination a[rel="next"]')["href"] == "?page=2"
    assert second.select_one('nav.pagination a[rel="prev"]')["href"] == "?page=1"
    assert second.select_one('nav.pagination a[aria-current="page"]').get_text(strip=True).endswith("2")
    assert first.select_one("nav.pagination")["aria-label"] == "صفحات الحملات"
    titles = {h.get_text(strip=True) for soup in (first, second) for h in soup.select("main .card h2")}
    assert len(titles) == 11
