"""``manage.py import_incidents FILE.csv [--publish]``: load incidents from a CSV file (monitoring/README.md)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from monitoring.csv_format import CsvImportError
from monitoring.csv_import import import_csv


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Import incidents from a CSV file (UTF-8; columns in monitoring/README.md). Every row is checked "
            "first and every problem reported by line and column; if any row is wrong nothing is written. "
            "Incidents are matched by key, so importing the same file again changes nothing."
        )

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("The CSV file."))
        parser.add_argument(
            "--publish",
            action="store_true",
            help=_(
                "Mark the imported incidents verified (the unit's reviewed record); without it new ones are drafts."
            ),
        )
        parser.add_argument("--no-progress", action="store_true", help=_("Do not show the progress bar."))

    def handle(self, *args, path, publish, no_progress, **options):
        try:
            content = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": error}) from None

        def progress(description):
            def wrap(items):
                return tqdm(items, desc=description, unit=_("rows"), disable=no_progress, file=sys.stderr)

            return wrap

        try:
            result = import_csv(
                content, verify=publish, check_progress=progress(_("Checking")), write_progress=progress(_("Writing"))
            )
        except CsvImportError as error:
            lines = [_("Nothing was imported; fix these problems in %(path)s first:") % {"path": path}]
            lines += [f"  {problem}" for problem in error.problems]
            raise CommandError("\n".join(lines)) from None
        self.stdout.write(
            _("Incidents: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        )
