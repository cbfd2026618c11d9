"""Empty results that help (issue 11, item 4): the other languages a query finds pages in, "did you mean",
and no empty "Refine" box. Every test runs on the database backend and on the real engine."""

import datetime

from django.utils.translation import get_language_info

from tests.markup import assert_accessible_page, main_text, parse

# The language's name in itself, as the language switcher writes it.
ARABIC = get_language_info("ar")["name_local"]


def test_an_arabic_query_on_the_english_page_points_to_the_arabic_results(make_story, api, client):
    for number in range(3):
        make_story(f"هدم بيت رقم {number} في سلوان", date=datetime.date(2016, 2, 12))
    make_story("A demolition in Silwan", locale="en")

    data = api(q="هدم", locale="en").json()
    assert data["count"] == 0
    assert data["other_locales"] == [
        {"locale": "ar", "language": ARABIC, "count": 3, "url": "http://testserver/ar/search/?q=%D9%87%D8%AF%D9%85"}
    ]

    soup = parse(client.get("/en/search/", {"q": "هدم"}))
    assert_accessible_page(soup, "en")
    link = soup.select_one(".search-empty a[hreflang=ar]")
    assert link["href"] == "/ar/search/?q=%D9%87%D8%AF%D9%85"
    assert " ".join(link.get_text().split()) == f"3 results in {ARABIC}"
    assert link.find(lang="ar").get_text() == ARABIC
    # Following the link shows them.
    assert parse(client.get(link["href"])).select(".search-results li")
    # Nothing found anywhere: no facet box, no language hint.
    nowhere = parse(client.get("/en/search/", {"q": "zzyzx"}))
    assert nowhere.select_one(".search-facets") is None and nowhere.select_one(".search-empty a[hreflang]") is None
    assert "Refine" not in main_text(nowhere)

    # When the query finds pages in its own language, the answer says nothing about the others.
    found = api(q="demolition", locale="en").json()
    assert found["count"] == 1 and found["other_locales"] == [] and found["did_you_mean"] is None


def test_a_misspelt_word_gets_a_did_you_mean_that_finds_pages(make_story, api, client):
    story = make_story(
        "Demolition orders in Silwan", locale="en", summary="The municipality demolished the family house."
    )
    arabic = make_story("أوامر الهدم في سلوان", summary="هدمت البلدية منزل العائلة في سلوان")

    data = api(q="demolitoin", locale="en").json()
    assert data["count"] == 0
    assert data["did_you_mean"] == "demolition"
    assert [result["id"] for result in api(q=data["did_you_mean"], locale="en").json()["results"]] == [story.pk]

    arabic_data = api(q="سلوام", locale="ar").json()
    assert arabic_data["count"] == 0 and arabic_data["did_you_mean"] == "سلوان"
    assert arabic.pk in [result["id"] for result in api(q="سلوان", locale="ar").json()["results"]]

    soup = parse(client.get("/en/search/", {"q": "demolitoin"}))
    suggestion = soup.select_one(".search-empty__did-you-mean a")
    assert suggestion.get_text() == "demolition"
    assert suggestion["href"] == "/en/search/?q=demolition"

    # A word no page comes close to gets no suggestion.
    assert api(q="xqzvw", locale="en").json()["did_you_mean"] is None
