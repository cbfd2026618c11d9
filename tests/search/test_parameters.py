"""The search parameters (search/forms.py) and the facet labels (core/vocabulary_cache.py), through the API."""

import datetime

import pytest

from core.models import Neighbourhood


def ids(response):
    return [result["id"] for result in response.json()["results"]]


def test_filters_take_repeated_or_comma_separated_values(make_story, api):
    old = make_story("بيت قديم في سلوان", date=datetime.date(2015, 1, 1), neighbourhood="silwan")
    newer = make_story("بيت آخر في الطور", date=datetime.date(2016, 1, 1), neighbourhood="at-tur")
    make_story("بيت ثالث", date=datetime.date(2017, 1, 1), neighbourhood="shufat")

    repeated = ids(api(locale="ar", year=["2015", "2016"]))
    assert sorted(repeated) == sorted([old.pk, newer.pk])
    assert sorted(ids(api(locale="ar", year="2015,2016"))) == sorted(repeated)
    assert sorted(ids(api(locale="ar", year="2015, 2016,2015"))) == sorted(repeated)  # Spaces and repeats.
    assert sorted(ids(api(locale="ar", neighbourhood="silwan,at-tur"))) == sorted(repeated)


def test_every_bad_parameter_is_named_with_its_own_message(database_backend, site_structure, client):
    response = client.get(
        "/api/v2/search/",
        {"q": "ا" * 201, "page": "abc", "page_size": "51", "year": "2015,last", "type": "stories.Nope"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "Invalid search parameters."
    # The message alone names every bad parameter, as every error under /api/ does.
    assert body["message"].startswith("Invalid search parameters. ")
    for parameter in ("q: must be at most 200 characters", "page: must be a whole number, not 'abc'", "year:", "type:"):
        assert parameter in body["message"]
    assert body["errors"] == {
        "q": "must be at most 200 characters",
        "page": "must be a whole number, not 'abc'",
        "page_size": "must be at most 50",
        "year": "must be a four-digit year, not 'last'",
        "type": body["errors"]["type"],
    }
    assert body["errors"]["type"].startswith("unknown type 'stories.Nope'; use one of ")
    assert "stories.StoryPage" in body["errors"]["type"]

    too_deep = client.get("/api/v2/search/", {"page": "201", "page_size": "50"}, HTTP_ACCEPT_LANGUAGE="en")
    too_deep = too_deep.json()["errors"]
    assert too_deep == {"page": "is too far: at most 10000 results can be paged through"}
    assert client.get("/api/v2/search/", {"page": "200", "page_size": "50"}).status_code == 200

    suggest = client.get("/api/v2/search/suggest/", {"q": "ب" * 201, "locale": "de"}, HTTP_ACCEPT_LANGUAGE="en")
    assert suggest.json()["errors"] == {
        "q": "must be at most 200 characters",
        "locale": "unknown locale 'de'; use one of ar, en, fr",
    }

    # A client that reads Arabic gets the same answer in Arabic.
    arabic = client.get("/api/v2/search/", {"page": "abc"}, HTTP_ACCEPT_LANGUAGE="ar").json()
    assert arabic["error"] == "معايير البحث غير صالحة."
    assert set(arabic["errors"]) == {"page"} and "abc" in arabic["errors"]["page"]


def test_the_search_page_ignores_page_size_and_the_locale_parameter(corpus_of_two, client):
    # The page always shows ten a page in its own language, whatever the query string says.
    html = client.get("/en/search/", {"q": "house", "locale": "ar", "page_size": "999"})
    assert html.status_code == 200
    assert "A house by the spring" in html.content.decode()


@pytest.fixture
def corpus_of_two(make_story):
    return [make_story("A house by the spring", locale="en"), make_story("بيت عند النبع")]


def test_a_renamed_term_shows_its_new_label_at_once(make_story, api, committed):
    make_story("شهادة من سلوان", neighbourhood="silwan")

    def silwan_label():
        facet = api(locale="ar", type="stories.StoryPage").json()["facets"]["neighbourhood"]
        return next(item["label"] for item in facet if item["value"] == "silwan")

    assert silwan_label() == "سلوان"  # Read once, then served from the cache...
    term = Neighbourhood.objects.get(slug="silwan", locale__language_code="ar")
    with committed():
        term.name = "سلوان (البلدة)"
        term.save()
    assert silwan_label() == "سلوان (البلدة)"  # ...which the rename dropped.
    assert api(locale="ar", neighbourhood="silwan").status_code == 200

    with committed():
        term.slug = "silwan-village"
        term.save()
    response = api(locale="ar", neighbourhood="silwan")
    assert response.status_code == 400 and "neighbourhood" in response.json()["errors"]
    assert api(locale="ar", neighbourhood="silwan-village").status_code == 200


@pytest.mark.parametrize("endpoint", ["/api/v2/search/", "/api/v2/search/suggest/"])
@pytest.mark.parametrize(
    ("params", "named", "said"),
    [
        ({"q": "سلوان\u202e"}, "q", "U+202E"),
        ({"q": "a\x07b"}, "q", "U+0007"),
        ({"locale": "ar\u202b"}, "locale", "U+202B"),
        ({"qq": "typo"}, "qq", "unknown parameter; use one of q, locale"),
        ({"q\u202d": "x"}, "q\\u202d", "U+202D"),
    ],
)
def test_the_api_refuses_unknown_parameters_and_control_characters(
    database_backend, site_structure, client, endpoint, params, named, said
):
    response = client.get(endpoint, params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    body = response.json()
    assert said in body["errors"][named]
    assert f"{named}: " in body["message"]


def test_the_search_page_ignores_tracking_parameters_but_not_control_characters(
    database_backend, site_structure, client
):
    assert client.get("/en/search/", {"q": "Silwan", "utm_source": "newsletter"}).status_code == 200
    refused = client.get("/en/search/", {"q": "Silwan\u202e"})
    assert refused.status_code == 400
    assert "U+202E" in refused.content.decode()
