import time

from django.core.management.base import BaseCommand, CommandError

from caching import outbox


class Command(BaseCommand):
    help = (
        "Apply the pending cache purges (changes made while the cache or the CDN did not answer). "
        "Run it from cron or beside search_sync in the worker, with --watch."
    )

    def add_arguments(self, parser):
        parser.add_argument("--watch", type=float, metavar="SECONDS", help="Keep running, checking every SECONDS.")
        parser.add_argument(
            "--keep-days", type=int, default=1, help="Forget purges applied more than this many days ago (default 1)."
        )

    def handle(self, *args, watch=None, keep_days=1, **options):
        if keep_days < 0:
            raise CommandError("--keep-days must be 0 or more.")
        while True:
            before = outbox.pending().count()
            failed = outbox.apply_pending()
            pruned = outbox.prune(keep_days)
            message = (
                f"Applied {before - failed} pending purge(s); {failed} still pending; {pruned} old record(s) pruned."
            )
            if watch is None:
                if failed:
                    raise CommandError(message + " The cache or the CDN did not answer.")
                self.stdout.write(self.style.SUCCESS(message))
                return
            if before or options["verbosity"] > 1:
                self.stdout.write(message)
            time.sleep(watch)
