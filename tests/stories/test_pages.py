"""The public story listing (filters, pagination) and story pages, and what they must never show."""

import datetime

import pytest

from core.models import Neighbourhood
from stories.models import ConsentRecord, SurvivorRecord
from stories.services import withdraw_consent
from tests.factories import CampaignPageFactory, StoryPageFactory, fresh, locale, publish_translation
from tests.markup import main_text, parse, text

pytestmark = pytest.mark.django_db


def listed_titles(soup):
    return [heading.get_text(strip=True) for heading in soup.select("main .story-card h3")]


@pytest.fixture
def stories(site_structure):
    index = site_structure["stories"]["ar"]
    silwan_2020 = StoryPageFactory(
        parent=index,
        title="هدم منزل في سلوان",
        slug="silwan-demolition",
        date=datetime.date(2020, 5, 17),
        neighbourhood="silwan",
        violation_types=["home-demolition", "building-permit-denial"],
        summary="هدمت السلطات منزل عائلة في سلوان.",
        body=[("paragraph", "<p>بنى أبو خالد منزله عام 1998.</p>")],
    )
    silwan_2021 = StoryPageFactory(
        parent=index,
        title="إقامة مسحوبة في سلوان",
        date=datetime.date(2021, 2, 3),
        neighbourhood="silwan",
        violation_types=["residency-revocation"],
    )
    safafa_2021 = StoryPageFactory(
        parent=index,
        title="طريق يشطر بيت صفافا",
        date=datetime.date(2021, 8, 9),
        neighbourhood="beit-safafa",
        violation_types=["home-demolition"],
    )
    english = publish_translation(
        silwan_2020,
        "en",
        title="A home demolished in Silwan",
        summary="The authorities demolished a family home in Silwan.",
        neighbourhood=Neighbourhood.objects.get(slug="silwan", locale=locale("en")),
    )
    return {
        "index": {code: fresh(site_structure["stories"][code]) for code in ("ar", "en")},
        "story": {"ar": fresh(silwan_2020), "en": fresh(english)},
        "silwan_2021": fresh(silwan_2021),
        "safafa_2021": fresh(safafa_2021),
    }


@pytest.mark.parametrize(
    ("language", "date", "neighbourhood", "violations"),
    [
        ("ar", "17 أيار 2020", "سلوان", ["هدم المنازل", "رفض تصاريح البناء"]),
        ("en", "17 May 2020", "Silwan", ["Home demolition", "Denial of building permits"]),
    ],
)
def test_story_page_shows_date_place_violations_summary_body_and_anonymity(
    client, stories, language, date, neighbourhood, violations
):
    page = stories["story"][language]

    soup = parse(client.get(page.url))

    meta = soup.select_one("main dl.meta")
    assert meta.select_one("time").get_text(strip=True) == date
    assert meta.select_one("time")["datetime"] == "2020-05-17"
    assert neighbourhood in text(meta)
    assert [item.get_text(strip=True) for item in meta.select(".tags li")] == violations
    assert page.summary in main_text(soup)
    note = soup.select_one("aside.note")
    assert note is not None and note.get("aria-label")


def test_story_body_is_rendered(client, stories):
    assert "بنى أبو خالد منزله عام 1998." in main_text(parse(client.get(stories["story"]["ar"].url)))


def test_story_that_is_not_anonymised_has_no_anonymity_note(client, stories):
    ConsentRecord.objects.filter(story_translation_key=stories["story"]["ar"].translation_key).update(anonymised=False)

    assert parse(client.get(stories["story"]["ar"].url)).select_one("aside.note") is None


def test_consent_details_and_the_survivor_record_never_reach_the_page(client, stories):
    story = stories["story"]["ar"]
    SurvivorRecord.objects.create(
        story_translation_key=story.translation_key,
        survivor_name="خالد عبد الرحمن السري",
        contact="+970-59-000-1234",
        notes="يفضل التواصل مساءً",
    )

    for url in (story.url, stories["index"]["ar"].url, stories["story"]["en"].url, "/ar/"):
        html = client.get(url).content.decode()
        for secret in ("خالد عبد الرحمن السري", "+970-59-000-1234", "يفضل التواصل مساءً"):
            assert secret not in html, f"{url} shows {secret}"
        # Consent method and recording date are for staff only.
        for detail in ("نموذج مكتوب", "Written form", "2020-06-01", "1 حزيران 2020", "1 يونيو 2020", "1 June 2020"):
            assert detail not in html, f"{url} shows the consent detail {detail}"


def test_story_page_lists_public_related_campaigns(client, stories, site_structure):
    story = stories["story"]["ar"]
    CampaignPageFactory(parent=site_structure["campaigns"]["ar"], title="أوقفوا الهدم", related_stories=[story])
    CampaignPageFactory(
        parent=site_structure["campaigns"]["ar"], title="حملة مسودة", related_stories=[story], publish_page=False
    )

    soup = parse(client.get(story.url))

    related = [heading.get_text(strip=True) for heading in soup.select("[aria-labelledby=related-campaigns] h3")]
    assert related == ["أوقفوا الهدم"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["طريق يشطر بيت صفافا", "إقامة مسحوبة في سلوان", "هدم منزل في سلوان"]),
        ({"violation_type": "home-demolition"}, ["طريق يشطر بيت صفافا", "هدم منزل في سلوان"]),
        ({"neighbourhood": "silwan"}, ["إقامة مسحوبة في سلوان", "هدم منزل في سلوان"]),
        ({"year": "2021"}, ["طريق يشطر بيت صفافا", "إقامة مسحوبة في سلوان"]),
        ({"violation_type": "home-demolition", "neighbourhood": "silwan", "year": "2020"}, ["هدم منزل في سلوان"]),
        ({"violation_type": "residency-revocation", "year": "2020"}, []),
        ({"neighbourhood": "sheikh-jarrah"}, []),
    ],
)
def test_story_filters_narrow_the_listing(client, stories, query, expected):
    soup = parse(client.get(stories["index"]["ar"].url, query))

    assert listed_titles(soup) == expected
    form = soup.select_one("main form.filter-form")
    assert form["method"] == "get"
    for name, value in query.items():
        assert form.select_one(f'select[name="{name}"] option[selected]')["value"] == value
    if not expected:
        assert "لا توجد قصص تطابق هذه المعايير." in main_text(soup)


def test_filter_form_is_labelled_and_uses_the_page_language(client, stories):
    soup = parse(client.get(stories["index"]["en"].url))

    labels = {label.get_text(strip=True): label["for"] for label in soup.select("form.filter-form label")}
    assert labels == {"Violation type": "id_violation_type", "Neighbourhood": "id_neighbourhood", "Year": "id_year"}
    options = [option.get_text(strip=True) for option in soup.select("#id_neighbourhood option")]
    assert "Silwan" in options and "سلوان" not in options
    assert [option["value"] for option in soup.select("#id_year option")] == ["", "2020"]


def test_filters_work_in_english_with_the_same_slugs(client, stories):
    soup = parse(
        client.get(stories["index"]["en"].url, {"violation_type": "home-demolition", "neighbourhood": "silwan"})
    )

    assert listed_titles(soup) == ["A home demolished in Silwan"]
    assert "1 story" in text(soup.select_one(".results__count"))


def test_an_unknown_filter_value_is_reported_next_to_its_field(client, stories):
    soup = parse(client.get(stories["index"]["ar"].url, {"year": "1850"}))

    error = soup.select_one(".field__error")
    assert error is not None and error["id"] == "id_year-error"
    assert len(listed_titles(soup)) == 3, "an invalid filter narrows nothing"


def test_one_invalid_filter_value_narrows_nothing_and_clearing_is_offered(client, stories):
    soup = parse(client.get(stories["index"]["ar"].url, {"neighbourhood": "silwan", "violation_type": "no-such-type"}))

    assert soup.select_one("#id_violation_type-error") is not None
    assert soup.select_one("#id_neighbourhood-error") is None
    assert len(listed_titles(soup)) == 3
    assert soup.select_one(f'form.filter-form a[href="{stories["index"]["ar"].url}"]') is not None


def test_only_the_years_of_listed_stories_are_offered(client, stories, site_structure):
    hidden = StoryPageFactory(
        parent=site_structure["stories"]["ar"], title="قصة من 2019", date=datetime.date(2019, 4, 1)
    )
    ConsentRecord.objects.filter(story_translation_key=hidden.translation_key).update(status="withdrawn")

    soup = parse(client.get(stories["index"]["ar"].url))

    assert [option["value"] for option in soup.select("#id_year option")] == ["", "2021", "2020"]
    again = parse(client.get(stories["index"]["ar"].url, {"year": "2019"}))
    assert again.select_one("#id_year-error") is not None


def test_story_listing_paginates_and_keeps_the_filters(client, stories):
    index = stories["index"]["ar"]
    for day in range(1, 10):
        StoryPageFactory(
            parent=index, title=f"قصة من سلوان {day}", date=datetime.date(2022, 1, day), neighbourhood="silwan"
        )

    first = parse(client.get(index.url, {"neighbourhood": "silwan"}))
    second = parse(client.get(index.url, {"neighbourhood": "silwan", "page": "2"}))

    assert len(listed_titles(first)) == 9
    assert listed_titles(second) == ["إقامة مسحوبة في سلوان", "هدم منزل في سلوان"]
    assert first.select_one('nav.pagination a[rel="next"]')["href"] == "?neighbourhood=silwan&page=2"
    assert second.select_one('nav.pagination a[rel="prev"]')["href"] == "?neighbourhood=silwan&page=1"
    assert "الصفحة 2 من 2" in text(second.select_one("nav.pagination"))
    assert "11 قصة" in text(first.select_one(".results__count"))


def test_a_story_without_consent_is_not_found_and_not_listed(client, stories, site_structure):
    pending = StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        title="قصة تنتظر الموافقة",
        consent_status="pending",
        consent_recorded_on=None,
        publish_page=False,
    )

    assert client.get(fresh(pending).url).status_code == 404
    assert "قصة تنتظر الموافقة" not in listed_titles(parse(client.get(stories["index"]["ar"].url)))


def test_withdrawn_consent_takes_the_story_off_every_page_in_every_language(client, stories):
    arabic, english = stories["story"]["ar"], stories["story"]["en"]
    withdraw_consent(arabic)

    for page in (arabic, english):
        assert client.get(page.url).status_code == 410  # gone, since issue 7 (was: not found)
    assert "هدم منزل في سلوان" not in listed_titles(parse(client.get(stories["index"]["ar"].url)))
    assert listed_titles(parse(client.get(stories["index"]["en"].url))) == []
    assert "هدم منزل في سلوان" not in main_text(parse(client.get("/ar/")))


def test_a_live_story_whose_consent_was_withdrawn_is_hidden_even_before_unpublishing(client, stories):
    # A status change that bypassed withdraw_consent(): the page is still live in the database.
    story = stories["story"]["ar"]
    ConsentRecord.objects.filter(story_translation_key=story.translation_key).update(status="withdrawn")

    # Gone (410) rather than not found since issue 7; still never served.
    assert client.get(story.url).status_code == 410
    assert client.get(stories["story"]["en"].url).status_code == 410
    assert "هدم منزل في سلوان" not in listed_titles(parse(client.get(stories["index"]["ar"].url)))
    soup = parse(client.get(stories["index"]["en"].url))
    assert listed_titles(soup) == []
