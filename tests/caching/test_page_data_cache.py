"""The page data cache (core.memo, kept by caching.memo): the site and home page, the route and the frame
of a page, remembered across requests under the response cache's purge tokens.

The response cache is off here: every answer is rendered, from remembered facts where they still hold.
Each test remembers a page's facts by visiting it, changes content through a real admin view or Wagtail
action in a committed transaction (so the after-commit purges run), and checks what a visitor gets next.
"""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.actions.move_page import MovePageAction

from core import memo
from stories.models import StoryIndexPage
from stories.services import withdraw_consent
from tests.caching.test_invalidation import story_form, version
from tests.caching.test_response_cache import BROKEN_REDIS
from tests.factories import StoryPageFactory, publish_translation
from tests.roles.admin import edit_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_data_cache_only(settings):
    settings.RESPONSE_CACHE = False
    settings.PAGE_DATA_CACHE = True


def visit(visitor, url, status=200):
    response = visitor.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response


def test_a_story_page_seen_before_is_served_with_fewer_queries(visitor, story):
    english = version(story, "en")
    with CaptureQueriesContext(connection) as first:
        visit(visitor, english.url)
    with CaptureQueriesContext(connection) as again:
        response = visit(visitor, english.url)
    assert "A house demolished in Silwan" in response.content.decode()
    # Site, locale, home, route and frame are remembered: the story itself, its violation types and the
    # campaigns naming it are read fresh (the consent that decides 410 comes with the story).
    assert len(again) <= 3 < len(first), [query["sql"][:90] for query in again.captured_queries]


def test_a_withdrawn_story_is_gone_although_its_route_and_frame_were_remembered(visitor, story, committed):
    urls = {code: version(story, code).url for code in ("ar", "en", "fr")}
    for url in urls.values():
        visit(visitor, url)
        visit(visitor, url)
    with committed():
        withdraw_consent(story, note="phone call")
    for url in urls.values():
        response = visit(visitor, url, status=410)
        assert "Silwan" not in response.content.decode() and "سلوان" not in response.content.decode()
    # Nor does the index or the home page name it any more.
    for url in ("/en/stories/", "/en/"):
        assert "A house demolished in Silwan" not in visit(visitor, url).content.decode()


def test_a_translation_published_later_joins_the_language_switcher(visitor, site_structure, committed):
    with committed():
        arabic = StoryPageFactory(parent=site_structure["stories"]["ar"], title="إخطار هدم في البستان", slug="bustan")
    visit(visitor, arabic.url)
    assert "/en/stories/bustan/" not in visit(visitor, arabic.url).content.decode()
    with committed():
        english = publish_translation(arabic, "en", title="A demolition order in al-Bustan", slug="bustan")
    assert english.url == "/en/stories/bustan/"
    # The switcher and the hreflang alternates both lead to the new translation.
    assert visit(visitor, arabic.url).content.decode().count("/en/stories/bustan/") >= 2


def test_an_unpublished_story_is_not_found_after_being_remembered(visitor, story, committed):
    english = version(story, "en")
    visit(visitor, english.url)
    with committed():
        english.unpublish()
    visit(visitor, english.url, status=404)
    assert "A house demolished in Silwan" not in visit(visitor, "/en/stories/").content.decode()


def test_a_new_slug_frees_the_old_address_and_serves_the_new_one(visitor, staff, story, committed):
    english = version(story, "en")
    old_url = english.url
    visit(visitor, old_url)
    data = story_form(english, english.title)
    data["slug"] = "silwan-demolition"
    with committed():
        assert staff.post(edit_url(english), data).status_code == 302
    assert visitor.get(old_url).status_code in (301, 404)  # Wagtail may leave a redirect behind
    assert "A house demolished in Silwan" in visit(visitor, "/en/stories/silwan-demolition/").content.decode()


def test_a_moved_story_is_served_at_its_new_address_with_its_new_breadcrumbs(
    visitor, staff, story, site_structure, committed
):
    english = version(story, "en")
    old_url = english.url
    with committed():
        archive = site_structure["home"]["en"].add_child(
            instance=StoryIndexPage(title="Archive of stories", slug="archive")
        )
    visit(visitor, old_url)
    with committed():
        MovePageAction(english, archive, pos="last-child", user=staff.user).execute()
    english.refresh_from_db()
    assert visitor.get(old_url).status_code in (301, 404)
    assert "Archive of stories" in visit(visitor, english.url).content.decode()


def test_a_page_remembered_under_a_longer_address_and_then_deleted_is_not_found(visitor, story, committed):
    english = version(story, "en")
    visit(visitor, english.url + "more/", status=404)
    with committed():
        english.delete()
    visit(visitor, english.url + "more/", status=404)
    visit(visitor, english.url, status=404)


def test_pages_are_served_when_the_cache_does_not_answer(visitor, story):
    with override_settings(CACHES=BROKEN_REDIS):
        assert "A house demolished in Silwan" in visit(visitor, version(story, "en").url).content.decode()


def test_without_a_store_every_call_computes(monkeypatch):
    monkeypatch.setattr(memo, "_store", None)
    calls = []
    assert memo.remember("x", (1,), lambda: calls.append(1) or len(calls)) == 1
    assert memo.remember("x", (1,), lambda: calls.append(1) or len(calls)) == 2
