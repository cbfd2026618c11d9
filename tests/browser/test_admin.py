"""An Arabic-speaking editor writes a story in the admin; the consent rule stops an early publish."""

import pytest

from stories.models import StoryPage
from tests.accounts import staff_user
from tests.browser.session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def arabic_editor(site_structure):
    return staff_user("muharrir", superuser=True, language="ar", password="kalimat-sirr-123")


def test_editor_cannot_publish_a_story_before_consent_then_can(
    page, live_server, site_structure, arabic_editor, settings
):
    # Autosave would race the clicks below by saving a draft in the background.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 600_000
    log_in(page, live_server, "muharrir")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"

    index = site_structure["stories"]["ar"]
    page.goto(f"{live_server.url}/admin/pages/add/stories/storypage/{index.pk}/")
    page.fill("#id_title", "بيت العائلة في سلوان")
    page.fill("#id_date", "2023-04-02")
    page.fill("#id_summary", "قصة عائلة فقدت بيتها")
    # Consent is no longer a page field (issue 7): a new story has none, so Publish is refused.

    # Publish lives in the footer's action menu.
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    error = page.locator(".messages .error, .help-critical")
    error.first.wait_for()
    assert error.first.inner_text().strip()
    assert not StoryPage.objects.filter(title="بيت العائلة في سلوان").exists()

    # Save a draft, record the consent on the story's consent page, then publish from the editor.
    page.locator("button[name='action-publish']").evaluate("button => button.closest('form').requestSubmit()")
    page.wait_for_url(f"{live_server.url}/admin/pages/*/edit/")
    draft = StoryPage.objects.get(title="بيت العائلة في سلوان")
    page.goto(f"{live_server.url}/admin/stories/{draft.pk}/consent/")
    page.select_option("#id_status", "granted")
    page.fill("#id_recorded_on", "2023-04-10")
    page.select_option("#id_method", "written")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{live_server.url}/admin/stories/{draft.pk}/consent/")
    page.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{index.pk}/")
    story = StoryPage.objects.get(title="بيت العائلة في سلوان")
    assert story.live

    page.goto(f"{live_server.url}{story.url}")
    assert page.locator("h1").first.inner_text() == "بيت العائلة في سلوان"


def test_admin_loads_nothing_from_outside_the_machine(page, live_server, site_structure, arabic_editor):
    """No avatar from gravatar.com, no version check against releases.wagtail.org: the admin works offline."""
    outside = []
    page.on(
        "request", lambda request: outside.append(request.url) if not request.url.startswith(live_server.url) else None
    )
    log_in(page, live_server, "muharrir")
    index = site_structure["stories"]["ar"]
    for path in [
        "/admin/",
        f"/admin/pages/{index.pk}/",
        f"/admin/pages/add/stories/storypage/{index.pk}/",
        "/admin/account/",
    ]:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    assert page.locator("header, main").first.is_visible()
    assert outside == []
