"""Item 7: a page's translation goes out and comes back as a PO file; a file that does not match is refused whole."""

import html

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from roles import roles
from tests.factories import fresh, locale, publish
from tests.roles.admin import refused
from tests.roles.conftest import make_member

from .conftest import PAGE_KINDS, target
from .test_out_of_date import change_first_paragraph

pytestmark = pytest.mark.django_db


def start_translation(page, code):
    """A translation into ``code`` with nothing translated yet, as "Translate this page" leaves it."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale(code))
    if not type(page).objects.filter(translation_key=page.translation_key, locale=locale(code)).exists():
        translation.save_target(publish=False)
    return translation


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def fill(po, kind="page"):
    for entry in po:
        entry.msgstr = f"{kind}-fr" if entry.msgctxt == "slug" else f"[fr] {entry.msgid}"
    return po


def upload(client, translation, po):
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    content = po if isinstance(po, bytes) else str(po).encode()
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("translation.po", content), "next": edit_url},
    )
    assert response.status_code == 302 and response.url == edit_url
    told = [(message.level_tag, html.unescape(str(message)).strip()) for message in get_messages(response.wsgi_request)]
    client.cookies.pop("messages", None)  # shown once, as the page the user is sent back to would show them
    return told


def strings_of(page):
    return {
        (segment.path, segment.string.data)
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue) and segment.path != "slug"
    }


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_a_filled_po_file_comes_back_as_a_draft_of_the_translation(kind, pages, client, admin_user):
    translation = start_translation(pages[kind], "fr")
    before = target(translation)
    client.force_login(admin_user)

    po = fill(download(client, translation), kind)
    assert {entry.msgctxt for entry in po} >= {"title", "slug"}
    [(level, message)] = upload(client, translation, po)
    assert level == "success" and f"Imported {len(po)} translated texts" in message

    draft = target(translation).get_latest_revision_as_object()
    assert strings_of(draft) == {(entry.msgctxt, entry.msgstr) for entry in po if entry.msgctxt != "slug"}
    assert draft.slug == f"{kind}-fr"
    if before.live:  # the published French page is untouched until the draft is published
        assert target(translation).title == before.title


def test_a_po_file_downloaded_before_a_sync_can_be_completed_after_it(pages, client, admin_user):
    story = pages["story"]
    translation = start_translation(story, "fr")
    client.force_login(admin_user)
    upload(client, translation, fill(download(client, translation)))

    publish(change_first_paragraph(story))
    translation.source.update_from_db()
    po = download(client, translation)
    assert po.obsolete_entries()  # the old paragraph's translation, kept for reference
    [missing] = po.untranslated_entries()
    missing.msgstr = "[fr] Abou Khaled a reconstruit sa maison en 2021"
    [(level, _message)] = upload(client, translation, po)
    assert level == "success"
    assert "Abou Khaled a reconstruit sa maison en 2021" in str(
        target(translation).get_latest_revision_as_object().body[1].value
    )


def tampered(po, how):
    entry = next(entry for entry in po if entry.msgctxt.startswith("body."))
    if how == "context":
        entry.msgctxt = "body.not-a-block"
    elif how == "text":
        entry.msgid = "نص ليس في المصدر"
    elif how == "link":
        entry.msgstr = '[fr] <a id="a9">lien</a>'
    return po


@pytest.mark.parametrize(
    "how, problem",
    [
        ("context", "the source has no such segment"),
        ("text", "the text is not the source's text there"),
        ("link", "links do not match the source's"),
    ],
)
def test_a_po_file_with_a_mismatched_entry_is_refused_and_changes_nothing(how, problem, pages, client, admin_user):
    translation = start_translation(pages["story"], "fr")
    revision = target(translation).latest_revision_id
    client.force_login(admin_user)
    po = tampered(fill(download(client, translation)), how)

    [(level, message)] = upload(client, translation, po)
    assert level == "error"
    assert "The PO file was not imported; nothing was changed." in message and problem in message
    assert not StringTranslation.objects.filter(locale=locale("fr")).exists()  # not even the good entries
    assert target(translation).latest_revision_id == revision


def test_a_po_file_of_another_page_or_language_is_refused(pages, client, admin_user):
    french = start_translation(pages["story"], "fr")
    english = start_translation(pages["story"], "en")
    campaign = start_translation(pages["campaign"], "fr")
    client.force_login(admin_user)
    for other in (english, campaign):
        [(level, message)] = upload(client, french, fill(download(client, other)))
        assert level == "error" and "made for another translation" in message

    headless = fill(download(client, french))
    del headless.metadata["X-WagtailLocalize-TranslationID"]
    [(level, message)] = upload(client, french, headless)
    assert level == "error" and "does not say which translation" in message

    [(level, message)] = upload(client, french, b"\x89PNG\r\n\x1a\n not a po file")
    assert level == "error" and "not a valid PO file" in message
    assert not StringTranslation.objects.exists()


def test_a_po_file_whose_source_changed_since_the_download_is_refused(pages, client, admin_user):
    story = pages["story"]
    translation = start_translation(story, "fr")
    client.force_login(admin_user)
    po = fill(download(client, translation))
    publish(change_first_paragraph(story))
    translation.source.update_from_db()

    [(level, message)] = upload(client, translation, po)
    assert level == "error" and "did the source change since the download?" in message
    assert not StringTranslation.objects.exists()


def test_only_a_user_who_may_edit_the_translation_may_upload(pages, client, site_structure, admin_user):
    translation = start_translation(pages["story"], "fr")
    client.force_login(admin_user)
    po = fill(download(client, translation))
    client.force_login(make_member(roles.LEGAL_REVIEWERS, "legal"))
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("translation.po", str(po).encode())},
    )
    assert refused(response)
    assert not StringTranslation.objects.exists()
    assert fresh(target(translation)).title == pages["story"].title


@pytest.fixture
def organisation_translation(site_structure):
    """The Arabic organisation details (a translatable snippet) being translated into English."""
    from home.models import OrganisationDetails

    arabic = OrganisationDetails.objects.filter(locale=locale("ar")).first() or OrganisationDetails.objects.create(
        locale=locale("ar"), organisation_name="مركز العمل المجتمعي", address="القدس"
    )
    OrganisationDetails.objects.filter(locale__in=[locale("en"), locale("fr")]).delete()
    source, _created = TranslationSource.update_or_create_from_instance(arabic)
    translation = Translation.objects.create(source=source, target_locale=locale("en"))
    translation.save_target(publish=False)
    return translation


def upload_snippet_po(client, translation, po):
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("translation.po", str(po).encode()), "next": reverse("wagtailadmin_home")},
    )


def test_a_snippet_translation_takes_a_po_file_only_from_those_who_write_its_language(
    organisation_translation, client, admin_user
):
    client.force_login(admin_user)
    po = download(client, organisation_translation)
    for entry in po:
        entry.msgstr = f"[en] {entry.msgid}"

    client.force_login(make_member(roles.translators("fr"), "translator_fr"))
    assert refused(upload_snippet_po(client, organisation_translation, po))
    assert not StringTranslation.objects.exists()

    client.force_login(make_member(roles.translators("en"), "translator_en"))
    response = upload_snippet_po(client, organisation_translation, po)
    assert response.status_code == 302
    imported = StringTranslation.objects.filter(locale=locale("en"))
    assert sorted(imported.values_list("data", flat=True)) == sorted(entry.msgstr for entry in po)
