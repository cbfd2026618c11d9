"""The structured record of violations: incidents, their sources and the law they breach.

An incident's facts (dates, counts, type, place, status, sources, links) live in ONE ``Incident``
row, whatever the language: they must never fork between translations. Its texts (the description
and the legal analysis) are an ``IncidentText``, a translatable snippet with one row per locale,
tied to the incident and translated through wagtail-localize like any other snippet. See README.md.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.i18n import SOURCE_LANGUAGE

DESCRIPTION_MAX_LENGTH = 5000
REFERENCE_MAX_LENGTH = 500


class IncidentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    VERIFIED = "verified", _("Verified")


class SourceType(models.TextChoices):
    FIELD_VISIT = "field-visit", _("Field visit")
    FAMILY_TESTIMONY = "family-testimony", _("Family testimony")
    COURT_DOCUMENT = "court-document", _("Court document")
    OFFICIAL_DOCUMENT = "official-document", _("Official document")
    MEDIA_REPORT = "media-report", _("Media report")


class LegalReference(TranslatableMixin, index.Indexed, models.Model):
    """A provision of law an incident may breach; the title is translated, instrument and article are facts."""

    instrument = models.CharField(_("instrument"), max_length=255)
    article = models.CharField(_("article"), max_length=50)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)

    translatable_fields = [
        TranslatableField("instrument"),
        TranslatableField("title"),
        TranslatableField("summary"),
        SynchronizedField("article", overridable=False),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("instrument"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("legal reference")
        verbose_name_plural = _("legal references")
        ordering = ["instrument", "article"]

    def __str__(self):
        return f"{self.instrument}, {self.article}: {self.title}"


class Incident(RevisionMixin, ClusterableModel):
    """One documented violation; the facts, the same in every language.

    The admin searches the database (drafts included); the public search finds verified incidents
    through their texts (``IncidentText``), filtered by ``records.public_incidents()`` (see search/README.md).
    """

    key = models.SlugField(
        _("key"), max_length=100, unique=True, help_text=_("The record's key in archives and CSV files.")
    )
    date = models.DateField(_("date"), db_index=True)
    date_end = models.DateField(_("end date"), null=True, blank=True, help_text=_("For an incident over several days."))
    violation_type = models.ForeignKey(
        "core.ViolationType", verbose_name=_("violation type"), on_delete=models.PROTECT, related_name="incidents"
    )
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood", verbose_name=_("neighbourhood"), on_delete=models.PROTECT, related_name="incidents"
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    people_affected = models.PositiveIntegerField(_("people affected"), default=0)
    children_affected = models.PositiveIntegerField(_("of whom children"), default=0)
    women_affected = models.PositiveIntegerField(_("of whom women"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=IncidentStatus.choices, default=IncidentStatus.DRAFT, db_index=True
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_references = ParentalManyToManyField(
        LegalReference, verbose_name=_("legal references"), blank=True, related_name="incidents"
    )
    stories = ParentalManyToManyField(
        "stories.StoryPage", verbose_name=_("stories"), blank=True, related_name="incidents"
    )
    campaigns = ParentalManyToManyField(
        "campaigns.CampaignPage", verbose_name=_("campaigns"), blank=True, related_name="incidents"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-date", "key"]
        permissions = [("verify_incident", _("Can verify incidents"))]
        indexes = [models.Index(fields=["status", "date"], name="monitoring_status_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(children_affected__lte=models.F("people_affected")), name="incident_children_within_people"
            ),
            models.CheckConstraint(
                condition=Q(women_affected__lte=models.F("people_affected")), name="incident_women_within_people"
            ),
            models.CheckConstraint(
                condition=Q(date_end__isnull=True) | Q(date_end__gte=models.F("date")), name="incident_end_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.key} ({self.date.isoformat() if self.date else ''})"

    @property
    def is_verified(self):
        return self.status == IncidentStatus.VERIFIED

    def clean(self):
        super().clean()
        errors = {}
        if self.date and self.date_end and self.date_end < self.date:
            errors["date_end"] = _("The end date is before the date.")
        people = self.people_affected or 0
        if (self.children_affected or 0) > people:
            errors["children_affected"] = _("More children than people affected.")
        if (self.women_affected or 0) > people:
            errors["women_affected"] = _("More women than people affected.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _("Give both coordinates or neither.")
        if errors:
            raise ValidationError(errors)

    def text_in(self, language):
        """This incident's IncidentText in ``language`` (None when it has none in that language)."""
        texts = getattr(self, "_prefetched_objects_cache", {}).get("texts")
        if texts is not None:
            return next((text for text in texts if text.locale.language_code == language), None)
        return self.texts.filter(locale__language_code=language).first()

    def description_in(self, language=SOURCE_LANGUAGE):
        """The description in ``language``; the Arabic source when there is no translation; "" when none."""
        text = self.text_in(language) or (self.text_in(SOURCE_LANGUAGE) if language != SOURCE_LANGUAGE else None)
        return text.description if text else ""

    def legal_analysis_in(self, language=SOURCE_LANGUAGE):
        text = self.text_in(language) or (self.text_in(SOURCE_LANGUAGE) if language != SOURCE_LANGUAGE else None)
        return text.legal_analysis if text else ""


class IncidentText(TranslatableMixin, index.Indexed, models.Model):
    """An incident's words in one language: the description and the legal analysis.

    The Arabic row is the source; wagtail-localize makes and syncs the others. ``incident`` is
    synchronised: every translation names the same incident, so the facts are never copied.
    The description is in the database search index, for the public search on the database backend,
    which returns only those of ``records.public_incidents()``.
    """

    incident = models.ForeignKey(Incident, verbose_name=_("incident"), on_delete=models.CASCADE, related_name="texts")
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH)
    legal_analysis = models.TextField(_("legal analysis"), blank=True, max_length=DESCRIPTION_MAX_LENGTH)

    translatable_fields = [
        TranslatableField("description"),
        TranslatableField("legal_analysis"),
        SynchronizedField("incident", overridable=False),
    ]
    search_fields = [index.SearchField("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("incident text")
        verbose_name_plural = _("incident texts")
        unique_together = [("translation_key", "locale"), ("incident", "locale")]

    def __str__(self):
        return f"{self.incident.key} [{self.locale.language_code}]"


class IncidentSource(models.Model):
    """Where the unit learned of an incident. A confidential source is for staff only, never public."""

    incident = ParentalKey(Incident, verbose_name=_("incident"), on_delete=models.CASCADE, related_name="sources")
    source_type = models.CharField(_("type"), max_length=30, choices=SourceType.choices)
    reference = models.CharField(_("reference"), max_length=REFERENCE_MAX_LENGTH, blank=True)
    confidential = models.BooleanField(
        _("confidential"), default=False, help_text=_("Never shown on the site, the API, search or exports.")
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_source_type_display()}: {self.reference}"
