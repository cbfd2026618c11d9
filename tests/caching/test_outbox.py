"""Purges are durable: what the cache or the CDN did not take stays recorded until cache_purge_sync applies it."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from caching.models import CachePurge
from stories.models import StoryPage
from tests.caching.test_response_cache import BROKEN_REDIS

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn():
    """A caching proxy's purge endpoint on a free loopback port, recording what it is asked to purge."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    backend = {
        "default": {
            "BACKEND": "caching.frontend.StrictHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server, backend
    server.shutdown()
    server.server_close()


def english(story):
    return StoryPage.objects.get(translation_key=story.translation_key, locale__language_code="en")


def test_a_publish_sends_the_page_and_what_lists_it_to_the_cdn(cdn, story, committed):
    server, backend = cdn
    page = english(story)
    with override_settings(WAGTAILFRONTENDCACHE=backend), committed():
        page.save_revision().publish()
    paths = {path for _host, path in server.purged}
    assert {page.url, "/en/stories/", "/en/", f"/api/v2/pages/{page.pk}/"} <= paths
    assert not CachePurge.objects.filter(frontend_purged_at=None).exists()


def test_a_cdn_that_does_not_answer_is_purged_later_by_the_command(cdn, story, committed):
    server, backend = cdn
    down = {"default": {**backend["default"], "LOCATION": "http://127.0.0.1:1"}}
    page = english(story)
    with override_settings(WAGTAILFRONTENDCACHE=down), committed():
        page.save_revision().publish()
    assert CachePurge.objects.filter(frontend_purged_at=None).exists()
    with override_settings(WAGTAILFRONTENDCACHE=down), pytest.raises(CommandError, match="still pending"):
        call_command("cache_purge_sync")
    with override_settings(WAGTAILFRONTENDCACHE=backend):
        call_command("cache_purge_sync")
    assert page.url in {path for _host, path in server.purged}
    assert not CachePurge.objects.filter(frontend_purged_at=None).exists()


def test_the_command_applies_purges_the_cache_missed(story, committed):
    with override_settings(CACHES=BROKEN_REDIS):
        with committed():
            english(story).save_revision().publish()
        assert CachePurge.objects.filter(cache_purged_at=None).exists()
        with pytest.raises(CommandError, match="did not answer"):
            call_command("cache_purge_sync")
    call_command("cache_purge_sync")
    assert not CachePurge.objects.filter(cache_purged_at=None).exists()
