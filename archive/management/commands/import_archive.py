"""``manage.py import_archive PATH.json [--publish]``: load an archive (see archive/README.md)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from archive.importer import ArchiveError, import_archive
from archive.management.errors import archive_command_error
from archive.management.quiet import quiet_wagtail_log


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Import an archive: the home, about and section pages, units, campaigns and stories with their "
            "translations and images (format: archive/README.md). Records are matched by their key, so running "
            "the import again updates the pages. The whole file is checked first; if anything is wrong nothing "
            "is imported."
        )

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("The archive file (JSON); image files are read next to it."))
        parser.add_argument(
            "--publish",
            action="store_true",
            help=_(
                "Publish the pages: every page of the archive, except stories whose consent is not granted and "
                'records marked "draft". Without it new pages are drafts and changes to live pages wait as drafts.'
            ),
        )

    def handle(self, *args, path, publish, **options):
        show_progress = self.stdout.isatty()

        def progress(records):
            return tqdm(records, desc=_("Importing pages"), disable=not show_progress)

        try:
            with quiet_wagtail_log(options["verbosity"]):
                summary = import_archive(path, publish=publish, progress=progress)
        except ArchiveError as error:
            raise archive_command_error(
                _("Nothing was imported; fix these problems in %(path)s first:") % {"path": path}, error
            ) from None
        for line in summary.lines():
            self.stdout.write(line)
