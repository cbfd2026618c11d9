"""The petition through the JSON API: signing, bad input, rate limits, and the counters in the campaign's detail."""

import json

import pytest
from django.core import mail
from django.test import Client

from supporters.models import OutgoingEmail
from supporters.petitions import PetitionSignature
from tests.factories import fresh, publish_translation
from tests.supporters.campaign_actions import campaign_with_actions, confirmation_link, path_of

pytestmark = pytest.mark.django_db

GOOD = {"name": "ليلى حداد", "email": "laila@example.org", "country": "PS", "consent": True}


@pytest.fixture
def campaign(site_structure):
    return campaign_with_actions(site_structure, goal=10)


@pytest.fixture
def api():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def post(api, django_capture_on_commit_callbacks):
    def post(campaign_id, body, action="petition/sign"):
        content = body if isinstance(body, (str, bytes)) else json.dumps(body)
        with django_capture_on_commit_callbacks(execute=True):
            return api.post(f"/api/v2/campaigns/{campaign_id}/{action}/", content, content_type="application/json")

    return post


def detail(client, campaign):
    response = client.get(f"/api/v2/pages/{campaign.pk}/")
    assert response.status_code == 200
    return response.json()


def test_signing_answers_202_the_same_way_every_time_and_counts_once_confirmed(api, post, campaign):
    first = post(campaign.pk, {**GOOD, "language": "en"})
    # Same language, so the same words: the answer must not tell a duplicate or a bot apart.
    again = post(campaign.pk, {**GOOD, "email": "LAILA@example.org", "language": "en"})
    honeypot = post(
        campaign.pk, {**GOOD, "email": "bot@example.org", "website": "http://spam.example", "language": "en"}
    )
    assert first.status_code == again.status_code == honeypot.status_code == 202
    assert first.json() == again.json() == honeypot.json()
    assert "confirm your signature" in first.json()["message"]
    assert PetitionSignature.objects.count() == 1
    assert detail(api, campaign)["petitions"][0]["counter"]["signatures"] == 0

    link = confirmation_link("laila@example.org")
    assert "/en/campaign-actions/" in link and "confirm" in mail.outbox[0].subject.lower()
    assert api.get(path_of(link)).status_code == 302
    petition = detail(api, campaign)["petitions"][0]
    assert petition["counter"] == {"signatures": 1, "goal": 10, "percent": 10, "is_open": True}
    assert petition["sign_url"] == f"/api/v2/campaigns/{campaign.pk}/petition/sign/"


BAD_REQUESTS = [
    ({**GOOD, "email": "not-an-address"}, "email"),
    ({**GOOD, "email": "laila@example.org\r\nBcc: everyone@example.org"}, "email"),
    ({**GOOD, "email": ""}, "email"),
    ({**GOOD, "email": ["laila@example.org"]}, "email"),
    ({**GOOD, "email": "a" * 250 + "@example.org"}, "email"),
    ({key: value for key, value in GOOD.items() if key != "email"}, "email"),
    ({**GOOD, "name": ""}, "name"),
    ({**GOOD, "name": "Laila\nBcc: everyone@example.org"}, "name"),
    ({**GOOD, "name": "Laila\u202eevil"}, "name"),
    ({**GOOD, "name": "Laila\u2066evil"}, "name"),
    ({**GOOD, "name": "x" * 101}, "name"),
    ({**GOOD, "name": "Laila\x00"}, "name"),
    ({**GOOD, "name": 42}, "name"),
    ({**GOOD, "comment": "x" * 10_000}, "comment"),
    ({**GOOD, "comment": "hello\x1b[31m"}, "comment"),
    ({**GOOD, "country": "XX"}, "country"),
    ({**GOOD, "country": ""}, "country"),
    ({key: value for key, value in GOOD.items() if key != "consent"}, "consent"),
    ({**GOOD, "consent": False}, "consent"),
    ({**GOOD, "consent": "yes"}, "consent"),
    ({**GOOD, "show_first_name": "on"}, "show_first_name"),
    ({**GOOD, "language": "de"}, "language"),
    ({**GOOD, "admin": True}, "admin"),
    ("not json", "body"),
    ("[1, 2]", "body"),
]


def test_bad_input_answers_400_naming_the_field_and_writes_nothing(post, campaign, settings):
    settings.SUPPORTERS_RATE_PER_IP = settings.SUPPORTERS_RATE_PER_EMAIL = "1000/h"
    settings.RATELIMIT_PUBLIC_POST = "1000/m"
    for body, field in BAD_REQUESTS:
        response = post(campaign.pk, body)
        assert response.status_code == 400, (body, response.status_code)
        answer = response.json()
        assert field in answer["errors"], (body, answer)
        assert answer["message"].startswith(f"{field}:"), answer
    assert PetitionSignature.objects.count() == 0 and OutgoingEmail.objects.count() == 0 and mail.outbox == []


def test_a_campaign_that_is_not_public_or_has_no_petition_answers_404(post, campaign, site_structure):
    without = campaign_with_actions(site_structure, slug="no-petition")
    without.petitions.all().delete()
    assert post(without.pk, GOOD).status_code == 404
    assert post(999_999, GOOD).status_code == 404
    campaign.unpublish()
    assert post(campaign.pk, GOOD).status_code == 404
    assert PetitionSignature.objects.count() == 0


def test_too_many_requests_answer_429_with_retry_after(post, campaign, settings):
    settings.SUPPORTERS_RATE_PER_IP = "2/h"
    english = {**GOOD, "language": "en"}
    assert post(campaign.pk, english).status_code == 202
    assert post(campaign.pk, {**english, "email": "omar@example.org"}).status_code == 202
    refused = post(campaign.pk, {**english, "email": "sara@example.org"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Too many requests" in refused.json()["message"]
    assert PetitionSignature.objects.count() == 2


def test_the_api_shows_counters_and_opted_in_first_names_but_never_an_email_or_full_name(api, post, campaign, settings):
    settings.SUPPORTERS_RATE_PER_IP = "100/h"
    english = publish_translation(campaign, "en", title="Stop the demolitions", slug="stop-demolitions")
    post(campaign.pk, {**GOOD, "show_first_name": True})
    post(english.pk, {**GOOD, "name": "Omar Khalil", "email": "omar@example.org", "country": "FR"})
    for address in ("laila@example.org", "omar@example.org"):
        api.get(path_of(confirmation_link(address)))

    arabic, translated = detail(api, campaign), detail(api, fresh(english))
    assert arabic["petitions"][0]["counter"] == translated["petitions"][0]["counter"]
    assert arabic["petitions"][0]["counter"]["signatures"] == 2
    assert arabic["petitions"][0]["signers"] == [{"first_name": "ليلى", "country": "PS"}]
    text = json.dumps(arabic, ensure_ascii=False) + json.dumps(translated, ensure_ascii=False)
    for private in ("laila@example.org", "omar@example.org", "حداد", "Omar", "Khalil"):
        assert private not in text


def test_a_confirmed_signature_purges_the_cached_api_answer(
    api, post, campaign, settings, django_capture_on_commit_callbacks
):
    settings.RESPONSE_CACHE = True
    url = f"/api/v2/pages/{campaign.pk}/"
    assert api.get(url).status_code == 200
    cached = api.get(url)
    assert cached["X-Cache"] == "HIT" and cached.json()["petitions"][0]["counter"]["signatures"] == 0

    post(campaign.pk, GOOD)
    with django_capture_on_commit_callbacks(execute=True):  # the signer, in their own browser
        Client().get(path_of(confirmation_link("laila@example.org")))
    fresh_answer = api.get(url)
    assert fresh_answer["X-Cache"] == "MISS"
    assert fresh_answer.json()["petitions"][0]["counter"]["signatures"] == 1
