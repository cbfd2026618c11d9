"""``manage.py load_demo``: import the demo archive (archive/demo/) and, in development, make the demo admin."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from archive.demo import DEMO_ARCHIVE
from archive.demo.account import DEMO_ADMIN_PASSWORD, DEMO_ADMIN_USERNAME, ensure_demo_admin
from archive.importer import ArchiveError, import_archive
from archive.management.errors import archive_command_error
from archive.management.quiet import quiet_wagtail_log


class Command(BaseCommand):
    @property
    def help(self):
        return _(
            "Load the demo content (the Center, units, campaigns, stories in Arabic, English and partly French) "
            "from archive/demo/archive.json and publish it. Safe to run again: it updates the same pages. "
            "Creates the demo admin account only when settings.MUNASARA_DEMO_ADMIN is on."
        )

    def handle(self, *args, **options):
        try:
            # The importer makes the site structure (locales, home and section pages) first when it is missing.
            with quiet_wagtail_log(options["verbosity"]):
                summary = import_archive(DEMO_ARCHIVE, publish=True)
        except ArchiveError as error:
            raise archive_command_error(
                _("The demo archive %(path)s is broken; nothing was loaded:") % {"path": DEMO_ARCHIVE}, error
            ) from None
        self.stdout.write(self.style.SUCCESS(_("Demo content loaded.")))
        for line in summary.lines():
            self.stdout.write(line)

        if not getattr(settings, "MUNASARA_DEMO_ADMIN", False):
            self.stdout.write(_("No demo admin account was created: MUNASARA_DEMO_ADMIN is off in these settings."))
            return
        if ensure_demo_admin():
            self.stdout.write(_("Created the demo admin account %(username)r.") % {"username": DEMO_ADMIN_USERNAME})
        else:
            self.stdout.write(
                _("The account %(username)r already exists; its password was left unchanged.")
                % {"username": DEMO_ADMIN_USERNAME}
            )
        self.stdout.write(
            _("Log in at http://127.0.0.1:8000/admin/ as %(username)s / %(password)s")
            % {"username": DEMO_ADMIN_USERNAME, "password": DEMO_ADMIN_PASSWORD}
        )
