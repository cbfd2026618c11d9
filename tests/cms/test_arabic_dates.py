"""Arabic dates read as Palestinian publications print them ("3 حزيران 2024"); the API keeps ISO dates."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.users.models import UserProfile

from tests.factories import CampaignPageFactory, StoryPageFactory, locale, publish_translation
from tests.markup import parse

pytestmark = pytest.mark.django_db

LEVANTINE_MONTHS = {
    1: "كانون الثاني",
    2: "شباط",
    3: "آذار",
    4: "نيسان",
    5: "أيار",
    6: "حزيران",
    7: "تموز",
    8: "آب",
    9: "أيلول",
    10: "تشرين الأول",
    11: "تشرين الثاني",
    12: "كانون الأول",
}
# Django's Arabic catalogue names the months the Egyptian way.
EGYPTIAN_MONTHS = (
    *("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو"),
    *("يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
)


def shown_dates(soup):
    """The dates in ``<main>`` as {machine-readable date: the text a reader sees}."""
    return {time["datetime"]: time.get_text(strip=True) for time in soup.select("main time[datetime]")}


@pytest.fixture
def story(site_structure):
    arabic = StoryPageFactory(
        parent=site_structure["stories"]["ar"], title="بيت في البستان", slug="bustan", date=datetime.date(2024, 6, 3)
    )
    publish_translation(arabic, "en", title="A home in al-Bustan", slug="bustan")
    publish_translation(arabic, "fr", title="Une maison à al-Bustan", slug="bustan")
    return arabic


def test_story_page_shows_the_levantine_month(client, story):
    assert shown_dates(parse(client.get(story.url))) == {"2024-06-03": "3 حزيران 2024"}


@pytest.mark.parametrize(("language", "expected"), [("en", "3 June 2024"), ("fr", "3 juin 2024")])
def test_english_and_french_keep_their_own_month_names(client, story, language, expected):
    translation = story.get_translation(locale(language))

    assert shown_dates(parse(client.get(translation.url))) == {"2024-06-03": expected}


def test_story_index_names_every_month_the_levantine_way(client, site_structure):
    index = site_structure["stories"]["ar"]
    for month in LEVANTINE_MONTHS:
        StoryPageFactory(parent=index, date=datetime.date(2023, month, month + 10))

    shown = {}
    for number in (1, 2):  # nine stories to a page
        shown |= shown_dates(parse(client.get(f"{index.url}?page={number}")))

    assert shown == {
        f"2023-{month:02d}-{month + 10}": f"{month + 10} {name} 2023" for month, name in LEVANTINE_MONTHS.items()
    }
    assert not any(egyptian in text for text in shown.values() for egyptian in EGYPTIAN_MONTHS)


def test_campaign_dates_use_levantine_months(client, site_structure):
    campaign = CampaignPageFactory(
        parent=site_structure["campaigns"]["ar"],
        start_date=datetime.date(2024, 1, 10),
        end_date=datetime.date(2024, 8, 1),
    )

    for url in (campaign.url, site_structure["campaigns"]["ar"].url):
        dates = shown_dates(parse(client.get(url)))
        assert dates["2024-01-10"] == "10 كانون الثاني 2024", url
        assert dates["2024-08-01"] == "1 آب 2024", url


def test_api_keeps_iso_dates(client, story, site_structure):
    campaign = CampaignPageFactory(parent=site_structure["campaigns"]["ar"], start_date=datetime.date(2024, 1, 10))

    listing = client.get(
        "/api/v2/pages/?type=stories.StoryPage&locale=ar&fields=date", HTTP_ACCEPT_LANGUAGE="ar"
    ).json()
    detail = client.get(f"/api/v2/pages/{campaign.pk}/", HTTP_ACCEPT_LANGUAGE="ar").json()

    assert [item["date"] for item in listing["items"]] == ["2024-06-03"]
    assert (detail["start_date"], detail["end_date"]) == ("2024-01-10", None)


def test_admin_dates_use_levantine_months(client, story):
    user = get_user_model().objects.create_superuser("muharrira", "editor@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(user)
    edited = timezone.localtime(story.latest_revision_created_at)

    soup = parse(client.get(f"/admin/pages/{story.get_parent().pk}/"))

    # The "updated" column's tooltip: DATETIME_FORMAT from cms/formats/ar.
    tooltips = [button["data-w-tooltip-content-value"] for button in soup.select("button.w-human-readable-date")]
    assert f"{edited.day} {LEVANTINE_MONTHS[edited.month]} {edited.year}، " in " | ".join(tooltips)
