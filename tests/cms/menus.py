"""Menus for the API tests: which pages show in menus, and the pages the public must never see."""

from wagtail.models import Page, PageViewRestriction

from stories.records import ConsentRecord

SECTIONS = ("about", "units", "campaigns", "stories")


def show_in_menus(*pages):
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(show_in_menus=True)


def show_sections_in_menus(site_pages):
    """The four section indexes of every language in the menu, as an editor would tick them."""
    show_in_menus(*(page for key in SECTIONS for page in site_pages[key].values()))


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")


def revoke_consent_behind_the_api(story):
    """The consent record says "pending" while the story is still live: the public condition alone must hide it."""
    ConsentRecord.objects.filter(story_translation_key=story.translation_key).update(status="pending")
