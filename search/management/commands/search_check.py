from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from core.visibility import public_pages
from search import incident_documents, indexer
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
        parser.add_argument("--show", type=int, default=20, metavar="N", help="List at most N document ids per kind.")

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
        missing, stale, expected = [], [], set()
        for start in range(0, len(public_ids), CHUNK):
            chunk = public_ids[start : start + CHUNK]
            pages = list(Page.objects.filter(pk__in=chunk).specific())
            self._compare(backend.page_actions(pages), indexed, missing, stale, expected)
        texts = incident_documents.public_texts().order_by("pk")
        for start in range(0, texts.count(), CHUNK):
            self._compare(backend.incident_actions(texts[start : start + CHUNK]), indexed, missing, stale, expected)
        extra = sorted(doc_id for doc_id in indexed if doc_id not in expected)

        for label, ids in (("missing", missing), ("stale", stale), ("extra", extra)):
            listed = ", ".join(str(pk) for pk in ids[:show]) + (" …" if len(ids) > show else "")
            self.stdout.write(f"{label}: {len(ids)}" + (f" ({listed})" if ids else ""))
        self.stdout.write(
            f"{len(public_ids)} public page(s), {texts.count()} public incident text(s), "
            f"{len(indexed)} document(s) in the index."
        )
        drift = missing + stale + extra
        if not drift:
            self.stdout.write(self.style.SUCCESS("The search index matches the database."))
            return
        if not fix:
            raise CommandError(f"The search index has drifted ({len(drift)} document(s)); run with --fix to repair.")
        page_ids = [int(doc_id) for doc_id in drift if doc_id.isdigit()]
        incident_ids = sorted({incident_documents.incident_of(doc_id) for doc_id in drift} - {None})
        try:
            for start in range(0, len(page_ids), CHUNK):
                indexer.write_pages(backend, page_ids[start : start + CHUNK])
            for start in range(0, len(incident_ids), CHUNK):
                indexer.write_incidents(backend, incident_ids[start : start + CHUNK])
            unknown = [doc_id for doc_id in extra if not (doc_id.isdigit() or incident_documents.incident_of(doc_id))]
            if unknown:
                backend.bulk_write([{"_op_type": "delete", "_id": doc_id} for doc_id in unknown], refresh=True)
        except Exception as error:  # noqa: BLE001
            raise CommandError(f"Repair failed: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Repaired {len(drift)} document(s)."))

    @staticmethod
    def _compare(actions, indexed, missing, stale, expected):
        for action in actions:
            doc_id = str(action["_id"])
            expected.add(doc_id)
            if doc_id not in indexed:
                missing.append(doc_id)
            elif indexed[doc_id] != action.get("m_digest"):
                stale.append(doc_id)
