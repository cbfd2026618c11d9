"""The Content Security Policy in a real browser: nothing on the public site, the API docs or the admin is blocked.

Chromium reports every blocked script, style, image or frame as a ``securitypolicyviolation`` event
and a console error; the test listens for both on each page while it loads and settles.
"""

import datetime

import pytest

from tests.accounts import staff_user
from tests.browser.session import log_in
from tests.factories import CampaignPageFactory, StoryPageFactory, fresh

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Playwright adds this before any page script; CSP does not apply to it.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${where})`);
});
"""


@pytest.fixture
def recorded(page):
    console = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None
    )

    def visit(url, ready=None):
        response = page.goto(url)
        assert response.status in (200, 404), (url, response.status)
        if ready:
            page.locator(ready).first.wait_for()
        page.wait_for_load_state("networkidle")
        return page.evaluate("() => window.__cspViolations") + console

    return visit


@pytest.fixture
def content(site_structure):
    story = StoryPageFactory(
        parent=site_structure["stories"]["ar"],
        title="هدم منزل في سلوان",
        slug="silwan-demolition",
        date=datetime.date(2020, 5, 17),
        neighbourhood="silwan",
        violation_types=["home-demolition"],
    )
    campaign = CampaignPageFactory(
        parent=site_structure["campaigns"]["ar"], title="أوقفوا الهدم", related_stories=[story]
    )
    return {"story": fresh(story), "campaign": fresh(campaign), "stories": site_structure["stories"]["ar"]}


def test_public_pages_and_the_api_docs_load_without_a_violation(recorded, live_server, content):
    paths = [
        ("/ar/", None),
        (content["stories"].url + "?neighbourhood=silwan", None),
        (content["story"].url, None),
        (content["campaign"].url, None),
        ("/ar/search/?q=سلوان", None),
        ("/en/no-such-page/", None),
        ("/api/v2/docs/", ".opblock-summary-path"),
    ]
    violations = {path: recorded(f"{live_server.url}{path}", ready) for path, ready in paths}

    assert violations == {path: [] for path, _ in paths}


def test_the_admin_and_its_preview_load_without_a_violation(page, recorded, live_server, content):
    staff_user("mudir", superuser=True, language="ar", password="kalimat-sirr-123")
    log_in(page, live_server, "mudir")
    story = content["story"]

    paths = [
        "/admin/",
        f"/admin/pages/{content['stories'].pk}/",
        f"/admin/pages/{story.pk}/edit/",
        "/admin/images/",
    ]
    violations = {path: recorded(f"{live_server.url}{path}") for path in paths}
    # The preview panel frames the page's preview from the admin's own origin.
    page.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    page.frame_locator("iframe[id=w-preview-iframe], iframe.preview-panel__iframe").locator("h1").first.wait_for(
        state="attached"
    )
    violations["preview"] = page.evaluate("() => window.__cspViolations")

    assert violations == {key: [] for key in violations}
