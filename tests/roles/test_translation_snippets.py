"""Translatable snippets per language: the organisation details (footer texts) as translators and reviewers
meet them in the admin.

Snippet permissions are per model; each record is still written only by those who may write its language
(the pages' rule): a translator into English translates the details into English and nothing else, the
English reviewer publishes them, and the Arabic source and the French record stay out of their reach.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from home.organisation import OrganisationDetails
from roles import roles
from tests.factories import locale
from tests.markup import parse
from tests.organisation_texts import ARABIC, ENGLISH

from .admin import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_details(site_structure):
    """The organisation details in Arabic, published: what the footer shows in every language so far."""
    details = OrganisationDetails(locale=locale("ar"), live=False, **ARABIC)
    details.save()
    details.save_revision().publish()
    return details


def submit_url(details):
    return reverse("wagtail_localize:submit_snippet_translation", args=["home", "organisationdetails", details.pk])


def edit_url(details):
    return reverse("wagtailsnippets_home_organisationdetails:edit", args=[details.pk])


def add_url(code):
    return reverse("wagtailsnippets_home_organisationdetails:add") + f"?locale={code}"


def details_in(code):
    return OrganisationDetails.objects.filter(locale__language_code=code).first()


def translation_of(details, code):
    return Translation.objects.get(source__object_id=details.translation_key, target_locale=locale(code))


def translate(client, details, code):
    """Press "Translate" on ``details`` into language ``code`` as ``client``'s user; return the response."""
    return client.post(submit_url(details), {"locales": [locale(code).pk]})


def refused_language(response, language):
    """Whether the admin refused the request for being in ``language`` ("Arabic"), saying so."""
    if response.status_code != 302 or response.url != reverse("wagtailadmin_home"):
        return False
    said = [str(message).strip() for message in get_messages(response.wsgi_request)]
    return f"You do not have permission to change content in {language}." in said


def footer_name(client, code):
    """The organisation's name in the footer of the home page in ``code``, and its ``lang`` attribute if any."""
    heading = parse(client.get(f"/{code}/")).select_one("footer #footer-organisation")
    return heading.get_text(strip=True), heading.get("lang")


@pytest.fixture
def english_draft(client, english_translator, arabic_details, translate_strings):
    """The English details as the English translator leaves them: translated in the editor, not published."""
    client.force_login(english_translator)
    assert translate(client, arabic_details, "en").status_code == 302
    translate_strings(translation_of(arabic_details, "en"), ENGLISH)
    client.logout()
    return details_in("en")


@pytest.fixture
def french_draft(client, translator, arabic_details):
    """The French details as the French translator started them (a draft copy of the Arabic)."""
    client.force_login(translator)
    assert translate(client, arabic_details, "fr").status_code == 302
    client.logout()
    return details_in("fr")


def test_each_role_holds_the_organisation_details_permissions_its_work_needs(site_structure):
    def codenames(group_name):
        return set(
            Group.objects.get(name=group_name)
            .permissions.filter(content_type__app_label="home", content_type__model="organisationdetails")
            .values_list("codename", flat=True)
        )

    for code in ("en", "fr"):
        assert codenames(roles.translators(code)) == {"add_organisationdetails", "change_organisationdetails"}
        assert codenames(roles.translation_reviewers(code)) == {
            "change_organisationdetails",
            "publish_organisationdetails",
        }
    assert codenames(roles.PUBLISHERS) == {
        "add_organisationdetails",
        "change_organisationdetails",
        "publish_organisationdetails",
    }
    # Editors hold no snippet permission, so neither do translators on the vocabularies.
    assert codenames(roles.EDITORS) == set()
    vocabularies = Permission.objects.filter(content_type__app_label="core", group__name__in=list(roles.ROLES))
    assert not vocabularies.exists()


def test_an_english_translator_translates_the_details_into_english_but_cannot_publish(
    client, english_translator, arabic_details, translate_strings
):
    client.force_login(english_translator)
    form = client.get(submit_url(arabic_details)).context["form"]
    assert [option.language_code for option in form.fields["locales"].queryset] == ["en"]
    response = translate(client, arabic_details, "fr")
    assert response.status_code == 200 and response.context["form"].errors["locales"]
    assert details_in("fr") is None

    assert translate(client, arabic_details, "en").status_code == 302
    english = details_in("en")
    assert english.translation_key == arabic_details.translation_key and not english.live
    editor = client.get(edit_url(english))
    assert editor.status_code == 200 and "js-translation-editor" in editor.content.decode()
    translate_strings(translation_of(arabic_details, "en"), ENGLISH)
    assert StringTranslation.objects.filter(locale=locale("en")).count() == len(ENGLISH)

    assert refused(client.post(edit_url(english), {"action": "publish"}))

    english.refresh_from_db()
    assert not english.live and english.organisation_name == ARABIC["organisation_name"]
    client.logout()
    assert footer_name(client, "en") == (ARABIC["organisation_name"], "ar")


@pytest.mark.parametrize("role", ["english_translator", "translator", "english_reviewer"])
def test_translators_and_reviewers_cannot_change_the_arabic_details(client, request, role, arabic_details):
    client.force_login(request.getfixturevalue(role))
    revisions = arabic_details.revisions.count()

    assert refused_language(client.get(edit_url(arabic_details)), "Arabic")
    response = client.post(
        edit_url(arabic_details), {**ARABIC, "organisation_name": "اسم آخر", "action-publish": "action-publish"}
    )

    assert refused_language(response, "Arabic")
    arabic_details.refresh_from_db()
    assert arabic_details.organisation_name == ARABIC["organisation_name"] and arabic_details.live
    assert arabic_details.revisions.count() == revisions
    assert footer_name(client, "ar") == (ARABIC["organisation_name"], None)


def test_an_english_translator_cannot_touch_the_french_details(
    client, english_translator, arabic_details, french_draft
):
    client.force_login(english_translator)
    french = translation_of(arabic_details, "fr")

    assert refused_language(client.get(edit_url(french_draft)), "French")
    assert refused_language(client.post(edit_url(french_draft), {"action": "publish"}), "French")
    # Nor through the translation editor's own endpoints, which Wagtail's model permission would let through.
    segment = french.source.stringsegment_set.first()
    string_url = reverse("wagtail_localize:edit_string_translation", args=[french.pk, segment.pk])
    response = client.put(string_url, "value=Autre+nom", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 403
    machine = client.post(reverse("wagtail_localize:machine_translate", args=[french.pk]), {"next": "/admin/"})
    assert refused_language(machine, "French")
    assert refused_language(client.post(reverse("wagtail_localize:stop_translation", args=[french.pk])), "French")
    assert not StringTranslation.objects.filter(locale=locale("fr")).exists()
    french.refresh_from_db()
    assert french.enabled

    # Creating a record in French directly is refused too (the English translator may add the model's records).
    french_draft.delete()
    response = client.post(add_url("fr"), {**ARABIC, "action-publish": "action-publish"})
    assert refused_language(response, "French")
    assert details_in("fr") is None


def test_machine_translation_on_sync_is_refused_into_languages_the_user_may_not_write(
    client, english_translator, arabic_details, english_draft, french_draft
):
    client.force_login(english_translator)
    update = reverse("wagtail_localize:update_translations", args=[translation_of(arabic_details, "fr").source.pk])

    response = client.post(update, {"use_machine_translation": "on"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 403
    assert "You may not translate into French" in response.content.decode()
    assert not StringTranslation.objects.filter(translation_type="machine").exists()


def test_the_english_reviewer_publishes_the_english_details_and_the_english_footer_shows_them(
    client, english_reviewer, arabic_details, english_draft
):
    client.force_login(english_reviewer)
    editor = client.get(edit_url(english_draft))
    assert editor.status_code == 200 and "js-translation-editor" in editor.content.decode()

    response = client.post(edit_url(english_draft), {"action": "publish"})

    assert response.status_code == 302 and not refused(response)
    english_draft.refresh_from_db()
    assert english_draft.live
    assert english_draft.organisation_name == "Community Action Center – Al-Quds University"
    client.logout()
    assert footer_name(client, "en") == ("Community Action Center – Al-Quds University", None)
    assert footer_name(client, "ar") == (ARABIC["organisation_name"], None)


def test_a_reviewer_publishes_and_unpublishes_in_their_own_language_only(
    client, english_reviewer, arabic_details, french_draft
):
    client.force_login(english_reviewer)

    assert refused_language(client.post(edit_url(french_draft), {"action": "publish"}), "French")
    french_draft.refresh_from_db()
    assert not french_draft.live

    unpublish = reverse("wagtailsnippets_home_organisationdetails:unpublish", args=[arabic_details.pk])
    assert refused_language(client.post(unpublish), "Arabic")
    arabic_details.refresh_from_db()
    assert arabic_details.live

    # A delete permission granted by hand does not reach another language either.
    english_reviewer.user_permissions.add(
        Permission.objects.get(content_type__app_label="home", codename="delete_organisationdetails")
    )
    delete = reverse("wagtailsnippets_home_organisationdetails:delete", args=[arabic_details.pk])
    assert refused_language(client.post(delete), "Arabic")
    assert OrganisationDetails.objects.filter(pk=arabic_details.pk).exists()


def test_a_french_translator_cannot_open_the_english_details(client, translator, arabic_details, english_draft):
    client.force_login(translator)

    # The English record is a translation: wagtail-localize's own hook would show it in the translation
    # editor, so this also shows that the language check runs first.
    response = client.get(edit_url(english_draft))

    assert refused_language(response, "English")
    assert "js-translation-editor" not in response.content.decode()


def test_translate_is_offered_only_while_a_language_of_the_translators_own_lacks_the_details(
    client, translator, english_translator, arabic_details, english_draft
):
    listing = reverse("wagtailsnippets_home_organisationdetails:list") + "?locale=ar"

    client.force_login(english_translator)
    assert submit_url(arabic_details) not in client.get(listing).content.decode()
    client.force_login(translator)
    assert submit_url(arabic_details) in client.get(listing).content.decode()


def test_publishers_write_the_details_in_every_language(client, publisher, arabic_details, english_draft):
    client.force_login(publisher)

    response = client.post(
        edit_url(arabic_details), {**ARABIC, "address": "شارع صلاح الدين، القدس", "action-publish": "action-publish"}
    )

    assert response.status_code == 302 and not refused(response)
    arabic_details.refresh_from_db()
    assert arabic_details.address == "شارع صلاح الدين، القدس" and arabic_details.live
    assert client.post(edit_url(english_draft), {"action": "publish"}).status_code == 302
    english_draft.refresh_from_db()
    assert english_draft.live
