"""Every way a translation comes to be leaves it a draft: nothing in English or French is public until
its own revision is published (by a review, or a publisher).

The rule is ``roles.drafts``: a page showing another language's content (an alias of a page in another
language, or a converted alias) is saved as a draft, whatever route saves it.
"""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization, StringTranslation

from home.models import UnitIndexPage, UnitPage
from stories.models import StoryPage
from stories.services import record_consent
from tests.factories import StoryPageFactory, UnitPageFactory, fresh, locale

from .admin import add_story_url, edit_url, story_form
from .conftest import page_in, translation_into

pytestmark = pytest.mark.django_db


def public_status(client, path):
    return client.get(path, HTTP_ACCEPT_LANGUAGE="en").status_code


def assert_offline(client, page, path):
    page = fresh(page)
    assert not page.live, f"{page} is live"
    assert public_status(client, path) == 404


def test_translate_this_page_makes_a_draft_of_a_live_story(client, translator, arabic_story, request_translation):
    client.force_login(translator)
    response = request_translation(arabic_story, "fr")

    assert response.status_code == 302
    french = page_in(arabic_story, "fr")
    assert french.alias_of_id is None
    assert_offline(client, french, "/fr/stories/silwan/")
    assert french.get_workflow().name == "Translation review (French)"


def test_translating_a_subtree_makes_drafts_of_every_page(client, site_structure, translator, request_translation):
    units = site_structure["units"]["ar"]
    first = UnitPageFactory(parent=units, slug="legal-unit")
    second = UnitPageFactory(parent=units, slug="media-unit")
    site_structure["units"]["fr"].delete()
    client.force_login(translator)

    response = request_translation(units, "fr", include_subtree=True)

    assert response.status_code == 302
    french_units = page_in(units, "fr")
    assert isinstance(french_units, UnitIndexPage)
    assert not french_units.live
    for unit in (first, second):
        french = page_in(unit, "fr")
        assert isinstance(french, UnitPage) and french.alias_of_id is None
        assert not french.live
    assert not UnitPage.objects.filter(locale=locale("fr"), live=True).exists()
    assert public_status(client, "/fr/units/legal-unit/") == 404


def test_a_missing_parent_is_made_as_a_draft_alias(client, site_structure, translator, request_translation):
    unit = UnitPageFactory(parent=site_structure["units"]["ar"], slug="legal-unit")
    site_structure["units"]["fr"].delete()
    client.force_login(translator)

    # copy_for_translation(copy_parents=True) makes the French unit index as an alias of the Arabic one.
    assert request_translation(unit, "fr").status_code == 302

    parent = page_in(site_structure["units"]["ar"], "fr")
    assert parent.alias_of_id == site_structure["units"]["ar"].pk
    assert not parent.live
    assert not page_in(unit, "fr").live
    assert public_status(client, "/fr/units/") == 404


def test_a_synchronised_locale_gets_draft_aliases_on_every_route(client, site_structure, editor, publisher):
    existing = StoryPageFactory(parent=site_structure["stories"]["ar"], slug="existing")

    # "Synchronise content from another locale" on the French locale (wagtail-localize's locale component).
    LocaleSynchronization.objects.create(locale=locale("fr"), sync_from=locale("ar"))
    alias = page_in(existing, "fr")
    assert alias.alias_of_id == existing.pk
    assert_offline(client, alias, "/fr/stories/existing/")

    # A story an editor writes afterwards is mirrored too (wagtail-localize's after_create_page hook) ...
    client.force_login(editor)
    client.post(add_story_url(site_structure["stories"]["ar"]), story_form("قصة جديدة", "new"))
    story = StoryPage.objects.get(slug="new", locale=locale("ar"))
    assert page_in(story, "fr").alias_of_id == story.pk

    # ... and publishing the Arabic story (Page.update_aliases) leaves the French alias offline.
    record_consent(story, status="granted", recorded_on=datetime.date(2024, 1, 1), method="written")
    client.force_login(publisher)
    response = client.post(edit_url(story), story_form("قصة جديدة", "new", "action-publish"))
    assert response.status_code == 302
    assert fresh(story).live
    assert_offline(client, page_in(story, "fr"), "/fr/stories/new/")
    assert not Page.objects.filter(locale=locale("fr"), alias_of__isnull=False, live=True).exists()


def test_converting_a_live_alias_into_a_translation_leaves_a_draft(
    client, site_structure, translator, arabic_story, request_translation
):
    """wagtail-localize issue #743: the converted alias kept its live state, showing Arabic text in French."""
    alias = arabic_story.copy_for_translation(locale("fr"), copy_parents=True, alias=True)
    # An alias made live before this rule existed (the roles 0002 migration takes such aliases offline).
    Page.objects.filter(pk=alias.pk).update(live=True)
    client.force_login(translator)

    # "Translate this page" in the alias's editor sends the translator here, with the language chosen.
    editor = client.get(edit_url(alias))
    assert editor.status_code == 200
    assert reverse("wagtail_localize:submit_page_translation", args=(arabic_story.pk,)) in editor.content.decode()
    assert request_translation(arabic_story, "fr").status_code == 302

    french = fresh(alias)
    assert french.alias_of_id is None
    assert translation_into(arabic_story, "fr").enabled
    assert_offline(client, french, "/fr/stories/silwan/")


def test_converting_a_translation_back_into_an_alias_takes_it_offline(
    client, translator, publisher, arabic_story, request_translation, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    request_translation(arabic_story, "fr")
    french = page_in(arabic_story, "fr")
    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(french), {"action": "publish"})
    assert fresh(french).live

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtail_localize:convert_to_alias", args=(french.pk,)))

    assert response.status_code == 302
    french = fresh(french)
    assert french.alias_of_id == arabic_story.pk
    # It would otherwise show the Arabic story at its French address.
    assert_offline(client, french, "/fr/stories/silwan/")


def test_machine_translation_records_strings_and_publishes_nothing(
    client, english_translator, arabic_story, request_translation
):
    client.force_login(english_translator)
    request_translation(arabic_story, "en")
    translation = translation_into(arabic_story, "en")

    response = client.post(
        reverse("wagtail_localize:machine_translate", args=(translation.pk,)),
        {"next": edit_url(page_in(arabic_story, "en"))},
    )

    assert response.status_code == 302
    machine = StringTranslation.objects.filter(locale=locale("en"), translation_type="machine")
    assert machine.count() >= 2
    assert_offline(client, page_in(arabic_story, "en"), "/en/stories/silwan/")


def test_sync_translated_pages_keeps_translations_drafts(
    client, translator, arabic_story, request_translation, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    request_translation(arabic_story, "fr")
    arabic_story.title = "عنوان جديد"
    arabic_story.save_revision().publish()
    source = translation_into(arabic_story, "fr").source

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtail_localize:update_translations", args=(source.pk,)), {})

    assert response.status_code == 302
    assert_offline(client, page_in(arabic_story, "fr"), "/fr/stories/silwan/")
