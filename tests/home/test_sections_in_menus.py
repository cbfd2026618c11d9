"""The section pages are the site's menu: made with "show in menus", and older sites ticked by a migration."""

import importlib

import pytest
from django.apps import apps
from wagtail.models import Page

from core.i18n import language_codes
from tests.markup import parse

migration = importlib.import_module("home.migrations.0004_sections_show_in_menus")

pytestmark = pytest.mark.django_db


def test_new_sites_put_every_section_in_the_menu_in_every_language(site_structure):
    for key in ("about", "units", "campaigns", "stories"):
        for code in language_codes():
            assert site_structure[key][code].show_in_menus, (key, code)


def test_the_migration_ticks_sections_of_older_sites_and_their_latest_revision(site_structure):
    stories = site_structure["stories"]["ar"]
    Page.objects.filter(pk=stories.pk).update(show_in_menus=False)
    revision = stories.latest_revision
    revision.content = {**revision.content, "show_in_menus": False}
    revision.save(update_fields=["content"])
    # A page an editor made and left out of the menu stays out: only the sections are ticked.
    story_like = site_structure["home"]["ar"].add_child(instance=Page(title="صفحة", slug="page", show_in_menus=False))

    migration.put_sections_in_menus(apps, None)

    stories.refresh_from_db()
    assert stories.show_in_menus
    assert stories.latest_revision.content["show_in_menus"] is True
    # Publishing the latest revision from the admin keeps the section in the menu.
    stories.latest_revision.publish()
    assert Page.objects.get(pk=stories.pk).show_in_menus
    assert not Page.objects.get(pk=story_like.pk).show_in_menus


def test_the_site_header_follows_show_in_menus(client, site_structure):
    about = site_structure["about"]["en"]
    about.show_in_menus = False
    about.save_revision().publish()
    campaigns = site_structure["campaigns"]["en"]

    soup = parse(client.get("/en/"))
    hrefs = [link["href"] for link in soup.select("nav.main-nav a")]
    assert "/en/about/" not in hrefs
    assert campaigns.url in hrefs and "/en/search/" in hrefs
    # Arabic keeps its own choice.
    assert "/ar/about/" in [link["href"] for link in parse(client.get("/ar/")).select("nav.main-nav a")]
