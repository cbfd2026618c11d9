"""Bad input under /api/ answers JSON with a ``message`` naming what is wrong, never a 500 or an HTML page.

Run in production settings: DEBUG off, and the test client answering as a real
server would instead of raising the view's exception.
"""

import pytest
from django.test import Client

from cms.api import PublicPagesAPIViewSet

pytestmark = pytest.mark.django_db

NUL = "\x00"
RTL_OVERRIDE = "\u202e"
HUGE = "99999999999999999999999"

# (path, query, expected status, text the message must contain: the parameter or the value at fault)
BAD_INPUTS = [
    # Search the database cannot parse, and operators it does not know.
    ("pages", {"search": NUL}, 400, "search"),
    ("pages", {"search": f"{RTL_OVERRIDE}abc"}, 400, "search"),
    ("pages", {"search": "a", "search_operator": "xor"}, 400, "search_operator"),
    ("pages", {"search": "a", "search_operator": NUL}, 400, "search_operator"),
    ("images", {"search": NUL}, 400, "search"),
    ("documents", {"search": NUL}, 400, "search"),
    ("documents", {"search": "a", "search_operator": "xor"}, 400, "search_operator"),
    # Pagination beyond what the database can count.
    ("pages", {"offset": HUGE}, 400, "offset"),
    ("pages", {"limit": HUGE}, 400, "limit"),
    ("pages", {"offset": "-1"}, 400, "offset"),
    ("pages", {"limit": "ten"}, 400, "limit"),
    ("images", {"offset": HUGE}, 400, "offset"),
    ("documents", {"offset": HUGE}, 400, "offset"),
    # Field filters with values their field cannot hold.
    ("pages", {"type": "stories.StoryPage", "date": "abc"}, 400, "date"),
    ("pages", {"type": "stories.StoryPage", "date": "2024-13-45"}, 400, "date"),
    ("pages", {"type": "stories.StoryPage", "summary": NUL}, 400, "summary"),
    ("pages", {"type": "stories.StoryPage", "neighbourhood": NUL}, 400, "neighbourhood"),
    ("pages", {"type": "campaigns.CampaignPage", "start_date": "yesterday"}, 400, "start_date"),
    ("pages", {"title": NUL}, 400, "title"),
    ("pages", {"slug": RTL_OVERRIDE}, 400, "slug"),
    ("pages", {"show_in_menus": "maybe"}, 400, "show_in_menus"),
    ("pages", {"id": "abc"}, 400, "id"),
    ("pages", {"id": NUL}, 400, "id"),
    ("images", {"title": NUL}, 400, "title"),
    ("documents", {"title": RTL_OVERRIDE}, 400, "title"),
    # Unknown fields, types, parameters and orderings.
    ("pages", {"fields": "nonexistent"}, 400, "nonexistent"),
    ("pages", {"fields": f"title({NUL})"}, 400, "fields"),
    # A character the fields syntax does not expect (found by schemathesis), on a listing and a detail.
    ("pages", {"fields": "O\U000ad8fa", "limit": "20"}, 400, "fields"),
    ("pages", {"type": "stories.StoryPage", "fields": "title,\u00bb"}, 400, "fields"),
    ("pages", {"type": "foo.Bar"}, 400, "type"),
    ("pages", {"type": "nonsense"}, 400, "type"),
    ("pages", {"type": NUL}, 400, "type"),
    ("pages", {"unknown_parameter": "1"}, 400, "unknown_parameter"),
    ("pages", {"order": "-nonexistent"}, 400, "-nonexistent"),
    ("pages", {"order": RTL_OVERRIDE}, 400, "order"),
    ("images", {"fields": "nonexistent"}, 400, "nonexistent"),
    # Tree filters that point at no page, or at no number.
    ("pages", {"child_of": "abc"}, 400, "child_of"),
    ("pages", {"child_of": HUGE}, 400, "parent page"),
    ("pages", {"descendant_of": "abc"}, 400, "descendant_of"),
    ("pages", {"descendant_of": HUGE}, 400, "ancestor page"),
    ("pages", {"ancestor_of": HUGE}, 400, "descendant page"),
    ("pages", {"translation_of": HUGE}, 400, "translation_of"),
    # Languages the site does not have.
    ("pages", {"locale": "xx"}, 400, "locale"),
    ("pages", {"locale": NUL}, 400, "locale"),
    # Finding a page by path or id.
    ("pages/find", {"html_path": NUL}, 400, "html_path"),
    ("pages/find", {"html_path": f"/ar/{RTL_OVERRIDE}/"}, 400, "html_path"),
    ("pages/find", {"html_path": "/ar/no-such-page/"}, 404, "not found"),
    ("pages/find", {"id": HUGE}, 404, "not found"),
    # Objects and addresses that do not exist.
    (f"pages/{HUGE}", {}, 404, "Page"),
    (f"images/{HUGE}", {}, 404, "Image"),
    (f"documents/{HUGE}", {}, 404, "Document"),
    ("pages/abc", {}, 404, "address"),
    ("nonexistent", {}, 404, "address"),
]


@pytest.fixture
def production_client(settings):
    settings.DEBUG = False
    return Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.parametrize(
    ("endpoint", "query", "status", "named"),
    BAD_INPUTS,
    ids=[f"{endpoint}?{'&'.join(query)}={ascii(list(query.values()))}" for endpoint, query, _s, _n in BAD_INPUTS],
)
def test_bad_input_answers_json_naming_the_problem(production_client, site_structure, endpoint, query, status, named):
    response = production_client.get(f"/api/v2/{endpoint}/", query)

    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert named in response.json()["message"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_huge_id_filter_is_an_empty_list_not_an_error(production_client, site_structure, endpoint):
    response = production_client.get(f"/api/v2/{endpoint}/", {"id": "99999999999999999999999"})

    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("query", ['"', '"unclosed', "a OR", "NEAR(", "*"])
def test_search_syntax_is_answered_or_refused_by_name(production_client, site_structure, query):
    # PostgreSQL reads these as plain words; SQLite's full-text syntax rejects some of them.
    response = production_client.get("/api/v2/pages/", {"search": query})

    assert response["Content-Type"].startswith("application/json")
    assert response.status_code in (200, 400), response.content[:300]
    if response.status_code == 400:
        assert "search" in response.json()["message"]
    else:
        assert "items" in response.json()


def test_search_with_ordinary_arabic_text_and_marks_still_works(production_client, site_structure):
    # Right-to-left marks (U+200F) occur in Arabic text typed on phones: only overrides are refused.
    response = production_client.get("/api/v2/pages/", {"search": "مناصرة\u200f", "search_operator": "or"})

    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] >= 1


def test_an_uncaught_error_answers_json_500(production_client, site_structure, monkeypatch):
    def broken(self):
        raise RuntimeError("a bug")

    monkeypatch.setattr(PublicPagesAPIViewSet, "get_queryset", broken)

    response = production_client.get("/api/v2/pages/")

    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "logged" in response.json()["message"]
    assert b"a bug" not in response.content


def test_a_wrong_method_answers_json_405(production_client, site_structure):
    response = production_client.post("/api/v2/pages/", {})

    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert "POST" in response.json()["message"]


def test_a_disallowed_host_answers_json_400(production_client, site_structure, settings):
    settings.ALLOWED_HOSTS = ["munasara.example"]

    response = production_client.get("/api/v2/pages/", HTTP_HOST="attacker.example")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


def test_html_error_pages_stay_outside_the_api(production_client, site_structure):
    response = production_client.get("/ar/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("field", ["hero_image", "id", "neighbourhood"])
def test_a_number_beyond_the_databases_integers_finds_nothing(production_client, site_pages, field):
    response = production_client.get("/api/v2/pages/", {"type": "stories.StoryPage", field: HUGE})
    assert response.status_code == 200
    assert response.json()["items"] == []
