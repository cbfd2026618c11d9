"""Writing checked incident records (``incident_checks``): all in one transaction, matched by key.

A second import of the same file changes nothing. The CSV import and the archive importer both write
through :func:`write_records`.
"""

import uuid
from dataclasses import dataclass

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from wagtail.models import Locale

from core.i18n import SOURCE_LANGUAGE

from .incident_checks import Vocabulary
from .incidents import Incident, IncidentSource, IncidentStatus, IncidentText


class VerifiedIncidentsChangedError(Exception):
    """The import would change verified incidents the importing user may not change; ``records`` lists them."""

    def __init__(self, records):
        self.records = records
        super().__init__(", ".join(record.key for record in records))


@dataclass
class WriteResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self):
        return self.created + self.updated + self.unchanged


def _facts(record, vocabulary):
    return {
        "date": record.date,
        "date_end": record.date_end,
        "violation_type_id": vocabulary.violation_types[record.violation_type],
        "neighbourhood_id": vocabulary.neighbourhoods[record.neighbourhood],
        "latitude": record.latitude,
        "longitude": record.longitude,
        "people_affected": record.people_affected,
        "children_affected": record.children_affected,
        "women_affected": record.women_affected,
    }


def _sources_of(record, existing):
    """The (type, reference, confidential) the incident should have after the import."""
    public = record.public_sources
    confidential = record.confidential_sources
    if public is None:
        public = [(kind, reference) for kind, reference, secret in existing if not secret]
    if confidential is None:
        confidential = [(kind, reference) for kind, reference, secret in existing if secret]
    return [(kind, reference, False) for kind, reference in public] + [
        (kind, reference, True) for kind, reference in confidential
    ]


# Sent with ``incident_ids`` after an import wrote incidents in bulk, which sends no save signals:
# what is kept beside them (the search index, above this app) catches up from it.
incidents_written = Signal()


@transaction.atomic
def write_records(records, *, verify=False, user=None, progress=None, protect_verified=False):
    """Create or update the incidents of checked ``records`` (matched by key); return a WriteResult.

    ``verify``: mark every written incident verified (the reviewed record); otherwise new incidents are
    drafts and existing ones keep their status. An incident whose facts, texts and sources already
    match its record is not touched, so importing a file twice writes nothing the second time.
    ``protect_verified``: raise VerifiedIncidentsChangedError (writing nothing) if a verified incident would change.

    New rows are written in bulk and changed ones by one UPDATE each, so no save signals are sent: the
    statistics summary is rebuilt once, here.
    """
    plan = _Plan([record.key for record in records], verify=verify, user=user)
    for record in progress(records) if progress else records:
        plan.add(record)
    if protect_verified and plan.refused:
        raise VerifiedIncidentsChangedError(plan.refused)
    plan.write()
    if plan.result.created or plan.result.updated:
        from .statistics_summary import rebuild_summary

        rebuild_summary()
        written = [incident.pk for incident, _record in plan.new] + [incident.pk for incident in plan.touched]
        incidents_written.send(sender=Incident, incident_ids=written)
    return plan.result


class _Plan:
    """What an import changes, gathered record by record, then written in bulk."""

    def __init__(self, keys, *, verify, user):
        self.verify, self.user, self.now = verify, user, timezone.now()
        self.vocabulary = Vocabulary()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.existing = {incident.key: incident for incident in Incident.objects.filter(key__in=keys)}
        # Plain values, not model instances: an import of 10,000 rows reads some 50,000 texts and sources.
        self.texts = {}  # (incident id, language) → [pk, translation_key, description, legal_analysis]
        for pk, incident_id, language, translation_key, description, analysis in IncidentText.objects.filter(
            incident__key__in=keys
        ).values_list("pk", "incident_id", "locale__language_code", "translation_key", "description", "legal_analysis"):
            self.texts[(incident_id, language)] = [pk, translation_key, description, analysis]
        self.sources = {}
        for incident_id, *source in (
            IncidentSource.objects.filter(incident__key__in=keys)
            .order_by("pk")
            .values_list("incident_id", "source_type", "reference", "confidential")
        ):
            self.sources.setdefault(incident_id, []).append(tuple(source))
        self.result = WriteResult()
        self.new = []  # (incident, record)
        self.changed_incidents, self.new_texts, self.changed_texts = [], [], []
        self.replaced_sources = {}  # incident → wanted sources
        self.touched = []  # existing incidents whose facts, texts or sources change
        self.refused = []

    def add(self, record):
        facts = _facts(record, self.vocabulary)
        incident = self.existing.get(record.key)
        if incident is None:
            incident = Incident(key=record.key, **facts)
            self._mark_verified(incident)
            self.new.append((incident, record))
            return
        was_verified = incident.status == IncidentStatus.VERIFIED
        dirty = any(getattr(incident, name) != value for name, value in facts.items())
        if dirty:
            for name, value in facts.items():
                setattr(incident, name, value)
        if self._mark_verified(incident):
            dirty = True
        texts_changed = self._plan_texts(incident, record)
        wanted = _sources_of(record, self.sources.get(incident.pk, []))
        sources_changed = wanted != self.sources.get(incident.pk, [])
        if sources_changed:
            self.replaced_sources[incident] = wanted
        if dirty:
            incident.updated_at = self.now
            self.changed_incidents.append(incident)
        if dirty or texts_changed or sources_changed:
            self.touched.append(incident)
            self.result.updated += 1
            if was_verified:
                self.refused.append(record)
        else:
            self.result.unchanged += 1

    def _mark_verified(self, incident):
        if not self.verify or incident.status == IncidentStatus.VERIFIED:
            return False
        incident.status, incident.verified_at, incident.verified_by = IncidentStatus.VERIFIED, self.now, self.user
        return True

    def _plan_texts(self, incident, record, translation_key=None):
        """Queue the incident's texts to create or update; True if any."""
        changed = False
        source = self.texts.get((incident.pk, SOURCE_LANGUAGE)) if incident.pk else None
        translation_key = translation_key or (source[1] if source else uuid.uuid4())
        for code, description in record.descriptions.items():
            analysis = record.legal_analyses.get(code, "")
            if not description or code not in self.locales:
                continue
            text = self.texts.get((incident.pk, code)) if incident.pk else None
            if text is None:
                self.new_texts.append(
                    IncidentText(
                        incident=incident,
                        locale=self.locales[code],
                        translation_key=translation_key,
                        description=description,
                        legal_analysis=analysis,
                    )
                )
                changed = True
            elif (text[2], text[3]) != (description, analysis):
                self.changed_texts.append((text[0], description, analysis))
                changed = True
        return changed

    def write(self):
        # One UPDATE per changed row: bulk_update's CASE expressions grow with the batch and are slower.
        columns = [*_FACT_COLUMNS, "status", "verified_at", "verified_by_id", "updated_at"]
        for incident in self.changed_incidents:
            Incident.objects.filter(pk=incident.pk).update(**{name: getattr(incident, name) for name in columns})
        if self.new:
            Incident.objects.bulk_create([incident for incident, _record in self.new], batch_size=1000)
            if any(incident.pk is None for incident, _record in self.new):  # a database that returns no ids
                keys = [incident.key for incident, _record in self.new]
                ids = dict(Incident.objects.filter(key__in=keys).values_list("key", "pk"))
                for incident, _record in self.new:
                    incident.pk = ids[incident.key]
            for incident, record in self.new:
                self._plan_texts(incident, record, translation_key=uuid.uuid4())
                self.replaced_sources[incident] = _sources_of(record, [])
            self.result.created = len(self.new)
        IncidentText.objects.bulk_create(self.new_texts, batch_size=1000)
        for text in self.changed_texts:
            IncidentText.objects.filter(pk=text.pk).update(
                description=text.description, legal_analysis=text.legal_analysis
            )
        IncidentSource.objects.filter(incident__in=[incident.pk for incident in self.replaced_sources]).delete()
        IncidentSource.objects.bulk_create(
            (
                IncidentSource(incident=incident, source_type=kind, reference=reference, confidential=secret)
                for incident, wanted in self.replaced_sources.items()
                for kind, reference, secret in wanted
            ),
            batch_size=1000,
        )


_FACT_COLUMNS = (
    "date",
    "date_end",
    "violation_type_id",
    "neighbourhood_id",
    "latitude",
    "longitude",
    "people_affected",
    "children_affected",
    "women_affected",
)
