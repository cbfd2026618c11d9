"""CSV import and export of incidents: from the command line and from the admin, good files and bad ones."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from monitoring.models import Incident, IncidentSource, IncidentStatus, IncidentText
from monitoring.records import public_incidents
from tests.monitoring import records_support as support
from tests.monitoring.records_support import (
    CSV_HEADER,
    csv_bytes,
    good_row,
    incidents_url,
    read_csv_response,
)

pytestmark = pytest.mark.django_db
editor = support.editor
documentation_officer = support.documentation_officer

CONFIDENTIAL = "CONFIDENTIAL-NAME-9981"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def run(path, *args):
    from io import StringIO

    out = StringIO()
    # The summary is asserted in English, whatever language a request before it left active.
    with translation.override("en"):
        call_command("import_incidents", str(path), "--no-progress", *args, stdout=out)
    return out.getvalue()


def write(tmp_path, content, name="incidents.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_a_good_file_imports_as_drafts_and_again_changes_nothing(tmp_path):
    path = write(
        tmp_path, csv_bytes([good_row("inc-1"), good_row("inc-2", date_end="2023-04-03", people_affected="9")])
    )

    assert "2 created, 0 updated, 0 unchanged" in run(path)
    incident = Incident.objects.get(key="inc-1")
    assert incident.status == IncidentStatus.DRAFT and not public_incidents().exists()
    assert incident.description_in("en") == "Description of inc-1"
    assert IncidentText.objects.filter(incident=incident).count() == 2
    assert list(incident.sources.filter(confidential=True).values_list("reference", flat=True)) == [CONFIDENTIAL]
    assert set(incident.sources.filter(confidential=False).values_list("source_type", flat=True)) == {
        "field-visit",
        "media-report",
    }

    assert "0 created, 0 updated, 2 unchanged" in run(path)
    assert Incident.objects.count() == 2 and IncidentSource.objects.count() == 6 and IncidentText.objects.count() == 4


def test_publish_verifies_and_an_update_is_matched_by_key(tmp_path):
    run(write(tmp_path, csv_bytes([good_row("inc-1")])))
    changed = write(tmp_path, csv_bytes([good_row("inc-1", people_affected="8"), good_row("inc-3")]), "second.csv")

    assert "1 created, 1 updated, 0 unchanged" in run(changed, "--publish")
    assert set(public_incidents().values_list("key", flat=True)) == {"inc-1", "inc-3"}
    assert Incident.objects.get(key="inc-1").people_affected == 8


BAD_ROWS = [
    # (row overrides, column, words of the message)
    ({"violation_type": "alien-abduction"}, "violation_type", "unknown slug 'alien-abduction'"),
    ({"neighbourhood": "atlantis"}, "neighbourhood", "unknown slug 'atlantis'"),
    ({"date": "14/03/2016"}, "date", "'14/03/2016' is not a date in the form YYYY-MM-DD"),
    ({"date": "2023-02-30"}, "date", "'2023-02-30' is not a date"),
    ({"date_end": "2023-03-01"}, "date_end", "is before the date 2023-04-01"),
    ({"people_affected": "-3", "children_affected": "0", "women_affected": "0"}, "people_affected", "negative"),
    ({"children_affected": "7"}, "children_affected", "7 is more than the 5 people affected"),
    ({"women_affected": "6"}, "women_affected", "6 is more than the 5 people affected"),
    ({"people_affected": "five"}, "people_affected", "'five' is not a whole number"),
    ({"description_ar": "ن" * 5001}, "description_ar", "longer than 5000 characters (5001)"),
    ({"description_ar": ""}, "description_ar", "missing"),
    ({"sources": "rumour: heard it"}, "sources", "'rumour' is not a source type"),
    ({"key": "bad key!"}, "key", "is not a slug"),
]


def test_every_bad_row_is_reported_by_line_and_column_and_nothing_is_written(tmp_path):
    rows = [good_row("fine-1")]
    rows += [
        good_row(overrides.pop("key", f"bad-{number}"), **overrides)
        for number, (overrides, _column, _words) in enumerate(BAD_ROWS)
    ]
    rows.append(good_row("fine-1"))  # the same key again
    path = write(tmp_path, csv_bytes(rows))

    with pytest.raises(CommandError) as error:
        run(path)

    message = str(error.value)
    assert "Nothing was imported" in message
    for number, (_overrides, column, words) in enumerate(BAD_ROWS):
        line = number + 3  # the header is line 1, fine-1 line 2
        assert any(f"line {line}, column {column}:" in text and words in text for text in message.splitlines()), (
            line,
            column,
            words,
            message,
        )
    duplicate_line = len(BAD_ROWS) + 3
    assert f"line {duplicate_line}, column key: 'fine-1' is already on line 2" in message or (
        f"line {duplicate_line}, column key: fine-1 is already on line 2" in message
    )
    assert not Incident.objects.exists() and not IncidentText.objects.exists()


def test_a_row_spanning_lines_is_reported_where_it_starts(tmp_path):
    rows = [good_row("multi", description_en="first line\nsecond line"), good_row("after", neighbourhood="nowhere")]
    with pytest.raises(CommandError, match="line 4, column neighbourhood: unknown slug 'nowhere'"):
        run(write(tmp_path, csv_bytes(rows)))


def test_file_level_problems_are_named(tmp_path):
    latin = csv_bytes([good_row("x", description_ar="", description_en="Café")], encoding="latin-1")
    latin = latin.replace(b",,Caf", b",\xe9t\xe9,Caf")  # a cell only Latin-1 can read
    with pytest.raises(CommandError, match="not UTF-8"):
        run(write(tmp_path, latin))

    missing = [name for name in CSV_HEADER if name != "neighbourhood"]
    with pytest.raises(CommandError, match="line 1, column neighbourhood: missing column"):
        run(write(tmp_path, csv_bytes([good_row("x")], header=missing)))

    with pytest.raises(CommandError, match="line 1, column colour: unknown column"):
        run(write(tmp_path, csv_bytes([good_row("x")], header=[*CSV_HEADER, "colour"])))

    with pytest.raises(CommandError, match="has 3 cells but the header has"):
        run(write(tmp_path, csv_bytes([["a", "b", "c"]])))
    assert not Incident.objects.exists()


def test_a_utf8_file_with_a_byte_order_mark_imports(tmp_path):
    run(write(tmp_path, b"\xef\xbb\xbf" + csv_bytes([good_row("bom")])))
    assert Incident.objects.filter(key="bom").exists()


def test_the_admin_upload_reports_bad_rows_and_imports_good_files(client, editor):
    client.force_login(editor)
    url = reverse("monitoring_incidents_import")
    page = client.get(url)
    assert page.status_code == 200
    assert "Mark the imported incidents verified" not in page.content.decode()

    bad = csv_bytes([good_row("ok"), good_row("wrong", children_affected="9")])
    response = client.post(url, {"file": SimpleUploadedFile("incidents.csv", bad, "text/csv")})
    content = response.content.decode()
    assert response.status_code == 200
    assert "line 3, column children_affected: 9 is more than the 5 people affected" in content
    assert not Incident.objects.exists()

    good = csv_bytes([good_row("ok"), good_row("fine")])
    response = client.post(url, {"file": SimpleUploadedFile("incidents.csv", good, "text/csv"), "verify": "on"})
    assert response.status_code == 302
    # An editor cannot verify by import, even by posting the field.
    assert set(Incident.objects.values_list("status", flat=True)) == {IncidentStatus.DRAFT}


def test_an_editor_cannot_change_a_verified_incident_by_import(client, editor, documentation_officer):
    url = reverse("monitoring_incidents_import")
    client.force_login(documentation_officer)
    assert "Mark the imported incidents verified" in client.get(url).content.decode()
    content = csv_bytes([good_row("checked")])
    client.post(url, {"file": SimpleUploadedFile("a.csv", content, "text/csv"), "verify": "on"})
    assert public_incidents().get().key == "checked"

    client.force_login(editor)
    changed = csv_bytes([good_row("checked", people_affected="50")])
    response = client.post(url, {"file": SimpleUploadedFile("b.csv", changed, "text/csv")})
    assert "line 2, column key: checked is a verified incident" in response.content.decode()
    assert Incident.objects.get(key="checked").people_affected == 5
    # Unchanged rows of verified incidents are fine: importing the same file again writes nothing.
    response = client.post(url, {"file": SimpleUploadedFile("c.csv", content, "text/csv")})
    assert response.status_code == 302


def test_the_export_neutralises_formulas_and_leaves_out_confidential_sources(client, documentation_officer, tmp_path):
    formulas = {
        "description_en": '=HYPERLINK("http://evil.example","click")',
        "description_ar": "+cmd|' /C calc'!A0",
        "sources": "media-report: @SUM(1+1)",
    }
    run(write(tmp_path, csv_bytes([good_row("formula", **formulas), good_row("plain", description_en="-minus")])))
    client.force_login(documentation_officer)

    response = client.get(reverse("monitoring_incidents_export"))

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    raw = response.content.decode("utf-8-sig")
    assert CONFIDENTIAL not in raw and "family-testimony" not in raw
    rows = {row["key"]: row for row in read_csv_response(response)}
    assert rows["formula"]["description_en"] == "'" + formulas["description_en"]
    assert rows["formula"]["description_ar"] == "'" + formulas["description_ar"]
    assert rows["plain"]["description_en"] == "'-minus"
    assert "confidential_sources" not in rows["plain"]

    # The listing's filters apply to the export.
    filtered = read_csv_response(client.get(reverse("monitoring_incidents_export"), {"status": "verified"}))
    assert filtered == []

    # Importing the export again changes nothing: the neutralising quote is read back, confidential sources stay.
    path = write(tmp_path, response.content, "export.csv")
    assert "0 created, 0 updated, 2 unchanged" in run(path)
    assert IncidentSource.objects.filter(reference=CONFIDENTIAL).count() == 2


def test_only_staff_with_the_permission_export(client, site_structure):
    from roles import roles
    from tests.accounts import staff_user

    client.force_login(staff_user("legal", groups=[roles.LEGAL_REVIEWERS]))
    response = client.get(reverse("monitoring_incidents_export"))
    assert response.status_code in (302, 403)
    assert not response.get("Content-Type", "").startswith("text/csv")
    assert incidents_url("list")
