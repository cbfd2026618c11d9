"""Content Security Policy and framing: strict on the public site and the API docs, looser in the admin only.

Every public page type is rendered in every language and read for what the strict policy would
block: inline scripts, event-handler attributes, ``style`` attributes and elements, ``javascript:``
links and resources from another origin.
"""

import json
import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import storages
from django.test import override_settings
from wagtail.models import Page, get_page_models

from tests.accounts import staff_user
from tests.cms.conftest import LANGUAGES, PAGE_TYPES
from tests.cms.test_settings import ROOT

pytestmark = pytest.mark.django_db

HOST = "testserver"
# Script types a browser does not run: data for scripts, which no CSP needs to allow.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


def policy(response, header="Content-Security-Policy"):
    """The policy as {directive: [sources]}."""
    assert header in response, f"no {header} on {response.request['PATH_INFO']}"
    directives = {}
    for part in response[header].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_strict(directives):
    every_source = [source for sources in directives.values() for source in sources]
    assert "'unsafe-inline'" not in every_source
    assert "'unsafe-eval'" not in every_source
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


def is_same_origin(url):
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc or parts.netloc == HOST


def what_the_policy_would_block(html):
    """Everything in ``html`` a self-only policy without inline script or style refuses."""
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for script in soup.find_all("script"):
        if not script.get("src") and script.get("type", "text/javascript") not in DATA_SCRIPT_TYPES:
            problems.append(f"inline script: {str(script)[:80]}")
    problems += [f"<style> element: {str(style)[:80]}" for style in soup.find_all("style")]
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            if attribute.lower().startswith("on"):
                problems.append(f"event handler {attribute} on <{element.name}>")
            if attribute.lower() == "style":
                problems.append(f"style attribute on <{element.name}>: {value}")
            if isinstance(value, str) and value.strip().lower().startswith("javascript:"):
                problems.append(f"javascript: URL in {attribute} on <{element.name}>")
    resources = [("script", "src"), ("img", "src"), ("img", "srcset"), ("link", "href"), ("iframe", "src")]
    for tag, attribute in resources:
        for element in soup.find_all(tag):
            if tag == "link" and "stylesheet" not in element.get("rel", []) and "icon" not in element.get("rel", []):
                continue
            for candidate in (element.get(attribute) or "").split(","):
                url = candidate.strip().split(" ")[0]
                if url and not is_same_origin(url):
                    problems.append(f"<{tag} {attribute}> from another origin: {url}")
    return problems


def test_every_page_type_is_checked():
    assert set(PAGE_TYPES.values()) == set(get_page_models()) - {Page}, "add the new page type to PAGE_TYPES"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", PAGE_TYPES)
def test_public_pages_get_the_strict_policy_and_need_nothing_it_blocks(client, site_pages, key, language):
    response = client.get(site_pages[key][language].url, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 200
    assert_strict(policy(response))
    assert response["X-Frame-Options"] == "DENY"
    assert what_the_policy_would_block(response.content.decode()) == []


@pytest.mark.parametrize(
    "path",
    ["/ar/search/?q=سلوان", "/en/search/", "/en/no-such-page/", "/api/v2/docs/", "/.well-known/security.txt"],
)
def test_search_error_and_api_docs_pages_get_the_strict_policy(client, site_pages, settings, path):
    settings.SECURITY_CONTACT = ["mailto:security@example.org"]

    response = client.get(path)

    assert response.status_code in (200, 404)
    directives = policy(response)
    assert_strict(directives)
    # Swagger UI's stylesheet draws its icons as data: images; nothing else may.
    assert directives["img-src"] == (["'self'", "data:"] if path == "/api/v2/docs/" else ["'self'"])
    assert what_the_policy_would_block(response.content.decode()) == []


def test_the_admin_gets_its_own_policy_and_may_frame_itself(client, site_pages):
    client.force_login(staff_user("csp-admin", superuser=True))
    page = site_pages["story"]["ar"]

    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    public = client.get(page.url)

    assert edit.status_code == 200
    directives = policy(edit)
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["frame-src"] == ["'self'"]
    assert edit["X-Frame-Options"] == "SAMEORIGIN"
    # The public page stays strict for the signed-in editor too, and Wagtail's user bar needs nothing it blocks.
    assert_strict(policy(public))
    assert public["X-Frame-Options"] == "DENY"
    assert "wagtail-userbar" in public.content.decode()
    assert what_the_policy_would_block(public.content.decode()) == []


def test_a_headless_front_end_in_the_preview_frame_may_be_framed_by_the_admin(client, site_pages, settings):
    from cms.security import admin_directives

    settings.ADMIN_CONTENT_SECURITY_POLICY = admin_directives(None, "https://front.example/preview/?x=1")
    client.force_login(staff_user("csp-admin", superuser=True))

    response = client.get("/admin/")

    assert policy(response)["frame-src"] == ["'self'", "https://front.example"]


def test_images_from_the_media_storage_origin_are_allowed(client, site_pages):
    s3 = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "munasara-media",
            "endpoint_url": "https://objects.example:9000",
            "access_key": "key",
            "secret_key": "secret",
        },
    }
    with override_settings(STORAGES={**storages.backends, "default": s3}):
        directives = policy(client.get(site_pages["home"]["en"].url))
    with override_settings(MEDIA_URL="https://cdn.example/media/"):
        with_cdn = policy(client.get(site_pages["home"]["en"].url))

    assert directives["img-src"] == ["'self'", "https://objects.example:9000"]
    assert directives["script-src"] == ["'self'"]
    assert with_cdn["img-src"] == ["'self'", "https://cdn.example"]


def test_documents_keep_wagtails_own_policy(client, site_pages, tmp_path, settings):
    """Wagtail serves a document with ``default-src 'none'`` so an uploaded file can run nothing: kept as is."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    settings.MEDIA_ROOT = tmp_path
    document = get_document_model().objects.create(title="doc", file=ContentFile(b"x", name="d.txt"))
    client.force_login(staff_user("csp-admin", superuser=True))

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize(("report_only", "enforced", "reported"), [("true", False, True), ("", True, False)])
def test_report_only_mode_comes_from_the_environment(report_only, enforced, reported):
    code = (
        "import json; from django.conf import settings as s; "
        "enforced, reported = s.CONTENT_SECURITY_POLICY, s.CONTENT_SECURITY_POLICY_REPORT_ONLY; "
        "print(json.dumps([bool(enforced), bool(reported), (enforced or reported)['DIRECTIVES']['report-uri']]))"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("CSP_")}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.test", CSP_REPORT_ONLY=report_only, CSP_REPORT_URI="/csp-reports/")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [enforced, reported, ["/csp-reports/"]]
