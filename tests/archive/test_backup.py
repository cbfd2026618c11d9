"""`backup` and `restore_drill` on the test database itself: PostgreSQL (pg_dump/pg_restore) under
DATABASE_URL=postgres://…, SQLite's backup API on the embedded default."""

import datetime
import json
import uuid
from io import BytesIO, StringIO

import pytest
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from stories.models import ConsentEvent, ConsentRecord, SurvivorRecord
from stories.services import withdraw_consent
from tests.factories import StoryPageFactory

# pg_dump reads what is committed, so the data must be.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def archive_content(site_structure, settings, tmp_path):
    """Stories with revisions, consent (one withdrawn), a survivor record and an uploaded image."""
    settings.MEDIA_ROOT = tmp_path / "media"
    stories = site_structure["stories"]["ar"]
    kept = StoryPageFactory(parent=stories, title="هدم منزل في سلوان")
    kept.title = "هدم منزل عائلة في سلوان"
    kept.save_revision().publish()
    withdrawn = StoryPageFactory(parent=stories, title="اعتقال في العيسوية")
    withdraw_consent(withdrawn, recorded_on=datetime.date(2024, 5, 2))
    SurvivorRecord.objects.create(story_translation_key=kept.translation_key, survivor_name="أمل حداد")
    buffer = BytesIO()
    PILImage.new("RGB", (64, 64), "#1d5446").save(buffer, "PNG")
    Image.objects.create(title="سلوان", file=ImageFile(buffer, name="silwan.png"))


def database_counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "consent_records": ConsentRecord.objects.count(),
        "consent_events": ConsentEvent.objects.count(),
        "survivor_records": SurvivorRecord.objects.count(),
    }


def make_backup(root):
    out = StringIO()
    call_command("backup", output_dir=str(root), stdout=out)
    (folder,) = [path for path in root.iterdir() if path.is_dir()]
    return folder, out.getvalue()


def scratch_databases():
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        # This process's own scratch database: another test process has its own (``<database>_restore_drill``).
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname = %s",
            [f"{connection.settings_dict['NAME']}_restore_drill"[:63]],
        )
        return [row[0] for row in cursor.fetchall()]


def test_a_backup_restores_with_the_counts_of_its_manifest(archive_content, tmp_path):
    folder, output = make_backup(tmp_path / "backups")

    manifest = json.loads((folder / "manifest.json").read_text())
    expected = database_counts()
    assert manifest["counts"] == expected
    assert expected["consent_records"] == 2 and expected["survivor_records"] == 1 and expected["revisions"] >= 3
    assert manifest["database"]["engine"] == connection.vendor
    assert (folder / manifest["database"]["file"]).stat().st_size > 0
    # The original image and nothing else was uploaded.
    assert manifest["media"] == {"kind": "archive", "file": "media.tar.gz", "files": 1}
    assert f"pages: {expected['pages']}" in output

    out = StringIO()
    call_command("restore_drill", backup_root=str(tmp_path / "backups"), stdout=out)

    report = out.getvalue()
    for name, count in expected.items():
        assert f"{name}: manifest {count}, restored {count}  ok" in report
    assert "media files: manifest 1, restored 1  ok" in report
    assert "Restore drill passed" in report
    assert scratch_databases() == []  # The scratch database is dropped again.


def test_a_manifest_that_does_not_match_the_restored_copy_fails_the_drill(archive_content, tmp_path):
    folder, _output = make_backup(tmp_path / "backups")
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["counts"]["consent_records"] = 3
    manifest_path.write_text(json.dumps(manifest))

    with pytest.raises(CommandError) as failure:
        call_command("restore_drill", backup=str(folder), stdout=StringIO())

    assert str(failure.value) == (
        "Restore drill failed: consent_records: the manifest says 3, the restored copy holds 2."
    )
    assert scratch_databases() == []


def test_the_drill_names_what_is_missing(tmp_path, db):
    with pytest.raises(CommandError, match="No backup in .*: run manage.py backup first"):
        call_command("restore_drill", backup_root=str(tmp_path / "nothing"), stdout=StringIO())

    unfinished = tmp_path / "backups" / "20260101T000000Z"
    unfinished.mkdir(parents=True)
    manifest = {"format": "munasara-backup", "database": {"engine": "sqlite", "file": "database.sqlite3"}}
    (unfinished / "manifest.json").write_text(json.dumps({**manifest, "counts": {"pages": 1}}))
    with pytest.raises(CommandError, match="counts lack revisions, consent_records"):
        call_command("restore_drill", backup=str(unfinished), stdout=StringIO())


def test_backup_folders_are_timestamped_and_the_latest_is_drilled(archive_content, tmp_path):
    root = tmp_path / "backups"
    call_command("backup", output_dir=str(root), stdout=StringIO())
    SurvivorRecord.objects.create(story_translation_key=uuid.uuid4(), survivor_name="سامي")
    call_command("backup", output_dir=str(root), stdout=StringIO())

    first, latest = sorted(path.name for path in root.iterdir())
    assert len(first) >= len("20260101T000000Z") and latest > first
    out = StringIO()
    call_command("restore_drill", backup_root=str(root), stdout=out)
    assert f"Restore drill of {root / latest}" in out.getvalue()
    assert "survivor_records: manifest 2, restored 2  ok" in out.getvalue()
