"""A story's whole life in the admin, each step by the person whose role it is (issue 7).

An editor writes a story and submits it; a legal reviewer records consent and approves the first
task; a publisher approves the second, which publishes; the story is on the site and in search.
Then the legal reviewer withdraws consent, a publisher's attempt to republish the English
translation is refused, and the story answers 410 Gone in every language.
"""

import pytest

from archive.site import ensure_site_structure
from archive.translations import write_translation
from roles.roles import EDITORS, LEGAL_REVIEWERS, PUBLISHERS, ensure_roles
from stories.models import StoryPage
from tests.accounts import staff_user
from tests.browser.session import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "بيت العائلة في سلوان"
SUMMARY = "قصة عائلة فقدت بيتها في حي البستان"
ENGLISH = {"title": "The family home in Silwan", "summary": "A family that lost its home in al-Bustan"}
FRENCH = {"title": "La maison familiale à Silwan", "summary": "Une famille qui a perdu sa maison à al-Bustan"}


@pytest.fixture
def structure(db):
    # A live-server test flushes the database after each test, groups and workflows included.
    ensure_roles()
    return ensure_site_structure()


@pytest.fixture
def staff(structure):
    users = {}
    for username, group in [("muharrir", EDITORS), ("qanuni", LEGAL_REVIEWERS), ("nashir", PUBLISHERS)]:
        # The admin in English, so the messages asserted below read the same on every machine.
        users[username] = staff_user(username, groups=[group], password=PASSWORD)
    return users


@pytest.fixture
def browser_context(browser):
    contexts = []

    def open_page():
        context = browser.new_context(locale="ar")
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(15000)
        return tab

    yield open_page
    for context in contexts:
        context.close()


def open_actions_menu(tab):
    tab.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()


def approve_current_task(tab, live_server, story):
    tab.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    open_actions_menu(tab)
    tab.locator("button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])").click()
    tab.wait_for_url(lambda url: f"/admin/pages/{story.pk}/edit/" not in url)


def record_consent(tab, live_server, story, status, recorded_on, method=None):
    tab.goto(f"{live_server.url}/admin/stories/{story.pk}/consent/")
    tab.select_option("#id_status", status)
    tab.fill("#id_recorded_on", recorded_on)
    if method:
        tab.select_option("#id_method", method)
    tab.locator("form button[type=submit]").last.click()
    tab.wait_for_url(f"{live_server.url}/admin/stories/{story.pk}/consent/")
    assert tab.locator(f"[data-consent-status='{status}']").count() == 1


def status_of(tab, url):
    return tab.request.get(url).status


def test_a_story_from_writing_to_withdrawal(browser_context, live_server, structure, staff, settings):
    # Autosave would race the clicks below by saving drafts in the background.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 600_000

    # The editor writes the story and submits it to the "Story review" workflow.
    editor = browser_context()
    log_in(editor, live_server, "muharrir")
    index = structure["stories"]["ar"]
    editor.goto(f"{live_server.url}/admin/pages/add/stories/storypage/{index.pk}/")
    editor.fill("#id_title", TITLE)
    editor.fill("#id_date", "2023-04-02")
    editor.fill("#id_summary", SUMMARY)
    open_actions_menu(editor)
    editor.locator("button[name='action-submit']").click()
    editor.wait_for_url(f"{live_server.url}/admin/pages/{index.pk}/")
    story = StoryPage.objects.get(title=TITLE)
    assert not story.live
    assert story.current_workflow_task.name == "Legal & consent review"

    # The legal reviewer records the survivor's consent, then approves the legal review.
    legal = browser_context()
    log_in(legal, live_server, "qanuni")
    record_consent(legal, live_server, story, "granted", "2023-04-10", method="written")
    approve_current_task(legal, live_server, story)
    story.refresh_from_db()
    assert not story.live
    assert story.current_workflow_task.name == "Publication approval"

    # The publisher approves the last task, which publishes the story.
    publisher = browser_context()
    log_in(publisher, live_server, "nashir")
    approve_current_task(publisher, live_server, story)
    story.refresh_from_db()
    assert story.live

    public = browser_context()
    public.goto(f"{live_server.url}{story.url}")
    assert public.locator("h1").first.inner_text() == TITLE
    public.goto(f"{live_server.url}/ar/search/?q=البستان")
    assert public.get_by_role("link", name=TITLE).count() >= 1

    # The English translation, written and published as a translator's texts would be.
    english = write_translation(story, "en", ENGLISH, publish=True)
    assert english.live
    french = write_translation(story, "fr", FRENCH, publish=True)
    translations = {"ar": story, "en": english, "fr": french}
    for code, page in translations.items():
        assert status_of(public, f"{live_server.url}{page.url}") == 200, code

    # A publisher has the English translation's editor open when the legal reviewer withdraws consent.
    publisher.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    publisher.wait_for_load_state("networkidle")
    record_consent(legal, live_server, story, "withdrawn", "2024-01-15")
    assert not StoryPage.objects.filter(translation_key=story.translation_key, live=True).exists()

    # The publisher then tries to republish the English translation from that editor and is refused.
    publisher.get_by_role("button", name="Publish in English").click()
    refusal = publisher.locator(".messages .error, .help-critical")
    refusal.first.wait_for()
    assert "withdrawn their consent" in refusal.first.inner_text()
    english.refresh_from_db()
    assert not english.live
    assert story.consent.status == "withdrawn"

    # Opened afresh, the editor no longer offers to publish it at all.
    publisher.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    publisher.wait_for_load_state("networkidle")
    assert publisher.get_by_role("button", name="Publish in English").count() == 0

    # Gone in every language, and gone from search.
    for code, page in translations.items():
        assert status_of(public, f"{live_server.url}{page.url}") == 410, code
    public.goto(f"{live_server.url}{english.url}")
    assert "withdrawn at the survivor's request" in public.locator("main, body").first.inner_text()
    assert ENGLISH["title"] not in public.content()
    public.goto(f"{live_server.url}/ar/search/?q=البستان")
    assert public.get_by_role("link", name=TITLE).count() == 0
    assert not StoryPage.objects.filter(translation_key=story.translation_key, live=True).exists()
