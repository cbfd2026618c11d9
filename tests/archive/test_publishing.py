"""What ``--publish`` means for every page type, and what happens without it."""

import copy

import pytest

from home.models import HomePage, UnitPage

from .conftest import languages, run_import

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages", "media")]


def test_without_publish_new_pages_are_drafts_and_changes_to_live_pages_wait(client, archive, write_archive):
    first = copy.deepcopy(archive)
    first["units"] = []
    run_import(write_archive(first), "--publish")
    home_en = HomePage.objects.get(locale__language_code="en")
    published_introduction = home_en.introduction

    changed = copy.deepcopy(archive)
    changed["units"][0]["draft"] = False
    changed["home"]["translations"]["en"]["introduction"] = "An introduction waiting for review."
    run_import(write_archive(changed))

    unit = UnitPage.objects.get(import_key="unit-001", locale__language_code="ar")
    assert not unit.live and client.get(unit.url).status_code == 404
    home_en.refresh_from_db()
    assert home_en.live and home_en.has_unpublished_changes
    assert home_en.introduction == published_introduction
    assert "An introduction waiting for review." not in client.get(home_en.url).content.decode()
    assert home_en.get_latest_revision_as_object().introduction == "An introduction waiting for review."


def test_a_record_marked_draft_stays_a_draft_even_with_publish(archive, write_archive):
    data = copy.deepcopy(archive)
    data["units"][0]["draft"] = True
    output = run_import(write_archive(data), "--publish")

    assert "Units: 1 (1 created, 0 updated)\n  Published: 0; left as drafts: 1" in output
    assert not UnitPage.objects.filter(live=True).exists()
    assert UnitPage.objects.filter(import_key="unit-001").count() == len(languages(data["units"][0]))
