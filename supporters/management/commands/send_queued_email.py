from django.core.management.base import BaseCommand

from supporters.tasks import retry_due_emails


class Command(BaseCommand):
    help = "Queue again every supporters' email whose next delivery attempt is due (e.g. after the mailer was down)."

    def handle(self, *args, **options):
        self.stdout.write(f"Queued {retry_due_emails()} emails.")
