"""Item 5: the translation status report, in the admin and as JSON for staff."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from localization.status import translatable_snippet_models
from roles import roles
from tests.factories import fresh, locale, publish
from tests.markup import parse
from tests.roles.admin import refused
from tests.roles.conftest import make_member

from .conftest import translate

pytestmark = pytest.mark.django_db

REPORT = "localization:status_report"
JSON = "localization:status_json"


def without_translation(code):
    """Counted straight from the database: source-language pages and snippets with nothing in ``code``."""
    translated_keys = Page.objects.filter(locale__language_code=code, alias_of__isnull=True).values("translation_key")
    count = (
        Page.objects.filter(locale__language_code="ar", depth__gt=1, alias_of__isnull=True)
        .exclude(translation_key__in=translated_keys)
        .count()
    )
    for model in translatable_snippet_models():
        objects = model._default_manager
        in_language = objects.filter(locale__language_code=code).values("translation_key")
        count += objects.filter(locale__language_code="ar").exclude(translation_key__in=in_language).count()
    return count


@pytest.fixture
def translated(pages):
    """The story in English (live) and French (a draft); the campaign in English, then changed in Arabic."""
    translate(pages["story"], "en", publish_page=True)
    translate(pages["story"], "fr")
    translate(pages["campaign"], "en", publish_page=True)
    campaign = fresh(pages["campaign"])
    campaign.the_ask = "وقف فوري لجميع أوامر الهدم"
    publish(campaign)
    return pages


def titles(entries):
    return {entry["source"]["title"] for entry in entries}


def test_the_json_report_counts_what_the_database_holds(client, admin_user, translated):
    client.force_login(admin_user)
    response = client.get(reverse(JSON))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    report = {row["locale"]: row for row in response.json()["locales"]}
    assert set(report) == {"en", "fr"}
    story, campaign, unit = (translated[kind].title for kind in ("story", "campaign", "unit"))

    for code, row in report.items():
        assert row["counts"] == {state: len(row[state]) for state in ("missing", "out_of_date", "unpublished")}
        assert row["counts"]["missing"] == without_translation(code)
    english, french = report["en"], report["fr"]
    assert unit in titles(english["missing"]) and {story, campaign}.isdisjoint(titles(english["missing"]))
    assert {unit, campaign} <= titles(french["missing"]) and story not in titles(french["missing"])

    assert campaign in titles(english["out_of_date"]) and story not in titles(english["out_of_date"])
    [stale] = [entry for entry in english["out_of_date"] if entry["source"]["title"] == campaign]
    assert [action["name"] for action in stale["actions"]] == ["sync", "edit"]
    assert stale["progress"]["translated"] == stale["progress"]["total"]

    assert titles(english["unpublished"]) & {story, campaign, unit} == set()
    [draft] = [entry for entry in french["unpublished"] if entry["source"]["title"] == story]
    assert draft["translation"]["live"] is False
    french_story = Page.objects.get(translation_key=translated["story"].translation_key, locale=locale("fr"))
    assert draft["actions"][-1]["url"] == reverse("wagtailadmin_pages:edit", args=[french_story.pk])


def test_the_admin_report_shows_the_same_counts_and_filters_by_language_and_state(client, admin_user, translated):
    client.force_login(admin_user)
    counts = {row["locale"]: row["counts"] for row in client.get(reverse(JSON)).json()["locales"]}
    page = parse(client.get(reverse(REPORT)))
    for row in page.select("[data-translation-summary] tbody tr"):
        shown = {cell["data-state"]: int(cell.get_text(strip=True)) for cell in row.select("td")}
        assert shown == counts[row["data-locale"]]

    filtered = parse(client.get(reverse(REPORT), {"locale": "fr", "state": "unpublished"}))
    rows = filtered.select("[data-translation-entries] tbody tr")
    assert {(row["data-locale"], row["data-state"]) for row in rows} == {("fr", "unpublished")}
    assert translated["story"].title in [row.select_one("td").get_text(strip=True) for row in rows]
    assert all(row.select("[data-action=edit]") for row in rows)


@pytest.mark.parametrize(
    "role",
    [roles.translators("fr"), roles.translation_reviewers("en"), roles.EDITORS, roles.PUBLISHERS],
    ids=["translator", "translation-reviewer", "editor", "publisher"],
)
def test_staff_who_translate_or_edit_see_the_report(client, site_structure, role):
    client.force_login(make_member(role, "member"))
    assert client.get(reverse(JSON)).status_code == 200
    assert client.get(reverse(REPORT)).status_code == 200
    assert reverse(REPORT) in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("role", [roles.LEGAL_REVIEWERS, roles.DOCUMENTATION_OFFICERS], ids=["legal", "documentation"])
def test_other_staff_do_not(client, site_structure, role):
    client.force_login(make_member(role, "member"))
    assert refused(client.get(reverse(JSON)))
    assert refused(client.get(reverse(REPORT)))
    assert reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, site_structure):
    for name in (JSON, REPORT):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login"))
