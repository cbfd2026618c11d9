"""``manage.py backup [--output-dir DIR]``: a consistent copy of the database and the media (archive/backup.py)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from archive.backup import BackupError, create_backup, read_manifest


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Back up the database (PostgreSQL: pg_dump --format=custom; SQLite: the online backup API) and the "
            "uploaded media into a new timestamped folder with a manifest of page, revision and consent counts."
        )

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", help=_("The folder to create the backup in (default: BACKUP_ROOT)."))

    def handle(self, *args, output_dir=None, **options):
        try:
            folder = create_backup(output_dir)
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = read_manifest(folder)
        self.stdout.write(_("Backup written to %(folder)s") % {"folder": folder})
        for name, count in manifest["counts"].items():
            self.stdout.write(f"  {name}: {count}")
        media = manifest["media"]
        if media["kind"] == "archive":
            self.stdout.write(f"  media: {media['files']} ({media['file']})")
        else:
            self.stdout.write(f"  media: {media['note']}")
