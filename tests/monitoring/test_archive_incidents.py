"""The archive importer loads ``incidents``: drafts, or verified with --publish; by key; all or nothing."""

import copy
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from monitoring.models import Incident, IncidentSource, IncidentStatus, IncidentText
from monitoring.records import public_incidents, public_sources
from tests.monitoring import records_support as support
from tests.monitoring.records_support import read_csv_response

pytestmark = pytest.mark.django_db
documentation_officer = support.documentation_officer

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "monitoring" / "incidents-archive.json"
DEMO = Path(__file__).resolve().parent.parent.parent / "archive" / "demo" / "archive.json"
PLANTED = "PLANTED-CONFIDENTIAL-3141"


def run_import(path, *args):
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_archive", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def fixture_data():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def write(tmp_path, data, name="archive.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_incidents_import_as_drafts_then_verified_with_publish_and_by_key(tmp_path):
    data = fixture_data()

    output = run_import(FIXTURE)

    assert "Incidents: 3 (3 created, 0 updated)" in output
    assert set(Incident.objects.values_list("status", flat=True)) == {IncidentStatus.DRAFT}
    assert not public_incidents().exists()
    first = Incident.objects.get(key="incident-001")
    source = data["incidents"][0]
    assert (first.people_affected, first.children_affected, first.women_affected) == (6, 3, 2)
    assert first.violation_type.slug == "home-demolition" and first.neighbourhood.slug == "silwan"
    assert first.description_in("ar") == source["description_ar"]
    assert first.description_in("en") == source["description_en"]
    assert first.legal_analysis_in("en") == source["legal_analysis_en"]
    # The texts are one translatable record per language, tied by translation_key; the facts one row.
    texts = IncidentText.objects.filter(incident=first)
    assert texts.count() == 2 and len(set(texts.values_list("translation_key", flat=True))) == 1
    assert sorted(first.sources.values_list("source_type", "confidential")) == [
        ("family-testimony", True),
        ("field-visit", False),
        ("official-document", False),
    ]

    output = run_import(FIXTURE, "--publish")
    assert "Incidents: 3 (0 created, 3 updated)" in output
    assert public_incidents().count() == 3
    assert [source.reference for source in public_sources(Incident.objects.get(key="incident-001"))] == [
        "",
        "Demolition order 2016/114",
    ]

    # Importing the same file again writes nothing.
    assert "Incidents: 3 (0 created, 0 updated)" in run_import(FIXTURE, "--publish")
    assert Incident.objects.count() == 3 and IncidentText.objects.count() == 6

    changed = copy.deepcopy(data)
    changed["incidents"][1]["people_affected"] = 2
    assert "Incidents: 3 (0 created, 1 updated)" in run_import(write(tmp_path, changed))
    updated = Incident.objects.get(key="incident-002")
    assert updated.people_affected == 2 and updated.status == IncidentStatus.VERIFIED


def test_bad_incidents_are_reported_by_key_and_field_and_nothing_is_written(tmp_path):
    data = fixture_data()
    first, second, third = data["incidents"]
    first["violation_type"] = "alien-abduction"
    first["children_affected"] = 40
    second["people_affected"] = -1
    second["source"] = "rumour"
    third["colour"] = "red"
    third["date"] = "30/05/2017"
    data["incidents"].append(copy.deepcopy(data["incidents"][1]) | {"people_affected": 1})

    with pytest.raises(CommandError) as error:
        run_import(write(tmp_path, data))

    message = str(error.value)
    for expected in (
        "incident-001: violation_type: unknown slug 'alien-abduction'",
        "incident-001: children_affected: 40 is more than the 6 people affected",
        "incident-002: people_affected: -1 is less than 0",
        "incident-002: source: 'rumour' is not a source type",
        "incident-005: colour: unknown field",
        "incident-005: date: '30/05/2017' is not a date in the form YYYY-MM-DD",
        "incident-002: key: the key is already used by incidents[1]",
    ):
        assert expected in message, (expected, message)
    assert message.count("incident-002: people_affected:") == 1  # the schema and the importer say it once
    assert not Incident.objects.exists() and not IncidentSource.objects.exists()


def test_the_demo_archive_carries_valid_incidents(tmp_path):
    incidents = json.loads(DEMO.read_text(encoding="utf-8"))["incidents"]
    assert len(incidents) >= 3
    output = run_import(write(tmp_path, {"version": 2, "incidents": incidents}), "--publish")
    assert f"Incidents: {len(incidents)} ({len(incidents)} created, 0 updated)" in output
    assert public_incidents().count() == len(incidents)


def test_a_planted_confidential_source_never_leaves_in_an_export(client, documentation_officer, tmp_path):
    run_import(FIXTURE, "--publish")
    assert IncidentSource.objects.filter(reference=PLANTED, confidential=True).exists()
    client.force_login(documentation_officer)

    response = client.get(reverse("monitoring_incidents_export"))
    assert PLANTED not in response.content.decode("utf-8-sig")
    assert {row["key"] for row in read_csv_response(response)} == {"incident-001", "incident-002", "incident-005"}

    out = tmp_path / "export"
    with translation.override("en"):
        call_command("export_archive", str(out), stdout=io.StringIO(), stderr=io.StringIO())
    assert PLANTED not in (out / "archive.json").read_text(encoding="utf-8")


def export(tmp_path, *args):
    out = tmp_path / "export"
    with translation.override("en"):
        call_command("export_archive", str(out), *args, stdout=io.StringIO(), stderr=io.StringIO())
    return json.loads((out / "archive.json").read_text(encoding="utf-8"))


def facts_of(incident):
    texts = {text.locale.language_code: (text.description, text.legal_analysis) for text in incident.texts.all()}
    sources = sorted((source.source_type, source.reference, source.confidential) for source in incident.sources.all())
    return (
        incident.date,
        incident.violation_type.slug,
        incident.neighbourhood.slug,
        incident.people_affected,
        incident.children_affected,
        incident.women_affected,
        texts,
        sources,
    )


def test_an_export_carries_the_verified_incidents_and_imports_back_the_same(tmp_path):
    run_import(FIXTURE, "--publish")
    draft = Incident.objects.get(key="incident-005")
    draft.status = IncidentStatus.DRAFT
    draft.save()
    before = {incident.key: facts_of(incident) for incident in public_incidents()}

    public = export(tmp_path)
    backup = export(tmp_path, "--include-private")

    assert {record["key"] for record in public["incidents"]} == {"incident-001", "incident-002"}
    assert PLANTED not in json.dumps(public, ensure_ascii=False)
    # A staff backup keeps the confidential source, flagged, so importing it loses nothing.
    first = next(record for record in backup["incidents"] if record["key"] == "incident-001")
    assert {"type": "family-testimony", "reference": PLANTED, "confidential": True} in first["sources"]
    assert {record["key"] for record in backup["incidents"]} == {"incident-001", "incident-002"}

    Incident.objects.all().delete()
    output = run_import(write(tmp_path, {"version": 2, "incidents": backup["incidents"]}), "--publish")

    assert "Incidents: 2 (2 created, 0 updated)" in output
    assert {incident.key: facts_of(incident) for incident in public_incidents()} == before
