"""CORS: front ends on the origins in CORS_ALLOWED_ORIGINS may read the API, and nothing else."""

import pytest

pytestmark = pytest.mark.django_db

FRONT_END = "https://front.example.org"


@pytest.fixture(autouse=True)
def allowed_origins(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT_END]


def preflight(client, address, origin, method="GET"):
    return client.options(address, HTTP_ORIGIN=origin, HTTP_ACCESS_CONTROL_REQUEST_METHOD=method)


def allowed_methods(response):
    return {method.strip() for method in response["Access-Control-Allow-Methods"].split(",")}


@pytest.mark.parametrize("address", ["/api/v2/site/?locale=en", "/api/v2/pages/?locale=ar"])
def test_an_allowed_origin_may_read_the_api(client, site_structure, address):
    response = client.get(address, HTTP_ORIGIN=FRONT_END)

    assert response.status_code == 200, response.content
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert "ETag" in {name.strip() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert "origin" in response["Vary"].lower()


def test_an_allowed_origins_preflight_is_answered_for_reading_only(client, site_structure):
    response = preflight(client, "/api/v2/pages/", FRONT_END)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert allowed_methods(response) == {"GET", "HEAD", "OPTIONS"}


def test_an_allowed_origin_reads_errors_too(client, site_structure):
    """A front end must be able to read the JSON ``message`` of a refused request."""
    response = client.get("/api/v2/site/?locale=xx", HTTP_ORIGIN=FRONT_END)

    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == FRONT_END


def test_another_origin_gets_no_cors_headers(client, site_structure):
    response = client.get("/api/v2/site/", HTTP_ORIGIN="https://elsewhere.example.com")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response

    answer = preflight(client, "/api/v2/site/", "https://elsewhere.example.com")
    assert "Access-Control-Allow-Origin" not in answer
    assert "Access-Control-Allow-Methods" not in answer


def test_no_origin_is_allowed_by_default(client, site_structure, settings):
    settings.CORS_ALLOWED_ORIGINS = []

    response = client.get("/api/v2/site/", HTTP_ORIGIN=FRONT_END)

    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("address", ["/admin/login/", "/en/", "/sitemap.xml"])
def test_the_admin_and_the_site_get_no_cors_headers(client, site_structure, address):
    response = client.get(address, HTTP_ORIGIN=FRONT_END)
    assert "Access-Control-Allow-Origin" not in response

    answer = preflight(client, address, FRONT_END)
    assert "Access-Control-Allow-Origin" not in answer
    assert "Access-Control-Allow-Methods" not in answer
