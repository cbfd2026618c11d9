"""Bad input never answers 500 (issue 11, item 6), on both backends, on the API, the suggestions and the page.

Each input gets results, no results, or a 400 that says what is wrong (JSON ``message`` on the API, the
form's message on the page). Query syntax (quotes, operators, field:value) is never passed to a parser.
"""

import datetime
from urllib.parse import quote

import pytest

from tests.markup import parse

ENDPOINTS = ("/api/v2/search/", "/api/v2/search/suggest/", "/ar/search/")

# (the query, percent-encoded where the text alone cannot say it; the expected outcome):
# "found": the demolition story is among the results; "none": 200 and nothing; "any": 200; "400": refused.
# Operators are words or spaces: "AND", "title", "2" are looked for as words (so "any").
CASES = [
    ('"', "none"),
    ('"هدم', "found"),
    ('"هدم"', "found"),
    ("هدم\"'", "found"),
    ("هدم AND سلوان", "any"),
    ("هدم OR", "any"),
    ("NOT هدم", "any"),
    ("+هدم -سلوان", "found"),
    ("هدم*", "found"),
    ("هدم~2", "any"),
    ("(هدم)", "found"),
    ("title:هدم", "any"),
    ("AND OR NOT", "any"),
    ("* ( ) : ~ ^ [ ] { } \\ /", "none"),
    ("ـــ", "none"),  # Only tatweel: Arabic normalisation leaves nothing.
    ("\u064b\u064c\u064d", "none"),  # Only diacritics.
    ("\x00", "400"),
    ("هدم\x00", "400"),
    ("\u202eهدم", "400"),  # A right-to-left override.
    ("\u202bهدم", "400"),  # A right-to-left embedding.
    ("%ED%A0%80", "none"),  # A lone surrogate, UTF-8-encoded as a browser never would.
    ("%ED%A0%80هدم", "found"),
    ("%FF%FE", "none"),  # Not UTF-8 at all.
    ("هدم " * 2500, "400"),  # 10,000 characters.
    ("\u200fهدم", "found"),  # A right-to-left mark is an ordinary character in Arabic text.
]


@pytest.fixture
def demolition(make_story):
    return make_story("أوامر الهدم في سلوان", body="وهدموا الجدران", date=datetime.date(2016, 3, 14))


def _get(client, path, q):
    encoded = q if "%" in q else quote(q, safe="")
    return client.get(f"{path}?q={encoded}", HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.parametrize(("q", "expected"), CASES, ids=[repr(case[0])[:24] for case in CASES])
def test_bad_input_gets_an_answer_never_a_500(demolition, client, q, expected):
    for path in ENDPOINTS:
        response = _get(client, path, q)
        if expected == "400":
            assert response.status_code == 400, (path, response.status_code)
            if path.startswith("/api/"):
                body = response.json()
                assert "q" in body["errors"] and body["message"].startswith("Invalid search parameters. q: ")
            else:
                notice = parse(response, status=400).select_one(".notice--error")
                assert notice is not None and "q" in notice.get_text()
            continue
        assert response.status_code == 200, (path, response.status_code, response.content[:300])
        if path == "/api/v2/search/":
            found = [result["id"] for result in response.json()["results"]]
            if expected == "found":
                assert demolition.pk in found, path
            elif expected == "none":
                # Not "everything": a query with no word in it matches nothing, it does not list the site.
                assert found == [] and response.json()["count"] == 0
        elif path == "/ar/search/":
            titles = [link.get_text() for link in parse(response).select(".search-results a")]
            assert (demolition.title in titles) == (expected == "found") or expected == "any"
