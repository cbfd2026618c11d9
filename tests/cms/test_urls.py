"""The root URLs: the public site under a language prefix, everything else answering for itself."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("fr-FR,fr;q=0.8", "/fr/"), ("ar", "/ar/"), ("de-DE", "/ar/"), ("", "/ar/")],
)
def test_root_redirects_by_accept_language_falling_back_to_arabic(client, site_structure, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language} if accept_language else {})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_a_public_path_without_a_language_is_sent_to_the_visitors_language(client, site_structure):
    assert client.get("/about/")["Location"] == "/ar/about/"
    assert client.get("/about/", headers={"accept-language": "fr"})["Location"] == "/fr/about/"


@pytest.mark.parametrize("path", ["/api/v2/pages/999999/", "/api/v2/no-such-endpoint/"])
def test_the_api_answers_its_own_not_found(client, site_structure, path):
    # Django's LocaleMiddleware would redirect to /ar/<path>, which the page tree's catch-all route "resolves".
    response = client.get(path)

    assert response.status_code == 404
    assert not response.has_header("Location")


def test_an_unknown_api_object_is_a_json_not_found(client, site_structure):
    response = client.get("/api/v2/pages/999999/")

    assert response.status_code == 404
    assert "message" in response.json()
