import json
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse

API_URL = "/api/v2/mailing-list/subscribe/"


def sign_up_payload(**overrides):
    payload = {"email": "layla@example.org", "locale": "en", "name": "Layla", "topics": ["campaigns"], "consent": True}
    payload.update(overrides)
    return {key: value for key, value in payload.items() if value is not None}


@pytest.fixture
def api_sign_up(client, django_capture_on_commit_callbacks):
    """POST a sign-up to the API (JSON unless ``raw`` is given); emails queued on commit are delivered."""

    def post(payload=None, *, raw=None, content_type="application/json", **headers):
        body = raw if raw is not None else json.dumps(sign_up_payload() if payload is None else payload)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(API_URL, data=body, content_type=content_type, **headers)

    return post


def links_in(message):
    """The site's links in an email's plain-text part, as paths (the test client needs no host)."""
    return [urlsplit(url).path for url in re.findall(r"https?://\S+", message.body)]


def link_to(message, kind):
    """The path of the email's ``kind`` link ("confirm", "unsubscribe", "preferences")."""
    (path,) = [path for path in links_in(message) if f"/mailing-list/{kind}/" in path]
    return path


def last_email_to(address):
    matching = [message for message in mail.outbox if message.to == [address]]
    assert matching, f"no email to {address}: {[message.to for message in mail.outbox]}"
    return matching[-1]


@pytest.fixture
def supporter_pages(site_structure):
    """The mailing list and privacy pages in every language, as the site set-up makes them."""
    from wagtail.models import Locale

    from supporters.site_pages import ensure_supporter_pages

    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return ensure_supporter_pages(site_structure["home"], locales)


def mailing_list_url(language):
    return reverse("supporters:sign_up").replace("/ar/", f"/{language}/", 1)
