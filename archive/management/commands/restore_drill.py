"""``manage.py restore_drill [--backup DIR]``: restore a backup into a scratch database and compare its counts."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from archive.backup import BackupError, latest_backup, restore_drill


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Restore the latest backup (or --backup DIR) into a scratch database, compare its counts of pages, "
            "revisions, consent and survivor records and media files with the manifest, then drop the scratch "
            "database. Exits non-zero on any difference."
        )

    def add_arguments(self, parser):
        parser.add_argument("--backup", help=_("The backup folder to restore (default: the latest in BACKUP_ROOT)."))
        parser.add_argument("--backup-root", help=_("Where to look for the latest backup (default: BACKUP_ROOT)."))

    def handle(self, *args, backup=None, backup_root=None, **options):
        try:
            folder = backup or latest_backup(backup_root)
            comparisons = restore_drill(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Restore drill of %(folder)s") % {"folder": folder})
        for comparison in comparisons:
            state = _("ok") if comparison.matches else _("MISMATCH")
            self.stdout.write(
                f"  {comparison.name}: {_('manifest')} {comparison.expected}, "
                f"{_('restored')} {comparison.found}  {state}"
            )
        mismatches = [comparison for comparison in comparisons if not comparison.matches]
        if mismatches:
            details = "; ".join(
                _("%(name)s: the manifest says %(expected)s, the restored copy holds %(found)s")
                % {"name": c.name, "expected": c.expected, "found": c.found}
                for c in mismatches
            )
            raise CommandError(_("Restore drill failed: %(details)s.") % {"details": details})
        self.stdout.write(self.style.SUCCESS(_("Restore drill passed: the backup restores with every count equal.")))
