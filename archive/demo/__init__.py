"""The demo site as data: an archive in the format of archive/README.md, imported by ``load_demo``
through the same importer as ``import_archive``. See README.md in this folder."""

from pathlib import Path

DEMO_ARCHIVE = Path(__file__).resolve().parent / "archive.json"
