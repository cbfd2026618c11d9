"""The translators' seat: translators per language translate and submit, in their own language only.

They cannot publish, edit the Arabic sources or another language, see the private section or change
consent; each checked through the admin views as the logged-in translator.
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from roles import roles
from stories.models import SurvivorRecord
from tests.factories import fresh

from .admin import edit_url, refused, story_form
from .conftest import page_in, translation_into

pytestmark = pytest.mark.django_db

LANGUAGE_GROUPS = [
    "Translators (English)",
    "Translators (French)",
    "Translation reviewers (English)",
    "Translation reviewers (French)",
]


def test_migrate_makes_the_language_groups_and_retires_the_single_translators_group():
    # No site_structure: only what `migrate` made.
    names = set(Group.objects.values_list("name", flat=True))
    assert set(LANGUAGE_GROUPS) <= names
    assert roles.RETIRED_TRANSLATORS not in names
    for name in ("Translators (English)", "Translators (French)"):
        granted = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        # The organisation details, incident texts and legal references are snippets, permitted per model;
        # roles.languages keeps them to the language.
        assert granted == {
            "access_admin",
            "submit_translation",
            "add_organisationdetails",
            "change_organisationdetails",
            "add_incidenttext",
            "change_incidenttext",
            "add_legalreference",
            "change_legalreference",
        }


def test_the_migration_moves_the_old_translators_into_every_language():
    migration = importlib.import_module("roles.migrations.0001_translators_per_language")
    old = Group.objects.create(name="Translators")
    member = get_user_model().objects.create_user("old-translator", "old@example.org", "pw")
    member.groups.add(old)

    migration.split_translators(apps, None)

    assert not Group.objects.filter(name="Translators").exists()
    assert set(member.groups.values_list("name", flat=True)) == {"Translators (English)", "Translators (French)"}


def test_translators_hold_page_permissions_on_their_own_language_tree_only(site_structure):
    for code in ("en", "fr"):
        grants = GroupPagePermission.objects.filter(group__name=roles.translators(code))
        assert set(grants.values_list("page_id", flat=True)) == {site_structure["home"][code].pk}
        assert set(grants.values_list("permission__codename", flat=True)) == {"add_page", "change_page"}
        reviews = GroupPagePermission.objects.filter(group__name=roles.translation_reviewers(code))
        assert set(reviews.values_list("page_id", flat=True)) == {site_structure["home"][code].pk}
        assert set(reviews.values_list("permission__codename", flat=True)) == {
            "add_page",
            "change_page",
            "publish_page",
        }


def test_translate_this_page_offers_only_the_translators_language(
    client, english_translator, arabic_story, request_translation
):
    client.force_login(english_translator)
    form = client.get(reverse("wagtail_localize:submit_page_translation", args=(arabic_story.pk,))).context["form"]
    assert [locale.language_code for locale in form.fields["locales"].queryset] == ["en"]

    response = request_translation(arabic_story, "fr")

    assert response.status_code == 200
    assert response.context["form"].errors["locales"]
    assert page_in(arabic_story, "fr") is None
    assert request_translation(arabic_story, "en").status_code == 302
    assert not page_in(arabic_story, "en").live


def test_the_translation_editor_opens_for_the_own_language_only(
    client, translator, english_translator, arabic_story, request_translation
):
    client.force_login(english_translator)
    request_translation(arabic_story, "en")
    client.force_login(translator)
    request_translation(arabic_story, "fr")
    english, french = page_in(arabic_story, "en"), page_in(arabic_story, "fr")

    client.force_login(english_translator)
    response = client.get(edit_url(english))
    assert response.status_code == 200
    assert "js-translation-editor" in response.content.decode()
    assert refused(client.get(edit_url(french)))
    # Nor through the editor's string API.
    segment = translation_into(arabic_story, "fr").source.stringsegment_set.first()
    url = reverse(
        "wagtail_localize:edit_string_translation", args=(translation_into(arabic_story, "fr").pk, segment.pk)
    )
    assert client.put(url, "value=x", content_type="application/x-www-form-urlencoded").status_code == 403


@pytest.mark.parametrize("role", ["translator", "english_translator", "english_reviewer"])
def test_translators_and_reviewers_cannot_edit_the_arabic_source(client, request, role, arabic_story):
    client.force_login(request.getfixturevalue(role))
    assert refused(client.get(edit_url(arabic_story)))
    response = client.post(edit_url(arabic_story), story_form("عنوان آخر", "silwan", "action-publish"))
    assert refused(response)
    assert fresh(arabic_story).title == "هدم منزل في سلوان"


def test_a_translator_cannot_publish_their_translation(
    client, translator, arabic_story, request_translation, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    request_translation(arabic_story, "fr")
    french = page_in(arabic_story, "fr")
    assert not french.permissions_for_user(translator).can_publish()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(french), {"action": "publish"})

    assert refused(response)
    assert not fresh(french).live
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=(french.pk,))))


@pytest.mark.parametrize("role", ["translator", "english_translator", "english_reviewer", "french_reviewer"])
def test_translators_and_reviewers_are_refused_the_private_section_and_consent(client, request, role, arabic_story):
    SurvivorRecord.objects.create(story_translation_key=arabic_story.translation_key, survivor_name="سلمى صالح بشير")
    client.force_login(request.getfixturevalue(role))
    private = client.get(reverse("stories_private", args=(arabic_story.pk,)))
    assert refused(private)
    assert "سلمى صالح بشير" not in private.content.decode()
    consent = reverse("stories_consent", args=(arabic_story.pk,))
    assert refused(client.get(consent))
    assert refused(client.post(consent, {"status": "withdrawn"}))
    assert fresh(arabic_story).live


def test_a_reviewer_publishes_in_their_own_language_only(client, english_reviewer, site_structure):
    client.force_login(english_reviewer)
    assert site_structure["about"]["en"].permissions_for_user(english_reviewer).can_publish()
    assert not site_structure["about"]["fr"].permissions_for_user(english_reviewer).can_publish()
    assert not site_structure["about"]["ar"].permissions_for_user(english_reviewer).can_publish()
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=(site_structure["about"]["fr"].pk,))))
    assert Page.objects.get(pk=site_structure["about"]["fr"].pk).live
