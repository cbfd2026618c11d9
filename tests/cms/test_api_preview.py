"""Preview for a headless front end: the admin's Preview sends the editor to the front end with a
signed, short-lived token, and ``/api/v2/page_preview/`` serves the draft for that token only."""

import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from wagtail_headless_preview.models import PagePreview

from monitoring.pages import ReportPage
from roles import roles
from stories.models import SurvivorRecord
from stories.records import ConsentStatus
from stories.services import record_consent, withdraw_consent
from tests.cms.conftest import PAGE_TYPES
from tests.factories import CampaignPageFactory, StoryPageFactory, UnitPageFactory, fresh
from tests.roles.admin import add_story_url, refused, story_form
from tests.roles.conftest import make_member

ROOT = Path(__file__).resolve().parents[2]
FRONT_END = "https://front.example/preview/"
PREVIEW_API = "/api/v2/page_preview/"
DRAFT_TITLE = "مسودة: هدم منزل في سلوان"


@pytest.fixture
def front_end(settings):
    """A configured headless front end, as cms/settings/base.py derives it from HEADLESS_PREVIEW_URL."""
    settings.HEADLESS_PREVIEW_URL = FRONT_END
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": FRONT_END}, "REDIRECT_ON_PREVIEW": True}
    return settings


@pytest.fixture
def editor(site_structure):
    return make_member(roles.EDITORS, "editor")


@pytest.fixture
def story(site_structure):
    return StoryPageFactory(parent=site_structure["stories"]["ar"], title="هدم منزل في سلوان", slug="silwan")


@pytest.fixture
def other_story(site_structure):
    return StoryPageFactory(parent=site_structure["stories"]["ar"], title="إغلاق مدرسة", slug="school")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def preview_on_edit(client, page, title, slug):
    """Type ``title`` into the page's editor and press Preview, as the admin's preview panel does."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    posted = client.post(url, story_form(title, slug))
    assert posted.json() == {"is_valid": True, "is_available": True}, posted.content
    return client.get(url)


def front_end_parameters(location):
    """The ``content_type`` and ``token`` the admin handed to the front end, checking where it went."""
    assert location.startswith(FRONT_END + "?"), location
    query = parse_qs(urlsplit(location).query)
    return {"content_type": query["content_type"][0], "token": query["token"][0]}


def fetch_preview(parameters, **headers):
    """What the front end gets from the API, asking anonymously (it holds no admin session)."""
    return Client().get(PREVIEW_API, parameters, HTTP_ACCEPT_LANGUAGE="en", **headers)


def issued_preview(client, page, title=DRAFT_TITLE):
    response = preview_on_edit(client, page, title, page.slug)
    assert response.status_code == 302
    return front_end_parameters(response["Location"])


def test_preview_sends_the_editor_to_the_front_end_which_gets_the_unsaved_draft(editor_client, story, front_end):
    parameters = issued_preview(editor_client, story)
    assert parameters["content_type"] == "stories.storypage"

    response = fetch_preview(parameters)

    assert response.status_code == 200
    draft = response.json()
    assert draft["title"] == DRAFT_TITLE
    assert draft["id"] == story.pk
    assert draft["meta"]["type"] == "stories.StoryPage"
    assert draft["meta"]["locale"] == "ar"
    assert draft["meta"]["parent"]["id"] == story.get_parent().pk
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    # Nothing was saved: the page, its revisions and the public API still have the published title.
    assert fresh(story).title == "هدم منزل في سلوان"
    assert fresh(story).get_latest_revision_as_object().title == "هدم منزل في سلوان"
    assert Client().get(f"/api/v2/pages/{story.pk}/").json()["title"] == "هدم منزل في سلوان"


def test_the_preview_has_the_shape_of_the_pages_detail(editor_client, story, front_end):
    parameters = issued_preview(editor_client, story, title=story.title)

    draft = fetch_preview({**parameters, "fields": "*"}).json()
    detail = Client().get(f"/api/v2/pages/{story.pk}/", {"fields": "*"}).json()

    assert draft.keys() == detail.keys()
    assert draft["meta"].keys() == detail["meta"].keys()
    assert draft["summary"] == detail["summary"]


def test_an_iframe_shows_the_front_end_when_redirects_are_off(editor_client, story, front_end):
    front_end.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": FRONT_END}, "REDIRECT_ON_PREVIEW": False}

    response = preview_on_edit(editor_client, story, DRAFT_TITLE, story.slug)

    assert response.status_code == 200
    html = response.content.decode()
    source = html.split('<iframe src="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert fetch_preview(front_end_parameters(source)).json()["title"] == DRAFT_TITLE


def test_without_a_front_end_preview_is_wagtails_own_with_our_templates(editor_client, story, settings):
    settings.HEADLESS_PREVIEW_URL = None
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {}, "REDIRECT_ON_PREVIEW": True}

    response = preview_on_edit(editor_client, story, DRAFT_TITLE, story.slug)

    assert response.status_code == 200
    assert DRAFT_TITLE in response.content.decode()
    assert "<iframe" not in response.content.decode()
    assert not PagePreview.objects.exists()


def test_a_page_being_created_is_previewed_without_an_address(editor_client, site_structure, front_end):
    index = site_structure["stories"]["ar"]
    url = reverse("wagtailadmin_pages:preview_on_add", args=("stories", "storypage", index.pk))
    assert editor_client.post(url, story_form("قصة جديدة", "new-story")).json()["is_valid"] is True
    parameters = front_end_parameters(editor_client.get(url)["Location"])

    draft = fetch_preview(parameters).json()

    assert draft["title"] == "قصة جديدة"
    assert draft["id"] is None
    assert draft["meta"]["detail_url"] is None and draft["meta"]["html_url"] is None
    assert draft["meta"]["canonical_url"] is None
    assert draft["meta"]["parent"]["id"] == index.pk
    assert editor_client.get(add_story_url(index)).status_code == 200  # Nothing was created meanwhile.


def test_every_page_type_previews_in_the_front_end(editor_client, site_structure, story, front_end):
    campaign = CampaignPageFactory(parent=site_structure["campaigns"]["ar"])
    unit = UnitPageFactory(parent=site_structure["units"]["ar"])
    report = site_structure["reports"]["ar"].add_child(
        instance=ReportPage(title="تقرير", slug="report", date=datetime.date(2024, 12, 1), summary="ملخص التقرير.")
    )
    keys = ("home", "about", "units", "campaigns", "stories", "reports", "statistics", "mailing_list", "privacy")
    sections = [site_structure[key]["ar"] for key in keys]
    pages = sections + [story, campaign, unit, report]
    assert {type(page) for page in pages} == set(PAGE_TYPES.values())

    for page in pages:
        response = editor_client.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,)))
        assert response.status_code == 302, page
        parameters = front_end_parameters(response["Location"])
        assert fetch_preview(parameters).json()["id"] == page.pk


def test_only_who_may_edit_the_page_obtains_a_token(client, story, front_end):
    # Translators into French may not edit the Arabic source.
    client.force_login(make_member(roles.translators("fr"), "translator"))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(story.pk,))

    posted = client.post(url, story_form(DRAFT_TITLE, story.slug))
    shown = client.get(url)
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=(story.pk,)))

    assert refused(posted) and refused(shown) and refused(draft)
    assert not PagePreview.objects.exists()


def test_an_expired_token_is_refused_and_its_draft_removed(editor_client, story, front_end, monkeypatch):
    parameters = issued_preview(editor_client, story)
    later = time.time() + front_end.HEADLESS_PREVIEW_TOKEN_MAX_AGE + 1
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)

    response = fetch_preview(parameters)

    assert response.status_code == 403
    assert response.json() == {"message": "token: the preview token has expired; press Preview again"}
    assert not PagePreview.objects.filter(token=parameters["token"]).exists()


def test_a_token_is_valid_for_the_configured_age(editor_client, story, front_end, monkeypatch):
    front_end.HEADLESS_PREVIEW_TOKEN_MAX_AGE = 3600
    parameters = issued_preview(editor_client, story)
    later = time.time() + 1800
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)

    assert fetch_preview(parameters).json()["title"] == DRAFT_TITLE


def test_expired_drafts_are_cleaned_up_on_the_next_preview(editor_client, story, other_story, front_end, monkeypatch):
    first = issued_preview(editor_client, story)
    later = time.time() + front_end.HEADLESS_PREVIEW_TOKEN_MAX_AGE + 1
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)

    second = issued_preview(editor_client, other_story, title="مسودة أخرى")

    assert list(PagePreview.objects.values_list("token", flat=True)) == [second["token"]]
    assert first["token"] != second["token"]


def test_a_tampered_token_is_refused(editor_client, story, other_story, front_end):
    parameters = issued_preview(editor_client, story)
    token = parameters["token"]
    forged_signature = token[:-1] + ("A" if token[-1] != "A" else "B")
    other_page = token.replace(f"id={story.pk}:", f"id={other_story.pk}:")

    for bad in (forged_signature, other_page, "id=1", "not a token"):
        response = fetch_preview({**parameters, "token": bad})
        assert response.status_code == 403, bad
        assert response.json() == {"message": "token: the preview token is not valid"}


def test_a_token_serves_only_the_page_it_was_issued_for(editor_client, story, other_story, front_end):
    issued_preview(editor_client, other_story, title="مسودة القصة الأخرى")
    parameters = issued_preview(editor_client, story)

    assert fetch_preview(parameters).json()["id"] == story.pk
    # The same token under another page type finds nothing.
    wrong_type = fetch_preview({**parameters, "content_type": "campaigns.campaignpage"})
    assert wrong_type.status_code == 404
    assert wrong_type.json() == {"message": "No preview for this token and content type"}
    # The pages API takes no token: the other story is served as published.
    other = Client().get(f"/api/v2/pages/{other_story.pk}/", {"token": parameters["token"]})
    assert other.json()["title"] == "إغلاق مدرسة"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"token": "x"}, "content_type: this parameter is required"),
        ({"content_type": "stories.storypage"}, "token: this parameter is required"),
        ({"content_type": "stories.storypage", "token": ""}, "token: this parameter is required"),
        ({"content_type": "stories", "token": "x"}, "content_type: 'stories' is not a page type"),
        (
            {"content_type": "stories.survivorrecord", "token": "x"},
            "content_type: 'stories.survivorrecord' is not a page type",
        ),
        ({"content_type": "stories.storypage", "token": "x", "id": "3"}, "id: unknown parameter"),
        ({"content_type": "stories.storypage", "token": "x\x00"}, "token: the character U+0000 is not allowed"),
    ],
)
def test_bad_parameters_answer_400_naming_them(db, query, message):
    response = fetch_preview(query)

    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_the_preview_answers_get_and_head_only(editor_client, story, front_end):
    parameters = issued_preview(editor_client, story)
    url = f"{PREVIEW_API}?content_type={parameters['content_type']}&token={parameters['token']}"

    assert Client().head(url).status_code == 200
    refused = Client().post(url, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 405
    assert "message" in refused.json()


def test_a_draft_holding_the_survivors_private_data_is_not_served(editor_client, story, front_end):
    SurvivorRecord.objects.create(
        story_translation_key=story.translation_key, survivor_name="نبيل أبو رموز", contact="0522345678"
    )
    served = fetch_preview({**issued_preview(editor_client, story), "fields": "*"})
    withheld = fetch_preview(issued_preview(editor_client, story, title="قصة نبيل أبو رموز"))

    assert served.status_code == 200
    assert "رموز" not in served.content.decode() and "0522345678" not in served.content.decode()
    assert withheld.status_code == 403
    assert "رموز" not in withheld.content.decode()
    assert "real name" in withheld.json()["message"]


def test_a_withdrawal_stops_every_preview_even_one_issued_before_it(editor_client, story, front_end, editor):
    record_consent(story, status=ConsentStatus.GRANTED, actor=editor)
    issued = issued_preview(editor_client, story)
    assert fetch_preview(issued).status_code == 200

    withdraw_consent(story, actor=editor)
    refused = fetch_preview(issued)
    assert refused.status_code == 403
    assert "withdrawn consent" in refused.json()["message"]
    assert DRAFT_TITLE not in refused.content.decode()
    # A new press of Preview after the withdrawal gets nowhere either.
    assert fetch_preview(issued_preview(editor_client, story)).status_code == 403


def test_drafts_never_appear_in_the_pages_api(editor_client, story, site_structure, front_end):
    never_published = StoryPageFactory(
        parent=site_structure["stories"]["ar"], title="قصة لم تنشر", slug="unpublished", publish_page=False
    )
    live = fresh(story)
    live.title = "عنوان المسودة المحفوظة"
    live.save_revision()
    issued_preview(editor_client, story)  # A preview token exists meanwhile.
    api = Client()

    listing = api.get("/api/v2/pages/", {"type": "stories.StoryPage", "fields": "title"}).json()["items"]
    assert [item["title"] for item in listing] == ["هدم منزل في سلوان"]
    assert api.get(f"/api/v2/pages/{never_published.pk}/").status_code == 404
    assert api.get(f"/api/v2/pages/{story.pk}/").json()["title"] == "هدم منزل في سلوان"
    assert api.get("/api/v2/pages/find/", {"html_path": "/ar/stories/unpublished/"}).status_code == 404
    found = api.get("/api/v2/pages/find/", {"html_path": "/ar/stories/silwan/"}, follow=True)
    assert found.json()["title"] == "هدم منزل في سلوان"


def settings_under(env):
    code = (
        "import json, django; from django.conf import settings; "
        "print(json.dumps([settings.HEADLESS_PREVIEW_URL, settings.HEADLESS_PREVIEW_TOKEN_MAX_AGE, "
        "settings.WAGTAIL_HEADLESS_PREVIEW]))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HEADLESS_PREVIEW")}
    clean.update(env, DJANGO_SETTINGS_MODULE="cms.settings.dev")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)


def test_the_front_end_is_configured_from_the_environment():
    unset = settings_under({})
    configured = settings_under(
        {
            "HEADLESS_PREVIEW_URL": "https://front.example/preview",
            "HEADLESS_PREVIEW_TOKEN_MAX_AGE": "120",
            "HEADLESS_PREVIEW_REDIRECT": "false",
        }
    )

    assert unset.returncode == 0, unset.stderr
    assert json.loads(unset.stdout) == [None, 600, {"CLIENT_URLS": {}, "REDIRECT_ON_PREVIEW": True}]
    assert configured.returncode == 0, configured.stderr
    assert json.loads(configured.stdout) == [
        "https://front.example/preview",
        120,
        {"CLIENT_URLS": {"default": "https://front.example/preview"}, "REDIRECT_ON_PREVIEW": False},
    ]


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"HEADLESS_PREVIEW_URL": "front.example/preview"}, "HEADLESS_PREVIEW_URL"),
        ({"HEADLESS_PREVIEW_TOKEN_MAX_AGE": "ten minutes"}, "HEADLESS_PREVIEW_TOKEN_MAX_AGE"),
    ],
)
def test_a_bad_setting_stops_the_start_naming_it(env, named):
    result = settings_under(env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and named in result.stderr
