"""API fields of the report page: its PDF (served through Wagtail's document view) and its public incidents."""

from django.urls import reverse
from rest_framework import serializers

from core.api_references import absolute_url
from core.media import public_documents
from core.vocabulary_cache import VOCABULARIES, vocabulary_labels

from .reports import incident_summary, public_report_incidents


class ReportDocumentField(serializers.Field):
    """``{"id", "title", "filename", "download_url"}`` of the report's PDF, or null.

    The link goes through ``/documents/<id>/<file name>``, Wagtail's serve view, which applies the
    collection's privacy and our ``before_serve_document`` check; a document in a restricted
    collection is not listed at all (``core.media.public_documents``).
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        document = page.pdf
        if document is None or not public_documents().filter(pk=document.pk).exists():
            return None
        path = reverse("wagtaildocs_serve", args=(document.pk, document.filename))
        return {
            "id": document.pk,
            "title": document.title,
            "filename": document.filename,
            "download_url": absolute_url(self.context.get("request"), path),
        }


class ReportIncidentsField(serializers.Field):
    """The public incidents the report links, described in the report's language."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        language = page.locale.language_code
        vocabulary = {name: vocabulary_labels(name, language) for name in VOCABULARIES}
        return [incident_summary(incident, language, vocabulary) for incident in public_report_incidents(page)]
