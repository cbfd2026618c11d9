"""Import an archive (see ``archive/README.md``) into the page tree.

The whole file is checked first, against ``schema.json`` and then against the database; every problem
is reported as ``<key or section>: <field>: <what is wrong>``. Writing happens in one transaction, so a
failure half-way leaves the database as it was. Records are matched by ``key`` (``import_key``), so
running an import again updates the pages instead of adding new ones.

``publish``: publish every page the archive writes — stories only with consent granted, and no record
marked ``"draft": true``. Without it new pages are drafts and changes to live pages wait as draft
revisions. Either way a live story whose consent is no longer granted goes offline in every language.
"""

from pathlib import Path

from django.db import transaction

from .format import ArchiveError, load_archive, top_level_problems
from .images import import_images
from .site import ensure_site_structure
from .site_settings import write_site_settings
from .summary import ImportSummary
from .validation import validate
from .writer import Writer

__all__ = ["ArchiveError", "import_archive", "import_data"]


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
        archive = validate(data, folder)
        summary = ImportSummary(skipped_incidents=archive.incidents)
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
    return summary
