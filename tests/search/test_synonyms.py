"""Editors' synonym sets: added in the admin, effective on the next search, on both backends."""

import pytest
from django.urls import reverse

from roles import roles
from search.synonyms import SynonymSet
from tests.accounts import staff_user
from tests.factories import locale


@pytest.fixture
def editor(site):
    return staff_user("synonym-editor", groups=[roles.EDITORS])


def ids(response):
    assert response.status_code == 200, response.content
    return [result["id"] for result in response.json()["results"]]


def add_set(client, language, terms):
    url = reverse("wagtailsnippets_munasara_search_synonymset:add") + f"?locale={language}"
    return client.post(url, {"terms": terms}, HTTP_ACCEPT_LANGUAGE="en")


def test_a_set_added_in_the_admin_joins_its_words_at_once(editor, make_story, client, api, committed):
    residency = make_story("A residency card taken at the bridge", locale="en")
    silwan = make_story("بيوت سلوان على المنحدر", locale="ar")
    demolition = make_story("هدم منزل العائلة", locale="ar")
    assert ids(api(q="ID card", locale="en")) == []
    assert ids(api(q="Silwan", locale="ar")) == []
    assert ids(api(q="تدمير", locale="ar")) == []

    client.force_login(editor)
    with committed():
        response = add_set(client, "en", "ID card, residency")
    assert response.status_code == 302, response.content.decode()[:2000]
    with committed():
        assert add_set(client, "ar", "Silwan، سلوان").status_code == 302
        assert add_set(client, "ar", "هدم, تدمير").status_code == 302
    assert SynonymSet.objects.filter(locale__language_code="ar").count() == 2

    assert ids(api(q="ID card", locale="en")) == [residency.pk]
    assert ids(api(q="Silwan", locale="ar")) == [silwan.pk]
    assert ids(api(q="تدمير", locale="ar")) == [demolition.pk]
    # The set is for its own language only.
    assert ids(api(q="residency", locale="ar")) == []


def test_editing_or_deleting_a_set_works_on_the_next_search(site, make_story, api, committed):
    story = make_story("A residency card taken at the bridge", locale="en")
    with committed():
        synonyms = SynonymSet.objects.create(locale=locale("en"), terms="ID card, residency")
    assert ids(api(q="ID card", locale="en")) == [story.pk]
    with committed():
        synonyms.terms = "ID card, identity card"
        synonyms.save()
    assert ids(api(q="ID card", locale="en")) == []
    assert ids(api(q="identity card", locale="en")) == []
    with committed():
        synonyms.terms = "permit, residency"
        synonyms.save()
    assert ids(api(q="permit", locale="en")) == [story.pk]
    with committed():
        synonyms.delete()
    assert ids(api(q="permit", locale="en")) == []


def test_a_set_needs_two_terms(database_backend, site_structure, client):
    client.force_login(staff_user("synonym-editor", groups=[roles.EDITORS]))
    response = add_set(client, "en", "residency")
    assert response.status_code == 200
    assert "Write at least two different words or phrases" in response.content.decode()
    assert not SynonymSet.objects.exists()
