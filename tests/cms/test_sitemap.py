"""/sitemap.xml: every public page of the site, in every language, and nothing else."""

import pytest
from wagtail.models import PageViewRestriction

from stories.services import withdraw_consent
from tests.cms.conftest import LANGUAGES, PAGE_TYPES
from tests.factories import StoryPageFactory, UnitPageFactory

pytestmark = pytest.mark.django_db


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content.decode()


def test_sitemap_lists_every_public_page_in_every_language(client, site_pages):
    listed = sitemap(client)

    for key in PAGE_TYPES:
        for code in LANGUAGES:
            assert f"<loc>{site_pages[key][code].full_url}</loc>" in listed, f"{key} ({code}) missing"


def test_sitemap_leaves_out_drafts_restricted_and_unconsented_pages(client, site_pages, site_structure):
    UnitPageFactory(parent=site_structure["units"]["ar"], slug="draft-unit", publish_page=False)
    StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        slug="pending-story",
        consent_status="pending",
        consent_recorded_on=None,
        publish_page=False,
    )
    restricted = UnitPageFactory(parent=site_structure["units"]["ar"], slug="restricted-unit")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="secret")

    listed = sitemap(client)

    for slug in ("draft-unit", "pending-story", "restricted-unit"):
        assert slug not in listed
    assert site_pages["unit"]["ar"].full_url in listed


def test_sitemap_lists_public_stories_in_every_language_but_never_withdrawn_ones(client, site_pages):
    arabic, english = site_pages["story"]["ar"], site_pages["story"]["en"]
    listed = sitemap(client)
    assert arabic.full_url in listed and english.full_url in listed

    withdraw_consent(arabic)
    listed = sitemap(client)
    assert arabic.full_url not in listed and english.full_url not in listed
