"""Backups of the database and the media, and the drill that proves a backup restores.

A backup is a folder named by its UTC time under ``BACKUP_ROOT``:

- ``database.dump`` (PostgreSQL: ``pg_dump --format=custom``) or ``database.sqlite3`` (SQLite's
  online backup API), a consistent copy taken while the site runs;
- ``media.tar.gz``, the uploaded files under ``MEDIA_ROOT``, unless media are in object storage
  (the bucket keeps its own versions; the manifest says so);
- ``manifest.json``, written last: what the folder holds and the counts of pages, revisions,
  consent records and events and survivor records, read in the same snapshot as the copy.

A folder without a manifest is an unfinished backup and is never used. :func:`restore_drill`
restores a backup into a scratch database (PostgreSQL: ``<database>_restore_drill``, created and
dropped; SQLite: a temporary file), counts again and compares with the manifest.
"""

import copy
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
MANIFEST_FORMAT = "munasara-backup"
POSTGRESQL_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"
MEDIA_FILES = "media files"

# What the drill compares, by the manifest's name for it.
COUNTED_MODELS = {
    "pages": "wagtailcore.Page",
    "revisions": "wagtailcore.Revision",
    "consent_records": "stories.ConsentRecord",
    "consent_events": "stories.ConsentEvent",
    "survivor_records": "stories.SurvivorRecord",
}


class BackupError(Exception):
    """A backup could not be made or read; the message says what and why."""


@dataclass(frozen=True)
class Comparison:
    name: str
    expected: int
    found: int | None

    @property
    def matches(self):
        return self.expected == self.found


def _tables():
    return {name: apps.get_model(label)._meta.db_table for name, label in COUNTED_MODELS.items()}


def _count_rows(cursor):
    counts = {}
    for name, table in _tables().items():
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # Table names from our own models, not input.
        counts[name] = cursor.fetchone()[0]
    return counts


def _new_connection(**overrides):
    """A connection of its own to the default database (or another on the same server), in autocommit."""
    default = connections[DEFAULT_DB_ALIAS]
    settings_dict = {**copy.deepcopy(default.settings_dict), **overrides}
    return type(default)(settings_dict, alias=f"backup_{id(settings_dict)}")


def _postgresql_environment(settings_dict):
    """libpq's variables for pg_dump and pg_restore, so the password never shows in a process list."""
    environment = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    options = settings_dict.get("OPTIONS") or {}
    if options.get("sslmode"):
        environment["PGSSLMODE"] = str(options["sslmode"])
    return environment


def _run(command, settings_dict):
    try:
        result = subprocess.run(command, env=_postgresql_environment(settings_dict), capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(
            _("%(program)s is not installed (it comes with PostgreSQL's client tools).") % {"program": command[0]}
        ) from error
    if result.returncode != 0:
        raise BackupError(_("%(program)s failed: %(error)s") % {"program": command[0], "error": result.stderr.strip()})


def _dump_postgresql(path):
    """pg_dump in the snapshot the counts are read in, so the manifest describes exactly the dump."""
    snapshot_connection = _new_connection()
    try:
        snapshot_connection.set_autocommit(False)
        with snapshot_connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _count_rows(cursor)
        settings_dict = snapshot_connection.settings_dict
        _run(
            ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={path}", settings_dict["NAME"]],
            settings_dict,
        )
        snapshot_connection.rollback()
    finally:
        snapshot_connection.close()
    return counts


def _copy_sqlite(path):
    source = connections[DEFAULT_DB_ALIAS]
    source.ensure_connection()
    target = sqlite3.connect(path)
    try:
        source.connection.backup(target)
        return _count_rows(target.cursor())
    finally:
        target.close()


def _media_storage_root():
    storage = storages["default"]
    return Path(storage.location) if isinstance(storage, FileSystemStorage) else None


def _backup_media(folder):
    root = _media_storage_root()
    if root is None:
        storage_options = settings.STORAGES["default"].get("OPTIONS", {})
        return {
            "kind": "object-storage",
            "backend": settings.STORAGES["default"]["BACKEND"],
            "bucket": storage_options.get("bucket_name"),
            "note": "Media are not copied: keep versioning (and replication) on in the bucket.",
        }
    files = 0
    with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=str(path.relative_to(root)))
                    files += 1
    return {"kind": "archive", "file": MEDIA_ARCHIVE, "files": files}


def _new_folder(root, now):
    root.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    for attempt in range(1, 100):
        folder = root / (stamp if attempt == 1 else f"{stamp}-{attempt}")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder
    raise BackupError(_("Too many backups named %(stamp)s in %(root)s.") % {"stamp": stamp, "root": root})


def create_backup(root=None):
    """Write a new backup folder under ``root`` (default ``BACKUP_ROOT``) and return its path."""
    root = Path(root or settings.BACKUP_ROOT)
    now = datetime.now(UTC)
    vendor = connections[DEFAULT_DB_ALIAS].vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(_("Backups support PostgreSQL and SQLite, not %(vendor)s.") % {"vendor": vendor})
    folder = _new_folder(root, now)
    try:
        if vendor == "postgresql":
            database = {"engine": vendor, "file": POSTGRESQL_DUMP}
            counts = _dump_postgresql(folder / POSTGRESQL_DUMP)
        else:
            database = {"engine": vendor, "file": SQLITE_COPY}
            counts = _copy_sqlite(folder / SQLITE_COPY)
        manifest = {
            "format": MANIFEST_FORMAT,
            "created_at": now.isoformat(),
            "database": database,
            "media": _backup_media(folder),
            "counts": counts,
        }
        partial = folder / f"{MANIFEST}.partial"
        partial.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        partial.rename(folder / MANIFEST)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # Nothing half-written stays behind.
        raise
    return folder


def latest_backup(root=None):
    root = Path(root or settings.BACKUP_ROOT)
    folders = sorted(path.parent for path in root.glob(f"*/{MANIFEST}")) if root.is_dir() else []
    if not folders:
        raise BackupError(_("No backup in %(root)s: run manage.py backup first.") % {"root": root})
    return folders[-1]


def read_manifest(folder):
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BackupError(_("%(path)s does not exist: not a finished backup.") % {"path": path}) from error
    except json.JSONDecodeError as error:
        raise BackupError(_("%(path)s is not valid JSON: %(error)s") % {"path": path, "error": error}) from error
    if manifest.get("format") != MANIFEST_FORMAT:
        raise BackupError(_("%(path)s is not a Munasara backup manifest.") % {"path": path})
    database = manifest.get("database") or {}
    if database.get("engine") not in ("postgresql", "sqlite") or not database.get("file"):
        raise BackupError(_("%(path)s does not say which database copy it describes.") % {"path": path})
    counts = manifest.get("counts")
    missing = [name for name in COUNTED_MODELS if not isinstance((counts or {}).get(name), int)]
    if missing:
        raise BackupError(_("%(path)s: counts lack %(names)s.") % {"path": path, "names": ", ".join(missing)})
    return manifest


def _restore_postgresql(dump):
    current = connections[DEFAULT_DB_ALIAS]
    if current.vendor != "postgresql":
        raise BackupError(_("This backup is a PostgreSQL dump; the drill needs a PostgreSQL server to restore into."))
    scratch_name = f"{current.settings_dict['NAME']}_restore_drill"[:63]
    admin = _new_connection()
    scratch = None
    quoted = admin.ops.quote_name(scratch_name)
    try:
        with admin.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")  # A drill interrupted earlier.
            cursor.execute(f"CREATE DATABASE {quoted}")
        _run(
            ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={scratch_name}", str(dump)],
            admin.settings_dict,
        )
        scratch = _new_connection(NAME=scratch_name)
        with scratch.cursor() as cursor:
            return _count_rows(cursor)
    finally:
        if scratch is not None:
            scratch.close()
        with admin.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        admin.close()


def _restore_sqlite(copy_path):
    with tempfile.TemporaryDirectory(prefix="munasara_restore_drill_") as scratch_folder:
        scratch_path = Path(scratch_folder) / SQLITE_COPY
        shutil.copyfile(copy_path, scratch_path)
        restored = sqlite3.connect(scratch_path)
        try:
            cursor = restored.cursor()
            (integrity,) = cursor.execute("PRAGMA integrity_check").fetchone()
            if integrity != "ok":
                raise BackupError(_("The restored SQLite copy is damaged: %(error)s") % {"error": integrity})
            return _count_rows(cursor)
        finally:
            restored.close()


def _media_files_in(archive_path):
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            return sum(1 for member in archive if member.isfile())
    except (OSError, tarfile.TarError):
        return None


def restore_drill(folder):
    """Restore the backup in ``folder`` into a scratch database and compare with its manifest."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    database = manifest["database"]
    copy_path = folder / database["file"]
    if not copy_path.is_file():
        raise BackupError(_("%(path)s is missing from the backup.") % {"path": copy_path})
    restore = _restore_postgresql if database["engine"] == "postgresql" else _restore_sqlite
    found = restore(copy_path)
    comparisons = [Comparison(name, manifest["counts"][name], found.get(name)) for name in COUNTED_MODELS]
    media = manifest.get("media", {})
    if media.get("kind") == "archive":
        comparisons.append(Comparison(MEDIA_FILES, media["files"], _media_files_in(folder / media["file"])))
    return comparisons
