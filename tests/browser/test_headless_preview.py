"""An editor previews a draft in the headless front end from the page editor's preview panel."""

import html
import json
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from cms.security import admin_directives
from roles import roles
from tests.accounts import staff_user
from tests.browser.session import PASSWORD, log_in
from tests.factories import StoryPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAFT_TITLE = "مسودة: بيت العائلة في سلوان"


@pytest.fixture
def front_end(live_server, settings):
    """A stand-in front end on its own port: like a server-rendered site, it asks our API for the draft
    named by the preview URL's token and renders its title. Yields its preview URL and what it was asked."""
    visits = []

    class FrontEnd(BaseHTTPRequestHandler):
        def do_GET(self):
            query = parse_qs(urlsplit(self.path).query)
            visits.append(query)
            parameters = urlencode({"content_type": query["content_type"][0], "token": query["token"][0]})
            with urllib.request.urlopen(f"{live_server.url}/api/v2/page_preview/?{parameters}") as answer:
                draft = json.load(answer)
            body = f"<!DOCTYPE html><html lang='ar' dir='rtl'><h1>{html.escape(draft['title'])}</h1></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), FrontEnd)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/preview/"
    settings.HEADLESS_PREVIEW_URL = url
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": url}, "REDIRECT_ON_PREVIEW": True}
    # The admin's content security policy lets the preview panel frame this front end, as the settings
    # module derives it from HEADLESS_PREVIEW_URL at start-up.
    settings.ADMIN_CONTENT_SECURITY_POLICY = admin_directives(None, url)
    # Autosave would save a draft in the background while the test types.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 600_000
    yield url, visits
    server.shutdown()
    server.server_close()


def test_the_preview_panel_shows_the_draft_from_the_front_end(page, live_server, site_structure, front_end):
    url, visits = front_end
    staff_user("muharrir", groups=[roles.EDITORS], language="ar", password=PASSWORD)
    story = StoryPageFactory(parent=site_structure["stories"]["ar"], title="بيت العائلة في سلوان", slug="family")
    log_in(page, live_server, "muharrir")

    page.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    page.fill("#id_title", DRAFT_TITLE)
    page.locator("[data-side-panel-toggle='preview']").click()

    panel = page.frame_locator("#w-preview-iframe")
    assert panel.locator("h1").inner_text() == DRAFT_TITLE
    assert page.locator("#w-preview-iframe").evaluate("frame => frame.src").startswith(live_server.url)
    assert any(frame.url.startswith(url + "?") for frame in page.frames)
    assert visits and visits[-1]["content_type"] == ["stories.storypage"]
    assert visits[-1]["token"][0].startswith(f"id={story.pk}:")
    # Only the preview changed: the story keeps its published title.
    story.refresh_from_db()
    assert story.title == "بيت العائلة في سلوان"
