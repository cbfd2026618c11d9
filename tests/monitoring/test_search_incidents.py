"""Verified incidents in the public search (both backends); drafts and confidential sources never."""

import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from monitoring.models import Incident, IncidentSource, IncidentText
from monitoring.verification import return_to_draft, verify
from search.incident_documents import INCIDENT_TYPE
from tests.monitoring.records_support import csv_bytes, good_row
from tests.search.conftest import backend, committed, database_backend, engine, site  # noqa: F401 (fixtures)

from .incidents import DRAFT, VERIFIED, make_incident

CONFIDENTIAL = "CONFIDENTIAL-WITNESS-5512"
DRAFT_WORD_AR, DRAFT_WORD_EN = "زعترانية", "Zatarania"


def add_text(incident, description, language=None):
    """Set the Arabic description, or add its translation in ``language``."""
    source = incident.texts.get()
    if language is None:
        source.description = description
        source.save()
        return source
    return IncidentText.objects.create(
        incident=incident,
        locale=Locale.objects.get(language_code=language),
        translation_key=source.translation_key,
        description=description,
    )


@pytest.fixture
def incidents(site, committed):  # noqa: F811 (the fixture imported above)
    with committed():
        verified = make_incident(
            "demolition-bustan-2024", "2024-06-01", "home-demolition", "silwan", 7, status=VERIFIED
        )
        add_text(verified, "هدمت الجرافات منزل عائلة الرجبي في حي البستان")
        add_text(verified, "Bulldozers demolished the Rajabi family home in al-Bustan", "en")
        IncidentSource.objects.create(
            incident=verified, source_type="family-testimony", reference=CONFIDENTIAL, confidential=True
        )
        draft = make_incident("demolition-unverified-2024", "2023-05-02", "home-demolition", "silwan", 3, status=DRAFT)
        add_text(draft, f"رواية لم يتحقق منها بعد عن {DRAFT_WORD_AR}")
        add_text(draft, f"An unverified account about {DRAFT_WORD_EN}", "en")
    return {"verified": verified, "draft": draft}


def search(client, **params):
    response = client.get("/api/v2/search/", params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, response.content
    return response.json()


def facet_counts(answer, name):
    return {str(item["value"]): item["count"] for item in answer["facets"][name]}


def incident_results(answer):
    return [result for result in answer["results"] if result["type"] == INCIDENT_TYPE]


def indexed_text(engine_backend):
    """Every document of the engine index, as one string (empty on the database backend)."""
    if engine_backend is None:
        return ""
    hits = engine_backend.scan(
        engine_backend.es, index=engine_backend.page_index().name, query={"query": {"match_all": {}}}
    )
    return json.dumps([hit["_source"] for hit in hits], ensure_ascii=False)


def test_a_verified_incident_is_found_in_arabic_and_in_english_with_its_facets(client, backend, incidents):  # noqa: F811
    verified = incidents["verified"]

    arabic = search(client, q="الرجبي", locale="ar")
    [found] = incident_results(arabic)
    assert found["id"] == verified.pk and found["locale"] == "ar" and found["date"] == "2024-06-01"
    assert found["title"] == "هدم المنازل – سلوان"
    assert "<mark>الرجبي</mark>" in found["highlight"]
    assert found["url"].startswith("http://testserver/ar/") and "violation_type=home-demolition" in found["url"]
    assert client.get(found["url"]).status_code == 200  # The statistics page, filtered to this incident.
    assert facet_counts(arabic, "type") == {INCIDENT_TYPE: 1}
    assert facet_counts(arabic, "violation_type") == {"home-demolition": 1}
    assert facet_counts(arabic, "neighbourhood") == {"silwan": 1}
    assert facet_counts(arabic, "year") == {"2024": 1}

    english = search(client, q="bulldozers", locale="en")
    [found] = incident_results(english)
    assert found["id"] == verified.pk and found["locale"] == "en" and found["title"] == "Home demolition – Silwan"
    assert found["summary"].startswith("Bulldozers demolished")
    assert english["facets"]["type"] == [{"value": INCIDENT_TYPE, "label": "Incident", "count": 1}]

    only_incidents = search(client, locale="en", type=INCIDENT_TYPE, year="2024")
    assert [(result["type"], result["id"]) for result in only_incidents["results"]] == [(INCIDENT_TYPE, verified.pk)]
    assert search(client, q="bulldozers", locale="en", neighbourhood="old-city")["count"] == 0


def test_drafts_and_confidential_sources_are_never_found_or_indexed(client, backend, incidents):  # noqa: F811
    for query, locale in ((DRAFT_WORD_AR, "ar"), (DRAFT_WORD_EN, "en"), (CONFIDENTIAL, "ar"), (CONFIDENTIAL, "en")):
        answer = search(client, q=query, locale=locale)
        assert answer["count"] == 0, (query, answer["results"])
    listing = search(client, locale="ar", type=INCIDENT_TYPE)
    assert [result["id"] for result in listing["results"]] == [incidents["verified"].pk]
    assert facet_counts(listing, "year") == {"2024": 1}  # Not the draft's 2023.

    if backend is not None:
        # A rebuild writes the verified incident again (and nothing else of the monitoring record), in step.
        call_command("update_index", backend_name="public", verbosity=0)
        call_command("search_check", stdout=io.StringIO())
        assert [r["id"] for r in incident_results(search(client, q="الرجبي", locale="ar"))] == [
            incidents["verified"].pk
        ]
    indexed = indexed_text(backend)
    if backend is not None:
        assert "الرجبي" in indexed  # The verified incident is there, so the checks below look at real content.
    for secret in (CONFIDENTIAL, DRAFT_WORD_AR, DRAFT_WORD_EN):
        assert secret not in indexed


def test_returning_to_draft_takes_an_incident_out_of_the_search(
    client,
    backend,  # noqa: F811 (the fixture imported above)
    incidents,
    committed,  # noqa: F811
    django_user_model,
):
    officer = django_user_model.objects.create_superuser("officer", "officer@example.org", "pw")
    with committed():
        verify(incidents["draft"], officer)
    assert [r["id"] for r in incident_results(search(client, q=DRAFT_WORD_EN, locale="en"))] == [incidents["draft"].pk]

    with committed():
        return_to_draft(incidents["verified"], officer)
        return_to_draft(incidents["draft"], officer)
    for query, locale in (("الرجبي", "ar"), ("bulldozers", "en"), (DRAFT_WORD_EN, "en")):
        assert search(client, q=query, locale=locale)["count"] == 0, query
    assert "الرجبي" not in indexed_text(backend) and DRAFT_WORD_EN not in indexed_text(backend)


def test_incidents_imported_in_bulk_are_found_once_verified(client, backend, site, committed, tmp_path):  # noqa: F811
    path = tmp_path / "incidents.csv"
    rows = [
        good_row("imported-verified", description_en="Olive grove uprooted near the spring"),
        good_row("imported-draft", description_en="Olive trees reported, not checked yet"),
    ]
    path.write_bytes(csv_bytes(rows[:1]))
    with committed():  # The import writes in bulk, without save signals.
        call_command("import_incidents", str(path), "--no-progress", "--publish", stdout=io.StringIO())
    path.write_bytes(csv_bytes(rows[1:]))
    with committed():
        call_command("import_incidents", str(path), "--no-progress", stdout=io.StringIO())

    found = incident_results(search(client, q="olive", locale="en"))
    assert [result["id"] for result in found] == [Incident.objects.get(key="imported-verified").pk]
    assert "CONFIDENTIAL-NAME" not in indexed_text(backend) and "not checked" not in indexed_text(backend)
