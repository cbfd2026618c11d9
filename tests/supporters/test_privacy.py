"""Supporters' addresses and names stay private: not on public pages, in the API, in search or in the logs."""

import logging

import pytest

from cms.log_filters import PersonalDataFilter
from supporters.models import Subscriber

from .conftest import last_email_to, link_to, sign_up_payload

pytestmark = pytest.mark.django_db

EMAIL = "zubaida.qarawi@example.org"
NAME = "Zubaida Qarawi"


@pytest.fixture
def confirmed_supporter(supporter_pages, api_sign_up, client):
    api_sign_up(sign_up_payload(email=EMAIL, name=NAME))
    client.get(link_to(last_email_to(EMAIL), "confirm"))
    assert Subscriber.objects.get(email=EMAIL).status == Subscriber.Status.CONFIRMED


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/ar/",
        "/en/join/",
        "/en/privacy/",
        "/api/v2/pages/?type=supporters.MailingListPage&fields=*",
        "/api/v2/pages/?fields=*&limit=50",
        "/sitemap.xml",
    ],
)
def test_no_public_page_shows_a_supporter(confirmed_supporter, client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200, url
    content = response.content.decode().lower()
    assert "qarawi" not in content and "zubaida" not in content, url


@pytest.mark.parametrize("query", ["Qarawi", "Zubaida", EMAIL])
def test_search_finds_no_supporter(confirmed_supporter, client, query):
    for language in ("ar", "en"):
        answer = client.get("/api/v2/search/", {"q": query, "locale": language}).json()
        assert answer["count"] == 0 and answer["results"] == [], answer
    assert client.get("/api/v2/pages/", {"search": query}).json()["meta"]["total_count"] == 0
    page = client.get("/en/search/", {"q": query}, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert page.context["results"] == []


def test_the_mailing_list_leaves_no_address_or_name_in_the_logs(supporter_pages, api_sign_up, client, caplog):
    caplog.set_level(logging.DEBUG)

    api_sign_up(sign_up_payload(email=EMAIL, name=NAME))
    message = last_email_to(EMAIL)
    client.get(link_to(message, "confirm"))
    client.get(link_to(message, "unsubscribe"))
    api_sign_up(sign_up_payload(email=EMAIL, name=NAME, consent=False))
    client.post("/en/mailing-list/subscribe/", {"email": EMAIL, "name": NAME, "language": "en"})

    assert caplog.records, "the steps above log something (requests, tasks)"
    scrubber = PersonalDataFilter()
    for record in caplog.records:
        scrubber.filter(record)
        text = record.getMessage() + str(getattr(record, "args", ""))
        assert EMAIL not in text and "zubaida" not in text.lower(), text
