"""Every publishing route purges exactly what it changed: the page, its translations and what lists it.

Each test warms the anonymous cache (a HIT proves the answer is cached), changes content through a real
admin view or Wagtail action, and checks the next anonymous answers are fresh. Changes run as committed
transactions (``committed``), so the after-commit purges run as in production.
"""

import pytest
from django.core.cache import caches
from django.test import override_settings
from wagtail.actions.move_page import MovePageAction

from caching import outbox
from caching.models import CachePurge
from home.models import SiteSettings
from stories.models import StoryIndexPage, StoryPage
from stories.services import withdraw_consent
from tests.caching.conftest import warm
from tests.caching.test_response_cache import BROKEN_REDIS
from tests.factories import CampaignPageFactory, StoryPageFactory, publish_translation
from tests.roles.admin import edit_url
from tests.roles.admin import story_form as admin_story_form

pytestmark = pytest.mark.django_db


def version(story, code):
    return StoryPage.objects.get(translation_key=story.translation_key, locale__language_code=code)


def story_form(page, title, action="action-publish"):
    """The editor's form for ``page`` with a new title, keeping the story's own date and summary."""
    data = admin_story_form(title, page.slug, action)
    data.update(date=page.date.isoformat(), summary=page.summary)
    return data


def fresh(visitor, url):
    response = visitor.get(url)
    assert response.get("X-Cache") != "HIT", f"{url} was served from the cache after the change"
    return response


def test_publishing_in_the_admin_refreshes_the_page_its_index_and_home(visitor, staff, story, committed):
    english = version(story, "en")
    with committed():
        untouched = StoryPageFactory(parent=english.get_parent(), title="Another story", slug="another")
    warm(visitor, english.url, "/en/stories/", "/en/", untouched.url, "/api/v2/pages/?locale=en&type=stories.StoryPage")

    with committed():
        response = staff.post(edit_url(english), story_form(english, "Silwan: the house is gone"))
    assert response.status_code == 302

    for url in (english.url, "/en/stories/", "/en/", "/api/v2/pages/?locale=en&type=stories.StoryPage"):
        assert "Silwan: the house is gone" in fresh(visitor, url).content.decode(), url
    assert visitor.get(untouched.url)["X-Cache"] == "HIT"  # exact: an unrelated story stays cached
    assert not CachePurge.objects.filter(cache_purged_at=None).exists()


def test_unpublishing_in_the_admin(visitor, staff, story, committed):
    english = version(story, "en")
    warm(visitor, english.url, "/en/stories/", f"/api/v2/pages/{english.pk}/")
    with committed():
        response = staff.post(f"/admin/pages/{english.pk}/unpublish/")
    assert response.status_code == 302
    assert fresh(visitor, english.url).status_code == 404
    assert "A house demolished in Silwan" not in fresh(visitor, "/en/stories/").content.decode()
    assert fresh(visitor, f"/api/v2/pages/{english.pk}/").status_code == 404


def test_moving_refreshes_the_old_and_new_addresses_and_both_indexes(visitor, staff, story, site_structure, committed):
    english = version(story, "en")
    old_url = english.url
    with committed():
        archive = site_structure["home"]["en"].add_child(instance=StoryIndexPage(title="Archive", slug="archive"))
    warm(visitor, old_url, "/en/stories/", archive.url)
    with committed():
        MovePageAction(english, archive, pos="last-child", user=staff.user).execute()
    english.refresh_from_db()
    assert english.url == "/en/archive/silwan/"
    assert fresh(visitor, old_url).status_code in (301, 404)  # Wagtail may leave a redirect behind
    assert fresh(visitor, english.url).status_code == 200
    assert "A house demolished in Silwan" not in fresh(visitor, "/en/stories/").content.decode()
    assert "A house demolished in Silwan" in fresh(visitor, archive.url).content.decode()


def test_changing_the_slug_in_the_admin_frees_the_old_address(visitor, staff, story, committed):
    english = version(story, "en")
    old_url = english.url
    warm(visitor, old_url)
    data = story_form(english, english.title)
    data["slug"] = "silwan-demolition"
    with committed():
        assert staff.post(edit_url(english), data).status_code == 302
    old = fresh(visitor, old_url)
    assert old.status_code in (301, 404) and old.get("Location", "/en/stories/silwan-demolition/").endswith(
        "/en/stories/silwan-demolition/"
    )
    assert fresh(visitor, "/en/stories/silwan-demolition/").status_code == 200


@pytest.mark.parametrize("route", ["service", "admin view"])
def test_consent_withdrawal_takes_every_translation_out_of_the_cache(visitor, staff, story, committed, route):
    urls = [version(story, code).url for code in ("ar", "en", "fr")]
    api = [f"/api/v2/pages/{version(story, code).pk}/" for code in ("ar", "en", "fr")]
    warm(visitor, *urls, *api, "/ar/stories/", "/en/stories/", "/fr/stories/", "/en/", "/api/v2/pages/")
    with committed():
        if route == "service":
            withdraw_consent(story, actor=staff.user, note="phone call")
        else:
            response = staff.post(
                f"/admin/stories/{story.pk}/consent/",
                {"status": "withdrawn", "recorded_on": "2024-02-01", "method": "written", "note": "Phone call"},
            )
            assert response.status_code == 302
    for url in urls:
        assert fresh(visitor, url).status_code == 410
    for url in api:
        assert fresh(visitor, url).status_code == 404
    for url, title in (("/ar/stories/", "هدم منزل في سلوان"), ("/en/", "A house demolished in Silwan")):
        assert title not in fresh(visitor, url).content.decode()
    assert "Silwan" not in fresh(visitor, "/api/v2/pages/").content.decode()


def test_a_story_withdrawn_while_the_cache_was_unreachable_is_never_served(visitor, story, committed):
    english = version(story, "en")
    warm(visitor, english.url, "/en/stories/")
    with override_settings(CACHES=BROKEN_REDIS), committed():
        withdraw_consent(story, note="while Redis was down")
    assert CachePurge.objects.filter(cache_purged_at=None).exists()  # recorded, not applied

    # The memory cache still holds the story under its old key; the pending purge keeps it from being used,
    # in this process at once and in a process that has not looked yet (its first look finds the purge).
    for state in ("this process", "another process"):
        if state == "another process":
            outbox.reset_process_state()
            with override_settings(CACHES=BROKEN_REDIS):
                response = visitor.get(english.url)
                assert response.status_code == 410 and response.get("X-Cache") != "HIT"
            outbox.reset_process_state()
        response = visitor.get(english.url)
        assert response.status_code == 410, state
        assert "A house demolished in Silwan" not in visitor.get("/en/stories/").content.decode()

    # The cache answers again: the first look applied the pending purge, and caching resumes.
    assert not CachePurge.objects.filter(cache_purged_at=None).exists()
    warm(visitor, "/en/stories/")
    assert caches["default"].get("anything") is None


def test_publishing_a_translation_refreshes_every_language_version(visitor, site_structure, committed):
    with committed():
        arabic = StoryPageFactory(parent=site_structure["stories"]["ar"], title="قصة جديدة", slug="new-story")
    warm(visitor, arabic.url, "/en/stories/")
    with committed():
        english = publish_translation(arabic, "en", title="A new story", slug="new-story")
    # The Arabic page's language switcher now offers English; the English index lists it.
    assert english.url in fresh(visitor, arabic.url).content.decode()
    assert "A new story" in fresh(visitor, "/en/stories/").content.decode()
    assert visitor.get(english.url).status_code == 200


def test_navigation_follows_a_section_title(visitor, staff, story, site_structure, committed):
    english = version(story, "en")
    warm(visitor, english.url, "/en/")
    section = site_structure["campaigns"]["en"]
    section.title = "Our campaigns"
    with committed():
        section.save_revision(user=staff.user).publish()
    for url in (english.url, "/en/"):
        nav = fresh(visitor, url).content.decode().split('class="main-nav"')[1].split("</nav>")[0]
        assert "Our campaigns" in nav, url


def test_footer_follows_the_site_settings(visitor, staff, story, committed):
    english = version(story, "en")
    warm(visitor, english.url, "/ar/")
    form = staff.get("/admin/settings/home/sitesettings/", follow=True)
    assert form.status_code == 200
    with committed():
        response = staff.post(
            form.request["PATH_INFO"],
            {"contact_email": "press@example.org", "phone": "", "facebook_url": "", "x_url": ""},
        )
    assert response.status_code == 302, response.content[:500]
    assert SiteSettings.load().contact_email == "press@example.org"
    for url in (english.url, "/ar/"):
        footer = fresh(visitor, url).content.decode().split('class="site-footer"')[1]
        assert "press@example.org" in footer, url


def test_a_campaign_linking_a_withdrawn_story_is_refreshed(visitor, story, site_structure, committed):
    with committed():
        campaign = CampaignPageFactory(
            parent=site_structure["campaigns"]["ar"],
            title="حملة سلوان",
            slug="silwan-campaign",
            related_stories=[story],
        )
    warm(visitor, campaign.url)
    assert "هدم منزل في سلوان" in visitor.get(campaign.url).content.decode()
    with committed():
        withdraw_consent(story, note="phone call")
    assert "هدم منزل في سلوان" not in fresh(visitor, campaign.url).content.decode()


def test_verifying_an_incident_refreshes_the_statistics(visitor, site_structure, committed):
    from monitoring.models import IncidentStatus
    from tests.monitoring.incidents import make_incident

    with committed():
        incident = make_incident("eviction-silwan-2024", "2024-05-02", "home-demolition", "silwan", 7, status="draft")
    url = "/api/v2/statistics/?locale=en"
    warm(visitor, url)
    before = visitor.get(url).json()
    with committed():
        incident.status = IncidentStatus.VERIFIED
        incident.save()
    after = fresh(visitor, url).json()["totals"]
    assert after["incidents"] == before["totals"]["incidents"] + 1
    assert after["people_affected"] == before["totals"]["people_affected"] + 7


def test_a_story_naming_an_unpublished_campaign_is_refreshed(visitor, story, site_structure, committed):
    """The story's page lists the campaigns that name it: unpublishing one must not leave its card there."""
    with committed():
        campaign = CampaignPageFactory(
            parent=site_structure["campaigns"]["ar"],
            title="حملة سلوان للعدالة",
            slug="silwan-justice",
            related_stories=[story],
        )
    warm(visitor, story.url)
    assert "حملة سلوان للعدالة" in visitor.get(story.url).content.decode()
    with committed():
        campaign.unpublish()
    assert "حملة سلوان للعدالة" not in fresh(visitor, story.url).content.decode()


def test_a_synonym_set_refreshes_cached_search_answers(visitor, story, committed):
    from search.synonyms import SynonymSet
    from tests.factories import locale

    url = "/api/v2/search/?q=bulldozed&locale=en"
    warm(visitor, url)
    assert visitor.get(url).json()["results"] == []
    with committed():
        SynonymSet.objects.create(locale=locale("en"), terms="bulldozed, demolished")
    titles = [result["title"] for result in fresh(visitor, url).json()["results"]]
    assert "A house demolished in Silwan" in titles
