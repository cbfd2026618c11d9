"""An Arabic story reaches English readers through a translator and a reviewer, in a real browser (issue 8).

The translator asks for an English translation of a published Arabic story, translates every segment in
wagtail-localize's editor and submits it for review; the page stays a draft. The English reviewer
approves it, which publishes it: the English page answers at /en/… left to right with the English footer,
and the Arabic page links to it.
"""

import datetime

import pytest
from wagtail.models import Locale

from archive.site import ensure_site_structure
from home.models import OrganisationDetails
from roles.roles import ensure_roles, translation_reviewers, translators
from stories.models import StoryPage
from stories.services import record_consent
from tests.accounts import staff_user
from tests.browser.session import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "ليالي العيسوية"
ENGLISH_TITLE = "Nights in Issawiya"


@pytest.fixture
def arabic_story(db):
    # A live-server test flushes the database after each test, groups and workflows included.
    ensure_roles()
    structure = ensure_site_structure()
    index = structure["stories"]["ar"]
    story = index.add_child(
        instance=StoryPage(
            title=TITLE,
            slug="issawiya-nights",
            live=False,
            date=datetime.date(2024, 6, 3),
            summary="عائلة تسهر على سطح بيتها خوفًا من الهدم",
            body=[("paragraph", "في العيسوية لا ينام الناس قبل الفجر."), ("paragraph", "الجرافات تأتي ليلًا.")],
        )
    )
    for code, name, address in [
        ("ar", "مركز العمل المجتمعي – جامعة القدس", "البلدة القديمة، القدس"),
        ("en", "Community Action Center – Al-Quds University", "Old City, Jerusalem"),
    ]:
        OrganisationDetails.objects.create(
            locale=Locale.objects.get(language_code=code), organisation_name=name, address=address, live=True
        )
    record_consent(story, status="granted", recorded_on=datetime.date(2024, 5, 1), method="written")
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def make_user(username, group):
    return staff_user(username, groups=[group], password=PASSWORD)


def translate_every_segment(tab):
    """Open each untranslated segment in the editor, type an English text and save it."""
    translate = tab.get_by_role("button", name="Translate", exact=True)
    count = translate.count()
    assert count >= 4  # title, slug, summary and the two paragraphs at least
    for number in range(count):
        translate.first.click()
        box = tab.locator("textarea").first
        box.fill(ENGLISH_TITLE if number == 0 else f"English text {number}")
        tab.get_by_role("button", name="Save", exact=True).first.click()
        tab.wait_for_function("document.querySelectorAll('textarea').length === 0")
    return count


def test_a_translator_translates_a_story_and_a_reviewer_publishes_it(browser, live_server, arabic_story, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    make_user("mutarjim", translators("en"))
    make_user("muraji", translation_reviewers("en"))
    english = Locale.objects.get(language_code="en")

    translator_context = browser.new_context(locale="en")
    tab = translator_context.new_page()
    tab.set_default_timeout(20000)
    log_in(tab, live_server, "mutarjim")
    tab.goto(f"{live_server.url}/admin/localize/submit/page/{arabic_story.pk}/")
    tab.get_by_label("English").check()
    tab.get_by_role("button", name="Submit").click()
    tab.wait_for_url(f"{live_server.url}/admin/pages/*/edit/")
    translation = arabic_story.get_translation(english)
    assert not translation.live  # a new translation is a draft, whoever asked for it

    translate_every_segment(tab)
    tab.get_by_role("button", name="Submit for review").click()
    tab.wait_for_url(f"{live_server.url}/admin/pages/{translation.pk}/edit/")
    assert "submitted for review" in tab.locator(".messages").inner_text()
    translation.refresh_from_db()
    assert not translation.live
    assert tab.locator("[data-translation-review]").get_by_role("button", name="Approve").count() == 0
    translator_context.close()

    reviewer_context = browser.new_context(locale="en")
    tab = reviewer_context.new_page()
    tab.set_default_timeout(20000)
    log_in(tab, live_server, "muraji")
    tab.goto(f"{live_server.url}/admin/pages/{translation.pk}/edit/")
    tab.locator("[data-translation-review]").get_by_role("button", name="Approve").click()
    tab.wait_for_url(f"{live_server.url}/admin/pages/{translation.pk}/edit/")
    translation.refresh_from_db()
    assert translation.live
    assert translation.title == ENGLISH_TITLE

    tab.goto(f"{live_server.url}{translation.url}")
    assert tab.locator("html").get_attribute("dir") == "ltr"
    assert tab.locator("html").get_attribute("lang") == "en"
    assert tab.locator("h1").first.inner_text() == ENGLISH_TITLE
    footer = tab.locator("footer.site-footer")
    assert "Community Action Center – Al-Quds University" in footer.inner_text()
    assert "Old City, Jerusalem" in footer.inner_text()
    assert footer.locator("[lang=ar]").count() == 0  # nothing in the footer falls back to Arabic

    tab.goto(f"{live_server.url}{arabic_story.url}")
    english_link = tab.locator(
        f".language-switcher a.language-switcher__language[hreflang=en][href='{translation.url}']"
    )
    assert english_link.count() == 1
    english_link.click()
    tab.wait_for_url(f"{live_server.url}{translation.url}")
    reviewer_context.close()
