from django.core.management.base import BaseCommand

from supporters.retention import prune_subscribers


class Command(BaseCommand):
    help = "Delete unconfirmed sign-ups, old unsubscribed addresses and undeliverable emails past their keeping time."

    def handle(self, *args, **options):
        counts = prune_subscribers()
        self.stdout.write(
            f"Deleted {counts['pending']} unconfirmed, {counts['unsubscribed']} unsubscribed, "
            f"{counts['emails']} undeliverable emails."
        )
