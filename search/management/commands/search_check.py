from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from core.visibility import public_pages
from search import indexer
from search.connection import engine_backend

CHUNK = 500


class Command(BaseCommand):
    help = (
        "Compare the public search index with the database: documents missing from the index, stale "
        "(different from what the page would produce now) or extra (a page that is gone or no longer public). "
        "With --fix, repair them. Exits non-zero when drift is found and not fixed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Write missing and stale documents, delete extra ones.")
        parser.add_argument("--show", type=int, default=20, metavar="N", help="List at most N page ids per kind.")

    def handle(self, *args, fix=False, show=20, **options):
        backend = engine_backend()
        if backend is None:
            self.stdout.write("No search engine configured (ELASTICSEARCH_URL is unset): nothing to check.")
            return
        try:
            indexed = backend.scan_digests()
        except Exception as error:  # noqa: BLE001
            raise CommandError(f"Could not read the search index: {error}") from error

        public_ids = list(public_pages(Page.objects.exclude(depth=1)).order_by("pk").values_list("pk", flat=True))
        missing, stale = [], []
        for start in range(0, len(public_ids), CHUNK):
            chunk = public_ids[start : start + CHUNK]
            pages = list(Page.objects.filter(pk__in=chunk).specific())
            for action in backend.page_actions(pages):
                pk = int(action["_id"])
                if pk not in indexed:
                    missing.append(pk)
                elif indexed[pk] != action.get("m_digest"):
                    stale.append(pk)
        public_set = set(public_ids)
        extra = sorted(pk for pk in indexed if pk not in public_set)

        for label, ids in (("missing", missing), ("stale", stale), ("extra", extra)):
            listed = ", ".join(str(pk) for pk in ids[:show]) + (" …" if len(ids) > show else "")
            self.stdout.write(f"{label}: {len(ids)}" + (f" ({listed})" if ids else ""))
        self.stdout.write(f"{len(public_ids)} public page(s), {len(indexed)} document(s) in the index.")
        drift = missing + stale + extra
        if not drift:
            self.stdout.write(self.style.SUCCESS("The search index matches the database."))
            return
        if not fix:
            raise CommandError(f"The search index has drifted ({len(drift)} document(s)); run with --fix to repair.")
        for start in range(0, len(drift), CHUNK):
            try:
                indexer.write_pages(backend, drift[start : start + CHUNK])
            except Exception as error:  # noqa: BLE001
                raise CommandError(f"Repair failed: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Repaired {len(drift)} document(s)."))
