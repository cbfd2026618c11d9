"""Results that make sense (issue 11, item 3): content dates, no structural pages, dates and labels as pages have them.

Every test runs on the database backend and on the real engine (``backend`` in conftest.py).
"""

import datetime

import pytest

from tests.factories import CampaignPageFactory, UnitPageFactory
from tests.markup import assert_accessible_page, parse

STRUCTURAL_TYPES = {"home.HomePage", "stories.StoryIndexPage", "campaigns.CampaignIndexPage", "home.UnitIndexPage"}


def index(page, committed):
    """A page created outside ``make_story`` reaches the index as after a real commit."""
    from search import outbox

    with committed():
        outbox.schedule([page.pk])
    return page


@pytest.fixture
def dated_content(site, make_story, committed):
    stories = [
        make_story("هدم بيت في سلوان", date=datetime.date(2016, 2, 12)),
        make_story("هدم بيت في الطور", date=datetime.date(2016, 8, 1)),
        make_story("هدم مدرسة", date=datetime.date(2019, 3, 3)),
    ]
    with committed():
        campaign = CampaignPageFactory.create(
            parent=site["campaigns"]["ar"], title="حملة ضد الهدم", start_date=datetime.date(2023, 4, 5)
        )
        unit = UnitPageFactory.create(parent=site["units"]["ar"], title="وحدة توثيق الهدم")
    return {"stories": stories, "campaign": campaign, "unit": unit}


def test_the_year_facet_counts_content_dates_only(dated_content, api):
    listing = api(locale="ar", page_size=50).json()
    years = {item["value"]: item["count"] for item in listing["facets"]["year"]}
    # Three stories by their event date, the campaign by its start; the unit, the about page, the home page
    # and the section indexes have no content date, so "this year" does not appear because they were published.
    assert years == {"2016": 2, "2019": 1, "2023": 1}
    dates = {result["id"]: result["date"] for result in listing["results"]}
    assert dates[dated_content["campaign"].pk] == "2023-04-05"
    assert dates[dated_content["stories"][0].pk] == "2016-02-12"
    assert dates[dated_content["unit"].pk] is None

    in_2023 = api(locale="ar", year="2023").json()
    assert [result["id"] for result in in_2023["results"]] == [dated_content["campaign"].pk]


def test_structural_pages_are_never_results(dated_content, site, api, client):
    listing = api(locale="ar", page_size=50).json()
    types = {result["type"] for result in listing["results"]}
    assert not types & STRUCTURAL_TYPES
    assert not {item["value"] for item in listing["facets"]["type"]} & STRUCTURAL_TYPES
    assert {"stories.StoryPage", "campaigns.CampaignPage", "home.UnitPage", "home.AboutPage"} <= types

    # Their titles are words readers type, and still they are not found.
    for locale, q in (("en", "Munasara"), ("en", "Stories"), ("en", "Campaigns"), ("fr", "Témoignages"), ("ar", "قصص")):
        found = {result["type"] for result in api(q=q, locale=locale).json()["results"]}
        assert not found & STRUCTURAL_TYPES, (locale, q)
        suggested = api("/api/v2/search/suggest/", q=q[:4], locale=locale).json()["results"]
        assert not {item["type"] for item in suggested} & STRUCTURAL_TYPES, (locale, q)
    listed = parse(client.get("/en/search/")).select(".search-results a")
    assert listed and not {link["href"] for link in listed} & {site["home"]["en"].url, site["stories"]["en"].url}

    # Asking for them by type is a bad request, not an empty answer.
    response = api(type="home.HomePage", locale="ar")
    assert response.status_code == 400 and "type" in response.json()["errors"]


@pytest.mark.parametrize(
    ("language", "q", "title", "shown"),
    [
        ("en", "demolition", "A demolition in Silwan", "12 February 2024"),
        ("fr", "démolition", "Une démolition à Silwan", "12 février 2024"),
        ("ar", "هدم", "هدم بيت في سلوان", "12 شباط 2024"),
    ],
)
def test_result_dates_read_as_on_the_story_page(make_story, client, language, q, title, shown):
    story = make_story(title, locale=language, date=datetime.date(2024, 2, 12))
    on_page = client.get(story.url).content.decode()
    in_results = client.get(f"/{language}/search/", {"q": q}).content.decode()
    time = f'<time datetime="2024-02-12">{shown}</time>'
    assert time in on_page
    assert time in in_results


def test_facet_labels_are_in_the_page_language(make_story, client):
    make_story("هدم بيت في سلوان", neighbourhood="silwan", violation_types=["home-demolition"])
    make_story("A demolition in Silwan", locale="en", neighbourhood="silwan", violation_types=["home-demolition"])
    arabic = parse(client.get("/ar/search/", {"q": "هدم"}))
    english = parse(client.get("/en/search/", {"q": "demolition"}, HTTP_ACCEPT_LANGUAGE="ar"))
    arabic_labels = arabic.select_one("details.search-facets").get_text(" ")
    english_labels = english.select_one("details.search-facets").get_text(" ")
    assert "سلوان" in arabic_labels and "Silwan" not in arabic_labels
    assert "Silwan" in english_labels and "سلوان" not in english_labels
    assert "Neighbourhood" in english_labels and "Story" in english_labels


def test_on_a_phone_results_come_first_and_facets_fold_away(make_story, client):
    for number in range(3):
        make_story(f"هدم بيت رقم {number}", neighbourhood="silwan", violation_types=["home-demolition"])
    soup = parse(client.get("/ar/search/", {"q": "هدم"}))
    assert_accessible_page(soup, "ar")
    layout = soup.select_one(".search-layout")
    blocks = [child for child in layout.find_all(recursive=False)]
    assert [block.name for block in blocks] == ["section", "details"]  # Results, then the facets.
    facets = blocks[1]
    assert facets.get("open") is None and facets.find("summary").get_text(strip=True)
    assert facets.find("form").find("button", type="submit")  # Works without JavaScript.
    assert not soup.select("main [style], main script")  # CSP: no inline style or script.

    # With a filter chosen, the facets stay open so the reader sees what is applied.
    filtered = parse(client.get("/ar/search/", {"q": "هدم", "neighbourhood": "silwan"}))
    assert filtered.select_one("details.search-facets").get("open") is not None
