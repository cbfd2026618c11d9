import time

from django.core.management.base import BaseCommand, CommandError

from search import indexer, outbox
from search.connection import engine_configured


class Command(BaseCommand):
    help = (
        "Apply the queued search index updates (changes made while the search engine was unreachable). "
        "Run it from cron or as the Procfile worker with --watch."
    )

    def add_arguments(self, parser):
        parser.add_argument("--watch", type=float, metavar="SECONDS", help="Keep running, checking every SECONDS.")
        parser.add_argument("--batch-size", type=int, default=indexer.BATCH_SIZE)
        parser.add_argument(
            "--keep-days", type=int, default=7, help="Forget updates applied more than this many days ago (default 7)."
        )

    def handle(self, *args, watch=None, batch_size=indexer.BATCH_SIZE, keep_days=7, **options):
        if not engine_configured():
            self.stdout.write("No search engine configured (ELASTICSEARCH_URL is unset): nothing to sync.")
            return
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more.")
        while True:
            applied, failed = indexer.apply_all(batch_size=batch_size)
            pruned = outbox.prune(keep_days)
            pending = outbox.pending_count()
            message = f"Applied {applied} queued update(s); {pending} pending; {pruned} old record(s) pruned."
            if failed:
                message += f" The search engine refused or could not be reached for {failed} update(s)."
            if watch is None:
                if failed:
                    raise CommandError(message)
                self.stdout.write(self.style.SUCCESS(message))
                return
            if applied or failed or options["verbosity"] > 1:
                self.stdout.write(message)
            time.sleep(watch)
