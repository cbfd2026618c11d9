"""The API's absolute URLs name the host the client asked for, or WAGTAILAPI_BASE_URL when it is set."""

import json
import os
import subprocess
import sys

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from tests.cms.test_settings import ROOT

pytestmark = pytest.mark.django_db

HOST = "munasara.example"


@pytest.fixture
def api_host(settings):
    settings.ALLOWED_HOSTS = [HOST, "api.munasara.org"]
    settings.WAGTAILAPI_BASE_URL = None
    return f"http://{HOST}"


def test_listing_and_detail_urls_use_the_request_host(client, site_pages, api_host):
    story = site_pages["story"]["ar"]

    listing = client.get("/api/v2/pages/", {"type": "stories.StoryPage", "locale": "ar"}, HTTP_HOST=HOST).json()
    (item,) = listing["items"]
    assert item["meta"]["detail_url"] == f"{api_host}/api/v2/pages/{story.pk}/"
    assert item["meta"]["html_url"] == f"{api_host}/ar/stories/silwan-demolition/"

    detail = client.get(f"/api/v2/pages/{story.pk}/", HTTP_HOST=HOST).json()
    parent = site_pages["stories"]["ar"]
    assert detail["meta"]["parent"]["meta"]["detail_url"] == f"{api_host}/api/v2/pages/{parent.pk}/"
    assert detail["meta"]["parent"]["meta"]["html_url"] == f"{api_host}/ar/stories/"


def test_find_redirects_on_the_request_host(client, site_pages, api_host):
    story = site_pages["story"]["en"]

    response = client.get("/api/v2/pages/find/", {"id": story.pk, "fields": "title"}, HTTP_HOST=HOST)

    assert response.status_code == 302
    assert response["Location"] == f"{api_host}/api/v2/pages/{story.pk}/?fields=title"
    assert client.get(response["Location"], HTTP_HOST=HOST).json()["title"] == "A home demolished in Silwan"


def test_images_and_documents_use_the_request_host(client, site_pages, api_host):
    (image,) = client.get("/api/v2/images/", HTTP_HOST=HOST).json()["items"]
    assert image["meta"]["detail_url"] == f"{api_host}/api/v2/images/{image['id']}/"

    document = Document.objects.create(title="تقرير", file=ContentFile(b"report", name="report.txt"))
    story = site_pages["story"]["ar"]
    story.body = [("paragraph", f'<p><a linktype="document" id="{document.pk}">تقرير</a></p>')]
    story.save_revision().publish()
    (listed,) = client.get("/api/v2/documents/", {"fields": "download_url"}, HTTP_HOST=HOST).json()["items"]
    assert listed["meta"]["detail_url"] == f"{api_host}/api/v2/documents/{document.pk}/"
    assert listed["meta"]["download_url"].startswith(f"{api_host}/documents/{document.pk}/")


def test_an_explicit_base_url_wins_over_the_host(client, site_pages, api_host, settings):
    settings.WAGTAILAPI_BASE_URL = "https://api.munasara.org"
    story = site_pages["story"]["ar"]

    detail = client.get(f"/api/v2/pages/{story.pk}/", HTTP_HOST=HOST).json()
    found = client.get("/api/v2/pages/find/", {"id": story.pk}, HTTP_HOST=HOST)

    assert detail["meta"]["detail_url"] == f"https://api.munasara.org/api/v2/pages/{story.pk}/"
    assert detail["meta"]["html_url"] == "https://api.munasara.org/ar/stories/silwan-demolition/"
    assert found["Location"] == f"https://api.munasara.org/api/v2/pages/{story.pk}/"


@pytest.mark.parametrize(
    ("env", "expected"), [({}, None), ({"WAGTAILAPI_BASE_URL": "https://api.munasara.org"}, "https://api.munasara.org")]
)
def test_the_base_url_is_set_only_from_the_environment(env, expected):
    code = "import json, django; from django.conf import settings; print(json.dumps(settings.WAGTAILAPI_BASE_URL))"
    clean = {key: value for key, value in os.environ.items() if key != "WAGTAILAPI_BASE_URL"}
    clean.update(env, WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000", DJANGO_SETTINGS_MODULE="cms.settings.dev")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected
