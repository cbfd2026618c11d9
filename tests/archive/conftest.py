"""The test archives in ``tests/fixtures/`` and helpers to run ``import_archive`` / ``export_archive`` on them."""

import copy
import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from core.i18n import SOURCE_LANGUAGE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARCHIVE = FIXTURES / "archive" / "archive.json"
ARCHIVE_V1 = FIXTURES / "archive-v1.json"


class Terminal(io.StringIO):
    """Captured output that says it is an interactive terminal."""

    def isatty(self):
        return True


@pytest.fixture
def english_messages():
    """The commands speak the active language (Arabic by default); these tests read their English messages."""
    with translation.override("en"):
        yield


@pytest.fixture
def media(settings, tmp_path):
    """Imported image files go to a folder of the test's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def archive_path():
    return ARCHIVE


@pytest.fixture
def archive():
    """The test archive as data, to copy and change."""
    return json.loads(ARCHIVE.read_text(encoding="utf-8"))


@pytest.fixture
def write_archive(tmp_path):
    """Write archive data next to a copy of the test archive's images; return the file's path."""

    def write(data, name="archive.json"):
        folder = tmp_path / "archives"
        if not (folder / "images").exists():
            shutil.copytree(ARCHIVE.parent / "images", folder / "images")
        path = folder / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write


def run_import(path, *args, stdout=None):
    stdout = stdout or io.StringIO()
    # In English whatever language an earlier request through the test client left active.
    with translation.override("en"):
        call_command("import_archive", str(path), *args, stdout=stdout, stderr=io.StringIO())
    return stdout.getvalue()


def record(data, key):
    return next(story for story in data["stories"] if story["key"] == key)


def texts_by_language(item):
    """``{language code: the record's texts in it}``, its own language first."""
    return {item.get("locale", SOURCE_LANGUAGE): item, **item.get("translations", {})}


def languages(item):
    return list(texts_by_language(item))


def granted(story):
    return story["consent"]["status"] == "granted"


def subset(data, keys):
    """An archive with only the stories ``keys`` (and the images they may show), no incidents."""
    return {
        "format": data["format"],
        "version": data["version"],
        "images": copy.deepcopy(data["images"]),
        "stories": [copy.deepcopy(record(data, key)) for key in keys],
        "incidents": [],
    }
