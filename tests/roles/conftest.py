from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

from roles import roles
from tests.accounts import staff_user
from tests.factories import StoryPageFactory, locale


def make_member(role, username):
    """An active staff user in ``role``'s group, with an email address and the admin in English."""
    return staff_user(username, groups=[role])


@pytest.fixture
def editor(site_structure):
    return make_member(roles.EDITORS, "editor")


@pytest.fixture
def legal_reviewer(site_structure):
    return make_member(roles.LEGAL_REVIEWERS, "legal")


@pytest.fixture
def publisher(site_structure):
    return make_member(roles.PUBLISHERS, "publisher")


@pytest.fixture
def translator(site_structure):
    """A translator into French (translators work per language since the single "Translators" group was split)."""
    return make_member(roles.translators("fr"), "translator")


@pytest.fixture
def english_translator(site_structure):
    return make_member(roles.translators("en"), "translator_en")


@pytest.fixture
def english_reviewer(site_structure):
    return make_member(roles.translation_reviewers("en"), "reviewer_en")


@pytest.fixture
def french_reviewer(site_structure):
    return make_member(roles.translation_reviewers("fr"), "reviewer_fr")


@pytest.fixture
def documentation_officer(site_structure):
    return make_member(roles.DOCUMENTATION_OFFICERS, "documentation")


@pytest.fixture
def arabic_story(site_structure):
    """A live Arabic story with consent granted, not translated yet."""
    return StoryPageFactory(
        parent=site_structure["stories"]["ar"], title="هدم منزل في سلوان", slug="silwan", summary="هدمت الجرافات المنزل"
    )


@pytest.fixture
def request_translation(client, django_capture_on_commit_callbacks):
    """Press "Translate this page" as ``client``'s user: ``request_translation(page, "fr", include_subtree=False)``."""

    def request(page, code, include_subtree=False):
        data = {"locales": [locale(code).pk]}
        if include_subtree:
            data["include_subtree"] = "on"
        # wagtail-localize publishes (when it does) once the transaction commits: run those callbacks.
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("wagtail_localize:submit_page_translation", args=(page.pk,)), data)

    return request


@pytest.fixture
def translate_strings(client):
    """Type translations into the translation editor as ``client``'s user, as its React editor sends them.

    ``translate_strings(translation, {source text: translated text})``; other strings stay untranslated.
    """

    def translate(translation, texts):
        segments = StringSegment.objects.filter(source=translation.source).select_related("string")
        typed = 0
        for segment in segments:
            if segment.string.data not in texts:
                continue
            url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
            response = client.put(
                url, urlencode({"value": texts[segment.string.data]}), content_type="application/x-www-form-urlencoded"
            )
            assert response.status_code in (200, 201), response.content
            typed += 1
        assert typed, f"none of {list(texts)} is a string of {translation.source.object_repr}"

    return translate


def translation_into(page, code):
    """The wagtail-localize translation of ``page`` into language ``code``."""
    return Translation.objects.select_related("source").get(
        source__object_id=page.translation_key, target_locale=locale(code)
    )


def page_in(page, code):
    """``page``'s page in language ``code`` (a translation or an alias), as the database has it, or None."""
    found = Page.objects.filter(translation_key=page.translation_key, locale=locale(code)).first()
    return found.specific if found else None
