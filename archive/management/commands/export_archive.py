"""``manage.py export_archive OUT_DIR [--include-private]``: write the site as an archive (see archive/README.md)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from archive.exporter import export_archive


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Export the public site (every language, as published) to OUT_DIR/archive.json and OUT_DIR/images/, "
            "in the format import_archive reads. Importing it into an empty database reproduces the public site."
        )

    def add_arguments(self, parser):
        parser.add_argument("out_dir", help=_("The folder to write archive.json and images/ into."))
        parser.add_argument(
            "--include-private",
            action="store_true",
            help=_(
                "Staff backups only: also drafts, stories without granted consent and the private survivor records "
                "(real names and contact details)."
            ),
        )

    def handle(self, *args, out_dir, include_private, **options):
        if include_private:
            self.stderr.write(
                self.style.WARNING(
                    _(
                        "WARNING: this export includes drafts, unconsented stories and the survivors' private "
                        "records (real names and contact details). Keep it as safely as the database itself and "
                        "never publish or share it."
                    )
                )
            )
        report = export_archive(out_dir, include_private=include_private)
        for line in report.lines():
            self.stdout.write(line)
        if report.left_out:
            self.stderr.write(_("Left out of the archive (the format cannot carry them):"))
            for line in report.left_out:
                self.stderr.write(f"  {line}")
