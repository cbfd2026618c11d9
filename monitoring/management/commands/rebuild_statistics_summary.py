from django.core.management.base import BaseCommand

from monitoring.statistics_summary import rebuild_summary


class Command(BaseCommand):
    help = "Recount the monthly statistics summary from the public incidents (after bulk changes or raw SQL)."

    def handle(self, *args, **options):
        buckets = rebuild_summary()
        self.stdout.write(f"Statistics summary rebuilt: {buckets} buckets.")
