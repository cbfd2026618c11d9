"""Import an archive (see ``archive/README.md``) into the page tree.

The whole file is checked first, against ``schema.json`` and then against the database; every problem
is reported as ``<key or section>: <field>: <what is wrong>``. Writing happens in one transaction, so a
failure half-way leaves the database as it was. Records are matched by ``key`` (``import_key``), so
running an import again updates the pages instead of adding new ones.

``publish``: publish every page the archive writes — stories only with consent granted, and no record
marked ``"draft": true``. Without it new pages are drafts and changes to live pages wait as draft
revisions. Either way a live story whose consent is no longer granted goes offline in every language.

Incidents (``incidents[]``) are not pages: they are checked with the rest of the file
(``monitoring.incident_checks``) and written after the pages (``monitoring.importing``); with ``publish``
they are verified (the archive is the unit's reviewed record), without it new ones are drafts.
"""

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from monitoring.importing import WriteResult, write_records
from monitoring.incident_checks import Vocabulary, check_archive_record
from monitoring.legal_references import seed_legal_references

from .format import ArchiveError, Problem, load_archive, record_label, top_level_problems
from .images import import_images
from .site import ensure_site_structure
from .site_settings import write_site_settings
from .summary import ImportSummary
from .validation import validate
from .writer import Writer

__all__ = ["ArchiveError", "import_archive", "import_data"]


@dataclass
class ArchiveImportSummary(ImportSummary):
    incidents: WriteResult | None = None

    def lines(self):
        lines = super().lines()
        if self.incidents is not None:
            lines.append(
                _("Incidents: %(total)d (%(created)d created, %(updated)d updated)")
                % {"total": self.incidents.total, "created": self.incidents.created, "updated": self.incidents.updated}
            )
        return lines


def import_archive(path, *, publish=False, progress=None):
    """Validate and import the archive file at ``path``; return an ImportSummary.

    Image files are read relative to the archive's folder. ``progress``: optional callable wrapping the
    list of page records, e.g. a progress bar. Raises ArchiveError, with every problem found, when the
    file is not valid; then nothing is written.
    """
    path = Path(path)
    return import_data(load_archive(path), path.parent, publish=publish, progress=progress)


def import_data(data, folder, *, publish=False, progress=None):
    """Like :func:`import_archive`, for archive data already parsed (``folder`` holds its image files)."""
    problems = top_level_problems(data)
    if problems:
        raise ArchiveError(problems)
    with transaction.atomic():
        structure = ensure_site_structure()
        incidents, incident_problems = _check_incidents(data)
        try:
            archive = validate(data, folder)
        except ArchiveError as error:
            # The schema may already have named a field; say each thing once.
            raise ArchiveError(
                error.errors
                + [str(problem) for problem in incident_problems if not _already_reported(problem, error.errors)]
            ) from None
        if incident_problems:
            raise ArchiveError(incident_problems)
        summary = ArchiveImportSummary()
        summary.sections = {name for name in ("images", "units", "campaigns", "stories") if name in data}
        images, summary.images_added, summary.images_reused = import_images(archive.images)
        if archive.site_settings is not None:
            write_site_settings(archive.site_settings)
            summary.site_settings = True
        writer = Writer(structure, images, publish=publish, summary=summary)
        records = archive.pages
        waiting = [record for record in (progress(records) if progress else records) if writer.write(record)]
        # Pages naming a page written after them: written again, now that every page exists.
        for record in waiting:
            writer.write(record, again=True)
        if "incidents" in data:
            seed_legal_references()
            summary.incidents = write_records(incidents, verify=publish)
    return summary


def _check_incidents(data):
    """``(IncidentRecords, Problems)`` for the archive's incidents (records the schema refuses are skipped)."""
    entries = data.get("incidents") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], []
    vocabulary = Vocabulary()
    records, problems, seen = [], [], {}
    for position, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        label = record_label(data, "incidents", position)
        record, record_problems = check_archive_record(entry, vocabulary)
        problems += [Problem(label, path, message) for path, message in record_problems]
        if record.key in seen:
            problems.append(
                Problem(
                    label, "key", _("the key is already used by incidents[%(index)d]") % {"index": seen[record.key]}
                )
            )
        elif record.key:
            seen[record.key] = position
        records.append(record)
    return records, problems


def _already_reported(problem, errors):
    prefix = f"{problem.label}: {problem.path}:"
    return any(error.startswith(prefix) for error in errors)
