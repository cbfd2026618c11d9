"""Keeping the real engine index in step: signals, the durable queue, outages, drift repair, rebuilds."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search.models import IndexUpdate
from stories.models import ConsentRecord
from stories.services import withdraw_consent
from tests.factories import publish

from .conftest import with_engine

CLOSED_PORT_URL = "http://127.0.0.1:9"  # Nothing listens on the discard port: connection refused at once.


def in_index(backend, page):
    return backend.es.exists(index=backend.page_index().name, id=str(page.pk))


def document(backend, page):
    return backend.es.get(index=backend.page_index().name, id=str(page.pk))["_source"]


@pytest.fixture
def backend(engine):
    """Engine only here (overrides the two-backend fixture of conftest.py)."""
    return engine


@pytest.fixture
def engine_site(backend, site):
    return backend


def test_index_settings_analyse_arabic_and_english_on_the_engine(engine_site):
    backend = engine_site
    index = backend.page_index().name

    def analyse(analyser, text):
        """The tokens at each position (an attached particle gives a second token at the same place)."""
        response = backend.es.indices.analyze(index=index, body={"analyzer": analyser, "text": text})
        positions = {}
        for token in response["tokens"]:
            positions.setdefault(token["position"], set()).add(token["token"])
        return [positions[position] for position in sorted(positions)]

    assert analyse("munasara_ar", "وهدموا الهدم بالهدم") == [{"هدم"}, {"هدم"}, {"هدم"}]
    plain = analyse("munasara_ar", "احمد اسراييل مدرسه مستشفي 12 كتاب")
    assert analyse("munasara_ar", "أحمد إسرائيل مدرسةٌ مستشفى ١٢ كـتـاب") == plain
    assert {"سلو"} <= analyse("munasara_ar", "بسلوان")[0] and analyse("munasara_ar", "سلوان") == [{"سلو"}]
    assert analyse("munasara_ar", "إقامته")[0] & analyse("munasara_ar", "الإقامة")[0]
    assert analyse("munasara_en", "The families' arrests") == [{"famili"}, {"arrest"}]
    assert analyse("munasara_autocomplete_search", "الهد") == [{"هد"}]


def test_publish_unpublish_rename_delete_and_withdrawal_update_the_index(engine_site, make_story, site, committed):
    backend = engine_site
    story = make_story("بيت العائلة في الشيخ جراح", neighbourhood="sheikh-jarrah")
    assert in_index(backend, story)
    assert document(backend, story)["m_url"] == "/ar/stories/" + story.slug + "/"

    with committed():
        story.title = "بيت العائلة بعد الإخلاء"
        publish(story)
    assert document(backend, story)["m_title"] == "بيت العائلة بعد الإخلاء"

    with committed():
        story.unpublish()
    assert not in_index(backend, story)
    with committed():
        publish(story)
    assert in_index(backend, story)

    index_page = site["stories"]["ar"]
    with committed():
        index_page.slug = "testimonies"
        publish(index_page)
    assert document(backend, story)["m_url"] == f"/ar/testimonies/{story.slug}/"

    other = make_story("قصة ستسحب الموافقة عليها")
    assert in_index(backend, other)
    with committed():
        withdraw_consent(other)
    assert not in_index(backend, other)  # Gone as soon as the withdrawal commits.

    with committed():
        story.delete()
    assert backend.es.count(index=backend.page_index().name, body={"query": {"term": {"m_id": story.pk}}})["count"] == 0
    assert IndexUpdate.objects.filter(applied_at__isnull=True).count() == 0


def test_an_outage_loses_nothing_and_search_sync_applies_it(engine_site, make_story, settings, client):
    backend = engine_site
    settings.WAGTAILSEARCH_BACKENDS = with_engine(url=CLOSED_PORT_URL)

    story = make_story("خيمة الاعتصام أمام البيت")  # Publishing succeeds although the engine is down.
    assert story.live
    assert client.get(story.url).status_code == 200  # The rest of the site keeps working.
    pending = IndexUpdate.objects.get(page_id=story.pk)
    assert pending.applied_at is None and pending.attempts == 1 and pending.last_error

    api = client.get("/api/v2/search/", {"q": "خيمة", "locale": "ar"}, HTTP_ACCEPT_LANGUAGE="en")
    assert api.status_code == 503
    assert api["Retry-After"] == str(settings.SEARCH_RETRY_AFTER)
    assert "unavailable" in api.json()["message"] and api.json()["error"] == api.json()["message"]
    assert client.get("/api/v2/search/suggest/", {"q": "خيمة", "locale": "ar"}).status_code == 503
    page = client.get("/en/search/", {"q": "tent"})
    assert page.status_code == 503
    assert "Search is temporarily unavailable" in page.content.decode()

    with pytest.raises(CommandError, match="could not be reached"):
        call_command("search_sync")

    settings.WAGTAILSEARCH_BACKENDS = with_engine()
    assert not in_index(backend, story)
    call_command("search_sync")
    assert in_index(backend, story)
    assert IndexUpdate.objects.get(page_id=story.pk).applied_at is not None
    assert [result["id"] for result in client.get("/api/v2/search/", {"q": "خيمة"}).json()["results"]] == [story.pk]


def test_a_withdrawal_still_queued_is_never_shown_from_the_stale_index(
    engine_site, make_story, settings, client, committed
):
    backend = engine_site
    story = make_story("شهادة عن الحاجز العسكري")
    assert in_index(backend, story)

    settings.WAGTAILSEARCH_BACKENDS = with_engine(url=CLOSED_PORT_URL)
    with committed():
        withdraw_consent(story)
    settings.WAGTAILSEARCH_BACKENDS = with_engine()  # The engine is back, the queue not applied yet.
    assert in_index(backend, story)  # The index is stale...
    response = client.get("/api/v2/search/", {"q": "الحاجز", "locale": "ar"})
    assert story.pk not in [result["id"] for result in response.json()["results"]]  # ...but never shown.
    call_command("search_sync")
    assert not in_index(backend, story)


def test_search_check_reports_and_repairs_drift(engine_site, make_story, settings):

    backend = engine_site
    index = backend.page_index().name
    missing = make_story("وثيقة ستحذف من الفهرس")
    stale = make_story("وثيقة قديمة")
    hidden = make_story("قصة تغيرت موافقتها خارج النظام")
    call_command("search_check")  # In step to begin with.

    backend.es.delete(index=index, id=str(missing.pk), refresh=True)
    backend.es.update(index=index, id=str(stale.pk), body={"doc": {"m_digest": "old"}}, refresh=True)
    # A change that bypassed the signals (a raw update): the index still has the story.
    ConsentRecord.objects.filter(story_translation_key=hidden.translation_key).update(status="withdrawn")
    with pytest.raises(CommandError, match="drifted"):
        call_command("search_check")

    call_command("search_check", "--fix")
    assert in_index(backend, missing)
    assert document(backend, stale)["m_digest"] != "old"
    assert not in_index(backend, hidden)
    call_command("search_check")


def test_update_index_rebuilds_atomically_behind_the_alias(engine_site, make_story, client):
    backend = engine_site
    story = make_story("جدار الفصل في أبو ديس")
    alias = backend.page_index()
    before = set(backend.es.indices.get_alias(name=alias.name))

    call_command("update_index", backend_name="public", verbosity=0)

    after = set(backend.es.indices.get_alias(name=alias.name))
    assert after and after != before  # A new concrete index now sits behind the same alias.
    assert not any(backend.es.indices.exists(index=name) for name in before)
    results = client.get("/api/v2/search/", {"q": "جدار", "locale": "ar"}).json()["results"]
    assert [result["id"] for result in results] == [story.pk]
    call_command("search_check")


def test_the_first_change_on_a_fresh_engine_creates_the_index_with_our_mappings(engine_site, make_story):
    backend = engine_site
    alias = backend.page_index().name
    for name in backend.es.indices.get(index=f"{alias}*"):
        backend.es.indices.delete(index=name)
    backend._page_index_exists = False

    story = make_story("أول قصة بعد التثبيت")
    assert in_index(backend, story)
    mappings = backend.es.indices.get_mapping(index=alias)
    properties = next(iter(mappings.values()))["mappings"]["properties"]
    assert properties["m_title_ar"]["analyzer"] == "munasara_ar"
    assert backend.es.indices.exists_alias(name=alias)


def test_publishing_a_translation_indexes_it_in_its_own_locale(engine_site, make_story, committed, client):
    from core.i18n import translate_page
    from tests.factories import locale

    source = make_story("بيت على التلة", summary="بيت على التلة")
    with committed():
        translation = translate_page(source, locale("en"), title="A house on the hill", summary="A house on the hill")
        publish(translation)
    data = client.get("/api/v2/search/", {"q": "hill", "locale": "en"}).json()
    assert [(result["id"], result["locale"]) for result in data["results"]] == [(translation.pk, "en")]
    assert client.get("/api/v2/search/", {"q": "hill", "locale": "ar"}).json()["count"] == 0
