"""The sign-up endpoint under abuse: bad input answers 400 naming the field and writes nothing; bots and floods."""

import json

import pytest
from django.core import mail

from supporters.models import OutgoingEmail, Subscriber

from .conftest import API_URL, sign_up_payload

pytestmark = pytest.mark.django_db

TEN_KB = "a" * 10_240

BAD_INPUTS = [
    # (case, payload or raw body, field named in the error)
    ("missing email", sign_up_payload(email=None), "email"),
    ("empty email", sign_up_payload(email=""), "email"),
    ("not an address", sign_up_payload(email="layla.example.org"), "email"),
    ("two addresses", sign_up_payload(email="a@example.org, b@example.org"), "email"),
    ("CR/LF header injection in email", sign_up_payload(email="a@example.org\r\nBcc: victim@example.org"), "email"),
    ("LF in email", sign_up_payload(email="a@example.org\nCc:x@example.org"), "email"),
    ("email is a number", sign_up_payload(email=12345), "email"),
    ("email is a list", sign_up_payload(email=["a@example.org"]), "email"),
    ("10 KB email", sign_up_payload(email=TEN_KB + "@example.org"), "email"),
    ("bidi override in email", sign_up_payload(email="moc.elpmaxe\u202e@evil.org"), "email"),
    ("header injection in name", sign_up_payload(name="Layla\r\nBcc: victim@example.org"), "name"),
    ("LF in name", sign_up_payload(name="Layla\nSubject: spam"), "name"),
    ("NUL in name", sign_up_payload(name="Lay\x00la"), "name"),
    ("10 KB name", sign_up_payload(name=TEN_KB), "name"),
    ("right-to-left override in name", sign_up_payload(name="\u202eنصرة"), "name"),
    ("isolate control in name", sign_up_payload(name="Layla\u2066x\u2069"), "name"),
    ("name is an object", sign_up_payload(name={"first": "Layla"}), "name"),
    ("missing consent", sign_up_payload(consent=None), "consent"),
    ("consent false", sign_up_payload(consent=False), "consent"),
    ("consent as a string", sign_up_payload(consent="true"), "consent"),
    ("consent as a number", sign_up_payload(consent=1), "consent"),
    ("missing locale", sign_up_payload(locale=None), "locale"),
    ("unknown locale", sign_up_payload(locale="de"), "locale"),
    ("locale with a region", sign_up_payload(locale="en-GB"), "locale"),
    ("unknown topic", sign_up_payload(topics=["campaigns", "crypto"]), "topics"),
    ("topics not a list", sign_up_payload(topics="campaigns"), "topics"),
    ("topics of numbers", sign_up_payload(topics=[1, 2]), "topics"),
    ("unknown field", {**sign_up_payload(), "status": "confirmed"}, "status"),
    ("invalid JSON", "{'email': 'a@example.org'", "body"),
    ("JSON array", "[1, 2, 3]", "body"),
    ("JSON string", '"layla@example.org"', "body"),
    ("blank body", "   ", "body"),
    ("not UTF-8", b"\xff\xfe{}", "body"),
]


@pytest.mark.parametrize("case, payload, field", BAD_INPUTS, ids=[case for case, _p, _f in BAD_INPUTS])
def test_bad_input_answers_400_naming_the_field_and_writes_nothing(api_sign_up, case, payload, field):
    raw = payload if isinstance(payload, (str, bytes)) else json.dumps(payload)

    response = api_sign_up(raw=raw, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400, response.content
    body = response.json()
    assert field in body["errors"], body
    assert body["message"].startswith(f"{field}:")
    assert not Subscriber.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]
)
def test_a_sign_up_that_is_not_json_is_refused(api_sign_up, content_type):
    response = api_sign_up(raw=json.dumps(sign_up_payload()), content_type=content_type)

    assert response.status_code == 400
    assert "Content-Type" in response.json()["errors"]
    assert not Subscriber.objects.exists()


def test_an_oversized_body_is_refused_before_it_is_read(api_sign_up):
    response = api_sign_up(raw=json.dumps(sign_up_payload(name="x" * 40_000)))

    assert response.status_code == 400
    assert "body" in response.json()["errors"]


def test_other_methods_answer_json_405(client):
    response = client.get(API_URL)

    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")


def test_a_filled_honeypot_is_dropped_silently(api_sign_up):
    honest = api_sign_up(sign_up_payload(email="honest@example.org"))
    mail.outbox.clear()

    bot = api_sign_up({**sign_up_payload(email="bot@example.org"), "website": "http://spam.example"})

    assert (bot.status_code, bot.json()) == (honest.status_code, honest.json()) == (202, honest.json())
    assert not Subscriber.objects.filter(email="bot@example.org").exists()
    assert mail.outbox == []


def test_too_many_sign_ups_for_one_address_answer_429(api_sign_up, settings):
    settings.SUPPORTERS_RATE_PER_EMAIL = "2/h"
    statuses = [api_sign_up(sign_up_payload()).status_code for _attempt in range(3)]

    assert statuses == [202, 202, 429]
    assert len(mail.outbox) == 2
    # Another address from the same client is still welcome.
    assert api_sign_up(sign_up_payload(email="other@example.org")).status_code == 202


def test_too_many_sign_ups_from_one_client_answer_429(api_sign_up, settings):
    settings.SUPPORTERS_RATE_PER_IP = "3/h"
    responses = [api_sign_up(sign_up_payload(email=f"person{number}@example.org")) for number in range(4)]

    assert [response.status_code for response in responses] == [202, 202, 202, 429]
    assert int(responses[-1]["Retry-After"]) > 0
    assert "message" in responses[-1].json()
    assert Subscriber.objects.count() == 3
    # Another client address is not affected.
    assert api_sign_up(sign_up_payload(email="far@example.org"), REMOTE_ADDR="203.0.113.9").status_code == 202
