from django.core.management.base import BaseCommand

from archive.demo import loader
from archive.management.quiet import quiet_wagtail_log


class Command(BaseCommand):
    help = (
        "Load the demo content (Center, units, campaigns, stories in Arabic, English and partly French). "
        "Safe to run again: it updates the same pages. Creates the demo admin account only when "
        "settings.MUNASARA_DEMO_ADMIN is on."
    )

    def handle(self, *args, **options):
        with quiet_wagtail_log(options["verbosity"]):
            report = loader.load_demo()
        pages = ", ".join(f"{code}: {count}" for code, count in sorted(report.pages.items()))
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({pages} pages; {report.images} images)."))
        if not report.admin_enabled:
            self.stdout.write("No demo admin account was created: MUNASARA_DEMO_ADMIN is off in these settings.")
            return
        if report.admin_created:
            self.stdout.write(f"Created the demo admin account {loader.DEMO_ADMIN_USERNAME!r}.")
        else:
            self.stdout.write(
                f"The account {loader.DEMO_ADMIN_USERNAME!r} already exists; its password was left unchanged."
            )
        self.stdout.write(
            f"Log in at http://127.0.0.1:8000/admin/ as {loader.DEMO_ADMIN_USERNAME} / {loader.DEMO_ADMIN_PASSWORD}"
        )
