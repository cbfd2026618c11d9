"""The organisation details: moved out of the site settings, edited and translated in the admin."""

import json
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from home.models import OrganisationDetails
from tests.accounts import staff_user
from tests.markup import parse
from tests.organisation_texts import ARABIC, ENGLISH

BEFORE = ("home", "0002_unitpage_import_key")
AFTER = ("home", "0003_organisation_details")
SNIPPETS = "/admin/snippets/home/organisationdetails"


# --- the data migration ----------------------------------------------------------------------------


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return MigrationExecutor(connection).loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_the_site_settings_texts_into_the_arabic_details_and_back():
    try:
        apps = migrate(BEFORE)
        apps.get_model("home", "SiteSettings").objects.create(
            contact_email="cac@example.org", phone="+970 2 627 0000", facebook_url="https://facebook.com/cac", **ARABIC
        )

        apps = migrate(AFTER)

        details = apps.get_model("home", "OrganisationDetails").objects.get()
        assert details.locale.language_code == "ar" and details.live
        assert {name: getattr(details, name) for name in ARABIC} == ARABIC
        site_settings = apps.get_model("home", "SiteSettings").objects.get()
        assert (site_settings.contact_email, site_settings.phone, site_settings.facebook_url) == (
            "cac@example.org",
            "+970 2 627 0000",
            "https://facebook.com/cac",
        )
        assert not any(hasattr(site_settings, name) for name in ARABIC)

        apps = migrate(BEFORE)

        site_settings = apps.get_model("home", "SiteSettings").objects.get()
        assert {name: getattr(site_settings, name) for name in ARABIC} == ARABIC
        assert site_settings.contact_email == "cac@example.org"
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_the_migration_adds_no_details_where_there_were_no_site_settings():
    try:
        migrate(BEFORE)
        apps = migrate(AFTER)
        assert not apps.get_model("home", "OrganisationDetails").objects.exists()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


# --- the admin -------------------------------------------------------------------------------------


def user_with(*permissions):
    """A user with the model ``permissions`` who works in English (page permissions on the English tree)."""
    user = get_user_model().objects.create_user("translator", "translator@example.org", "pw")
    group = Group.objects.create(name="Organisation translators")
    for codename in permissions:
        app_label, codename = codename.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    GroupPagePermission.objects.create(
        group=group, page=english_home, permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(group)
    return user


def speaking_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def superuser(db):
    return staff_user("admin", superuser=True)


@pytest.fixture
def arabic_details(client, site_structure, superuser):
    """The Arabic details, written and published through the admin's add view."""
    client.force_login(superuser)
    response = client.post(f"{SNIPPETS}/add/?locale=ar", {**ARABIC, "action-publish": "action-publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return OrganisationDetails.objects.get(locale__language_code="ar")


def footer_name(client, language):
    heading = parse(client.get(f"/{language}/")).select_one("footer #footer-organisation")
    return heading.get_text(strip=True), heading.get("lang")


def submit_for_translation(client, details, code):
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "organisationdetails", details.pk])
    response = client.post(url, {"locales": [Locale.objects.get(language_code=code).pk]})
    assert response.status_code == 302
    return OrganisationDetails.objects.get(locale__language_code=code)


def translate_every_string(client, target):
    """Type the English of each Arabic string into wagtail-localize's translation editor, as a translator does."""
    props = json.loads(
        parse(client.get(f"{SNIPPETS}/edit/{target.pk}/")).select_one(".js-translation-editor")["data-props"]
    )
    translation = Translation.objects.get(source__object_id=target.translation_key, target_locale=target.locale)
    sources = []
    for segment in props["segments"]:
        if segment["type"] != "string":
            continue
        sources.append(segment["source"])
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment["id"]])
        response = client.put(
            url, urlencode({"value": ENGLISH[segment["source"]]}), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (200, 201), response.content
    return sources


def test_the_arabic_details_made_in_the_admin_are_in_the_footer(client, arabic_details):
    assert arabic_details.live and arabic_details.live_revision is not None
    assert footer_name(client, "ar") == (ARABIC["organisation_name"], None)


def test_translating_the_details_in_the_admin_puts_english_in_the_english_footer(
    client, arabic_details, superuser, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    listing = client.get(f"{SNIPPETS}/").content.decode()
    assert (
        reverse("wagtail_localize:submit_snippet_translation", args=["home", "organisationdetails", arabic_details.pk])
        in listing
    )

    english = submit_for_translation(client, arabic_details, "en")

    # A new translation is a draft: the English footer keeps the Arabic details, marked as Arabic.
    assert english.translation_key == arabic_details.translation_key and not english.live
    assert footer_name(client, "en") == (ARABIC["organisation_name"], "ar")

    assert sorted(translate_every_string(client, english)) == sorted(ARABIC.values())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{SNIPPETS}/edit/{english.pk}/", {"action": "publish"})
    assert response.status_code == 302

    english.refresh_from_db()
    assert english.live
    assert english.organisation_name == "Community Action Center – Al-Quds University"
    assert english.address == "Old City, Jerusalem"
    assert footer_name(client, "en") == ("Community Action Center – Al-Quds University", None)
    assert footer_name(client, "ar") == (ARABIC["organisation_name"], None)


def test_someone_who_may_not_publish_translates_but_cannot_put_the_translation_in_the_footer(client, arabic_details):
    translator = user_with(
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "home.add_organisationdetails",
        "home.change_organisationdetails",
    )
    client.force_login(speaking_english(translator))
    english = submit_for_translation(client, arabic_details, "en")
    translate_every_string(client, english)

    response = client.post(f"{SNIPPETS}/edit/{english.pk}/", {"action": "publish"})

    # Wagtail's admin answers a refused action by sending the user to the dashboard with a message.
    assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))
    english.refresh_from_db()
    assert not english.live
    assert footer_name(client, "en") == (ARABIC["organisation_name"], "ar")


def test_a_second_record_in_one_language_is_refused_with_a_message(client, arabic_details, superuser):
    client.force_login(superuser)

    response = client.post(
        f"{SNIPPETS}/add/?locale=ar", {**ARABIC, "organisation_name": "مركز آخر", "action-publish": "action-publish"}
    )

    assert response.status_code == 200
    assert "The organisation&#x27;s details in Arabic exist already" in response.content.decode()
    assert OrganisationDetails.objects.filter(locale__language_code="ar").count() == 1


def test_details_added_directly_in_another_language_are_a_translation_of_the_arabic_ones(
    client, arabic_details, superuser
):
    client.force_login(superuser)

    response = client.post(
        f"{SNIPPETS}/add/?locale=fr",
        {
            "organisation_name": "Centre d'action communautaire – Université Al-Quds",
            "footer_text": "",
            "address": "",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    french = OrganisationDetails.objects.get(locale__language_code="fr")
    assert french.translation_key == arabic_details.translation_key
    assert footer_name(client, "fr") == ("Centre d'action communautaire – Université Al-Quds", None)


def test_the_site_settings_form_keeps_only_what_has_no_language(client, site_structure, superuser):
    client.force_login(superuser)

    form = parse(client.get("/admin/settings/home/sitesettings/", follow=True)).select_one("form[method=post]")

    names = {
        field["name"] for field in form.select("input[name], textarea[name]") if field["name"] != "csrfmiddlewaretoken"
    }
    assert {"contact_email", "phone", "facebook_url", "x_url"} <= names
    assert not names & set(ARABIC)
