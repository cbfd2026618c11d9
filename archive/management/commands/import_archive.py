"""``manage.py import_archive PATH.json [--publish]``: load the unit's story archive."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from archive.importer import ArchiveError, import_archive
from archive.management.quiet import quiet_wagtail_log


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            'Import stories from a JSON archive ({"stories": [...], "incidents": [...]}). Records are matched by '
            "their key, so running the import again updates the pages. The whole file is checked first; if any "
            "record is invalid nothing is imported."
        )

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("The archive file (JSON)."))
        parser.add_argument(
            "--publish",
            action="store_true",
            help=_(
                "Publish the stories whose consent is granted; the others stay drafts. Without it, all stay drafts."
            ),
        )

    def handle(self, *args, path, publish, **options):
        show_progress = self.stdout.isatty()

        def progress(records):
            return tqdm(records, desc=_("Importing stories"), disable=not show_progress)

        try:
            with quiet_wagtail_log(options["verbosity"]):
                summary = import_archive(path, publish=publish, progress=progress)
        except ArchiveError as error:
            raise CommandError(
                _("Nothing was imported; fix these problems in %(path)s first:") % {"path": path}
                + "\n"
                + "\n".join(f"  {message}" for message in error.errors)
            ) from None
        for line in summary.lines():
            self.stdout.write(line)
